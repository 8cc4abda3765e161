import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { useApi } from '../lib/use-api.ts';
import { PageHeading } from '../components/ui/page-heading.tsx';
import { Breadcrumbs } from '../components/ui/breadcrumbs.tsx';
import { PendingPage } from '../components/ui/pending-page.tsx';
import { FlashNotice } from '../components/ui/flash-notice.tsx';
import { FallbackNote } from '../components/ui/localized-text.tsx';
import { describe, StructuredData, useSiteOrigin } from '../lib/page-head.tsx';
import { useReferenceData } from '../features/catalogue/reference-data.tsx';
import {
  eventDay,
  eventEndpoints,
  eventPrice,
  eventTime,
  eventWhen,
  type EventDetail,
} from '../features/events/event-api.ts';
import { EventAvailabilityBadge, EventKindBadge } from '../features/events/event-bits.tsx';
import { EventActions } from '../features/events/event-actions.tsx';
import { RegistrationForm } from '../features/events/registration-form.tsx';
import { EventMatchmakingLink } from '../features/matchmaking/event-matchmaking-link.tsx';
import { eventJsonLd } from '../features/events/event-structured-data.ts';
import { NotFoundContent } from './not-found-page.tsx';
import '../features/events/event-messages.ts';

const LANGUAGES: Record<string, 'events.lang.it' | 'events.lang.en'> = { it: 'events.lang.it', en: 'events.lang.en' };

/**
 * /eventi/:id: an event — when (every session of a course), where (with a map link) or online, for whom, the
 * organisers, places left — with its calendar file and the registration form; readable without the app's scripts.
 */
