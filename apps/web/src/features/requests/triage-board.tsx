import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { withParams } from '../../lib/url-state.ts';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { ACTIVE_STATES, requestEndpoints, requestHref, type RequestList } from './request-api.ts';
import { DueLine, stateLabel } from './request-bits.tsx';

const LIMIT = 200;

/** The nucleus's board: one column per active state (stacked on a phone), overdue requests first and marked. */
export function TriageBoard() {
  const { t, tp } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const onlyOverdue = params.get('ritardo') === '1';
  const list = useApi<RequestList>(
    requestEndpoints.list({ scope: 'all', sort: 'due', overdue: onlyOverdue || undefined, limit: LIMIT }),
    { fresh: true },
  );
  const data = list.data;

  return (
    <section aria-labelledby="board-title" aria-busy={list.loading} className="triage-board">
      <h2 id="board-title" className="h4">
        {t('board.title')}
      </h2>
      <div className="form-check board-filter">
        <input
          id="board-overdue"
          type="checkbox"
          checked={onlyOverdue}
          onChange={(e) =>
            navigate(
              { search: withParams(params, { ritardo: e.target.checked ? '1' : undefined }) },
              { replace: true, flushSync: true },
            )
          }
        />
        <label htmlFor="board-overdue">{t('board.only_overdue')}</label>
      </div>
      <p className="list-status" role="status" aria-live="polite">
        {list.loading ? t('state.loading') : data ? tp('board.overdue_count', data.overdue) : ''}
      </p>
      {list.loading ? <LoadingState /> : null}
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {data ? (
        <div className="row g-3 board-columns">
          {ACTIVE_STATES.map((state) => {
            // The server sorts by urgency (earliest due first, overdue on top): filtering keeps that order.
            const items = data.items.filter((r) => r.state === state);
            const count = onlyOverdue ? items.length : (data.byState[state] ?? items.length);
            return (
              <div key={state} className="col-12 col-md-6 col-xl board-column-cell">
                <section className={`board-column state-${state}`} aria-labelledby={`board-${state}`}>
                  <h3 id={`board-${state}`} className="h6 board-column-title">
                    {t(stateLabel(state))} <span className="board-count">({count})</span>
                  </h3>
                  {items.length ? (
                    <ul className="list-unstyled board-items">
                      {items.map((r) => (
                        <li key={r.id} className={r.overdue ? 'board-item is-overdue' : 'board-item'}>
                          <span className="request-ref">{r.ref}</span>
                          <Link to={requestHref(r.id)} className="board-item-title">
                            {r.title}
                          </Link>
                          {r.dueAt ? <DueLine request={r} /> : null}
                          {r.interestCount ? (
                            <span className="board-interest">{tp('board.interest', r.interestCount)}</span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="board-empty">{t('board.empty')}</p>
                  )}
                </section>
              </div>
            );
          })}
        </div>
      ) : null}
      {data && data.total > data.items.length ? (
        <p>{t('board.truncated', { shown: data.items.length, total: data.total })}</p>
      ) : null}
    </section>
  );
}
