import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatInstant, parseInstant, zonedTime } from '../../core/calendar.ts';
import { alignUp, availability, canBook, findSlots, freeTimes, type Policy } from './bookings.rules.ts';
import { buildCalendar, ruleProblem, type OpeningRuleFacts } from './calendar.rules.ts';
import { allowedActions, stepFor, type BookingFacts } from './lifecycle.rules.ts';
import { priceQuote, userCategory, type TariffFacts } from './tariffs.rules.ts';
import type { Actor } from '../../core/actor.ts';

const MIN = 60_000;
const at = (s: string) => parseInstant(s)!;
const policy = (p: Partial<Policy> = {}): Policy => ({
  bookable: true,
  approval: 'automatic',
  slotMinutes: 30,
  minMinutes: 30,
  maxMinutes: 480,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  leadHours: 0,
  horizonDays: 365,
  assistedOnly: false,
  qualificationId: null,
  pendingExpiryHours: 48,
  ...p,
});
const weekdays: OpeningRuleFacts = {
  rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  startDate: '2026-01-01',
  startMinute: 9 * 60,
  minutes: 9 * 60,
  assisted: false,
};
const cal = (
  extra: Partial<Parameters<typeof buildCalendar>[0]> = {},
  from = at('2026-03-20T00:00:00Z'),
  to = at('2026-04-20T00:00:00Z'),
) => buildCalendar({ rules: [weekdays], closures: [], blocks: [], busy: [], ...extra }, from, to);
const NOW = at('2026-03-01T00:00:00Z');
const qualified = { qualified: true };

