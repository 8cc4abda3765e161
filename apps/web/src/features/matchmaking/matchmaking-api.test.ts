import { describe, expect, it } from 'vitest';
import { clock, longDate, slotStart } from './matchmaking-api.ts';

describe('matchmaking times', () => {
  it('gives each slot its start from the day start and the slot length, past the hour and noon', () => {
    const d = { startTime: '09:30', slotMinutes: 20 };
    expect(slotStart(d, 0)).toBe('09:30');
    expect(slotStart(d, 2)).toBe('10:10');
    expect(slotStart(d, 12)).toBe('13:30');
  });
  it('reads times in Italian time and dates in the page language', () => {
    expect(clock('2026-12-26T08:30:00Z')).toBe('09:30');
    expect(clock('2026-07-01T08:30:00Z')).toBe('10:30');
    expect(longDate('2026-12-26', 'it')).toBe('sabato 26 dicembre 2026');
    expect(longDate('2026-12-26', 'en')).toBe('Saturday, 26 December 2026');
  });
});
