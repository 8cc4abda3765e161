import { describe, expect, it } from 'vitest';
import {
  attainment,
  coverageGrid,
  defaultPeriod,
  formatKpiValue,
  heatLevel,
  isDay,
  periodSpans,
  topGroups,
} from './governance-series.ts';

const fmt = (n: number) => new Intl.NumberFormat('it-IT').format(n);

describe('periodSpans', () => {
  it('cuts a period into half-years clipped to it', () => {
    expect(periodSpans('2025-03-15', '2026-02-10')).toEqual([
      { from: '2025-03-15', to: '2025-06-30', label: '2025 H1' },
      { from: '2025-07-01', to: '2025-12-31', label: '2025 H2' },
      { from: '2026-01-01', to: '2026-02-10', label: '2026 H1' },
    ]);
  });
  it('uses years past eight half-years', () => {
    const spans = periodSpans('2019-12-09', '2025-06-30');
    expect(spans.map((s) => s.label)).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    expect(spans[0]).toEqual({ from: '2019-12-09', to: '2019-12-31', label: '2019' });
    expect(spans.at(-1)).toEqual({ from: '2025-01-01', to: '2025-06-30', label: '2025' });
  });
  it('gives nothing for an invalid or reversed period', () => {
    expect(periodSpans('2025-02-30', '2025-12-31')).toEqual([]);
    expect(periodSpans('2025-12-31', '2025-01-01')).toEqual([]);
    expect(periodSpans('N/A', '2025-01-01')).toEqual([]);
  });
});

describe('defaultPeriod and isDay', () => {
  it('starts at the half-year two years back', () => {
    expect(defaultPeriod('2026-12-05')).toEqual({ from: '2024-07-01', to: '2026-12-05' });
    expect(defaultPeriod('2026-03-01')).toEqual({ from: '2024-01-01', to: '2026-03-01' });
  });
  it('accepts real days only', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('')).toBe(false);
    expect(isDay(null)).toBe(false);
  });
});

describe('formatKpiValue', () => {
  it('shows no data as "—", never 0 %', () => {
    expect(formatKpiValue(null, '%', fmt)).toBe('—');
    expect(formatKpiValue(undefined, 'working days', fmt)).toBe('—');
    expect(formatKpiValue(Number.NaN, 'count', fmt)).toBe('—');
  });
  it('keeps a real zero and the unit', () => {
    expect(formatKpiValue(0, 'count', fmt)).toBe('0');
    expect(formatKpiValue(87.5, '%', fmt)).toBe('87,5 %');
    expect(formatKpiValue(42.4333, 'count', fmt)).toBe('42,4');
    expect(formatKpiValue(23145.206, 'EUR', fmt)).toBe('23.145 €');
    expect(formatKpiValue(12000, 'EUR', fmt)).toBe('12.000 €');
  });
});

describe('attainment', () => {
  it('follows the RAG rule: value/target, target/value for "down" KPIs', () => {
    expect(attainment(9, 10, 'up')).toBeCloseTo(0.9);
    expect(attainment(4, 2, 'down')).toBeCloseTo(0.5);
    expect(attainment(null, 10, 'up')).toBeNull();
    expect(attainment(3, null, 'up')).toBeNull();
  });
});

describe('coverageGrid and heatLevel', () => {
  it('adds up records per cell and centre and finds the scale', () => {
    const { grid, max } = coverageGrid([
      { priority: 'p', area: 'a', organization: 'x', records: 3 },
      { priority: 'p', area: 'a', organization: 'y', records: 8 },
      { priority: 'p', area: 'b', organization: 'x', records: 1 },
    ]);
    expect(grid.get('p×a')?.get('y')).toBe(8);
    expect(grid.get('p×b')?.get('y')).toBeUndefined();
    expect(max).toBe(8);
    expect([0, 1, 2, 8].map((n) => heatLevel(n, max))).toEqual([0, 1, 1, 4]);
  });
});

describe('topGroups', () => {
  it('keeps the largest and sums the rest as "other"', () => {
    const groups = [5, 1, 9, 3, 2].map((requests, i) => ({ key: `k${i}`, requests }));
    expect(topGroups(groups, 3)).toEqual([
      { key: 'k2', requests: 9 },
      { key: 'k0', requests: 5 },
      { key: null, requests: 6, other: true },
    ]);
    expect(topGroups(groups, 10)).toHaveLength(5);
  });
});
