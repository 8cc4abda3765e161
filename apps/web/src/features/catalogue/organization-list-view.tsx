import { useId, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Organization } from '@clock/contracts';
import { endpoints, type Page } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { pageParam, withParams } from '../../lib/url-state.ts';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { ORGANIZATION_KINDS, organizationKindLabel } from './record-kinds.ts';
import { OrganizationCard } from './organization-card.tsx';
import { useFocusOnPageChange } from './use-page-focus.ts';
import { DirectoryFilters } from '../companies/directory-filters.tsx';

const PAGE_SIZE = 24;

/** All organisations as cards, filterable by kind. */
export function OrganizationListView() {
  const selectId = useId();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { t, tp } = useI18n();
  const page = pageParam(params);
  const kind = params.get('kind') ?? '';
  const filter = (key: string) => params.get(key) || undefined;
  const list = useApi<Page<Organization>>(
    endpoints.organizations({
      kind: kind || undefined,
      province: filter('province'),
      filiera: filter('filiera'),
      sector: filter('sector'),
      s3: filter('s3'),
      page,
      limit: PAGE_SIZE,
    }),
  );
  const previous = useRef<Page<Organization> | undefined>(undefined);
  if (list.data) previous.current = list.data;
  const shown = list.data ?? (list.loading ? previous.current : undefined);
  const heading = useFocusOnPageChange<HTMLHeadingElement>(page);

  return (
    <>
      <form className="record-filters" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <div className="col-12 col-md-5 col-lg-4">
            <div className="select-wrapper">
              <label htmlFor={selectId}>{t('organizations.kind_filter')}</label>
              <select
                id={selectId}
                value={kind}
                onChange={(e) =>
                  navigate(
                    { search: withParams(params, { kind: e.target.value || undefined, page: undefined }) },
                    { flushSync: true },
                  )
                }
              >
                <option value="">{t('organizations.all_kinds')}</option>
                {ORGANIZATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(organizationKindLabel(k))}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <DirectoryFilters />
        </div>
      </form>
      <p className="list-status" role="status" aria-live="polite">
        {list.loading ? t('state.loading') : list.data ? tp('organizations.count', list.data.total) : ''}
      </p>
      <section aria-labelledby="org-results-title" aria-busy={list.loading}>
        <h2 id="org-results-title" className="visually-hidden" ref={heading} tabIndex={-1}>
          {t('organizations.results')}
        </h2>
        {list.loading && !shown ? <LoadingState /> : null}
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        {shown && shown.items.length > 0 ? (
          <>
            <ul className="row g-4 list-unstyled">
              {shown.items.map((org) => (
                <li key={org.id} className="col-12 col-md-6 col-xl-4">
                  <OrganizationCard organization={org} headingLevel={3} />
                </li>
              ))}
            </ul>
            <Pagination
              page={shown.page}
              total={shown.total}
              limit={shown.limit}
              hrefFor={(p) => `/organizzazioni${withParams(params, { page: p > 1 ? p : undefined })}`}
            />
          </>
        ) : null}
        {list.data && list.data.items.length === 0 ? <EmptyState>{t('organizations.empty')}</EmptyState> : null}
      </section>
    </>
  );
}
