import { useId, useState } from 'react';
import type { SearchResponse } from '@clock/contracts';
import { useI18n } from '../../lib/i18n.tsx';
import { FACETS, type FacetName } from './search-state.ts';
import { FACET_TITLE, useFacetValueLabel } from './use-facet-value-label.tsx';

const COLLAPSED_SIZE = 6;

interface FacetGroupProps {
  facet: FacetName;
  counts: { value: string; count: number }[];
  selected: string;
  onToggle: (facet: FacetName, value: string, checked: boolean) => void;
}

function FacetGroup({ facet, counts, selected, onToggle }: FacetGroupProps) {
  const baseId = useId();
  const { t, tp, formatNumber } = useI18n();
  const label = useFacetValueLabel();
  const [expanded, setExpanded] = useState(false);
  // The selected value stays listed even when the answer no longer counts it.
  const rows =
    selected && !counts.some((c) => c.value === selected) ? [{ value: selected, count: 0 }, ...counts] : counts;
  if (rows.length === 0) return null;
  const visible = expanded ? rows : rows.slice(0, COLLAPSED_SIZE);
  const hidden = rows.length - visible.length;
  const listId = `${baseId}-list`;
  return (
    <fieldset className="facet-group">
      <legend className="facet-legend">{t(FACET_TITLE[facet])}</legend>
      <ul className="facet-list" id={listId}>
        {visible.map((row) => {
          const id = `${baseId}-${row.value}`;
          return (
            <li key={row.value} className="form-check facet-option">
              <input
                id={id}
                type="checkbox"
                checked={row.value === selected}
                onChange={(e) => onToggle(facet, row.value, e.target.checked)}
              />
              <label htmlFor={id}>
                <span className="facet-option-label">{label.node(facet, row.value)}</span>{' '}
                <span className="facet-count">
                  <span aria-hidden="true">{formatNumber(row.count)}</span>
                  <span className="visually-hidden">({tp('search.facet_count', row.count)})</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {rows.length > COLLAPSED_SIZE ? (
        <button
          type="button"
          className="btn btn-link btn-sm px-0 facet-more"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? t('search.facet_less') : tp('search.facet_more', hidden)}
        </button>
      ) : null}
    </fieldset>
  );
}

interface SearchFacetsProps {
  facets: SearchResponse['facets'] | undefined;
  selected: Record<FacetName, string>;
  onToggle: (facet: FacetName, value: string, checked: boolean) => void;
}

/** One group of checkboxes per facet; each facet takes one value, so checking another replaces it. */
export function SearchFacets({ facets, selected, onToggle }: SearchFacetsProps) {
  const { t } = useI18n();
  return (
    <div className="search-facets">
      <p className="facet-help">{t('search.facets_help')}</p>
      {FACETS.map((facet) => (
        <FacetGroup
          key={facet}
          facet={facet}
          counts={facets?.[facet] ?? []}
          selected={selected[facet]}
          onToggle={onToggle}
        />
      ))}
    </div>
  );
}