describe('canBook', () => {
  it('accepts an aligned interval inside opening hours, refuses outside, misaligned, too short or long', () => {
    const c = cal();
    const p = policy();
    expect(
      canBook(p, c, qualified, { start: at('2026-03-24T09:00:00+01:00'), end: at('2026-03-24T10:00:00+01:00') }, NOW),
    ).toEqual({ ok: true, assisted: false });
    const reason = (s: string, e: string, pp = p) => {
      const v = canBook(pp, c, qualified, { start: at(s), end: at(e) }, NOW);
      return v.ok ? 'ok' : v.reason;
    };
    expect(reason('2026-03-24T08:30:00+01:00', '2026-03-24T09:30:00+01:00')).toBe('closed');
    expect(reason('2026-03-24T09:10:00+01:00', '2026-03-24T10:10:00+01:00')).toBe('not-aligned');
    expect(reason('2026-03-24T09:00:00+01:00', '2026-03-24T09:30:00+01:00', policy({ minMinutes: 60 }))).toBe(
      'too-short',
    );
    expect(reason('2026-03-24T09:00:00+01:00', '2026-03-24T12:00:00+01:00', policy({ maxMinutes: 120 }))).toBe(
      'too-long',
    );
    expect(reason('2026-03-28T09:00:00+01:00', '2026-03-28T10:00:00+01:00')).toBe('closed'); // a Saturday
    expect(reason('2026-04-06T09:00:00+02:00', '2026-04-06T10:00:00+02:00')).toBe('closed'); // Easter Monday
    expect(reason('2026-03-24T09:00:00+01:00', '2026-03-24T10:00:00+01:00', policy({ bookable: false }))).toBe(
      'not-bookable',
    );
    expect(reason('2026-03-24T09:00:00+01:00', '2026-03-24T10:00:00+01:00', policy({ qualificationId: 'q' }))).toBe(
      'ok',
    );
    const unq = canBook(
      policy({ qualificationId: 'q' }),
      c,
      { qualified: false },
      { start: at('2026-03-24T09:00:00+01:00'), end: at('2026-03-24T10:00:00+01:00') },
      NOW,
    );
    expect(unq).toEqual({ ok: false, reason: 'qualification-required' });
  });

  it('keeps the lead time, the horizon, and the buffers around other bookings and maintenance', () => {
    const busy = [{ start: at('2026-03-24T10:00:00+01:00'), end: at('2026-03-24T11:00:00+01:00') }];
    const blocks = [{ start: at('2026-03-25T09:00:00+01:00'), end: at('2026-03-25T18:00:00+01:00') }];
    const c = cal({ busy, blocks });
    const p = policy({ bufferAfterMinutes: 30, leadHours: 24, horizonDays: 60 });
    const r = (s: string, e: string, now = NOW) => {
      const v = canBook(p, c, qualified, { start: at(s), end: at(e) }, now);
      return v.ok ? 'ok' : v.reason;
    };
    expect(r('2026-03-24T09:00:00+01:00', '2026-03-24T10:00:00+01:00')).toBe('taken'); // its cleaning would touch 10:00
    expect(r('2026-03-24T09:00:00+01:00', '2026-03-24T09:30:00+01:00')).toBe('ok');
    expect(r('2026-03-24T11:00:00+01:00', '2026-03-24T12:00:00+01:00')).toBe('ok'); // the other's buffer is in its range
    expect(r('2026-03-25T10:00:00+01:00', '2026-03-25T11:00:00+01:00')).toBe('blocked');
    expect(r('2026-03-24T09:00:00+01:00', '2026-03-24T09:30:00+01:00', at('2026-03-23T12:00:00+01:00'))).toBe(
      'lead-time',
    );
    expect(r('2026-03-24T09:00:00+01:00', '2026-03-24T09:30:00+01:00', at('2026-03-25T12:00:00+01:00'))).toBe(
      'in-past',
    );
    expect(r('2026-04-30T09:00:00+02:00', '2026-04-30T09:30:00+02:00')).toBe('beyond-horizon');
  });

  it('follows local wall-clock time across the daylight-saving changes (Europe/Rome)', () => {
    // 29 March 2026: clocks go from 02:00 to 03:00. A 24/7 instrument, hourly slots on the local grid.
    const always: OpeningRuleFacts = {
      rrule: 'FREQ=DAILY',
      startDate: '2026-01-01',
      startMinute: 0,
      minutes: 1440,
      assisted: false,
    };
    const c = buildCalendar(
      { rules: [always], closures: [], blocks: [], busy: [] },
      at('2026-03-27T00:00:00Z'),
      at('2026-04-01T00:00:00Z'),
    );
    const p = policy({ slotMinutes: 60, minMinutes: 60, maxMinutes: 1440 });
    // Local midnight to local midnight of the short day is 23 hours.
    const day = { start: zonedTime('2026-03-29', 0), end: zonedTime('2026-03-30', 0) };
    expect((day.end - day.start) / MIN).toBe(23 * 60);
    expect(formatInstant(day.start)).toBe('2026-03-29T00:00:00+01:00');
    expect(formatInstant(day.end)).toBe('2026-03-30T00:00:00+02:00');
    expect(canBook(p, c, qualified, day, NOW).ok).toBe(true);
    // 01:00+01:00 → 03:00+02:00 is one real hour: local 01:00 and 03:00 are both on the hourly grid.
    expect(
      canBook(p, c, qualified, { start: at('2026-03-29T01:00:00+01:00'), end: at('2026-03-29T03:00:00+02:00') }, NOW)
        .ok,
    ).toBe(true);
    // Weekday opening hours stay 09:00–18:00 local on both sides of the change.
    const w = cal();
    const windows = w.windows.filter(
      (x) => formatInstant(x.start).startsWith('2026-03-27') || formatInstant(x.start).startsWith('2026-03-30'),
    );
    expect(windows.map((x) => [formatInstant(x.start), formatInstant(x.end)])).toEqual([
      ['2026-03-27T09:00:00+01:00', '2026-03-27T18:00:00+01:00'],
      ['2026-03-30T09:00:00+02:00', '2026-03-30T18:00:00+02:00'],
    ]);
  });

  it('reads bare dates as whole local days', () => {
    expect(formatInstant(parseInstant('2026-10-25', 'start')!)).toBe('2026-10-25T00:00:00+02:00');
    expect(formatInstant(parseInstant('2026-10-25', 'end')!)).toBe('2026-10-26T00:00:00+01:00');
    expect(parseInstant('2026-10-25')).toBeNull();
    expect(parseInstant('2026-13-45T10:00:00Z')).toBeNull();
    expect(parseInstant('2026-10-25T10:00:00')).toBeNull(); // no offset
  });

  it('checks opening rules', () => {
    expect(ruleProblem('FREQ=WEEKLY;BYDAY=MO', '2026-01-01')).toBeNull();
    expect(ruleProblem('nonsense', '2026-01-01')).not.toBeNull();
    expect(ruleProblem('FREQ=DAILY;BYHOUR=9', '2026-01-01')).not.toBeNull();
    expect(ruleProblem('FREQ=WEEKLY;UNTIL=20250101T000000Z', '2026-01-01')).not.toBeNull();
  });
});

