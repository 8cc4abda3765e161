import { apiUrl } from '../../lib/api.ts';

type Text = { it?: string; en?: string };
export interface MatchmakingDay {
  id: string;
  reference: string;
  title: Text;
  organizer: string;
  day: string;
  startTime: string;
  slotMinutes: number;
  slots: number;
  tables: number;
  eventId: string | null;
  scheduledAt: string | null;
  participants: number;
}
export interface Participant {
  id: string;
  name: string;
  organization: string | null;
  organizationId: string | null;
  organizationKind: string | null;
  filiere: string[];
  offers: Text | null;
  seeks: Text | null;
  unavailableSlots: number[];
}
export interface Person {
  id: string;
  name: string;
  organization: string | null;
}
export interface MeetingRequest {
  id: string;
  from: Person;
  to: Person;
  state: 'requested' | 'accepted' | 'declined' | 'cancelled';
  note: string | null;
  createdAt: string;
  decidedAt: string | null;
}
export interface Mine {
  profile: Participant | null;
  organiser: boolean;
  requests: MeetingRequest[];
}
export interface AgendaItem {
  meeting: string;
  slot: number;
  table: number;
  start: string;
  end: string;
  with: { name: string; organization: string | null };
  rated: boolean;
}
export interface Agenda {
  day: string;
  items: AgendaItem[];
}
export type UnplacedReason = 'no-common-slot' | 'people-busy' | 'tables-full' | 'accepted-after-schedule';
export interface Grid {
  scheduledAt: string | null;
  slots: { slot: number; start: string; end: string }[];
  tables: number;
  meetings: { id: string; slot: number; table: number; a: Person; b: Person }[];
  unplaced: { request: string; a: Person; b: Person; reason: UnplacedReason }[];
  emptyAgendas: Person[];
  unanswered: MeetingRequest[];
}

const day = (id: string) => `/matchmaking/${encodeURIComponent(id)}`;
export const matchmakingEndpoints = {
  create: () => apiUrl('/matchmaking'),
  list: (p: { event?: string; upcoming?: boolean } = {}) =>
    apiUrl('/matchmaking', { event: p.event, upcoming: p.upcoming ? 'true' : undefined }),
  one: (id: string) => apiUrl(day(id)),
  mine: (id: string) => apiUrl(`${day(id)}/mine`),
  participants: (id: string) => apiUrl(`${day(id)}/participants`),
  requests: (id: string) => apiUrl(`${day(id)}/requests`),
  answer: (request: string, answer: 'accept' | 'decline') =>
    apiUrl(`/meeting-requests/${encodeURIComponent(request)}/${answer}`),
  schedule: (id: string) => apiUrl(`${day(id)}/schedule`),
  agenda: (id: string) => apiUrl(`${day(id)}/agenda`),
  agendaIcs: (id: string) => apiUrl(`${day(id)}/agenda.ics`),
  agendaPdf: (id: string, lang: string) => apiUrl(`${day(id)}/agenda.pdf`, { lang }),
  rate: (meeting: string) => apiUrl(`/matchmaking-meetings/${encodeURIComponent(meeting)}/rating`),
};

/** "09:30" for an ISO time, as people read it in Tuscany. */
export function clock(iso: string): string {
  return new Intl.DateTimeFormat('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' }).format(
    new Date(iso),
  );
}
/** The day as a long date in the page's language. */
export function longDate(day: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'it-IT', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}
/** When slot `slot` starts, from the day's start time and slot length ("09:30"). */
export function slotStart(d: Pick<MatchmakingDay, 'startTime' | 'slotMinutes'>, slot: number): string {
  const [h, m] = d.startTime.split(':').map(Number) as [number, number];
  const total = h * 60 + m + slot * d.slotMinutes;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
