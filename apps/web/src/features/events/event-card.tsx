import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { eventWhen, type EventSummary } from './event-api.ts';
import { EventAvailabilityBadge, EventKindBadge } from './event-bits.tsx';
import './event-messages.ts';

/** One event in a list: kind, when, where, title (a link), organisers, places. */
export function EventCard({ event, headingLevel = 3 }: { event: EventSummary; headingLevel?: 2 | 3 }) {
  const { t, tp, pick, lang } = useI18n();
  const title = pick(event.title);
  const summary = pick(event.summary);
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card card-bg event-card h-100">
      <div className="card-body">
        <p className="d-flex flex-wrap gap-2 mb-2">
          <EventKindBadge kind={event.kind} />
          <EventAvailabilityBadge event={event} />
        </p>
        <p className="event-when small fw-semibold mb-1">
          <time dateTime={event.start}>{eventWhen(event, lang)}</time>
          {event.sessionCount > 1 ? ` · ${tp('events.sessions', event.sessionCount)}` : ''}
        </p>
        <p className="small mb-2">
          {event.mode === 'online' ? t('events.mode.online') : (event.place?.name ?? t(`events.mode.${event.mode}`))}
          {event.mode === 'mixed' ? ` · ${t('events.mode.online')}` : ''}
        </p>
        <Heading className="card-title h5">
          <Link to={`/eventi/${event.id}`} lang={title?.isFallback ? title.lang : undefined}>
            {title?.text}
          </Link>
        </Heading>
        {summary ? (
          <p className="card-text" lang={summary.isFallback ? summary.lang : undefined}>
            {summary.text}
          </p>
        ) : null}
        <p className="small text-secondary mb-0">
          {t('events.by', { names: event.organizers.map((o) => o.name).join(', ') })}
        </p>
      </div>
    </article>
  );
}
