import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import type { MessageKey } from '../../lib/messages.it.ts';
import { LocalizedText } from '../../components/ui/localized-text.tsx';
import { useReferenceData, type TaxonomyFacet } from './reference-data.tsx';

/** The label of a taxonomy code in the current language (the code itself until labels load). */
export function TermLabel({ facet, code }: { facet: TaxonomyFacet; code: string }) {
  const { term } = useReferenceData();
  const found = term(facet, code);
  if (!found) return <span>{code}</span>;
  return <LocalizedText value={found.label} note={false} />;
}

/** The plain-text label, for places that take a string (titles, option elements). */
export function useTermText() {
  const { term } = useReferenceData();
  const { pick } = useI18n();
  return (facet: TaxonomyFacet, code: string) => pick(term(facet, code)?.label)?.text ?? code;
}

const FACET_TITLE: Record<TaxonomyFacet, MessageKey> = {
  sector: 'facet.sector',
  filiera: 'facet.filiera',
  s3: 'facet.s3',
  technologyArea: 'facet.technologyArea',
};

interface TermListProps {
  facet: TaxonomyFacet;
  codes: string[] | undefined;
  /** Link each term to the search filtered by it. */
  linkToSearch?: boolean;
}

/** A row of chips naming the terms of one taxonomy, for a definition list. */
export function TermChips({ facet, codes, linkToSearch = false }: TermListProps) {
  if (!codes?.length) return null;
  const searchParam = facet === 'technologyArea' ? undefined : facet;
  return (
    <ul className="term-chips">
      {codes.map((code) => (
        <li key={code}>
          {linkToSearch && searchParam ? (
            <Link className="term-chip term-chip-link" to={`/cerca?${searchParam}=${encodeURIComponent(code)}`}>
              <TermLabel facet={facet} code={code} />
            </Link>
          ) : (
            <span className="term-chip">
              <TermLabel facet={facet} code={code} />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function useFacetTitle() {
  const { t } = useI18n();
  return (facet: TaxonomyFacet) => t(FACET_TITLE[facet]);
}
