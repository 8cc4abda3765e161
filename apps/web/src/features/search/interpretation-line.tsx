import { Link } from 'react-router';
import type { SearchResponse } from '@clock/contracts';
import { useI18n } from '../../lib/i18n.tsx';

interface InterpretationLineProps {
  query: string;
  interpretation: SearchResponse['interpretation'];
}

/** Applies the server's word corrections to the query, keeping the other words as typed. */
export function correctedQuery(query: string, corrections: { from: string; to: string }[]): string {
  return query
    .split(/(\s+)/)
    .map((word) => corrections.find((c) => c.from.toLowerCase() === word.toLowerCase())?.to ?? word)
    .join('');
}

/** "Understood as": the words the search corrected and the concepts it recognised in the query. */
export function InterpretationLine({ query, interpretation }: InterpretationLineProps) {
  const { t } = useI18n();
  if (!interpretation) return null;
  const { corrections, concepts } = interpretation;
  if (corrections.length === 0 && concepts.length === 0) return null;
  const corrected = correctedQuery(query, corrections);
  return (
    <div className="interpretation">
      {corrections.length > 0 ? (
        <p className="mb-1">
          {t('search.understood_as')}{' '}
          <strong>
            <Link to={`/cerca?q=${encodeURIComponent(corrected)}`}>{corrected}</Link>
          </strong>{' '}
          <span className="interpretation-detail">
            ({corrections.map((c) => t('search.correction', { from: c.from, to: c.to })).join(', ')})
          </span>
        </p>
      ) : null}
      {concepts.length > 0 ? (
        <p className="mb-0">
          {t('search.concepts')}{' '}
          {concepts.map((c, i) => (
            <span key={c.id}>
              {i > 0 ? ', ' : ''}
              <span className="concept">{c.label}</span>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
