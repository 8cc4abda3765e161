import { DateTime } from 'luxon';

/**
 * The network's calendar: Italian national public holidays, working days, and wall-clock time in Europe/Rome with
 * its daylight-saving transitions (zone arithmetic by luxon, on the IANA data Node carries). Local patron saints'
 * days are not national: a centre records them as closures.
 */
export const ZONE = 'Europe/Rome';

const DAY_MS = 86_400_000;

function easterSunday(year: number): Date {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** Italian national public holidays (the day after Easter included), of the calendar day a UTC date names. */
export function isItalianHoliday(d: Date): boolean {
  const md = `${d.getUTCMonth() + 1}-${d.getUTCDate()}`;
  if (['1-1', '1-6', '4-25', '5-1', '6-2', '8-15', '11-1', '12-8', '12-25', '12-26'].includes(md)) return true;
  const easterMonday = easterSunday(d.getUTCFullYear());
  easterMonday.setUTCDate(easterMonday.getUTCDate() + 1);
  return d.getUTCMonth() === easterMonday.getUTCMonth() && d.getUTCDate() === easterMonday.getUTCDate();
}
export const isWorkingDay = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !isItalianHoliday(d);

/** The moment `days` working days after `from` (same time of day; a start on a holiday counts from the next working day). */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** Whether a local calendar day (YYYY-MM-DD) is a national holiday. */
export const isHolidayDate = (day: string) => isItalianHoliday(new Date(`${day}T00:00:00Z`));

// ---- wall-clock time in Europe/Rome ----

const cache = new Map<string, number>();
function remember(key: string, compute: () => number): number {
  let v = cache.get(key);
  if (v === undefined) {
    if (cache.size > 200_000) cache.clear();
    v = compute();
    cache.set(key, v);
  }
  return v;
}

/** The instant of a local wall-clock time: `minute` minutes after local midnight of `day` (past 1440: later days). */
export function zonedTime(day: string, minute: number): number {
  return remember(`${day}|${minute}`, () => {
    const extraDays = Math.floor(minute / 1440);
    const rest = minute - extraDays * 1440;
    // The later day by the calendar (the 30th plus two days is the 1st or 2nd of the next month, not the 32nd).
    const [y, m, d] = addDays(day, extraDays).split('-').map(Number) as [number, number, number];
    return DateTime.fromObject(
      { year: y, month: m, day: d, hour: Math.floor(rest / 60), minute: rest % 60 },
      { zone: ZONE },
    ).toMillis();
  });
}

/** Local midnight of a day (the first instant of that day in Europe/Rome). */
export const startOfDay = (day: string) => zonedTime(day, 0);

/** The local calendar day (YYYY-MM-DD) an instant falls on. */
export function localDay(ms: number): string {
  return DateTime.fromMillis(ms, { zone: ZONE }).toISODate()!;
}

/** The local wall-clock minute of the day an instant falls on (0–1439). */
export function localMinute(ms: number): number {
  const t = DateTime.fromMillis(ms, { zone: ZONE });
  return t.hour * 60 + t.minute + (t.second || t.millisecond ? 0.5 : 0);
}

/** The day after (or `n` days after) a local day. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** An instant as ISO 8601 with the Europe/Rome offset of that moment (2026-03-29T09:00:00+02:00). */
export function formatInstant(ms: number): string {
  return DateTime.fromMillis(ms, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** ISO 8601 date-time with an explicit offset or Z (seconds and fractions optional). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Reads an API instant: a date-time with offset, or (when `bare` says how) a bare date meaning the start of that
 * local day, or the end of it (the start of the next). Null when it is neither or names no real moment.
 */
export function parseInstant(text: string, bare: 'start' | 'end' | 'none' = 'none'): number | null {
  if (DATE_ONLY.test(text)) {
    if (bare === 'none') return null;
    const t = DateTime.fromISO(text, { zone: ZONE });
    if (!t.isValid || t.year < 2000 || t.year > 2200) return null;
    return bare === 'start' ? startOfDay(text) : startOfDay(addDays(text, 1));
  }
  if (!DATE_TIME.test(text)) return null;
  const t = DateTime.fromISO(text, { setZone: true });
  if (!t.isValid || t.year < 2000 || t.year > 2200) return null;
  return t.toMillis();
}
