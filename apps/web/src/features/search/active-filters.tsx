import { useI18n } from '../../lib/i18n.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { FACETS, type FacetName } from './search-state.ts';
import { FACET_TITLE, useFacetValueLabel } from './use-facet-value-label.tsx';

interface ActiveFiltersProps {
  filters: Record<FacetName, string>;
  onRemove: (facet: FacetName) => void;
  onClear: () => void;
}

/** The filters in force, each a chip with a remove button. */
export function ActiveFilters({ filters, onRemove, onClear }: ActiveFiltersProps) {
  const { t } = useI18n();
  const label = useFacetValueLabel();
  const active = FACETS.filter((f) => filters[f]);
  if (active.length === 0) return null;
  return (
    <div className="active-filters">
      <h2 className="h6 active-filters-title" id="active-filters-title">
        {t('search.active_filters')}
      </h2>
      <ul className="active-filters-list" aria-labelledby="active-filters-title">
        {active.map((facet) => {
          const text = label.text(facet, filters[facet]);
          return (
            <li key={facet} className="chip chip-simple chip-lg active-filter">
              <span className="chip-label">
                <span className="active-filter-facet">{t(FACET_TITLE[facet])}:</span>{' '}
                {label.node(facet, filters[facet])}
              </span>
              <button
                type="button"
                onClick={() => onRemove(facet)}
                aria-label={t('search.remove_filter', { filter: `${t(FACET_TITLE[facet])}: ${text}` })}
              >
                <Icon name="close" />
              </button>
            </li>
          );
        })}
      </ul>
      {active.length > 1 ? (
        <button type="button" className="btn btn-link btn-sm px-0" onClick={onClear}>
          {t('search.clear_filters')}
        </button>
      ) : null}
    </div>
  );
}