describe('availability', () => {
  it('covers the range with free, busy and closed segments', () => {
    const busy = [{ start: at('2026-03-24T10:00:00+01:00'), end: at('2026-03-24T11:00:00+01:00') }];
    const blocks = [{ start: at('2026-03-24T15:00:00+01:00'), end: at('2026-03-24T16:00:00+01:00') }];
    const from = at('2026-03-24T00:00:00+01:00'),
      to = at('2026-03-25T00:00:00+01:00');
    const segs = availability(policy(), cal({ busy, blocks }), from, to, NOW);
    expect(
      segs.map((s) => [formatInstant(s.start).slice(11, 16), formatInstant(s.end).slice(11, 16), s.status]),
    ).toEqual([
      ['00:00', '09:00', 'closed'],
      ['09:00', '10:00', 'free'],
      ['10:00', '11:00', 'busy'],
      ['11:00', '15:00', 'free'],
      ['15:00', '16:00', 'closed'],
      ['16:00', '18:00', 'free'],
      ['18:00', '00:00', 'closed'],
    ]);
  });
});

// ---- the property: what the calendar and the slot search offer is exactly what a booking is accepted for ----

const DAY0 = at('2026-03-23T00:00:00+01:00'); // a Monday, the week before the change to summer time
const arbPolicy = fc.record({
  bookable: fc.constantFrom(true, true, true, false),
  approval: fc.constantFrom('automatic' as const, 'manual' as const),
  slotMinutes: fc.constantFrom(15, 30, 60, 90),
  minMinutes: fc.constantFrom(15, 30, 60, 120),
  maxMinutes: fc.constantFrom(60, 240, 600, 1440),
  bufferBeforeMinutes: fc.constantFrom(0, 15, 30),
  bufferAfterMinutes: fc.constantFrom(0, 15, 60),
  leadHours: fc.constantFrom(0, 2, 24),
  horizonDays: fc.constantFrom(3, 10, 30),
  assistedOnly: fc.boolean(),
  qualificationId: fc.option(fc.constant('q'), { nil: null }),
  pendingExpiryHours: fc.constant(48),
});
const arbRule = fc.record({
  rrule: fc.constantFrom(
    'FREQ=DAILY',
    'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    'FREQ=WEEKLY;BYDAY=SA,SU',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
  ),
  startDate: fc.constant('2026-03-01'),
  startMinute: fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
  minutes: fc.integer({ min: 1, max: 96 }).map((q) => q * 15),
  assisted: fc.boolean(),
});
const arbInterval = fc
  .record({ start: fc.integer({ min: 0, max: 14 * 96 }), len: fc.integer({ min: 1, max: 96 }) })
  .map(({ start, len }) => ({
    start: DAY0 + start * 15 * MIN,
    end: DAY0 + (start + len) * 15 * MIN,
  }));
