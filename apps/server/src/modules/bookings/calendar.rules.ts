import rrulePkg from 'rrule';
import { addDays, isHolidayDate, localDay, startOfDay, zonedTime } from '../../core/calendar.ts';
import { normalize, type Interval } from './intervals.rules.ts';

const { rrulestr } = rrulePkg;
type RRule = ReturnType<typeof rrulestr>;

/** One recurring opening window: the days of an RRULE from `startDate`, from a local time, for a length. */
export interface OpeningRuleFacts {
  rrule: string;
  startDate: string;
  startMinute: number;
  minutes: number;
  assisted: boolean;
}
export interface OpeningWindow extends Interval {
  assisted: boolean;
}

/** The longest window a rule may open (a week), so a range padded by it sees every window that reaches into it. */
export const MAX_WINDOW_MINUTES = 10080;
const PAD_DAYS = 8;

const parsed = new Map<string, RRule>();
/**
 * Parses an RRULE (without DTSTART) starting on a day. rrule works in "floating" time: each occurrence is a UTC
 * midnight naming a local calendar day, which the zone then places. Throws on an invalid rule.
 */
export function parseRule(rrule: string, startDate: string): RRule {
  const key = `${startDate}|${rrule}`;
  let r = parsed.get(key);
  if (!r) {
    const body = rrule.replace(/^RRULE:/i, '').trim();
    if (/DTSTART|\n|;\s*;|^;/i.test(body) || !/^FREQ=/i.test(body)) throw new Error('not a recurrence rule');
    r = rrulestr(`RRULE:${body}`, { dtstart: new Date(`${startDate}T00:00:00Z`) });
    if (parsed.size > 5000) parsed.clear();
    parsed.set(key, r);
  }
  return r;
}

/** What is wrong with a rule, or null (a rule must parse and open at least once). */
export function ruleProblem(rrule: string, startDate: string): string | null {
  try {
    const r = parseRule(rrule, startDate);
    const opts = r.origOptions;
    if (opts.byhour || opts.byminute || opts.bysecond)
      return 'the time of day is set by startTime, not by BYHOUR/BYMINUTE/BYSECOND';
    if (opts.freq !== undefined && opts.freq > 3) return 'FREQ must be YEARLY, MONTHLY, WEEKLY or DAILY';
    if (!r.after(new Date(`${startDate}T00:00:00Z`), true)) return 'the rule never opens';
    return null;
  } catch {
    return 'is not a valid RFC 5545 recurrence rule (e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR)';
  }
}

const occurrences = new Map<string, string[]>();
/** The days a rule opens between two days (inclusive); many instruments share a rule, so the answer is kept. */
function ruleDays(rule: OpeningRuleFacts, firstDay: string, lastDay: string): string[] {
  const key = `${rule.startDate}|${rule.rrule}|${firstDay}|${lastDay}`;
  let days = occurrences.get(key);
  if (!days) {
    const r = parseRule(rule.rrule, rule.startDate);
    days = r
      .between(new Date(`${firstDay}T00:00:00Z`), new Date(`${lastDay}T00:00:00Z`), true)
      .map((d) => d.toISOString().slice(0, 10));
    if (occurrences.size > 2000) occurrences.clear();
    occurrences.set(key, days);
  }
  return days;
}

/** The opening windows of the rules that reach into [from, to), in order. */
export function expandOpening(rules: OpeningRuleFacts[], from: number, to: number): OpeningWindow[] {
  const out: OpeningWindow[] = [];
  const firstDay = addDays(localDay(from), -PAD_DAYS);
  const lastDay = addDays(localDay(to), 1);
  for (const rule of rules) {
    for (const day of ruleDays(rule, firstDay, lastDay)) {
      const start = zonedTime(day, rule.startMinute);
      const end = zonedTime(day, rule.startMinute + rule.minutes);
      if (end > from && start < to) out.push({ start, end, assisted: rule.assisted });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const holidayRanges = new Map<string, Interval[]>();
/** National holidays in [from, to), each the whole local day (kept: every instrument of a search asks the same). */
export function holidays(from: number, to: number): Interval[] {
  const key = `${from}|${to}`;
  let out = holidayRanges.get(key);
  if (!out) {
    out = [];
    for (let day = localDay(from); startOfDay(day) < to; day = addDays(day, 1))
      if (isHolidayDate(day)) out.push({ start: startOfDay(day), end: startOfDay(addDays(day, 1)) });
    if (holidayRanges.size > 1000) holidayRanges.clear();
    holidayRanges.set(key, out);
  }
  return out;
}

/** Everything the one rule needs to know about an instrument's time around an interval or range. */
export interface InstrumentCalendar {
  /** Opening windows (not yet cut by closures). */
  windows: OpeningWindow[];
  /** Closures of the centre and the instrument, and national holidays. */
  closures: Interval[];
  /** Blocked ranges of active maintenance blocks. */
  blocks: Interval[];
  /** Blocked ranges of active bookings (requested, confirmed). */
  busy: Interval[];
}

/** Builds the calendar for [from, to) from the stored rows (the range is padded so edge windows are whole). */
export function buildCalendar(
  input: { rules: OpeningRuleFacts[]; closures: Interval[]; blocks: Interval[]; busy: Interval[] },
  from: number,
  to: number,
): InstrumentCalendar {
  const pad = MAX_WINDOW_MINUTES * 60_000;
  return {
    windows: expandOpening(input.rules, from - pad, to + pad),
    closures: normalize([...input.closures, ...holidays(from - pad, to + pad)]),
    blocks: normalize(input.blocks),
    busy: normalize(input.busy),
  };
}

/** The range a calendar must cover for one interval to be judged (windows may begin days before it). */
export const calendarRangeFor = (x: Interval) => ({
  from: x.start - MAX_WINDOW_MINUTES * 60_000,
  to: x.end + MAX_WINDOW_MINUTES * 60_000,
});
