import { describe, expect, it } from 'vitest';
import { fmt, instant } from './report-export-words.rules.ts';

describe('the PDF report’s numbers and dates', () => {
  it('groups thousands and rounds a pro-rata target as its value is read', () => {
    expect(fmt(5950.68, 'EUR', 'amount', 'it')).toBe('5.951 €');
    expect(fmt(25484, 'EUR', 'amount', 'en')).toBe('25,484 €');
    expect(fmt(148.77, 'hours', 'amount', 'it')).toBe('148,8 ore');
    expect(fmt(81.818, '%', 'percentage', 'it')).toBe('81,8 %');
    expect(fmt(4.114, 'rating', 'count', 'it')).toBe('4,11 / 5');
    expect(fmt(1234, 'count', 'count', 'it')).toBe('1.234');
    expect(fmt(null, 'EUR', 'amount', 'it')).toBe('—');
    expect(fmt(1, 'yes/no', 'boolean', 'it')).toBe('sì');
  });

  it('writes an instant as the days are written, with the year in full', () => {
    expect(instant('2026-07-12T08:00:00Z', 'it')).toBe('12 luglio 2026, 10:00');
    expect(instant('2026-01-09T14:30:00Z', 'en')).toBe('9 January 2026, 15:30');
  });
});