const arbScenario = fc.record({
  policy: arbPolicy,
  rules: fc.array(arbRule, { minLength: 0, maxLength: 3 }),
  closures: fc.array(arbInterval, { maxLength: 2 }),
  blocks: fc.array(arbInterval, { maxLength: 2 }),
  busy: fc.array(arbInterval, { maxLength: 4 }),
  qualified: fc.boolean(),
  now: fc.integer({ min: -2 * 96, max: 3 * 96 }).map((q) => DAY0 + q * 15 * MIN),
});

describe('one rule (property)', () => {
  it('an interval is accepted exactly when it lies in one free segment, on the grid, within the limits, by a qualified person', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        arbScenario,
        arbInterval,
        fc.option(fc.nat(), { nil: null }),
        fc.nat(),
        fc.nat(),
        (s, arbitrary, pick, a, len) => {
          const p = { ...s.policy, maxMinutes: Math.max(s.policy.maxMinutes, s.policy.minMinutes) };
          const from = DAY0 - 86_400_000,
            to = DAY0 + 16 * 86_400_000;
          const c = buildCalendar({ rules: s.rules, closures: s.closures, blocks: s.blocks, busy: s.busy }, from, to);
          const person = { qualified: s.qualified };
          const segs = availability(p, c, from, to, s.now);
          // Half the cases are arbitrary intervals; the other half start on the grid inside a free segment.
          const free = segs.filter((g) => g.status === 'free');
          let x = arbitrary;
          if (pick !== null && free.length) {
            const g = free[pick % free.length]!;
            const start = alignUp(g.start, p.slotMinutes) + (a % 4) * p.slotMinutes * MIN;
            x = { start, end: start + (1 + (len % 8)) * p.slotMinutes * MIN };
          }
          // Availability describes the range asked for; an interval running past it is judged by a wider one.
          if (x.end > to) return;
          const inFree = segs.some((g) => g.status === 'free' && g.start <= x.start && x.end <= g.end);
          const minutes = (x.end - x.start) / MIN;
          const onGrid = [x.start, x.end].every((t) => {
            const local = formatInstant(t).slice(11, 16);
            return (Number(local.slice(0, 2)) * 60 + Number(local.slice(3, 5))) % p.slotMinutes === 0;
          });
          const expected =
            inFree &&
            onGrid &&
            minutes >= p.minMinutes &&
            minutes <= p.maxMinutes &&
            (!p.qualificationId || s.qualified);
          expect(canBook(p, c, person, x, s.now).ok).toBe(expected);
          if (expected) accepted++;
          // The slot search offers only what the rule accepts, inside free segments.
          const slots = findSlots(p, c, person, { from, to, count: 3 }, s.now);
          for (const slot of slots) {
            expect(canBook(p, c, person, slot, s.now).ok).toBe(true);
            expect(segs.some((g) => g.status === 'free' && g.start <= slot.start && slot.end <= g.end)).toBe(true);
          }
          // …and finds one whenever a free segment holds a slot of the minimum length on the grid.
          if (slots.length === 0 && (!p.qualificationId || s.qualified) && p.minMinutes <= p.maxMinutes) {
            const len = Math.ceil(p.minMinutes / p.slotMinutes) * p.slotMinutes;
            if (len <= p.maxMinutes)
              for (const f of freeTimes(p, c, from, to, s.now))
                for (let t = f.start; t + len * MIN <= f.end; t += 15 * MIN)
                  expect(canBook(p, c, person, { start: t, end: t + len * MIN }, s.now).ok).toBe(false);
          }
        },
      ),
      { numRuns: 1000 },
    );
    // The generators reach both answers often enough for the equality to mean something.
    expect(accepted).toBeGreaterThan(20);
  });
});

