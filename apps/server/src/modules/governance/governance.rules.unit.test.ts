import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../core/calendar.ts';
import {
  addWorkingDaysMs,
  aggregateManual,
  objectiveStatus,
  periodOf,
  proRataTarget,
  ragStatus,
  workingDaysBetween,
} from './kpis.rules.ts';
import { cellsOf, isCurrentS3 } from './coverage.rules.ts';
import { canonicalJson, decideSignature, type Slot } from './reports.rules.ts';
import type { Actor } from '../../core/actor.ts';

describe('RAG status against the pro-rata target', () => {
  it('is green from 90 %, amber from 70 %, red below; down KPIs the other way round; none without target or data', () => {
    expect(ragStatus(9, 10, 'up')).toBe('green');
    expect(ragStatus(8.99, 10, 'up')).toBe('amber');
    expect(ragStatus(7, 10, 'up')).toBe('amber');
    expect(ragStatus(6.99, 10, 'up')).toBe('red');
    expect(ragStatus(5, 5, 'down')).toBe('green');
    expect(ragStatus(6, 5, 'down')).toBe('amber');
    expect(ragStatus(8, 5, 'down')).toBe('red');
    expect(ragStatus(0, 5, 'down')).toBe('green');
    expect(ragStatus(3, null, 'up')).toBe('none');
    expect(ragStatus(null, 3, 'up')).toBe('none');
    expect(objectiveStatus(['green', 'none', 'amber'])).toBe('amber');
    expect(objectiveStatus(['none'])).toBe('none');
  });

  it('takes sums pro rata of the days shared, levels from the best-overlapping period', () => {
    const year = [{ from: '2025-01-01', to: '2025-12-31', target: 365, baseline: 100 }];
    expect(proRataTarget({ from: '2025-01-01', to: '2025-01-31' }, year, 'sum', 'count')).toEqual({
      target: 31,
      baseline: 8.4932,
    });
    expect(proRataTarget({ from: '2025-01-01', to: '2025-01-31' }, year, 'median', 'count')).toEqual({
      target: 365,
      baseline: 100,
    });
    expect(proRataTarget({ from: '2026-01-01', to: '2026-01-31' }, year, 'sum', 'count')).toBeNull();
    const halves = [
      { from: '2025-01-01', to: '2025-06-30', target: 10, baseline: null },
      { from: '2025-07-01', to: '2025-12-31', target: 20, baseline: null },
    ];
    expect(proRataTarget({ from: '2025-01-01', to: '2025-12-31' }, halves, 'sum', 'count')!.target).toBe(30);
    expect(proRataTarget({ from: '2025-06-01', to: '2025-12-31' }, halves, 'mean', 'percentage')!.target).toBe(20);
  });
});

describe('periods and working days', () => {
  it('reads inclusive days in Europe/Rome and names the bad field', () => {
    const p = periodOf('2025-03-30', '2025-03-30');
    expect(Array.isArray(p)).toBe(false);
    if (!Array.isArray(p)) expect(p.end - p.start).toBe(23 * 3600_000); // the day summer time starts
    expect(periodOf('2025-02-29', '2025-03-01')).toEqual([{ pointer: '/query/from', message: expect.any(String) }]);
    expect(periodOf('2025-03-02', '2025-03-01')).toEqual([{ pointer: '/query/to', message: expect.any(String) }]);
  });
  it('counts working days without weekends and Italian holidays', () => {
    const at = (s: string) => Date.parse(s);
    expect(workingDaysBetween(at('2025-01-10T09:00:00Z'), at('2025-01-10T17:00:00Z'))).toBe(0);
    expect(workingDaysBetween(at('2025-01-10T09:00:00Z'), at('2025-01-13T09:00:00Z'))).toBe(1);
    // 24 Dec → 29 Dec 2025: Christmas and Santo Stefano and the weekend are not working days.
    expect(workingDaysBetween(at('2025-12-24T09:00:00Z'), at('2025-12-29T09:00:00Z'))).toBe(1);
  });
});

