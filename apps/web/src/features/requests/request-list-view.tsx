import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { pageParam, withParams } from '../../lib/url-state.ts';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { useFocusOnPageChange } from '../catalogue/use-page-focus.ts';
import { useSession } from '../identity/session.tsx';
import {
  ALL_STATES,
  requestEndpoints,
  requestHref,
  type RequestList,
  type RequestScope,
  type RequestView,
} from './request-api.ts';
import { DueLine, StateBadge, stateLabel } from './request-bits.tsx';
import { canCoordinate, isCentreMember } from './request-roles.ts';

const PAGE_SIZE = 20;
const SCOPES: RequestScope[] = ['mine', 'inbox', 'all'];

/** The scope a signed-in person starts from: what is theirs to answer, or what they sent. */
function defaultScope(user: ReturnType<typeof useSession>['user']): RequestScope {
  if (canCoordinate(user)) return 'all';
  if (isCentreMember(user)) return 'inbox';
  return 'mine';
}

/** One request in a list: state, reference, title (a link), due date. */
export function RequestItem({ request, headingLevel = 3 }: { request: RequestView; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <article className={`request-item${request.overdue ? ' is-overdue' : ''}`}>
      <p className="request-item-meta">
        <StateBadge state={request.state} /> <span className="request-ref">{request.ref}</span>
      </p>
      <H className="h5 request-item-title">
        <Link to={requestHref(request.id)}>{request.title}</Link>
      </H>
      {request.access === 'summary' && request.summary ? (
        <p className="request-item-summary">{request.summary}</p>
      ) : null}
      {request.dueAt ? (
        <p className="request-item-due">
          <DueLine request={request} />
        </p>
      ) : null}
    </article>
  );
}

/** The requests the visitor may see: by scope (signed in), state and text, a page at a time. */
export function RequestListView() {
  const { t, tp } = useI18n();
  const { status, user } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qId = useId();
  const stateId = useId();
  const signedIn = status === 'signed-in';
  const centre = isCentreMember(user);
  const scopes = SCOPES.filter((s) => s !== 'inbox' || centre);
  const asked = params.get('scope') as RequestScope | null;
  const scope: RequestScope | undefined = signedIn
    ? asked && scopes.includes(asked)
      ? asked
      : defaultScope(user)
    : undefined;
  const page = pageParam(params);
  const q = params.get('q') ?? '';
  const state = params.get('state') ?? '';
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  const url =
    status === 'loading'
      ? null
      : requestEndpoints.list({ scope, q: q || undefined, state: state || undefined, page, limit: PAGE_SIZE });
  const list = useApi<RequestList>(url, { fresh: true });
  const heading = useFocusOnPageChange<HTMLHeadingElement>(page);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    navigate({ search: withParams(params, { q: typed.trim() || undefined, page: undefined }) });
  };

  return (
    <>
      {signedIn ? (
        <nav className="request-scopes" aria-label={t('requests.scope_label')}>
          <ul className="nav nav-tabs">
            {scopes.map((s) => (
              <li key={s} className="nav-item">
                <Link
                  className={s === scope ? 'nav-link active' : 'nav-link'}
                  aria-current={s === scope ? 'page' : undefined}
                  to={{ search: withParams(params, { scope: s, page: undefined }) }}
                >
                  {t(`requests.scope.${s}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <form
        className="record-filters request-filters"
        role="search"
        aria-label={t('requests.filter_label')}
        onSubmit={onSearch}
      >
        <div className="row g-3 align-items-end">
          <div className="col-12 col-md-6">
            <label htmlFor={qId} className="field-label">
              {t('requests.q')}
            </label>
            <input
              id={qId}
              type="search"
              className="form-control"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
          <div className="col-12 col-md-4">
            <div className="select-wrapper">
              <label htmlFor={stateId} className="field-label">
                {t('requests.state_filter')}
              </label>
              <select
                id={stateId}
                value={state}
                onChange={(e) =>
                  navigate(
                    { search: withParams(params, { state: e.target.value || undefined, page: undefined }) },
                    { flushSync: true },
                  )
                }
              >
                <option value="">{t('requests.all_states')}</option>
                {ALL_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(stateLabel(s))}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="col-12 col-md-2">
            <button type="submit" className="btn btn-primary w-100">
              {t('requests.filter_submit')}
            </button>
          </div>
        </div>
      </form>
      <p className="list-status" role="status" aria-live="polite">
        {list.loading ? t('state.loading') : list.data ? tp('requests.count', list.data.total) : ''}
      </p>
      <section aria-labelledby="request-results-title" aria-busy={list.loading}>
        <h2 id="request-results-title" className="visually-hidden" ref={heading} tabIndex={-1}>
          {t('requests.results')}
        </h2>
        {list.loading ? <LoadingState /> : null}
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        {list.data && list.data.items.length > 0 ? (
          <>
            <ul className="request-list list-unstyled">
              {list.data.items.map((r) => (
                <li key={r.id}>
                  <RequestItem request={r} />
                </li>
              ))}
            </ul>
            <Pagination
              page={list.data.page}
              total={list.data.total}
              limit={list.data.limit}
              hrefFor={(p) => `/richieste${withParams(params, { page: p > 1 ? p : undefined })}`}
            />
          </>
        ) : null}
        {list.data && list.data.items.length === 0 ? (
          <EmptyState>{signedIn ? t('requests.empty') : t('requests.empty_public')}</EmptyState>
        ) : null}
      </section>
    </>
  );
}
