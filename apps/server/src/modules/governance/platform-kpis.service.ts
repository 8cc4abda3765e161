import type { Db, Tx } from '../../db/client.ts';
import { responseTargets } from '../requests/requests.service.ts';
import type { ComputedKpi, KpiResult } from './kpis.registry.ts';
import { addWorkingDaysMs, mean, median, round, workingDaysBetween, type Period } from './kpis.rules.ts';
import * as src from './kpi-sources.repo.ts';

/**
 * The KPIs counted from the platform's requests and bookings (issue 12 §2). Counts of nothing are 0; means and
 * medians of nothing are null. Percentages keep their numerator and denominator.
 */
/**
 * Rows several KPIs read, loaded once per computation: `computeKpis` hands every KPI the same period object, so the
 * rows are shared through it (and dropped with it).
 */
const shared = new WeakMap<Period, Map<string, Promise<unknown>>>();
function once<T>(p: Period, key: string, load: () => Promise<T>): Promise<T> {
  const m = shared.get(p) ?? new Map<string, Promise<unknown>>();
  shared.set(p, m);
  if (!m.has(key)) m.set(key, load());
  return m.get(key) as Promise<T>;
}
type Scope = Parameters<ComputedKpi['compute']>[1];
const scopeKey = (s: Scope) => `${s.organization ?? ''}|${s.includeConfidential}`;
const submitted = (db: Db | Tx, p: Period, s: Scope) =>
  once(p, `submitted|${scopeKey(s)}`, () => src.requestsSubmitted(db, p, s));
const closed = (db: Db | Tx, p: Period, s: Scope) =>
  once(p, `closed|${scopeKey(s)}`, () => src.requestsClosed(db, p, s));
const outside = (db: Db | Tx, p: Period, s: Scope) =>
  once(p, `outside|${s.organization ?? ''}`, () => src.outsideBookings(db, p, s.organization));

const count = (ids: string[]): KpiResult => ({ value: ids.length, unit: 'count', records: ids });
const share = (num: string[], den: string[]): KpiResult => ({
  value: den.length ? round((num.length / den.length) * 100) : null,
  unit: '%',
  numerator: num.length,
  denominator: den.length,
  records: den,
});
/** A KPI definition; by default a count of requests added up over time, higher is better, in the public summary. */
const kpi = (
  code: string,
  it: string,
  en: string,
  compute: ComputedKpi['compute'],
  over: Partial<Omit<ComputedKpi, 'code' | 'label' | 'compute'>> = {},
): ComputedKpi => ({
  code,
  label: { it, en },
  unit: 'count',
  kind: 'count',
  direction: 'up',
  aggregation: 'sum',
  public: true,
  recordType: 'request',
  compute,
  ...over,
});
const percentage = { unit: '%', kind: 'percentage', aggregation: 'mean' } as const;

/** On time: answered (or, for "opened", opened) within the working-day targets counted from submission. */
async function onTime(
  db: Db | Tx,
  p: Period,
  scope: Parameters<ComputedKpi['compute']>[1],
  which: 'triaged' | 'opened',
) {
  const targets = await responseTargets(db);
  const now = Date.now();
  const rows = await submitted(db, p, scope);
  const num: string[] = [];
  const den: string[] = [];
  for (const r of rows) {
    const days = which === 'triaged' ? targets.firstResponseDays : targets.firstResponseDays + targets.triageDays;
    const due = addWorkingDaysMs(r.submittedAt, days);
    const done = which === 'triaged' ? r.firstResponseAt : r.openedAt;
    // Declined or withdrawn requests are never opened: they leave the "opened" base unless opened before.
    if (which === 'opened' && done === null && ['declined', 'withdrawn'].includes(r.state)) continue;
    if (done === null && due > now) continue; // still within its time: not yet judged
    den.push(r.id);
    if (done !== null && done <= due) num.push(r.id);
  }
  return share(num, den);
}

export const REQUEST_KPIS: ComputedKpi[] = [
  kpi('requests.received', 'Richieste ricevute', 'Requests received', async (p, scope, db) =>
    count((await submitted(db, p, scope)).map((r) => r.id)),
  ),
  kpi('requests.closed', 'Richieste concluse', 'Requests closed', async (p, scope, db) =>
    count((await closed(db, p, scope)).map((r) => r.id)),
  ),
  kpi(
    'requests.first-answer.median-days',
    'Tempo mediano alla prima risposta (giorni lavorativi)',
    'Median time to first answer (working days)',
    async (p, scope, db) => {
      const answered = (await submitted(db, p, scope)).filter((r) => r.firstResponseAt !== null);
      const days = answered.map((r) => workingDaysBetween(r.submittedAt, r.firstResponseAt!));
      return { value: median(days), unit: 'working days', records: answered.map((r) => r.id) };
    },
    { unit: 'working days', direction: 'down', aggregation: 'median' },
  ),
  kpi(
    'requests.rating.mean',
    'Valutazione media delle imprese (1–5)',
    "Companies' mean rating (1–5)",
    async (p, scope, db) => {
      const rated = (await closed(db, p, scope)).filter((r) => r.rating !== null);
      return { value: round(mean(rated.map((r) => r.rating!))), unit: 'rating', records: rated.map((r) => r.id) };
    },
    { unit: 'rating', aggregation: 'mean' },
  ),
  kpi(
    'requests.triaged-on-time',
    'Richieste con prima risposta nei tempi',
    'Requests answered within target',
    (p, scope, db) => onTime(db, p, scope, 'triaged'),
    percentage,
  ),
  kpi(
    'requests.opened-on-time',
    'Richieste aperte ai centri nei tempi',
    'Requests opened to the centres within target',
    (p, scope, db) => onTime(db, p, scope, 'opened'),
    percentage,
  ),
  kpi(
    'requests.repeat-companies',
    'Imprese che tornano',
    'Repeat companies',
    async (p, scope, db) => count([...new Set((await src.repeatCompanies(db, p, scope)).map((r) => r.company))]),
    { recordType: 'company' },
  ),
  kpi(
    'requests.multi-centre-teams',
    'Squadre con più di un centro',
    'Teams with more than one centre',
    async (p, scope, db) => count((await src.multiCentreTeams(db, p, scope)).map((r) => r.id)),
  ),
];

const money = { kind: 'amount', recordType: 'booking' } as const;
export const BOOKING_KPIS: ComputedKpi[] = [
  kpi(
    'bookings.outside-hours',
    'Ore di attrezzature prenotate da utenti esterni',
    'Equipment hours booked by outside users',
    async (p, scope, db) => {
      const rows = await outside(db, p, scope);
      return { value: round(rows.reduce((n, r) => n + r.hours, 0)), unit: 'hours', records: rows.map((r) => r.id) };
    },
    { ...money, unit: 'hours' },
  ),
  kpi(
    'bookings.revenue',
    'Ricavi dalle prenotazioni esterne',
    'Revenue from outside bookings',
    async (p, scope, db) => {
      const rows = (await outside(db, p, scope)).filter((r) => r.amountCents !== null);
      const cents = rows.reduce((n, r) => n + r.amountCents!, 0);
      return { value: cents / 100, unit: 'EUR', records: rows.map((r) => r.id) };
    },
    { ...money, unit: 'EUR', public: false },
  ),
];
