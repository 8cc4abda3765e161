import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { useApi } from '../../lib/use-api.ts';
import { pageParam, withParams } from '../../lib/url-state.ts';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { useReferenceData } from '../catalogue/reference-data.tsx';
import { newsEndpoints, type NewsPage } from './news-api.ts';
import { NewsCard } from './news-card.tsx';
import './news-messages.ts';

const PAGE_SIZE = 12;

/**
 * The news, newest first, with words, publisher and supply-chain filters kept in the address. The filters are a
 * plain GET form, so they work before (or without) the app's scripts.
 */
export function NewsListView({ state }: { state?: 'draft' | 'withdrawn' }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { t, tp, pick } = useI18n();
  const { taxonomies, organizations } = useReferenceData();
  const page = pageParam(params);
  const values = {
    q: params.get('q') ?? '',
    organization: params.get('organization') ?? '',
    filiera: params.get('filiera') ?? '',
  };
  const list = useApi<NewsPage>(
    newsEndpoints.list({
      q: values.q || undefined,
      organization: values.organization || undefined,
      filiera: values.filiera || undefined,
      state,
      page,
      limit: PAGE_SIZE,
    }),
  );
  const publishers = organizations
    .filter((o) => o.kind === 'centre' || o.kind === 'region')
    .map((o) => ({ value: o.id, label: o.shortName ?? o.name }));
  const filiere = (taxonomies?.filiera ?? [])
    .map((x) => ({ value: x.code, label: pick(x.label)?.text ?? x.code }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const filtered = Boolean(values.q || values.organization || values.filiera);

  return (
    <>
      {state ? null : (
        <form
          className="news-filters row g-3 align-items-end mb-3"
          method="get"
          action="/notizie"
          aria-label={t('news.filters')}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            navigate({
              search: withParams(new URLSearchParams(), {
                q: String(data.get('q') ?? '').trim(),
                organization: String(data.get('organization') ?? ''),
                filiera: String(data.get('filiera') ?? ''),
              }),
            });
          }}
        >
          <div className="col-md-4">
            <label htmlFor="news-q" className="form-label">
              {t('news.filter.q')}
            </label>
            <input id="news-q" name="q" type="search" className="form-control" defaultValue={values.q} />
          </div>
          <div className="col-md-3">
            <label htmlFor="news-organization" className="form-label">
              {t('news.filter.organization')}
            </label>
            <select
              id="news-organization"
              name="organization"
              className="form-select"
              defaultValue={values.organization}
              key={`o-${values.organization}-${publishers.length}`}
            >
              <option value="">{t('news.filter.all')}</option>
              {publishers.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="col-md-3">
            <label htmlFor="news-filiera" className="form-label">
              {t('news.filter.filiera')}
            </label>
            <select
              id="news-filiera"
              name="filiera"
              className="form-select"
              defaultValue={values.filiera}
              key={`f-${values.filiera}-${filiere.length}`}
            >
              <option value="">{t('news.filter.all')}</option>
              {filiere.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div className="col-md-2 d-flex gap-2">
            <button type="submit" className="btn btn-primary">
              {t('news.filter.apply')}
            </button>
          </div>
          {filtered ? (
            <p className="col-12 mb-0">
              <a
                href="/notizie"
                onClick={(event) => {
                  event.preventDefault();
                  navigate({ search: '' });
                }}
              >
                {t('news.filter.clear')}
              </a>
            </p>
          ) : null}
        </form>
      )}
      <p className="list-status" role="status" aria-live="polite">
        {list.loading ? t('state.loading') : list.data ? tp('news.count', list.data.total) : ''}
      </p>
      <section aria-labelledby="news-results" aria-busy={list.loading}>
        <h2 id="news-results" className="visually-hidden">
          {state ? t('news.drafts') : t('news.results')}
        </h2>
        {list.loading && !list.data ? <LoadingState /> : null}
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <ul className="row g-4 list-unstyled news-list">
              {list.data.items.map((item) => (
                <li key={item.id} className="col-12 col-md-6 col-xl-4">
                  <NewsCard item={item} headingLevel={3} />
                </li>
              ))}
            </ul>
            <Pagination
              page={list.data.page}
              total={list.data.total}
              limit={list.data.limit}
              hrefFor={(p) => `/notizie${withParams(params, { page: p > 1 ? p : undefined })}`}
            />
          </>
        ) : null}
        {list.data && list.data.items.length === 0 ? (
          <EmptyState>{filtered ? t('news.empty_filtered') : t('news.empty')}</EmptyState>
        ) : null}
      </section>
    </>
  );
}
