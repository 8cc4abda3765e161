import type { KpiAggregation, KpiDirection, KpiKind } from '../../db/schema/index.ts';
import { DateTime } from 'luxon';
import { addDays, isItalianHoliday, startOfDay, ZONE } from '../../core/calendar.ts';
import type { FieldProblem } from '../../core/errors.ts';

/**
 * The pure side of the KPIs: periods (inclusive calendar days in Europe/Rome), aggregation, the pro-rata target and the
 * RAG status by rule (green ≥ 90 % of the pro-rata target, amber 70–90 %, red below; `down` KPIs the other way round).
 */

export type Rag = 'green' | 'amber' | 'red' | 'none';

/** A period: inclusive days and the half-open instant range [start, end) they cover in Europe/Rome. */
export interface Period {
  from: string;
  to: string;
  start: number;
  end: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (d: string) => DAY.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** The period of `from`..`to` (inclusive), or the problems with it (at most ten years; `to` not before `from`). */
export function periodOf(from: string, to: string, base = '/query'): Period | FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!validDay(from)) problems.push({ pointer: `${base}/from`, message: 'must be a real calendar day, YYYY-MM-DD' });
  if (!validDay(to)) problems.push({ pointer: `${base}/to`, message: 'must be a real calendar day, YYYY-MM-DD' });
  if (problems.length) return problems;
  if (to < from) return [{ pointer: `${base}/to`, message: 'must not be before "from"' }];
  if (daysIn(from, to) > 3660) return [{ pointer: `${base}/to`, message: 'a period is at most ten years' }];
  return { from, to, start: startOfDay(from), end: startOfDay(addDays(to, 1)) };
}

/** The number of calendar days from `from` to `to`, both included. */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Days two inclusive periods share. */
export function overlapDays(a: { from: string; to: string }, b: { from: string; to: string }): number {
  const from = [a.from, b.from].sort()[1]!;
  const to = [a.to, b.to].sort()[0]!;
  return to < from ? 0 : daysIn(from, to);
}

const HOUR = 3_600_000;
const DAY_MS = 86_400_000;
const offsets = new Map<number, number>();
const working = new Map<number, boolean>();
/** The local (Europe/Rome) calendar day of an instant as a day number since 1970-01-01; offsets cached per hour. */
function localDayNumber(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    if (offsets.size > 200_000) offsets.clear();
    offset = DateTime.fromMillis(ms, { zone: ZONE }).offset * 60_000;
    offsets.set(hour, offset);
  }
  return Math.floor((ms + offset) / DAY_MS);
}
function isWorkingDayNumber(day: number): boolean {
  let w = working.get(day);
  if (w === undefined) {
    const d = new Date(day * DAY_MS);
    w = d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !isItalianHoliday(d);
    working.set(day, w);
  }
  return w;
}
/**
 * Working days (Monday–Friday, Italian national holidays excluded) from one instant to a later one, counted by the
 * local days after the first up to and including the second: an answer the same day is 0, the next working day 1.
 */
export function workingDaysBetween(fromMs: number, toMs: number): number {
  const last = localDayNumber(toMs);
  let n = 0;
  for (let day = localDayNumber(fromMs) + 1; day <= last; day++) if (isWorkingDayNumber(day)) n++;
  return n;
}

/** `core/calendar.addWorkingDays` on instants, with the working days cached (the KPIs call it for every request). */
export function addWorkingDaysMs(fromMs: number, days: number): number {
  let day = Math.floor(fromMs / DAY_MS);
  let left = days;
  while (left > 0) {
    day++;
    if (isWorkingDayNumber(day)) left--;
  }
  return fromMs + (day - Math.floor(fromMs / DAY_MS)) * DAY_MS;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
export function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}
export const round = (v: number | null, digits = 2) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

export interface TargetRow {
  from: string;
  to: string;
  target: number;
  baseline: number | null;
}

/**
 * The target for a period. Sums (counts, amounts added up over time) take each overlapping target pro rata of the
 * days it shares with the period; levels (means, medians, percentages, yes/no, the last value) take the target whose
 * period overlaps most. Null when no target touches the period.
 */
export function proRataTarget(
  period: { from: string; to: string },
  targets: TargetRow[],
  aggregation: KpiAggregation,
  kind: KpiKind,
): { target: number; baseline: number | null } | null {
  const touching = targets
    .map((t) => ({ t, days: overlapDays(period, t) }))
    .filter((x) => x.days > 0)
    .sort((a, b) => b.days - a.days || (a.t.from < b.t.from ? 1 : -1));
  if (!touching.length) return null;
  if (aggregation === 'sum' && kind !== 'percentage' && kind !== 'boolean') {
    let target = 0;
    let baseline: number | null = 0;
    for (const { t, days } of touching) {
      const share = days / daysIn(t.from, t.to);
      target += t.target * share;
      baseline = baseline === null || t.baseline === null ? null : baseline + t.baseline * share;
    }
    return { target: round(target, 4)!, baseline: round(baseline, 4) };
  }
  const best = touching[0]!.t;
  return { target: best.target, baseline: best.baseline };
}

/** RAG status of a value against its (pro-rata) target; `none` without a target or without data. */
export function ragStatus(value: number | null, target: number | null, direction: KpiDirection): Rag {
  if (target === null || value === null) return 'none';
  let ratio: number;
  if (direction === 'up') ratio = target <= 0 ? (value >= target ? 1 : 0) : value / target;
  else ratio = value <= target ? 1 : value <= 0 ? 1 : target / value;
  if (ratio >= 0.9) return 'green';
  if (ratio >= 0.7) return 'amber';
  return 'red';
}

/** The worst status of an objective's KPIs (statuses without data do not count; none at all: `none`). */
export function objectiveStatus(statuses: Rag[]): Rag {
  for (const s of ['red', 'amber', 'green'] as const) if (statuses.includes(s)) return s;
  return 'none';
}

export interface ManualRow {
  from: string;
  to: string;
  value: number | null;
  booleanValue: boolean | null;
  numerator: number | null;
  denominator: number | null;
  evidenceUrl: string;
}

/**
 * A manual KPI over a period from the values entered for periods inside it, by the KPI's aggregation; percentages
 * with numerator and denominator add those up. Null when nothing was entered (shown as "—", never 0).
 */
export function aggregateManual(
  rows: ManualRow[],
  kind: KpiKind,
  aggregation: KpiAggregation,
): { value: number | null; numerator?: number; denominator?: number } {
  if (!rows.length) return { value: null };
  const sorted = [...rows].sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  if (kind === 'boolean') {
    const v = aggregation === 'last' ? sorted.at(-1)!.booleanValue : sorted.every((r) => r.booleanValue);
    return { value: v ? 1 : 0 };
  }
  if (kind === 'percentage' && sorted.every((r) => r.denominator !== null) && aggregation !== 'last') {
    const numerator = sorted.reduce((n, r) => n + r.numerator!, 0);
    const denominator = sorted.reduce((n, r) => n + r.denominator!, 0);
    return { value: round((numerator / denominator) * 100), numerator, denominator };
  }
  const values = sorted.map((r) =>
    r.value !== null ? r.value : r.denominator ? (r.numerator! / r.denominator) * 100 : 0,
  );
  if (aggregation === 'sum') return { value: round(values.reduce((a, b) => a + b, 0)) };
  if (aggregation === 'mean') return { value: round(mean(values)) };
  if (aggregation === 'median') return { value: round(median(values)) };
  return { value: values.at(-1)! };
}