export function EventPage() {
  const { id = '' } = useParams();
  const { t, tp, pick, lang } = useI18n();
  const origin = useSiteOrigin();
  const { term } = useReferenceData();
  const event = useApi<EventDetail>(eventEndpoints.one(id));
  const [notice, setNotice] = useState<string | null>(null);
  const crumbs = [
    { key: 'home', label: t('nav.home'), to: '/' },
    { key: 'events', label: t('events.title'), to: '/eventi' },
  ];
  if (event.error?.status === 404) return <NotFoundContent what={t('events.not_found')} />;
  if (!event.data) return <PendingPage state={event} crumbs={crumbs} heading={t('events.title')} />;
  const e = event.data;
  const title = pick(e.title);
  const summary = pick(e.summary);
  const description = pick(e.description);
  const audience = pick(e.audience);
  const place = e.place;
  return (
    <>
      <StructuredData data={eventJsonLd(e, origin, pick)} />
      <Breadcrumbs items={[...crumbs, { key: 'current', label: title?.text ?? '' }]} />
      <p className="d-flex flex-wrap gap-2">
        <EventKindBadge kind={e.kind} />
        <EventAvailabilityBadge event={e} />
      </p>
      <PageHeading
        pageType="ItemPage"
        kind="event"
        documentTitle={title?.text ?? t('events.title')}
        description={describe(summary?.text)}
        lang={title?.isFallback ? title.lang : undefined}
      >
        {title?.text}
        {title ? <FallbackNote picked={title} /> : null}
      </PageHeading>
      <FlashNotice />
      {notice ? (
        <div className="alert alert-success" role="status">
          {notice}
        </div>
      ) : null}
      {e.state === 'cancelled' ? (
        <div className="alert alert-danger" role="alert">
          {t('events.cancelled_because', { reason: e.cancelReason ?? '' })}
        </div>
      ) : null}
      <EventActions
        event={e}
        onChanged={(message) => {
          setNotice(message);
          event.reload();
        }}
      />
      {summary ? (
        <p className="lead" lang={summary.isFallback ? summary.lang : undefined}>
          {summary.text}
        </p>
      ) : null}
      <div className="row g-4">
        <div className="col-lg-7">
          <dl className="event-facts">
            <dt>{t('events.field.when')}</dt>
            <dd>
              <time dateTime={e.start}>{eventWhen(e, lang)}</time>
              {e.sessionCount > 1 ? ` · ${tp('events.sessions', e.sessionCount)}` : ''}
            </dd>
            {place ? (
              <>
                <dt>{t('events.field.where')}</dt>
                <dd>
                  {place.name}
                  {place.address ? `, ${place.address}` : ''}
                  {place.lat !== null && place.lon !== null ? (
                    <>
                      {' · '}
                      <a
                        href={`https://www.openstreetmap.org/?mlat=${place.lat}&mlon=${place.lon}#map=16/${place.lat}/${place.lon}`}
                        rel="noopener"
                      >
                        {t('events.map')}
                      </a>
                    </>
                  ) : null}
                </dd>
              </>
            ) : null}
            {e.mode !== 'in-person' ? (
              <>
                <dt>{t('events.field.online')}</dt>
                <dd>{e.onlineUrl ? <a href={e.onlineUrl}>{e.onlineUrl}</a> : t('events.online_link_after')}</dd>
              </>
            ) : null}
            <dt>{t('events.field.language')}</dt>
            <dd>{LANGUAGES[e.language] ? t(LANGUAGES[e.language]!) : e.language}</dd>
            {audience ? (
              <>
                <dt>{t('events.field.audience')}</dt>
                <dd lang={audience.isFallback ? audience.lang : undefined}>{audience.text}</dd>
              </>
            ) : null}
            <dt>{t('events.field.price')}</dt>
            <dd>{e.price ? eventPrice(e.price, lang) : t('events.free_of_charge')}</dd>
            <dt>{t('events.field.places')}</dt>
            <dd>
              <EventAvailabilityBadge event={e} />
            </dd>
            <dt>{t('events.field.organizers')}</dt>
            <dd>
              {e.organizers.map((o, i) => (
                <span key={o.id}>
                  {i > 0 ? ', ' : ''}
                  <Link to={`/organizzazioni/${encodeURIComponent(o.id)}`}>{o.name}</Link>
                </span>
              ))}
            </dd>
            {e.filiere.length ? (
              <>
                <dt>{t('events.field.topics')}</dt>
                <dd>{e.filiere.map((c) => pick(term('filiera', c)?.label)?.text ?? c).join(', ')}</dd>
              </>
            ) : null}
            {e.grantsQualification ? (
              <>
                <dt>{t('events.field.qualification')}</dt>
                <dd>
                  {t('events.qualification_text', {
                    share: Math.round(e.attendanceRequired * 100),
                    name: pick(e.grantsQualification.name)?.text ?? '',
                  })}
                </dd>
              </>
            ) : null}
          </dl>
          <p>
            <a className="btn btn-outline-primary btn-sm" href={eventEndpoints.ics(e.id)} download>
              {t('events.add_to_calendar')}
            </a>
          </p>
          {e.kind === 'matchmaking' ? <EventMatchmakingLink eventId={e.id} /> : null}
          {e.sessions.length > 1 ? (
            <section aria-labelledby="event-program" className="mb-4">
              <h2 id="event-program" className="h4">
                {t('events.program')}
              </h2>
              <ol className="event-sessions">
                {e.sessions.map((s) => (
                  <li key={s.id}>
                    <time dateTime={s.start}>
                      {eventDay(s.start, lang)}, {eventTime(s.start, lang)}–{eventTime(s.end, lang)}
                    </time>
                    {pick(s.title) ? ` — ${pick(s.title)?.text}` : ''}
                    {s.place ? ` (${s.place.name})` : ''}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          {description
            ? description.text.split(/\n{2,}/).map((paragraph) => (
                <p key={paragraph.slice(0, 40)} lang={description.isFallback ? description.lang : undefined}>
                  {paragraph}
                </p>
              ))
            : null}
        </div>
        <div className="col-lg-5">
          {e.myRegistration ? (
            <div className="alert alert-info">
              <Link to={`/eventi/iscrizioni/${e.myRegistration.id}`}>{t('events.my_registration')}</Link>
              {': '}
              {t(`events.registration.state.${e.myRegistration.state}`)}
            </div>
          ) : e.allowedActions.includes('register') && e.availability.open ? (
            <section aria-labelledby="event-register" className="card card-bg">
              <div className="card-body">
                <h2 id="event-register" className="h4">
                  {t('events.register.title')}
                </h2>
                <RegistrationForm event={e} />
              </div>
            </section>
          ) : e.state === 'published' ? (
            <p className="alert alert-secondary">{t('events.register.closed')}</p>
          ) : null}
        </div>
      </div>
    </>
  );
}
