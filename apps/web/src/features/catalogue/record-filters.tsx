import { useId } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { useReferenceData, type TaxonomyFacet } from './reference-data.tsx';
import { useFacetTitle, useTermText } from './term-label.tsx';

export type ListFilterName = 'organization' | 'sector' | 'filiera';

interface RecordFiltersProps {
  values: Record<ListFilterName, string>;
  /** The codes worth offering (those used by records of this type); all known terms when absent. */
  options?: Partial<Record<'sector' | 'filiera', string[]>>;
  /** Experts carry no sectors or supply chains: their list filters by organisation only. */
  byOrganizationOnly?: boolean;
  onChange: (name: ListFilterName, value: string) => void;
  onClear: () => void;
}

// The sector taxonomy is the whole NACE tree (about a thousand terms); without a list of used codes, offer its divisions.
const NACE_DIVISION = /^[A-U]\d{2}$/;

interface TermSelectProps {
  facet: TaxonomyFacet & ListFilterName;
  value: string;
  codes: string[] | undefined;
  onChange: (v: string) => void;
}

function TermSelect({ facet, value, codes, onChange }: TermSelectProps) {
  const id = useId();
  const { t } = useI18n();
  const { taxonomies } = useReferenceData();
  const facetTitle = useFacetTitle();
  const termText = useTermText();
  const all = (taxonomies?.[facet] ?? []).map((term) => term.code);
  const offered = codes ?? (facet === 'sector' ? all.filter((c) => NACE_DIVISION.test(c)) : all);
  const sorted = [...new Set(offered)].sort((a, b) => termText(facet, a).localeCompare(termText(facet, b)));
  const known = sorted.includes(value);
  return (
    <div className="select-wrapper">
      <label htmlFor={id}>{facetTitle(facet)}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('filters.any')}</option>
        {!known && value ? <option value={value}>{value}</option> : null}
        {sorted.map((code) => (
          <option key={code} value={code}>
            {termText(facet, code)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Organisation, sector and supply-chain selects of a list page; each change applies at once. */
export function RecordFilters({ values, options, byOrganizationOnly = false, onChange, onClear }: RecordFiltersProps) {
  const orgId = useId();
  const { t } = useI18n();
  const { organizations } = useReferenceData();
  const sorted = [...organizations].sort((a, b) => (a.shortName ?? a.name).localeCompare(b.shortName ?? b.name));
  const known = sorted.some((o) => o.id === values.organization);
  const active = Object.values(values).some(Boolean);
  return (
    <form className="record-filters" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="row g-3 align-items-end">
        <div className="col-12 col-md-4">
          <div className="select-wrapper">
            <label htmlFor={orgId}>{t('facet.organization')}</label>
            <select id={orgId} value={values.organization} onChange={(e) => onChange('organization', e.target.value)}>
              <option value="">{t('filters.any_organization')}</option>
              {!known && values.organization ? (
                <option value={values.organization}>{values.organization}</option>
              ) : null}
              {sorted.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.shortName ?? org.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {byOrganizationOnly ? null : (
          <>
            <div className="col-12 col-md-4">
              <TermSelect
                facet="sector"
                value={values.sector}
                codes={options?.sector}
                onChange={(v) => onChange('sector', v)}
              />
            </div>
            <div className="col-12 col-md-4">
              <TermSelect
                facet="filiera"
                value={values.filiera}
                codes={options?.filiera}
                onChange={(v) => onChange('filiera', v)}
              />
            </div>
          </>
        )}
      </div>
      {active ? (
        <button type="button" className="btn btn-link px-0 mt-2" onClick={onClear}>
          {t('filters.clear')}
        </button>
      ) : null}
    </form>
  );
}
