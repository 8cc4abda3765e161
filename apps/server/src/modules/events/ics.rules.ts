import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { ZONE } from '../../core/calendar.ts';
import { hostOf, withTimezone } from '../../core/icalendar.ts';

export { hostOf };

/**
 * iCalendar (RFC 5545) of events, made by ical-generator: one VEVENT per session, stable UIDs, the event's SEQUENCE,
 * times in Europe/Rome with its VTIMEZONE, STATUS:CANCELLED for a cancelled event. A one-session event's UID is
 * `event-<id>@<host>`; each session of a longer one is `event-<id>-<session id>@<host>`.
 */

export interface IcsEvent {
  id: string;
  title: { it?: string; en?: string };
  summary: { it?: string; en?: string };
  state: 'draft' | 'published' | 'cancelled';
  sequence: number;
  place: { name: string; address?: string; lat?: number; lon?: number } | null;
  onlineUrl: string | null;
  organizers: { name: string }[];
  sessions: {
    id: string;
    start: number;
    end: number;
    place: { name: string; address?: string; lat?: number; lon?: number } | null;
  }[];
  updatedAt: number;
}

export const eventUrl = (publicUrl: string, id: string) => `${publicUrl.replace(/\/$/, '')}/eventi/${id}`;

/** The UID of each session's VEVENT. */
export function sessionUids(e: Pick<IcsEvent, 'id' | 'sessions'>, host: string): string[] {
  if (e.sessions.length === 1) return [`event-${e.id}@${host}`];
  return e.sessions.map((s) => `event-${e.id}-${s.id}@${host}`);
}

const text = (t: { it?: string; en?: string }, lang: 'it' | 'en') => t[lang] ?? t.it ?? t.en ?? '';
const local = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE });

/**
 * A calendar of events. `method` PUBLISH for an invitation sent by mail, CANCEL when telling of a cancellation;
 * none for a subscribed feed. `gone` are UIDs of sessions no longer held (a changed course), sent as cancelled.
 */
export function eventsCalendar(
  list: IcsEvent[],
  o: {
    publicUrl: string;
    lang: 'it' | 'en';
    name: string;
    method?: 'PUBLISH' | 'CANCEL';
    now: number;
    gone?: { uid: string; start: number; end: number; title: string; sequence: number }[];
  },
): string {
  const host = hostOf(o.publicUrl);
  const cal = ical({ name: o.name, prodId: { company: 'CL.O.C.K.', product: 'events' } });
  if (o.method) cal.method(o.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH);
  const stamp = DateTime.fromMillis(o.now, { zone: 'utc' });
  for (const e of list) {
    const uids = sessionUids(e, host);
    const cancelled = e.state === 'cancelled' || o.method === 'CANCEL';
    e.sessions.forEach((s, i) => {
      const place = s.place ?? e.place;
      const title = text(e.title, o.lang);
      const location = place
        ? [place.name, place.address].filter(Boolean).join(', ')
        : e.onlineUrl
          ? e.onlineUrl
          : undefined;
      const ev = cal.createEvent({
        id: uids[i]!,
        sequence: e.sequence,
        stamp,
        lastModified: DateTime.fromMillis(e.updatedAt, { zone: 'utc' }),
        start: local(s.start),
        end: local(s.end),
        timezone: ZONE,
        summary: e.sessions.length > 1 ? `${title} (${i + 1}/${e.sessions.length})` : title,
        description: [text(e.summary, o.lang), e.onlineUrl ?? '', eventUrl(o.publicUrl, e.id)]
          .filter(Boolean)
          .join('\n\n'),
        url: eventUrl(o.publicUrl, e.id),
        status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        ...(location ? { location } : {}),
      });
      if (place?.lat !== undefined && place.lon !== undefined)
        ev.location({ title: place.name, address: place.address, geo: { lat: place.lat, lon: place.lon } });
      if (e.organizers[0]) ev.organizer({ name: e.organizers.map((x) => x.name).join(', '), email: `events@${host}` });
    });
  }
  for (const g of o.gone ?? [])
    cal.createEvent({
      id: g.uid,
      sequence: g.sequence,
      stamp,
      start: local(g.start),
      end: local(g.end),
      timezone: ZONE,
      summary: g.title,
      status: ICalEventStatus.CANCELLED,
    });
  return withTimezone(cal.toString());
}
