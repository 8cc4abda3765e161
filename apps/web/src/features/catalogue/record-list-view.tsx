import { useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { endpoints, type CatalogueRecord, type Page, type SearchResponse } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { pageParam, withParams } from '../../lib/url-state.ts';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { RECORD_KINDS, type RecordType } from './record-kinds.ts';
import { RecordFilters, type ListFilterName } from './record-filters.tsx';
import { RecordCard } from './record-card.tsx';
import { useFocusOnPageChange } from './use-page-focus.ts';

const PAGE_SIZE = 20;
const ALL_FILTERS: ListFilterName[] = ['organization', 'sector', 'filiera'];

/** A paged, filterable list of one record type; filters and page live in the URL. */
export function RecordListView({ type }: { type: RecordType }) {
  const kind = RECORD_KINDS[type];
  // The experts endpoint filters by organisation only (experts have no sectors or supply chains).
  const byOrganizationOnly = type === 'expert';
  const FILTERS: ListFilterName[] = byOrganizationOnly ? ['organization'] : ALL_FILTERS;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { t, tp, lang } = useI18n();
  const page = pageParam(params);
  // The search facets of this type say which sectors and supply chains its records use: those are the options.
  const facets = useApi<SearchResponse>(byOrganizationOnly ? null : endpoints.search({ type, lang, limit: 1 }));
  const options = facets.data
    ? { sector: facets.data.facets.sector.map((f) => f.value), filiera: facets.data.facets.filiera.map((f) => f.value) }
    : undefined;
  const values = Object.fromEntries(
    ALL_FILTERS.map((f) => [f, FILTERS.includes(f) ? (params.get(f) ?? '') : '']),
  ) as Record<ListFilterName, string>;
  const list = useApi<Page<CatalogueRecord>>(
    endpoints.records(kind.collection, {
      organization: values.organization || undefined,
      sector: values.sector || undefined,
      filiera: values.filiera || undefined,
      page,
      limit: PAGE_SIZE,
    }),
  );
  const previous = useRef<Page<CatalogueRecord> | undefined>(undefined);
  if (list.data) previous.current = list.data;
  const shown = list.data ?? (list.loading ? previous.current : undefined);
  const heading = useFocusOnPageChange<HTMLHeadingElement>(page);
  const filtered = FILTERS.some((f) => values[f]);

  const go = (changes: Record<string, string | undefined>) =>
    // flushSync: a checkbox or select reflects the new URL at once, not after a transition.
    navigate({ search: withParams(params, { ...changes, page: undefined }) }, { flushSync: true });

  return (
    <>
      <RecordFilters
        values={values}
        options={options}
        byOrganizationOnly={byOrganizationOnly}
        onChange={(name, value) => go({ [name]: value || undefined })}
        onClear={() => go({ organization: undefined, sector: undefined, filiera: undefined })}
      />
      <p className="list-status" role="status" aria-live="polite">
        {list.loading ? t('state.loading') : list.data ? tp('list.count', list.data.total) : ''}
      </p>
      <section aria-labelledby="list-results-title" aria-busy={list.loading}>
        <h2 id="list-results-title" className="visually-hidden" ref={heading} tabIndex={-1}>
          {t('list.results', { what: t(kind.plural) })}
          {shown && shown.total > PAGE_SIZE
            ? ` – ${t('search.page_of', { page, pages: Math.ceil(shown.total / PAGE_SIZE) })}`
            : ''}
        </h2>
        {list.loading && !shown ? <LoadingState /> : null}
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        {shown && shown.items.length > 0 ? (
          <>
            <ul className="record-list">
              {shown.items.map((record) => (
                <li key={record.id}>
                  <RecordCard record={record} headingLevel={3} />
                </li>
              ))}
            </ul>
            <Pagination
              page={shown.page}
              total={shown.total}
              limit={shown.limit}
              hrefFor={(p) => `${kind.path}${withParams(params, { page: p > 1 ? p : undefined })}`}
            />
          </>
        ) : null}
        {list.data && list.data.items.length === 0 ? (
          <EmptyState>{filtered ? t('list.empty_filtered') : t('list.empty')}</EmptyState>
        ) : null}
      </section>
    </>
  );
}