it('adds working days as core/calendar does', () => {
  for (const start of ['2025-12-23T09:00:00Z', '2025-04-17T15:00:00Z', '2026-01-02T23:30:00Z'])
    for (const n of [0, 1, 3, 5, 10])
      expect(addWorkingDaysMs(Date.parse(start), n), `${start} + ${n}`).toBe(
        addWorkingDays(new Date(start), n).getTime(),
      );
});

describe('manual values', () => {
  const row = (
    from: string,
    to: string,
    v: Partial<{ value: number; booleanValue: boolean; numerator: number; denominator: number }>,
  ) => ({
    from,
    to,
    value: v.value ?? null,
    booleanValue: v.booleanValue ?? null,
    numerator: v.numerator ?? null,
    denominator: v.denominator ?? null,
    evidenceUrl: 'https://example.org',
  });
  it('aggregate by the KPI, keep numerators and denominators, and give null for nothing', () => {
    expect(aggregateManual([], 'count', 'sum')).toEqual({ value: null });
    expect(
      aggregateManual(
        [row('2025-01-01', '2025-03-31', { value: 3 }), row('2025-04-01', '2025-06-30', { value: 2 })],
        'count',
        'sum',
      ).value,
    ).toBe(5);
    expect(
      aggregateManual(
        [row('2025-01-01', '2025-03-31', { value: 3 }), row('2025-04-01', '2025-06-30', { value: 2 })],
        'count',
        'last',
      ).value,
    ).toBe(2);
    expect(
      aggregateManual(
        [
          row('2025-01-01', '2025-03-31', { numerator: 1, denominator: 4 }),
          row('2025-04-01', '2025-06-30', { numerator: 3, denominator: 4 }),
        ],
        'percentage',
        'mean',
      ),
    ).toEqual({ value: 50, numerator: 4, denominator: 8 });
    expect(aggregateManual([row('2025-01-01', '2025-06-30', { booleanValue: true })], 'boolean', 'last').value).toBe(1);
  });
});

describe('the S3 matrix', () => {
  it('derives cells from priorities × areas and explicit cell codes; history and challenges name none', () => {
    expect(
      cellsOf(['s3-advanced-materials', 's3-health', 's3-agrifood', 'ris3-chemistry-nano', 's3-ecological-transition']),
    ).toEqual([
      ['s3-advanced-materials', 's3-health'],
      ['s3-advanced-materials', 's3-agrifood'],
    ]);
    expect(cellsOf(['s3-digital-technologies×s3-culture'])).toEqual([['s3-digital-technologies', 's3-culture']]);
    expect(cellsOf(['s3-digital-technologies'])).toEqual([]);
    expect(isCurrentS3('s3-health×s3-digital-technologies')).toBe(false);
  });
});

describe('signing order', () => {
  const member = (
    memberships: { organization: string; role: 'nucleus' | 'centre-staff' }[],
    platformRole: 'region' | null = null,
  ): Actor => ({
    kind: 'member',
    userId: 'u',
    tokenId: null,
    platformRole,
    memberships,
    csrfToken: null,
  });
  const slots = (signed: number): Slot[] =>
    ['a', 'b', 'r'].map((o, i) => ({
      position: i + 1,
      organizationId: o,
      role: o === 'r' ? 'region' : 'centre',
      signedAt: i < signed ? new Date() : null,
    }));
  it('lets only the next signer sign; another signer is out of turn (409), anyone else 403', () => {
    expect(decideSignature(member([{ organization: 'a', role: 'nucleus' }]), slots(0))).toMatchObject({
      ok: true,
      first: true,
      last: false,
    });
    expect(decideSignature(member([{ organization: 'b', role: 'nucleus' }]), slots(0))).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(decideSignature(member([], 'region'), slots(1))).toMatchObject({ ok: false, status: 409 });
    expect(decideSignature(member([], 'region'), slots(2))).toMatchObject({ ok: true, last: true });
    expect(decideSignature(member([{ organization: 'a', role: 'centre-staff' }]), slots(0))).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(decideSignature(member([{ organization: 'a', role: 'nucleus' }]), slots(3))).toMatchObject({
      ok: false,
      status: 409,
    });
  });
  it('hashes the same content the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe(canonicalJson({ a: [{ c: 'x', d: null }], b: 1 }));
  });
});
