import { Link, useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { OrganizationLink } from '../features/catalogue/organization-name.tsx';
import { useSession } from '../features/identity/session.tsx';
import {
  longDate,
  matchmakingEndpoints,
  slotStart,
  type MatchmakingDay,
  type Mine,
} from '../features/matchmaking/matchmaking-api.ts';
import { eventEndpoints, type EventDetail } from '../features/events/event-api.ts';
import { ParticipantForm } from '../features/matchmaking/participant-form.tsx';
import { ParticipantBrowser } from '../features/matchmaking/participant-browser.tsx';
import { MyRequests } from '../features/matchmaking/my-requests.tsx';
import { MyAgenda } from '../features/matchmaking/my-agenda.tsx';
import { OrganiserPanel } from '../features/matchmaking/organiser-panel.tsx';
import { useKept } from '../features/matchmaking/use-kept.ts';
import { NotFoundContent } from './not-found-page.tsx';
import '../features/matchmaking/matchmaking-messages.ts';
import '../features/matchmaking/matchmaking.css';

/**
 * /incontri/:id: a matchmaking day. Anyone reads when and who organises it; a signed-in person registers with what
 * they offer and seek; a participant browses the others, asks for 1:1 meetings, answers requests, and reads their
 * agenda (calendar file, PDF) and rates the meetings; the organiser runs the scheduler and sees the whole grid.
 */
export function MatchmakingDayPage() {
  const { id = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const { user } = useSession();
  const day = useApi<MatchmakingDay>(matchmakingEndpoints.one(id));
  // The event the day belongs to, for its name (hidden when the reader may not see it, e.g. a draft).
  const event = useApi<EventDetail>(day.data?.eventId ? eventEndpoints.one(day.data.eventId) : null);
  const mine = useApi<Mine>(user ? matchmakingEndpoints.mine(id) : null, { fresh: true });
  const kept = useKept(mine.data, id);
  const crumbs = [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'days', label: t('mm.list.title'), to: '/incontri' },
  ];
  if (day.error?.status === 404) return <NotFoundContent what={t('mm.not_found')} />;
  if (!day.data) return <PendingPage state={day} crumbs={crumbs} heading={t('mm.list.title')} />;
  const d = day.data;
  const title = pick(d.title);
  const m = kept;
  const eventTitle = pick(event.data?.title);
  return (
    <>
      <Breadcrumbs items={[...crumbs, { key: 'current', label: title?.text ?? d.reference }]} />
      <PageHeading documentTitle={title?.text ?? d.reference} lang={title?.isFallback ? title.lang : undefined}>
        {title?.text ?? d.reference}
      </PageHeading>
      <dl className="mm-facts">
        <dt>{t('mm.day.when')}</dt>
        <dd>
          <time dateTime={d.day}>{longDate(d.day, lang)}</time>,{' '}
          {t('mm.day.hours', { from: d.startTime, to: slotStart(d, d.slots) })}
        </dd>
        <dt>{t('mm.day.grid')}</dt>
        <dd>{t('mm.day.grid_value', { slots: d.slots, minutes: d.slotMinutes, tables: d.tables })}</dd>
        <dt>{t('mm.day.organiser')}</dt>
        <dd>
          <OrganizationLink id={d.organizer} />
        </dd>
        <dt>{t('mm.day.participants')}</dt>
        <dd>{d.participants}</dd>
        {d.eventId && event.error?.status !== 404 ? (
          <>
            <dt>{t('mm.day.event')}</dt>
            <dd>
              <Link to={`/eventi/${d.eventId}`} lang={eventTitle?.isFallback ? eventTitle.lang : undefined}>
                {eventTitle?.text ?? t('mm.day.event_link')}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      {!user ? (
        <p className="callout note">
          <Link to={`/accedi?torna=${encodeURIComponent(`/incontri/${d.id}`)}`}>{t('mm.day.sign_in')}</Link>
        </p>
      ) : mine.error && !m ? (
        <ProblemAlert error={mine.error} onRetry={mine.reload} />
      ) : !m ? (
        <LoadingState />
      ) : (
        <>
          {m.organiser ? (
            <section aria-labelledby="mm-organiser" className="mm-section">
              <h2 id="mm-organiser">{t('mm.org.title')}</h2>
              <OrganiserPanel dayId={d.id} requests={m.requests} onScheduled={mine.reload} />
            </section>
          ) : null}
          {m.profile ? (
            <>
              <section aria-labelledby="mm-agenda" className="mm-section">
                <h2 id="mm-agenda">{t('mm.agenda.title')}</h2>
                <MyAgenda dayId={d.id} key={d.scheduledAt ?? ''} />
              </section>
              <section aria-labelledby="mm-requests" className="mm-section">
                <h2 id="mm-requests">{t('mm.requests.title')}</h2>
                <MyRequests me={m.profile.id} requests={m.requests} onChanged={mine.reload} />
              </section>
              <section aria-labelledby="mm-browse" className="mm-section">
                <h2 id="mm-browse">{t('mm.browse.title')}</h2>
                <ParticipantBrowser
                  dayId={d.id}
                  me={m.profile.id}
                  requests={m.requests.filter((r) => r.from.id === m.profile!.id || r.to.id === m.profile!.id)}
                  onRequested={mine.reload}
                />
              </section>
              <section aria-labelledby="mm-profile" className="mm-section">
                <h2 id="mm-profile">{t('mm.profile.title')}</h2>
                <ParticipantForm day={d} profile={m.profile} onSaved={mine.reload} />
              </section>
            </>
          ) : (
            <section aria-labelledby="mm-register" className="mm-section">
              <h2 id="mm-register">{t('mm.profile.register_title')}</h2>
              <p>{t('mm.profile.register_intro')}</p>
              <ParticipantForm
                day={d}
                profile={null}
                onSaved={() => {
                  mine.reload();
                  day.reload();
                }}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}