describe('life cycle', () => {
  const member = (
    userId: string,
    memberships: Extract<Actor, { kind: 'member' }>['memberships'],
    platformRole: 'admin' | 'region' | null = null,
  ): Actor => ({
    kind: 'member',
    userId,
    tokenId: null,
    platformRole,
    memberships,
    csrfToken: null,
  });
  const b: BookingFacts = {
    state: 'requested',
    bookerUserId: 'u1',
    bookerOrganizationId: 'acme',
    ownerOrganizationId: 'lucense',
    start: at('2026-03-24T09:00:00+01:00'),
    end: at('2026-03-24T10:00:00+01:00'),
  };
  const staff = member('s1', [{ organization: 'lucense', role: 'centre-staff' }]);
  const booker = member('u1', [{ organization: 'acme', role: 'company' }]);
  const colleague = member('u2', [{ organization: 'acme', role: 'company' }]);
  const stranger = member('u3', [{ organization: 'other', role: 'company' }]);

  it('lets the centre decide and the booker cancel; the approver is never the booker', () => {
    expect(allowedActions(staff, b, NOW)).toEqual(['approve', 'decline', 'cancel']);
    expect(allowedActions(booker, b, NOW)).toEqual(['cancel']);
    expect(allowedActions(colleague, b, NOW)).toEqual([]);
    expect(allowedActions(stranger, b, NOW)).toEqual([]);
    const staffBooking = { ...b, bookerUserId: 's1', bookerOrganizationId: 'lucense' };
    expect(allowedActions(staff, staffBooking, NOW)).toEqual(['cancel']);
    const after = at('2026-03-24T09:30:00+01:00');
    expect(allowedActions(staff, { ...b, state: 'confirmed' }, after)).toEqual(['cancel', 'record-use', 'no-show']);
    expect(allowedActions(booker, { ...b, state: 'confirmed' }, after)).toEqual([]);
    expect(stepFor('cancel', staff, { ...b, state: 'blocked', bookerOrganizationId: null }, NOW)?.to).toBe('cancelled');
  });
});

describe('category and price', () => {
  it('derives the category from the organisation booked for', () => {
    expect(userCategory('lucense', { id: 'lucense', kind: 'centre', sizeClass: null })).toBe('centre-staff');
    expect(userCategory('lucense', { id: 'navigo', kind: 'centre', sizeClass: null })).toBe('network-centre');
    expect(userCategory('lucense', { id: 'x', kind: 'company', sizeClass: 'small' })).toBe('sme');
    expect(userCategory('lucense', { id: 'x', kind: 'company', sizeClass: 'large' })).toBe('company');
    expect(userCategory('lucense', { id: 'unipi', kind: 'university', sizeClass: null })).toBe('university');
    expect(userCategory('lucense', { id: 'rt', kind: 'region', sizeClass: null })).toBe('public-body');
    expect(userCategory('lucense', null)).toBe('company');
  });
  it('quotes the cheaper of per hour and per half-day, per sample when samples are given', () => {
    const t = (id: string, unit: TariffFacts['unit'], amountCents: number): TariffFacts => ({
      id,
      category: 'sme',
      unit,
      amountCents,
      validFrom: 0,
      validTo: null,
    });
    const tariffs = [t('h', 'hour', 5000), t('d', 'half-day', 15000), t('s', 'sample', 2000)];
    expect(priceQuote(tariffs, 'sme', 90, undefined, NOW)).toMatchObject({
      unit: 'hour',
      quantity: 1.5,
      amountCents: 7500,
    });
    expect(priceQuote(tariffs, 'sme', 240, undefined, NOW)).toMatchObject({
      unit: 'half-day',
      quantity: 1,
      amountCents: 15000,
    });
    expect(priceQuote(tariffs, 'sme', 60, 3, NOW)).toMatchObject({ unit: 'sample', quantity: 3, amountCents: 6000 });
    expect(priceQuote(tariffs, 'company', 60, undefined, NOW)).toBeNull();
    const old = { ...t('old', 'hour', 1), validTo: NOW - 1 };
    expect(priceQuote([old], 'sme', 60, undefined, NOW)).toBeNull();
  });
});
