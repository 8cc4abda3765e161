import type {
  AttendanceList,
  EventDetail,
  EventList,
  EventSummary,
  Participation,
  Registration,
  RegistrationList,
} from '@clock/contracts';
import { apiUrl } from '../../lib/api.ts';

export type { AttendanceList, EventDetail, EventList, EventSummary, Participation, Registration, RegistrationList };

export const eventEndpoints = {
  list: (params: {
    from?: string;
    to?: string;
    q?: string;
    organization?: string;
    filiera?: string;
    kind?: string;
    scope?: 'public' | 'organizer';
    page?: number;
    limit?: number;
  }) => apiUrl('/events', params),
  one: (id: string) => apiUrl(`/events/${encodeURIComponent(id)}`),
  create: () => apiUrl('/events'),
  sessions: (id: string) => apiUrl(`/events/${encodeURIComponent(id)}/sessions`),
  ics: (id: string) => apiUrl(`/events/${encodeURIComponent(id)}/ics`),
  act: (id: string, action: 'publish' | 'cancel') => apiUrl(`/events/${encodeURIComponent(id)}/${action}`),
  register: (id: string) => apiUrl(`/events/${encodeURIComponent(id)}/registrations`),
  registrations: (id: string) => apiUrl(`/events/${encodeURIComponent(id)}/registrations`),
  registrationsCsv: (id: string) => apiUrl(`/events/${encodeURIComponent(id)}/registrations.csv`),
  attendance: (id: string) => apiUrl(`/events/${encodeURIComponent(id)}/attendance`),
  participation: (id: string) => apiUrl(`/events/${encodeURIComponent(id)}/participation`),
  confirm: () => apiUrl('/event-registrations/confirm'),
  registration: (id: string, token?: string) =>
    apiUrl(`/event-registrations/${encodeURIComponent(id)}`, { token: token || undefined }),
  cancelRegistration: (id: string) => apiUrl(`/event-registrations/${encodeURIComponent(id)}/cancel`),
  certificate: (id: string, token?: string) =>
    apiUrl(`/event-registrations/${encodeURIComponent(id)}/certificate`, { token: token || undefined }),
  mine: () => apiUrl('/me/event-registrations'),
};

export const EVENTS_ICS_FEED = '/feeds/events.ics';
export const EVENTS_RSS_FEED = '/feeds/events.xml';

const locale = (lang: 'it' | 'en') => (lang === 'it' ? 'it-IT' : 'en-GB');

/** "giovedì 10 dicembre 2026" in Italian time. */
export function eventDay(iso: string, lang: 'it' | 'en'): string {
  return new Intl.DateTimeFormat(locale(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Rome',
  }).format(new Date(iso));
}

/** "09:30" in Italian time. */
export function eventTime(iso: string, lang: 'it' | 'en'): string {
  return new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' }).format(
    new Date(iso),
  );
}

/** When an event happens, in one line: one day with its hours, or the first and last day. */
export function eventWhen(e: { start: string; end: string }, lang: 'it' | 'en'): string {
  const dayKey = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' });
  if (dayKey(e.start) === dayKey(e.end))
    return `${eventDay(e.start, lang)}, ${eventTime(e.start, lang)}–${eventTime(e.end, lang)}`;
  return `${eventDay(e.start, lang)} – ${eventDay(e.end, lang)}`;
}

/** Euro cents as "€ 120,00" / "€120.00". */
export function eventPrice(cents: number, lang: 'it' | 'en'): string {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
