import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { SearchResponse } from '@clock/contracts';
import { endpoints } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { withParams } from '../../lib/url-state.ts';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { SearchBox } from './search-box.tsx';
import { SearchFacets } from './search-facets.tsx';
import { ActiveFilters } from './active-filters.tsx';
import { SearchResults } from './search-results.tsx';
import { InterpretationLine } from './interpretation-line.tsx';
import { FACETS, hasCriteria, readSearchState, SEARCH_PAGE_SIZE, type FacetName } from './search-state.ts';
import './search-messages.ts';

/** The search page's body: query, facets, active filters, results and pages, all kept in the URL. */
export function SearchView() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { t, tp, lang } = useI18n();
  const state = readSearchState(params);
  const criteria = hasCriteria(state);
  const url = criteria
    ? endpoints.search({ q: state.q || undefined, lang, ...state.filters, page: state.page, limit: SEARCH_PAGE_SIZE })
    : null;
  const result = useApi<SearchResponse>(url);

  // While the next answer loads, the previous one stays on screen (marked busy) so facets do not jump.
  const previous = useRef<SearchResponse | undefined>(undefined);
  if (result.data) previous.current = result.data;
  const shown = result.data ?? (result.loading && criteria ? previous.current : undefined);

  const [filtersOpen, setFiltersOpen] = useState(false);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const lastPage = useRef(state.page);
  useEffect(() => {
    if (lastPage.current !== state.page) resultsHeading.current?.focus();
    lastPage.current = state.page;
  }, [state.page]);

  const go = (changes: Record<string, string | undefined>) =>
    // flushSync: a checkbox or select reflects the new URL at once, not after a transition.
    navigate({ search: withParams(params, { ...changes, page: undefined }) }, { flushSync: true });
  const onToggle = (facet: FacetName, value: string, checked: boolean) => go({ [facet]: checked ? value : undefined });
  const clearFilters = () => go(Object.fromEntries(FACETS.map((f) => [f, undefined])));

  let status = '';
  if (!criteria) status = '';
  else if (result.loading) status = t('search.searching');
  else if (result.data) {
    status = state.q
      ? tp('search.count_for', result.data.total, { query: state.q })
      : tp('search.count', result.data.total);
  }

  return (
    <div className="search-view">
      <SearchBox variant="page" initialQuery={state.q} onSearch={(q) => go({ q: q || undefined })} />

      <p className="search-status" role="status" aria-live="polite">
        {status}
      </p>

      {shown && state.q ? <InterpretationLine query={state.q} interpretation={shown.interpretation} /> : null}

      {!criteria ? (
        <EmptyState
          action={
            <p className="mb-0">
              {t('search.examples')}{' '}
              {[t('search.example_1'), t('search.example_2'), t('search.example_3'), t('search.example_4')].map(
                (ex, i) => (
                  <span key={ex}>
                    {i > 0 ? ', ' : ''}
                    <Link to={`/cerca?q=${encodeURIComponent(ex)}`}>{ex}</Link>
                  </span>
                ),
              )}
            </p>
          }
        >
          {t('search.start')}
        </EmptyState>
      ) : null}

      {result.error ? <ProblemAlert error={result.error} onRetry={result.reload} /> : null}

      {shown?.degraded ? (
        <div className="alert alert-warning search-provisional" role="note">
          <h2 className="h5 alert-heading">{t('search.provisional.title')}</h2>
          <p>{t('search.provisional.body')}</p>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={result.reload}>
            {t('search.provisional.refresh')}
          </button>
        </div>
      ) : null}

      {criteria ? (
        <>
          <ActiveFilters filters={state.filters} onRemove={(f) => go({ [f]: undefined })} onClear={clearFilters} />
          <div className="row g-4">
            <div className="col-lg-3">
              <section aria-labelledby="search-filters-title" className="search-filters">
                <h2 id="search-filters-title" className="h5 search-filters-title">
                  {t('search.filters')}
                </h2>
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm d-lg-none mb-3 filters-toggle"
                  aria-expanded={filtersOpen}
                  aria-controls="search-facets-panel"
                  onClick={() => setFiltersOpen((v) => !v)}
                >
                  <Icon name={filtersOpen ? 'collapse' : 'expand'} className="icon-sm icon-primary" />
                  {filtersOpen ? t('search.hide_filters') : t('search.show_filters')}
                </button>
                <div id="search-facets-panel" className={filtersOpen ? 'facets-panel open' : 'facets-panel'}>
                  <SearchFacets facets={shown?.facets} selected={state.filters} onToggle={onToggle} />
                </div>
              </section>
            </div>
            <div className="col-lg-9">
              <section aria-labelledby="search-results-title" aria-busy={result.loading}>
                <h2 id="search-results-title" ref={resultsHeading} tabIndex={-1} className="h5">
                  {t('search.results')}
                  {shown && shown.total > SEARCH_PAGE_SIZE
                    ? ` – ${t('search.page_of', { page: state.page, pages: Math.ceil(shown.total / SEARCH_PAGE_SIZE) })}`
                    : ''}
                </h2>
                {result.loading && !shown ? <LoadingState label={t('search.searching')} /> : null}
                {shown && shown.hits.length > 0 ? (
                  <>
                    <SearchResults hits={shown.hits} startAt={(shown.page - 1) * shown.limit + 1} />
                    <Pagination
                      page={shown.page}
                      total={shown.total}
                      limit={shown.limit}
                      hrefFor={(page) => `/cerca${withParams(params, { page: page > 1 ? page : undefined })}`}
                      label={t('search.pagination')}
                    />
                  </>
                ) : null}
                {result.data && result.data.hits.length === 0 ? (
                  <EmptyState>{state.q ? t('search.none_for', { query: state.q }) : t('search.none')}</EmptyState>
                ) : null}
              </section>
            </div>
          </div>
        </>
      ) : null}
    </div>
  );
}
