import { describe, expect, it } from 'vitest';
import { zonedTime } from './calendar.ts';

describe('zonedTime', () => {
  it('reads minutes past midnight as later days, across the end of a month and of a year', () => {
    // 30 May 08:00 plus three days (a 72-hour booking) ends on 2 June at 08:00 (Rome, summer time).
    expect(new Date(zonedTime('2026-05-30', 8 * 60 + 3 * 1440)).toISOString()).toBe('2026-06-02T06:00:00.000Z');
    expect(new Date(zonedTime('2026-12-31', 1440 + 9 * 60)).toISOString()).toBe('2027-01-01T08:00:00.000Z');
    expect(new Date(zonedTime('2026-03-10', 600)).toISOString()).toBe('2026-03-10T09:00:00.000Z');
  });
});
