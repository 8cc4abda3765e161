import type { EventEdit, EventSessionWrite } from '@clock/contracts';
import type { EventKind, EventMode, EventVisibility } from '@clock/contracts/values';
import { centsOf } from '../../lib/money.ts';
import { bothLanguages } from '../../lib/local-text.ts';
import { romeClock, romeDay, romeInstant } from '../bookings/rome-time.ts';
import type { EventDetail } from './event-api.ts';

/** One row of the sessions: a Rome calendar day and wall-clock times as typed. */
export interface SessionDraft {
  key: number;
  day: string;
  start: string;
  end: string;
}

/** What the event form holds, as typed (strings), before it becomes the API's body. */
export interface EventDraft {
  lead: string;
  coOrganizers: string[];
  kind: EventKind;
  titleIt: string;
  titleEn: string;
  summaryIt: string;
  summaryEn: string;
  descriptionIt: string;
  descriptionEn: string;
  mode: EventMode;
  placeName: string;
  placeAddress: string;
  lat: string;
  lon: string;
  onlineUrl: string;
  language: string;
  audienceIt: string;
  audienceEn: string;
  filiere: string[];
  capacity: string;
  price: string;
  visibility: EventVisibility;
  sessions: SessionDraft[];
}

let nextKey = 1;
export const emptySession = (): SessionDraft => ({ key: nextKey++, day: '', start: '', end: '' });

/** The form's starting values: empty for a new event, the event's own (Rome wall clock) when editing. */
export function draftOf(e: EventDetail | undefined): EventDraft {
  return {
    lead: e?.organizers.find((o) => o.role === 'lead')?.id ?? '',
    coOrganizers: e?.organizers.filter((o) => o.role !== 'lead').map((o) => o.id) ?? [],
    kind: e?.kind ?? 'seminar',
    titleIt: e?.title.it ?? '',
    titleEn: e?.title.en ?? '',
    summaryIt: e?.summary.it ?? '',
    summaryEn: e?.summary.en ?? '',
    descriptionIt: e?.description?.it ?? '',
    descriptionEn: e?.description?.en ?? '',
    mode: e?.mode ?? 'in-person',
    placeName: e?.place?.name ?? '',
    placeAddress: e?.place?.address ?? '',
    lat: e?.place?.lat != null ? String(e.place.lat) : '',
    lon: e?.place?.lon != null ? String(e.place.lon) : '',
    onlineUrl: e?.onlineUrl ?? '',
    language: e?.language ?? 'it',
    audienceIt: e?.audience?.it ?? '',
    audienceEn: e?.audience?.en ?? '',
    filiere: e?.filiere ?? [],
    capacity: e?.availability.capacity != null ? String(e.availability.capacity) : '',
    price: e?.price != null ? (e.price / 100).toFixed(2) : '',
    visibility: e?.visibility ?? 'public',
    sessions: e?.sessions.length
      ? e.sessions.map((s) => ({
          key: nextKey++,
          day: romeDay(s.start),
          start: romeClock(s.start),
          end: romeClock(s.end),
        }))
      : [emptySession()],
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const clock = (v: string) => {
  // "9:30" and "9.30" are read as 09:30.
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(v.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : v.trim();
};

/** The sessions as the API's ISO instants with Rome's offset; null when a row is incomplete or ends before it starts. */
export function sessionsOf(rows: SessionDraft[]): EventSessionWrite[] | null {
  const out: EventSessionWrite[] = [];
  for (const row of rows) {
    const [day, start, end] = [row.day.trim(), clock(row.start), clock(row.end)];
    if (!DAY.test(day) || !CLOCK.test(start) || !CLOCK.test(end)) return null;
    const s = romeInstant(day, start);
    const e = romeInstant(day, end);
    if (Date.parse(e) <= Date.parse(s)) return null;
    out.push({ start: s, end: e });
  }
  return out.length ? out : null;
}

/** True when the sessions typed differ from the event's (compared as instants). */
export function sessionsChanged(before: EventDetail['sessions'], after: EventSessionWrite[]): boolean {
  if (before.length !== after.length) return true;
  return before.some(
    (s, i) => Date.parse(s.start) !== Date.parse(after[i]!.start) || Date.parse(s.end) !== Date.parse(after[i]!.end),
  );
}

/** The price as typed (see lib/money.ts) → cents; null when empty (free), NaN when not an amount. */
export function priceCentsOf(price: string): number | null {
  if (!price.trim()) return null;
  return centsOf(price) ?? Number.NaN;
}

/** A whole number of places ≥ 1; null when empty, NaN when not. */
export function capacityOf(capacity: string): number | null {
  const v = capacity.trim();
  if (!v) return null;
  return /^\d{1,6}$/.test(v) && Number(v) >= 1 ? Number(v) : Number.NaN;
}

/** A decimal degree within ±limit; null when empty, NaN when not. */
export function degreesOf(value: string, limit: number): number | null {
  const v = value.trim().replace(',', '.');
  if (!v) return null;
  const n = /^-?\d{1,3}(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
  return Math.abs(n) <= limit ? n : Number.NaN;
}

export const isWebAddress = (url: string) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url.trim());

/** The event's fields (all but the sessions) as the API's EventEdit body; cleared fields are sent as null. */
export function fieldsOf(d: EventDraft, lead: string): EventEdit & Required<Pick<EventEdit, 'organizers'>> {
  const inPerson = d.mode !== 'online';
  const online = d.mode !== 'in-person';
  const lat = degreesOf(d.lat, 90);
  const lon = degreesOf(d.lon, 180);
  return {
    organizers: [
      { organization: lead, role: 'lead' },
      ...d.coOrganizers.filter((o) => o !== lead).map((o) => ({ organization: o, role: 'co-organizer' as const })),
    ],
    kind: d.kind,
    title: bothLanguages(d.titleIt, d.titleEn),
    summary: bothLanguages(d.summaryIt, d.summaryEn),
    description: bothLanguages(d.descriptionIt, d.descriptionEn) ?? null,
    mode: d.mode,
    place:
      inPerson && d.placeName.trim()
        ? {
            name: d.placeName.trim(),
            ...(d.placeAddress.trim() ? { address: d.placeAddress.trim() } : {}),
            ...(lat !== null && lon !== null ? { lat, lon } : {}),
          }
        : null,
    onlineUrl: online && d.onlineUrl.trim() ? d.onlineUrl.trim() : null,
    language: d.language,
    audience: bothLanguages(d.audienceIt, d.audienceEn) ?? null,
    filiere: d.filiere,
    capacity: capacityOf(d.capacity),
    price: priceCentsOf(d.price),
    visibility: d.visibility,
  };
}
