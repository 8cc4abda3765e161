/**
 * Pure helpers of the governance pages: the periods a KPI's history is shown over, its values as text ("—" for no
 * data, never 0 %) and the coverage map's shape. No React, no browser: tested in governance-series.test.ts.
 */

export interface Span {
  from: string;
  to: string;
  /** e.g. "2025 H1", "2025". */
  label: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isDay = (d: string | null | undefined): d is string =>
  !!d && DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** Today in Europe/Rome as YYYY-MM-DD (the KPIs' calendar). */
export function romeToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now);
}

/** The default period: from the start of the half-year two years ago to today (four half-years and the current). */
export function defaultPeriod(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4)) - 2;
  const firstHalf = Number(today.slice(5, 7)) <= 6;
  return { from: firstHalf ? `${year}-01-01` : `${year}-07-01`, to: today };
}

/**
 * The half-years (or years, past eight half-years) that make up `from`..`to`, each clipped to the period: the
 * columns of a KPI's history. An invalid or reversed period gives none.
 */
export function periodSpans(from: string, to: string, maxHalves = 8): Span[] {
  if (!isDay(from) || !isDay(to) || from > to) return [];
  const halves: Span[] = [];
  let y = Number(from.slice(0, 4));
  let h = Number(from.slice(5, 7)) <= 6 ? 1 : 2;
  for (;;) {
    const start = h === 1 ? `${y}-01-01` : `${y}-07-01`;
    const end = h === 1 ? `${y}-06-30` : `${y}-12-31`;
    if (start > to) break;
    halves.push({ from: start < from ? from : start, to: end > to ? to : end, label: `${y} H${h}` });
    if (h === 2) y++;
    h = h === 1 ? 2 : 1;
  }
  if (halves.length <= maxHalves) return halves;
  const years = new Map<string, Span>();
  for (const s of halves) {
    const key = s.label.slice(0, 4);
    const prev = years.get(key);
    years.set(key, prev ? { ...prev, to: s.to } : { ...s, label: key });
  }
  return [...years.values()];
}

export type Formatter = (n: number) => string;

/** A KPI's value as text: "—" when there is no data (null), "12 %", "3.5", "1,200 EUR"; never 0 for nothing. */
export function formatKpiValue(value: number | null | undefined, unit: string, format: Formatter): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  // Targets pro rata of a period carry many decimals: one is enough to read, none for money.
  const rounded = unit === 'EUR' ? Math.round(value) : Math.round(value * 10) / 10;
  if (unit === '%') return `${format(rounded)} %`;
  if (unit === 'EUR') return `${format(rounded)} €`;
  return format(rounded);
}

/** The ratio the RAG rule compares (value/target, target/value for "down" KPIs); null when either is missing. */
export function attainment(value: number | null, target: number | null, direction: 'up' | 'down'): number | null {
  if (value === null || target === null) return null;
  if (direction === 'down') return value === 0 ? (target >= 0 ? 1 : null) : target / value;
  return target === 0 ? (value >= 0 ? 1 : null) : value / target;
}

export interface Cell {
  priority: string;
  area: string;
  organization: string;
  records: number;
}

/** Records per centre in each S3 cell ("priority×area" → organisation → count), and the largest count (the scale). */
export function coverageGrid(cells: Cell[]): { grid: Map<string, Map<string, number>>; max: number } {
  const grid = new Map<string, Map<string, number>>();
  let max = 0;
  for (const c of cells) {
    const key = `${c.priority}×${c.area}`;
    const row = grid.get(key) ?? new Map<string, number>();
    row.set(c.organization, (row.get(c.organization) ?? 0) + c.records);
    grid.set(key, row);
    max = Math.max(max, row.get(c.organization)!);
  }
  return { grid, max };
}

/** A heat level 0–4 for a count against the map's largest (0: nobody; 1–4 quartiles), for the cells' shade. */
export function heatLevel(n: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (n <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((n / max) * 4))) as 1 | 2 | 3 | 4;
}

/** The largest groups and the rest summed as one ("other"), for a chart a person reads at a glance. */
export function topGroups<T extends { key: string | null; requests: number }>(
  groups: T[],
  n: number,
): { key: string | null; requests: number; other?: boolean }[] {
  const sorted = [...groups].sort((a, b) => b.requests - a.requests);
  if (sorted.length <= n) return sorted;
  const rest = sorted.slice(n - 1).reduce((sum, g) => sum + g.requests, 0);
  return [...sorted.slice(0, n - 1), { key: null, requests: rest, other: true }];
}
