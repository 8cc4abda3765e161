/**
 * Calendar arithmetic in the instruments' zone, Europe/Rome, with the browser's Intl only (no date library): days are
 * `YYYY-MM-DD` strings, instants are ISO 8601 strings with their offset, as the API speaks them.
 */
export const ZONE = 'Europe/Rome';

const dayKeyFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'longOffset' });
const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Rome calendar day of an instant, `YYYY-MM-DD`. */
export function romeDay(instant: Date | string): string {
  return dayKeyFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The Rome wall-clock time of an instant, `HH:MM`. */
export function romeClock(instant: Date | string): string {
  return clockFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Rome's offset from UTC at an instant, as `+01:00` or `+02:00`. */
function offsetAt(instant: Date): string {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

/** Minutes east of UTC of an offset string like `+02:00`. */
function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  return sign * ((h ?? 0) * 60 + (m ?? 0));
}

/**
 * The instant of a Rome wall-clock time (`day` `YYYY-MM-DD`, `clock` `HH:MM`) as ISO 8601 with its offset. Across a
 * daylight-saving change the offset is the one in force at that instant.
 */
export function romeInstant(day: string, clock = '00:00'): string {
  const guessUtc = Date.parse(`${day}T${clock}:00Z`);
  // Try the offset in force a few hours either side: one of them maps back to the same wall clock.
  for (const probe of [guessUtc - 3 * 3600_000, guessUtc + 3 * 3600_000]) {
    const offset = offsetAt(new Date(probe));
    const utc = guessUtc - offsetMinutes(offset) * 60_000;
    if (romeClock(new Date(utc)) === clock && romeDay(new Date(utc)) === day) return `${day}T${clock}:00${offset}`;
  }
  const offset = offsetAt(new Date(guessUtc));
  return `${day}T${clock}:00${offset}`;
}

/** The day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week that holds `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(day, -((weekday + 6) % 7));
}

/** Today in Rome. */
export function romeToday(): string {
  return romeDay(new Date());
}

/** Whole minutes between two instants. */
export function minutesBetween(start: string, end: string): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
}

/** An instant `minutes` after `start`, written with Rome's offset at that moment. */
export function addMinutes(start: string, minutes: number): string {
  const at = new Date(Date.parse(start) + minutes * 60_000);
  const local = romeInstant(romeDay(at), romeClock(at));
  // The hour that repeats when summer time ends has two instants: keep the exact one then.
  return Date.parse(local) === at.getTime() ? local : at.toISOString();
}

/** `true` when `value` is a `YYYY-MM-DD` day. */
export function isDay(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T12:00:00Z`));
}
