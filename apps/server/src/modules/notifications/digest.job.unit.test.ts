import { describe, expect, it } from 'vitest';
import { digestJob } from './digest.job.ts';

// The digest's period starts at the last digest hour (Italian time); the worker waits for the hour, an operator not.
describe('the daily digest job', () => {
  const ctx = { db: null as never, publicUrl: 'http://localhost', digestHour: 7 };
  // 2026-12-04 is in winter: Italy is UTC+1.
  const at = (iso: string) => new Date(iso);
  it("starts its period at today's digest hour once it has passed", () => {
    expect(digestJob.periodStart(at('2026-12-04T07:30:00Z'), ctx)?.toISOString()).toBe('2026-12-04T06:00:00.000Z');
  });
  it('is not due for the worker before the hour, but is for an operator (since yesterday at that hour)', () => {
    expect(digestJob.periodStart(at('2026-12-04T04:00:00Z'), ctx)).toBeNull();
    expect(digestJob.periodStart(at('2026-12-04T04:00:00Z'), { ...ctx, byHand: true })?.toISOString()).toBe(
      '2026-12-03T06:00:00.000Z',
    );
  });
});
