import { describe, expect, it } from 'vitest';
import { addDays, addMinutes, minutesBetween, mondayOf, romeClock, romeDay, romeInstant } from './rome-time.ts';
import { groupByDay } from './availability-calendar.tsx';
import { durationChoices, startChoices } from './booking-form.tsx';
import { centsOf } from '../../lib/money.ts';
import { draftOf, ruleOf } from './opening-hours-form.tsx';
import type { BookingPolicy } from './booking-api.ts';

describe('Rome wall-clock time', () => {
  it('writes the offset in force, winter and summer', () => {
    expect(romeInstant('2026-01-15', '09:00')).toBe('2026-01-15T09:00:00+01:00');
    expect(romeInstant('2026-07-15', '09:00')).toBe('2026-07-15T09:00:00+02:00');
  });

  it('crosses the daylight-saving changes by real minutes', () => {
    // 29 March 2026: 02:00 becomes 03:00; one hour after 01:30 is 03:30.
    const before = romeInstant('2026-03-29', '01:30');
    expect(before).toBe('2026-03-29T01:30:00+01:00');
    expect(romeClock(addMinutes(before, 60))).toBe('03:30');
    expect(minutesBetween(romeInstant('2026-03-29'), romeInstant('2026-03-30'))).toBe(23 * 60);
    // 25 October 2026: the day has 25 hours.
    expect(minutesBetween(romeInstant('2026-10-25'), romeInstant('2026-10-26'))).toBe(25 * 60);
    const early = romeInstant('2026-10-25', '01:30');
    expect(Date.parse(addMinutes(early, 120)) - Date.parse(early)).toBe(120 * 60_000);
  });

  it('counts days and weeks on the calendar', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(romeDay('2026-12-06T23:30:00Z')).toBe('2026-12-07');
  });
});

describe('the availability lists', () => {
  it('cuts at Rome midnight and joins neighbours of the same status', () => {
    const day = '2026-12-07';
    const at = (clock: string, d = day) => romeInstant(d, clock);
    const byDay = groupByDay(
      [
        { start: at('00:00'), end: at('09:00'), status: 'closed' },
        { start: at('09:00'), end: at('10:00'), status: 'free' },
        { start: at('10:00'), end: at('12:00'), status: 'free' },
        { start: at('12:00'), end: at('13:00'), status: 'busy' },
        { start: at('13:00'), end: at('09:00', '2026-12-08'), status: 'closed' },
      ],
      [day, '2026-12-08'],
    );
    expect(byDay.get(day)!.map((i) => [romeClock(i.start), romeClock(i.end), i.status])).toEqual([
      ['00:00', '09:00', 'closed'],
      ['09:00', '12:00', 'free'],
      ['12:00', '13:00', 'busy'],
      ['13:00', '00:00', 'closed'],
    ]);
    expect(byDay.get('2026-12-08')!.map((i) => [romeClock(i.start), romeClock(i.end)])).toEqual([['00:00', '09:00']]);
  });
});

describe('the booking form choices', () => {
  const policy = { slotMinutes: 30, minMinutes: 60, maxMinutes: 120 } as BookingPolicy;
  const interval = {
    start: romeInstant('2026-12-07', '09:00'),
    end: romeInstant('2026-12-07', '11:30'),
    status: 'free' as const,
  };

  const before = Date.parse('2026-12-01T00:00:00Z');

  it('offers starts that leave room for the shortest booking', () => {
    expect(startChoices(interval, policy, before).map(romeClock)).toEqual(['09:00', '09:30', '10:00', '10:30']);
  });

  it('starts on the calendar’s steps, after the notice asked, and offers nothing in a gap too short', () => {
    const afterBuffer = { ...interval, start: romeInstant('2026-12-07', '08:45') };
    expect(startChoices(afterBuffer, policy, before).map(romeClock)).toEqual(['09:00', '09:30', '10:00', '10:30']);
    const noticed = { ...policy, leadHours: 24 } as BookingPolicy;
    const dayBefore = Date.parse(romeInstant('2026-12-06', '09:45'));
    expect(startChoices(interval, noticed, dayBefore).map(romeClock)).toEqual(['10:00', '10:30']);
    const gap = { ...interval, end: romeInstant('2026-12-07', '09:45') };
    expect(startChoices(gap, policy, before)).toEqual([]);
  });

  it('starts on whole steps when the notice cuts the free time at an instant with seconds', () => {
    // Saturday 09:35:12.345 in Rome with 48 hours' notice: Monday's free time begins at that same odd instant.
    const now = Date.parse('2026-12-05T08:35:12.345Z');
    const cut = { ...interval, start: new Date(now + 48 * 3_600_000).toISOString() };
    const starts = startChoices(cut, { ...policy, leadHours: 48 } as BookingPolicy, now);
    expect(starts.map(romeClock)).toEqual(['10:00', '10:30']);
    for (const s of starts) expect(Date.parse(s) % 60_000).toBe(0);
  });

  it('offers lengths from the minimum to the maximum within the free time', () => {
    expect(durationChoices(interval, policy, interval.start)).toEqual([60, 90, 120]);
    expect(durationChoices(interval, policy, romeInstant('2026-12-07', '10:00'))).toEqual([60, 90]);
  });
});

describe('tariff amounts as typed', () => {
  it('reads euros written the Italian or the English way', () => {
    expect(centsOf('45')).toBe(4500);
    expect(centsOf('45,5')).toBe(4550);
    expect(centsOf('1.234,50')).toBe(123450);
    expect(centsOf('1,234.50')).toBe(123450);
    expect(centsOf('12.50 €')).toBe(1250);
    expect(centsOf('dodici')).toBeNull();
    expect(centsOf('')).toBeNull();
  });
});

describe('opening rules', () => {
  it('edits a weekly rule as days and times, and keeps any other rule as written', () => {
    const weekly = {
      rrule: 'FREQ=WEEKLY;BYDAY=MO,WE',
      startDate: '2026-01-01',
      startTime: '22:00',
      minutes: 600,
      assisted: true,
    };
    const draft = draftOf(weekly);
    expect(draft).toMatchObject({ days: ['MO', 'WE'], rrule: null, from: '22:00', to: '08:00' });
    expect(ruleOf(draft)).toEqual(weekly);
    const monthly = {
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=1',
      startDate: '2026-01-01',
      startTime: '09:00',
      minutes: 60,
      assisted: false,
    };
    expect(ruleOf(draftOf(monthly))).toEqual(monthly);
  });
});
