import { Link, useLocation } from 'react-router';
import { usePost } from './use-post.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useBrowserOnly } from '../../lib/page-data.tsx';
import { opportunityEndpoints, type Opportunity } from './opportunity-api.ts';
import { ReviewForm } from './review-form.tsx';
import { InterestsPanel } from './interests-panel.tsx';
import { MatchesPanel } from './matches-panel.tsx';
import './brokerage-messages.ts';

const NOTICES = { saved: 'brokerage.notice.saved', submitted: 'brokerage.notice.submitted' } as const;

/** The outcome of the step that led here (saved, sent for review), passed in the navigation state. */
export function BrokerageNotice() {
  const { t } = useI18n();
  const location = useLocation();
  const inBrowser = useBrowserOnly();
  const notice = (location.state as { brokerageNotice?: keyof typeof NOTICES } | null)?.brokerageNotice;
  if (!notice || !NOTICES[notice] || !inBrowser) return null;
  return (
    <div role="status" className="alert alert-success">
      <p className="mb-0">{t(NOTICES[notice])}</p>
    </div>
  );
}

/** The state of an opportunity, as a badge. */
export function StateBadge({ state }: { state: string }) {
  const { t } = useI18n();
  const tone =
    state === 'published'
      ? 'bg-success'
      : state === 'on-hold' || state === 'rejected'
        ? 'bg-warning text-dark'
        : 'bg-light text-dark border';
  return <span className={`badge ${tone}`}>{t(`brokerage.state.${state}` as 'brokerage.state.draft')}</span>;
}

/** The centre's reviews the company reads: date, decision, total and comment. */
function Reviews({ o }: { o: Opportunity }) {
  const { t, formatDate } = useI18n();
  if (!o.reviews?.length) return null;
  return (
    <section aria-labelledby="reviews-title" className="mb-4">
      <h3 id="reviews-title" className="h5">
        {t('brokerage.manage.reviews')}
      </h3>
      <ul className="list-unstyled">
        {o.reviews.map((r) => {
          const s = r.scores;
          return (
            <li key={r.id} className="mb-2">
              {t('brokerage.manage.review_line', {
                date: formatDate(r.createdAt),
                decision: t(`brokerage.decision.${r.decision}` as 'brokerage.decision.publish'),
                total: s.clarity + s.innovation + s.partnerSought + s.completeness,
              })}
              {r.comment ? (
                <blockquote className="border-start ps-3 mb-0 mt-1" style={{ whiteSpace: 'pre-line' }}>
                  {r.comment}
                </blockquote>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * What the opportunity's company and its handling centre see beyond the public page: the state and the centre's
 * comments, change and send for review (the company), the review form (the centre), the interests received and the
 * suggested counterparts. Shown from the `actions` the server lists for the caller.
 */
export function OpportunityManage({ o, onChange }: { o: Opportunity; onChange: () => void }) {
  const { t } = useI18n();
  const { busy, error, post } = usePost(onChange);
  const insider = o.actions.includes('interests');
  if (!insider) return null;
  return (
    <div className="opportunity-manage mt-4">
      <section aria-labelledby="manage-title" className="mb-4 p-3 border rounded">
        <h2 id="manage-title" className="h4">
          {t('brokerage.manage.title')}
        </h2>
        <p>
          {t('brokerage.detail.state')}: <StateBadge state={o.state} />
        </p>
        {o.state === 'on-hold' && o.actions.includes('edit') ? <p>{t('brokerage.manage.on_hold')}</p> : null}
        <Reviews o={o} />
        {error ? <ProblemAlert error={error} /> : null}
        <div className="d-flex flex-wrap gap-2">
          {o.actions.includes('edit') ? (
            <Link className="btn btn-outline-primary" to={`/opportunita/${o.id}/modifica`}>
              {t('brokerage.manage.edit')}
            </Link>
          ) : null}
          {o.actions.includes('submit') ? (
            <button
              type="button"
              className="btn btn-primary"
              disabled={!!busy}
              onClick={post('submit', opportunityEndpoints.submit(o.id))}
            >
              {t('brokerage.manage.submit')}
            </button>
          ) : null}
        </div>
      </section>
      {o.actions.includes('review') ? <ReviewForm o={o} onDone={onChange} /> : null}
      {o.state === 'published' || o.state === 'expired' ? <InterestsPanel o={o} /> : null}
      {o.actions.includes('matches') ? <MatchesPanel o={o} /> : null}
    </div>
  );
}
