import { Link } from 'react-router';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { opportunityEndpoints, type Counterpart, type Opportunity } from './opportunity-api.ts';
import './brokerage-messages.ts';

/** The phrases that matched, each once (the engine lists them per field and per aspect). */
function phrases(c: Counterpart): string[] {
  const seen = new Map<string, string>();
  for (const w of c.why) for (const m of w.matched) if (!seen.has(m.toLowerCase())) seen.set(m.toLowerCase(), m);
  return [...seen.values()];
}

/**
 * Suggested counterparts of an opportunity (its company and its handling centre): other opportunities and company
 * profiles ranked by the matching engine, each with the phrases that matched. An anonymous counterpart stays so.
 */
export function MatchesPanel({ o }: { o: Opportunity }) {
  const { t, lang, formatNumber } = useI18n();
  const list = useApi<{ items: Counterpart[]; truncated: boolean }>(opportunityEndpoints.matches(o.id, lang), {
    fresh: true,
  });
  return (
    <section aria-labelledby="matches-title" className="mb-4">
      <h2 id="matches-title" className="h4">
        {t('brokerage.matches.title')}
      </h2>
      <p>{t('brokerage.matches.lead')}</p>
      {list.error ? (
        <ProblemAlert error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState />
      ) : list.data.items.length === 0 ? (
        <p>{t('brokerage.matches.none')}</p>
      ) : (
        <ol className="ps-3">
          {list.data.items.map((c) => (
            <li key={`${c.type}:${c.id}`} className="mb-3">
              {c.type === 'opportunity' ? (
                <Link to={`/opportunita/${c.id}`}>{c.title}</Link>
              ) : (
                <Link to={`/organizzazioni/${c.id}`}>{c.title}</Link>
              )}
              <br />
              <small>
                {c.type === 'opportunity' && c.kind
                  ? t(`brokerage.kind.${c.kind}` as 'brokerage.kind.business-offer')
                  : t('brokerage.matches.company')}
                {' · '}
                {c.company ? c.company.name : t('brokerage.anonymous')}
                {' · '}
                {t('brokerage.matches.score', { score: formatNumber(Math.round(c.score * 100) / 100) })}
              </small>
              {phrases(c).length ? (
                <p className="small mb-0">
                  {t('brokerage.matches.why')}: {phrases(c).join(', ')}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
