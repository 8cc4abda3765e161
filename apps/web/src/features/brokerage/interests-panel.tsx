import { Link } from 'react-router';
import { useApi } from '../../lib/use-api.ts';
import { usePost } from './use-post.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { opportunityEndpoints, type Interest, type Opportunity } from './opportunity-api.ts';
import { useIsHandler } from './brokerage-roles.ts';
import './brokerage-messages.ts';

/**
 * The interests an opportunity received, for its company and its handling centre: the company (or the centre for it)
 * accepts or declines each one — for an anonymous opportunity accepting is the consent to be named — and the centre
 * introduces the two companies once it is accepted.
 */
export function InterestsPanel({ o }: { o: Opportunity }) {
  const { t, formatDate } = useI18n();
  const handler = useIsHandler(o);
  const list = useApi<{ items: Interest[] }>(opportunityEndpoints.interests(o.id), { fresh: true });
  const { busy, error, post } = usePost(list.reload);
  const act = (id: string, url: string) => post(id, url, url.endsWith('/introduction') ? {} : undefined);
  return (
    <section aria-labelledby="interests-title" className="mb-4">
      <h2 id="interests-title" className="h4">
        {t('brokerage.interests.title')}
      </h2>
      {error ? <ProblemAlert error={error} /> : null}
      {list.error ? (
        <ProblemAlert error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState />
      ) : list.data.items.length === 0 ? (
        <p>{t('brokerage.interests.none')}</p>
      ) : (
        <ul className="list-unstyled">
          {list.data.items.map((i) => {
            const state = i.introduction ? 'introduced' : i.state;
            return (
              <li key={i.id} className="border-bottom py-3">
                <p className="mb-1">
                  <strong>
                    {t('brokerage.interests.from', {
                      company: i.company?.name ?? '—',
                      date: formatDate(i.createdAt),
                    })}
                  </strong>{' '}
                  <span className="badge bg-light text-dark border">
                    {t(`brokerage.interests.state.${state}` as 'brokerage.interests.state.pending')}
                  </span>
                </p>
                <p className="mb-2" style={{ whiteSpace: 'pre-line' }}>
                  {i.note}
                </p>
                {i.state === 'pending' ? (
                  <>
                    <p className="small mb-2">
                      {t('brokerage.interests.expires', { date: formatDate(i.expiresAt) })}
                      {o.anonymous && !handler ? ` — ${t('brokerage.interests.reveal_hint')}` : ''}
                    </p>
                    <div className="d-flex flex-wrap gap-2">
                      <button
                        type="button"
                        className="btn btn-primary btn-sm"
                        disabled={busy === i.id}
                        onClick={act(i.id, opportunityEndpoints.answerInterest(i.id, 'accept'))}
                      >
                        {o.anonymous ? t('brokerage.interests.accept_anonymous') : t('brokerage.interests.accept')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-outline-secondary btn-sm"
                        disabled={busy === i.id}
                        onClick={act(i.id, opportunityEndpoints.answerInterest(i.id, 'decline'))}
                      >
                        {t('brokerage.interests.decline')}
                      </button>
                    </div>
                    {handler ? <p className="small mt-2 mb-0">{t('brokerage.interests.wait_accept')}</p> : null}
                  </>
                ) : null}
                {i.state === 'accepted' && !i.introduction && handler ? (
                  <button
                    type="button"
                    className="btn btn-primary btn-sm"
                    disabled={busy === i.id}
                    onClick={act(i.id, opportunityEndpoints.introduce(i.id))}
                  >
                    {t('brokerage.interests.introduce')}
                  </button>
                ) : null}
                {i.introduction ? <Link to="/introduzioni">{t('brokerage.interests.view_introductions')}</Link> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
