import { Link } from 'react-router';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { LoadingState } from '../../components/ui/loading-state.tsx';
import { ProblemAlert } from '../../components/ui/problem-alert.tsx';
import { useSession } from '../identity/session.tsx';
import { OPPORTUNITY_STATES } from '@clock/contracts/values';
import { opportunityEndpoints, type Interest, type Opportunity, type OpportunityList } from './opportunity-api.ts';
import { centresOf, companiesOf } from './brokerage-roles.ts';
import { StateBadge } from './opportunity-manage.tsx';
import './brokerage-messages.ts';

/** The caller's companies' and centres' opportunities in every state (the API's `mine`), newest first. */
function useMine() {
  return useApi<OpportunityList>(opportunityEndpoints.list({ mine: true, limit: 100 }), { fresh: true });
}

/** How many interests an opportunity received and where they stand (read from the centre's routing). */
function InterestSummary({ o }: { o: Opportunity }) {
  const { t } = useI18n();
  const list = useApi<{ items: Interest[] }>(opportunityEndpoints.interests(o.id), { fresh: true });
  const items = list.data?.items;
  if (!items?.length) return null;
  const count = (f: (i: Interest) => boolean) => items.filter(f).length;
  return (
    <p className="small mb-1">
      {t('brokerage.mine.interests', {
        count: items.length,
        pending: count((i) => i.state === 'pending'),
        introduced: count((i) => !!i.introduction),
      })}
    </p>
  );
}

function Row({ o, action, level }: { o: Opportunity; action?: string; level: 3 | 4 }) {
  const H = level === 3 ? 'h3' : 'h4';
  const { t, pick, formatDate } = useI18n();
  const title = pick(o.title);
  const last = o.reviews?.[0];
  return (
    <li className="border-bottom py-3">
      <H className="h6 mb-1">
        <Link to={`/opportunita/${o.id}`} lang={title?.isFallback ? title.lang : undefined}>
          {title?.text ?? o.reference}
        </Link>
      </H>
      <p className="small mb-1">
        <StateBadge state={o.state} /> {t(`brokerage.kind.${o.kind}`)} · {o.reference} ·{' '}
        {o.company?.name ?? t('brokerage.anonymous')}
        {o.anonymous && o.company ? ` (${t('brokerage.anonymous').toLowerCase()})` : ''} · {o.centre.name} ·{' '}
        {t('brokerage.detail.expires')} {formatDate(o.expiresAt)}
      </p>
      {o.state === 'on-hold' && last?.comment ? (
        <blockquote className="small border-start ps-3 mb-1" style={{ whiteSpace: 'pre-line' }}>
          {last.comment}
        </blockquote>
      ) : null}
      {o.state === 'published' || o.state === 'expired' ? <InterestSummary o={o} /> : null}
      {action ? (
        <Link className="btn btn-primary btn-sm mt-1" to={`/opportunita/${o.id}`}>
          {action}
        </Link>
      ) : null}
    </li>
  );
}

/** Opportunities grouped by state, in the order of their life (drafts first). */
function Groups({ items, level }: { items: Opportunity[]; level: 2 | 3 }) {
  const { t } = useI18n();
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <>
      {OPPORTUNITY_STATES.map((state) => {
        const here = items.filter((o) => o.state === state);
        if (!here.length) return null;
        return (
          <section key={state} aria-labelledby={`group-${state}`} className="mb-4">
            <H id={`group-${state}`} className="h5">
              {t('brokerage.mine.group', {
                state: t(`brokerage.state.${state}` as 'brokerage.state.draft'),
                count: here.length,
              })}
            </H>
            <ul className="list-unstyled">
              {here.map((o) => (
                <Row key={o.id} o={o} level={level === 2 ? 3 : 4} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** /opportunita/mie: the opportunities of the companies the person belongs to, by state. */
export function MyOpportunities() {
  const { t } = useI18n();
  const { user } = useSession();
  const list = useMine();
  const companies = companiesOf(user);
  if (list.error) return <ProblemAlert error={list.error} onRetry={list.reload} />;
  if (!list.data) return <LoadingState />;
  const mine = list.data.items.filter((o) => o.company && companies.includes(o.company.id));
  return (
    <>
      {companies.length ? (
        <p>
          <Link className="btn btn-primary" to="/opportunita/nuova">
            {t('brokerage.links.publish')}
          </Link>
        </p>
      ) : null}
      {mine.length === 0 ? <EmptyState>{t('brokerage.mine.none')}</EmptyState> : <Groups items={mine} level={2} />}
      <p>
        <Link to="/introduzioni">{t('brokerage.links.introductions')}</Link>
      </p>
    </>
  );
}

/** /opportunita/revisione: what waits for the centre's review first, then everything else it handles. */
export function ReviewQueue() {
  const { t } = useI18n();
  const { user } = useSession();
  const list = useMine();
  const centres = centresOf(user);
  if (!centres.length) return <p>{t('brokerage.queue.not_staff')}</p>;
  if (list.error) return <ProblemAlert error={list.error} onRetry={list.reload} />;
  if (!list.data) return <LoadingState />;
  const handled = list.data.items.filter((o) => centres.includes(o.centre.id));
  const waiting = handled.filter((o) => o.state === 'submitted');
  return (
    <>
      <section aria-labelledby="queue-waiting" className="mb-4">
        <h2 id="queue-waiting" className="h4">
          {t('brokerage.queue.waiting')}
        </h2>
        {waiting.length === 0 ? (
          <p>{t('brokerage.queue.none')}</p>
        ) : (
          <ul className="list-unstyled">
            {waiting.map((o) => (
              <Row key={o.id} o={o} action={t('brokerage.queue.open')} level={3} />
            ))}
          </ul>
        )}
      </section>
      {handled.length > waiting.length ? (
        <section aria-labelledby="queue-handled">
          <h2 id="queue-handled" className="h4">
            {t('brokerage.queue.handled')}
          </h2>
          <Groups items={handled.filter((o) => o.state !== 'submitted')} level={3} />
        </section>
      ) : null}
    </>
  );
}
