import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, sendJson } from '../lib/api.ts';
import { clearApiCache, useApi } from '../lib/use-api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { ProblemAlert } from '../components/ui/problem-alert.tsx';
import { LoadingState } from '../components/ui/loading-state.tsx';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { RequireSignIn } from '../features/identity/require-sign-in.tsx';
import {
  eventDay,
  eventEndpoints,
  eventTime,
  type AttendanceList,
  type EventDetail,
  type Participation,
  type RegistrationList,
} from '../features/events/event-api.ts';
import '../features/events/event-messages.ts';

/** /eventi/:id/iscrizioni: the organisers' view — figures, the registrants, the CSV, and presence per session. */
export function EventRegistrationsPage() {
  return (
    <RequireSignIn>
      <Registrations />
    </RequireSignIn>
  );
}

function Registrations() {
  const { t, pick } = useI18n();
  const { id = '' } = useParams();
  const event = useApi<EventDetail>(eventEndpoints.one(id), { fresh: true });
  const title = pick(event.data?.title)?.text ?? t('events.title');
  const crumbs = [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'events', label: t('events.title'), to: '/eventi' },
    { key: 'event', label: title, to: `/eventi/${id}` },
    { key: 'here', label: t('events.manage.title') },
  ];
  const allowed = event.data?.allowedActions.includes('manage-registrations');
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeading documentTitle={`${t('events.manage.title')} – ${title}`} ready={!!event.data}>
        {t('events.manage.title')}
      </PageHeading>
      {event.error ? <ProblemAlert error={event.error} onRetry={event.reload} /> : null}
      {!event.data ? (
        event.error ? null : (
          <LoadingState />
        )
      ) : !allowed ? (
        <p className="alert alert-warning">{t('events.manage.not_allowed')}</p>
      ) : (
        <>
          <p className="lead">
            <Link to={`/eventi/${id}`}>{title}</Link>
          </p>
          <Figures id={id} />
          <People event={event.data} />
        </>
      )}
    </>
  );
}

function Figures({ id }: { id: string }) {
  const { t } = useI18n();
  const figures = useApi<Participation>(eventEndpoints.participation(id), { fresh: true });
  if (!figures.data) return null;
  const f = figures.data;
  const cells: [string, number][] = [
    [t('events.manage.registered'), f.registered],
    [t('events.manage.confirmed'), f.confirmed],
    [t('events.manage.waiting'), f.waiting],
    [t('events.manage.pending'), f.pending],
    [t('events.manage.attended'), f.attended],
  ];
  return (
    <section aria-labelledby="event-figures" className="mb-4">
      <h2 id="event-figures" className="h4">
        {t('events.manage.figures')}
      </h2>
      <dl className="row">
        {cells.map(([label, value]) => (
          <div key={label} className="col-6 col-md-2">
            <dt className="small">{label}</dt>
            <dd className="h4">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function People({ event }: { event: EventDetail }) {
  const { t, lang } = useI18n();
  const list = useApi<RegistrationList>(eventEndpoints.registrations(event.id), { fresh: true });
  const attendance = useApi<AttendanceList>(eventEndpoints.attendance(event.id), { fresh: true });
  const [session, setSession] = useState(event.sessions[0]?.id ?? '');
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const recorded = (attendance.data?.items ?? []).filter((a) => a.session === session);
    setPresent(Object.fromEntries(recorded.map((a) => [a.registration, a.present])));
  }, [attendance.data, session]);
  // "Saved" is about the session on screen: choosing another one clears it.
  const [savedFor, setSavedFor] = useState<string | null>(null);
  const shownSaved = saved && savedFor === session;
  const people = (list.data?.items ?? []).filter((r) => ['confirmed', 'attended', 'waiting'].includes(r.state));
  const attending = people.filter((r) => r.state !== 'waiting');
  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await sendJson('PUT', eventEndpoints.attendance(event.id), {
        session,
        items: attending.map((r) => ({ registration: r.id, present: !!present[r.id] })),
      });
      clearApiCache();
      setSaved(true);
      setSavedFor(session);
      attendance.reload();
      list.reload();
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError('invalid-response', 0));
    } finally {
      setBusy(false);
    }
  };
  const chosen = event.sessions.find((s) => s.id === session);
  return (
    <section aria-labelledby="event-people">
      <h2 id="event-people" className="h4">
        {t('events.manage.people')}
      </h2>
      <p>
        <a className="btn btn-outline-primary btn-sm" href={eventEndpoints.registrationsCsv(event.id)} download>
          {t('events.manage.csv')}
        </a>
      </p>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data ? (
        <LoadingState />
      ) : people.length === 0 ? (
        <EmptyState>{t('events.manage.none')}</EmptyState>
      ) : (
        <>
          {event.sessions.length > 1 ? (
            <div className="mb-3" style={{ maxWidth: '28rem' }}>
              <label htmlFor="attendance-session" className="form-label">
                {t('events.program')}
              </label>
              <select
                id="attendance-session"
                className="form-select"
                value={session}
                onChange={(e) => setSession(e.target.value)}
              >
                {event.sessions.map((s) => (
                  <option key={s.id} value={s.id}>
                    {eventDay(s.start, lang)}, {eventTime(s.start, lang)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="table-responsive">
            <table className="table">
              <caption>
                {chosen
                  ? t('events.manage.session', {
                      when: `${eventDay(chosen.start, lang)}, ${eventTime(chosen.start, lang)}`,
                    })
                  : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('events.manage.person')}</th>
                  <th scope="col">{t('events.manage.organization')}</th>
                  <th scope="col">{t('events.manage.state')}</th>
                  <th scope="col">{t('events.manage.present')}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      {r.name}
                      {r.email ? <span className="d-block small text-secondary">{r.email}</span> : null}
                    </th>
                    <td>{r.organization?.name ?? '—'}</td>
                    <td>
                      {t(`events.registration.state.${r.state}`)}
                      {r.state === 'waiting' && r.position ? ` (${r.position})` : ''}
                    </td>
                    <td>
                      {r.state === 'waiting' ? (
                        '—'
                      ) : (
                        <input
                          type="checkbox"
                          className="form-check-input position-static ms-0"
                          id={`present-${r.id}`}
                          aria-label={`${t('events.manage.present')}: ${r.name}`}
                          checked={!!present[r.id]}
                          onChange={(e) => {
                            setSaved(false);
                            setPresent((p) => ({ ...p, [r.id]: e.target.checked }));
                          }}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {failure ? <ProblemAlert error={failure} /> : null}
          {shownSaved ? (
            <div className="alert alert-success" role="status">
              {t('events.manage.saved')}
            </div>
          ) : null}
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || attending.length === 0}
            onClick={() => void save()}
          >
            {t('events.manage.save_attendance')}
          </button>
        </>
      )}
    </section>
  );
}
