import type { BookingRefusal } from '@clock/contracts';
import { localMinute } from '../../core/calendar.ts';
import type { InstrumentCalendar } from './calendar.rules.ts';
import { clip, dilate, normalize, overlaps, subtract, within, type Interval } from './intervals.rules.ts';

/**
 * The one rule: may this person book this interval of this instrument, and if not, why. The calendar
 * (availability), the free-slot search, the booking POST and the quote all ask it, so none of them offers what
 * another refuses.
 */

export interface Policy {
  bookable: boolean;
  approval: 'automatic' | 'manual';
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  leadHours: number;
  horizonDays: number;
  assistedOnly: boolean;
  qualificationId: string | null;
  pendingExpiryHours: number;
}

/** What the rule needs to know about the person: whether they hold the policy's qualification for the interval. */
export interface PersonFacts {
  qualified: boolean;
}

export type Verdict = { ok: true; assisted: boolean } | { ok: false; reason: BookingRefusal };

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** The opening windows that count (assisted ones only for an assisted-only instrument), cut by the closures. */
function openTimes(policy: Policy, cal: InstrumentCalendar): Interval[] {
  const windows = policy.assistedOnly ? cal.windows.filter((w) => w.assisted) : cal.windows;
  return subtract(normalize(windows), cal.closures);
}

/** The bookable range relative to now: from the lead time to the horizon. */
const bookableRange = (policy: Policy, now: number) => ({
  start: now + policy.leadHours * HOUR,
  end: now + policy.horizonDays * DAY,
});

const aligned = (t: number, slot: number) => localMinute(t) % slot === 0;

export function canBook(
  policy: Policy,
  cal: InstrumentCalendar,
  person: PersonFacts,
  x: Interval,
  now: number,
): Verdict {
  if (!policy.bookable) return { ok: false, reason: 'not-bookable' };
  if (!(x.end > x.start) || !Number.isFinite(x.start) || !Number.isFinite(x.end))
    return { ok: false, reason: 'invalid-interval' };
  if (policy.qualificationId && !person.qualified) return { ok: false, reason: 'qualification-required' };
  if (x.start < now) return { ok: false, reason: 'in-past' };
  const range = bookableRange(policy, now);
  if (x.start < range.start) return { ok: false, reason: 'lead-time' };
  if (x.end > range.end) return { ok: false, reason: 'beyond-horizon' };
  if (!aligned(x.start, policy.slotMinutes) || !aligned(x.end, policy.slotMinutes))
    return { ok: false, reason: 'not-aligned' };
  const minutes = (x.end - x.start) / MIN;
  if (minutes < policy.minMinutes) return { ok: false, reason: 'too-short' };
  if (minutes > policy.maxMinutes) return { ok: false, reason: 'too-long' };
  if (!within(openTimes(policy, cal), x)) return { ok: false, reason: 'closed' };
  const before = policy.bufferBeforeMinutes * MIN,
    after = policy.bufferAfterMinutes * MIN;
  if (overlaps(dilate(cal.blocks, before, after), x)) return { ok: false, reason: 'blocked' };
  if (overlaps(dilate(cal.busy, before, after), x)) return { ok: false, reason: 'taken' };
  const assisted = policy.assistedOnly || within(normalize(cal.windows.filter((w) => w.assisted)), x);
  return { ok: true, assisted };
}

/** Refusals that are about the time (409 slot-unavailable / slot-taken) rather than the person or the input. */
export const problemOf = (reason: BookingRefusal) =>
  reason === 'taken'
    ? 'SLOT_TAKEN'
    : reason === 'qualification-required'
      ? 'QUALIFICATION_REQUIRED'
      : reason === 'invalid-interval'
        ? 'VALIDATION_FAILED'
        : 'SLOT_UNAVAILABLE';

export type Status = 'free' | 'busy' | 'closed';
export interface Segment extends Interval {
  status: Status;
}

/**
 * The free time of an instrument in [from, to): where an interval may start and end so that the rule accepts it
 * (for someone qualified, on the slot grid, within the duration limits). Busy: other bookings (with the buffers a
 * new booking needs around them); closed: everything else (outside opening hours, closures, holidays, maintenance,
 * before the lead time, beyond the horizon, not bookable).
 */
export function freeTimes(policy: Policy, cal: InstrumentCalendar, from: number, to: number, now: number) {
  if (!policy.bookable) return [];
  const range = bookableRange(policy, now);
  const open = clip(openTimes(policy, cal), Math.max(from, range.start, now), Math.min(to, range.end));
  const before = policy.bufferBeforeMinutes * MIN,
    after = policy.bufferAfterMinutes * MIN;
  return subtract(subtract(open, dilate(cal.blocks, before, after)), dilate(cal.busy, before, after));
}

/** Consecutive segments covering [from, to), each free, busy or closed. */
export function availability(
  policy: Policy,
  cal: InstrumentCalendar,
  from: number,
  to: number,
  now: number,
): Segment[] {
  const before = policy.bufferBeforeMinutes * MIN,
    after = policy.bufferAfterMinutes * MIN;
  const free = freeTimes(policy, cal, from, to, now);
  const blocked = clip(dilate(cal.blocks, before, after), from, to);
  const busy = subtract(clip(dilate(cal.busy, before, after), from, to), blocked);
  const marks: Segment[] = [
    ...free.map((i) => ({ ...i, status: 'free' as const })),
    ...busy.map((i) => ({ ...i, status: 'busy' as const })),
  ].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let cur = from;
  const push = (s: Segment) => {
    const last = out[out.length - 1];
    if (last && last.status === s.status && last.end === s.start) last.end = s.end;
    else if (s.end > s.start) out.push(s);
  };
  for (const m of marks) {
    // free and busy never overlap (free excludes the busy times); closed fills the gaps.
    if (m.start > cur) push({ start: cur, end: m.start, status: 'closed' });
    push({ start: Math.max(m.start, cur), end: m.end, status: m.status });
    cur = Math.max(cur, m.end);
  }
  if (cur < to) push({ start: cur, end: to, status: 'closed' });
  return out;
}

/** The first instant at or after t on the slot grid (local wall clock). */
export function alignUp(t: number, slot: number): number {
  let x = Math.ceil(t / MIN) * MIN;
  for (let i = 0; i < 4; i++) {
    const m = localMinute(x) % slot;
    if (m === 0) return x;
    x += (slot - m) * MIN;
  }
  return x;
}

/**
 * The earliest free slots of `minutes` (rounded up to the slot grid, at least the minimum) in [from, to), at most
 * `count`, not overlapping each other. Each one is checked by the rule itself.
 */
export function findSlots(
  policy: Policy,
  cal: InstrumentCalendar,
  person: PersonFacts,
  opts: { from: number; to: number; minutes?: number; count: number },
  now: number,
): Interval[] {
  const slot = policy.slotMinutes;
  const wanted = Math.max(opts.minutes ?? policy.minMinutes, policy.minMinutes);
  const minutes = Math.ceil(wanted / slot) * slot;
  if (minutes > policy.maxMinutes) return [];
  if (policy.qualificationId && !person.qualified) return [];
  const out: Interval[] = [];
  for (const f of freeTimes(policy, cal, opts.from, opts.to, now)) {
    let s = alignUp(f.start, slot);
    while (s + minutes * MIN <= f.end && out.length < opts.count) {
      const x = { start: s, end: s + minutes * MIN };
      if (canBook(policy, cal, person, x, now).ok) {
        out.push(x);
        s = x.end;
      } else s = alignUp(s + MIN, slot);
    }
    if (out.length >= opts.count) break;
  }
  return out;
}
