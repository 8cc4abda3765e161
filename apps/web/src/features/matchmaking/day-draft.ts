import type { MatchmakingMessageKey } from './matchmaking-messages.it.ts';

/** What the form to organise a matchmaking day holds, as typed. */
export interface DayDraft {
  organizer: string;
  titleIt: string;
  titleEn: string;
  day: string;
  startTime: string;
  slotMinutes: string;
  slots: string;
  tables: string;
  filiere: string[];
  eventId: string;
}

/** A first draft: a month ahead, from 09:30, twelve rounds of twenty minutes at ten tables. */
export function firstDraft(organizer: string, now = new Date()): DayDraft {
  const day = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  return {
    organizer,
    titleIt: '',
    titleEn: '',
    day,
    startTime: '09:30',
    slotMinutes: '20',
    slots: '12',
    tables: '10',
    filiere: [],
    eventId: '',
  };
}

const whole = (text: string, min: number, max: number) => {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
};
const LIMITS = { slotMinutes: [5, 240], slots: [1, 96], tables: [1, 500] } as const;

/** The fields the server would refuse, checked before sending (the server checks them again): field → message key. */
export function dayDraftErrors(d: DayDraft): [field: string, key: MatchmakingMessageKey][] {
  const out: [string, MatchmakingMessageKey][] = [];
  if (!d.organizer) out.push(['organizer', 'mm.new.error.organizer']);
  if (!d.titleIt.trim() && !d.titleEn.trim()) out.push(['title', 'mm.new.error.title']);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.day) || Number.isNaN(Date.parse(`${d.day}T00:00:00Z`)))
    out.push(['day', 'mm.new.error.day']);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(d.startTime)) out.push(['startTime', 'mm.new.error.startTime']);
  for (const key of ['slotMinutes', 'slots', 'tables'] as const)
    if (whole(d[key], LIMITS[key][0], LIMITS[key][1]) === null) out.push([key, `mm.new.error.${key}`]);
  return out;
}

/** The request body of `POST /matchmaking` (valid drafts only). */
export function dayOfDraft(d: DayDraft) {
  const title = {
    ...(d.titleIt.trim() ? { it: d.titleIt.trim() } : {}),
    ...(d.titleEn.trim() ? { en: d.titleEn.trim() } : {}),
  };
  return {
    organizer: d.organizer,
    title,
    day: d.day,
    startTime: d.startTime,
    slotMinutes: Number(d.slotMinutes),
    slots: Number(d.slots),
    tables: Number(d.tables),
    ...(d.filiere.length ? { filiere: d.filiere } : {}),
    ...(d.eventId ? { eventId: d.eventId } : {}),
  };
}
