import type { Kpi, KpiList, PeriodQuery } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { labelRecords } from './record-labels.service.ts';
import { AppError } from '../../core/errors.ts';
import * as repo from './governance.repo.ts';
import { COMPUTED_KPIS, computedKpi, type KpiScope } from './kpis.registry.ts';
import { aggregateManual, periodOf, proRataTarget, ragStatus, type Period } from './kpis.rules.ts';
import { isFullReader, requireFullReader } from './governance.policy.ts';

/**
 * KPIs over a period: the computed ones from the registry, the manual ones from the values entered with evidence,
 * each with its pro-rata target and RAG status. The Region, the nucleus and administrators read aggregates over every
 * request (confidential ones included); everyone else the public summary (non-confidential records, public KPIs).
 */
const synced = new WeakMap<Db | Tx, Promise<void>>();
/** Mirrors the computed KPIs' definitions into `kpi_definitions` (once per process and database). */
export function ensureDefinitions(db: Db | Tx): Promise<void> {
  let p = synced.get(db);
  if (!p) {
    p = repo
      .syncDefinitions(
        db,
        COMPUTED_KPIS.map((k) => ({
          code: k.code,
          label: k.label,
          unit: k.unit,
          kind: k.kind,
          direction: k.direction,
          aggregation: k.aggregation,
          source: 'computed' as const,
          public: k.public,
        })),
      )
      .catch((e) => {
        synced.delete(db);
        throw e;
      });
    synced.set(db, p);
  }
  return p;
}

export function periodOrProblem(from: string, to: string, base = '/query'): Period {
  const p = periodOf(from, to, base);
  if (Array.isArray(p)) throw new AppError('VALIDATION_FAILED', 'The period is invalid', p);
  return p;
}

export async function organizationOr404(db: Db, id: string | undefined | null): Promise<string | null> {
  if (!id) return null;
  if (!(await repo.organizationsOf(db, [id])).length)
    throw new AppError('NOT_FOUND', `No organisation with id "${id}"`);
  return id;
}

/** Every KPI (or the named ones) over the period and scope, as the API and the reports show them. */
export async function computeKpis(
  db: Db | Tx,
  period: Period,
  scope: KpiScope,
  opts: { publicOnly: boolean; lang: 'it' | 'en'; codes?: string[] },
): Promise<Kpi[]> {
  await ensureDefinitions(db);
  const defs = (await repo.listDefinitions(db)).filter(
    (d) => (!opts.publicOnly || d.public) && (!opts.codes || opts.codes.includes(d.code)),
  );
  const codes = defs.map((d) => d.code);
  const [targets, manual] = await Promise.all([
    repo.targetsOf(db, codes, scope.organization, period.from, period.to),
    repo.valuesWithin(db, codes, scope.organization, period.from, period.to),
  ]);
  const items: Kpi[] = [];
  for (const d of defs) {
    const computed = d.source === 'computed' ? computedKpi(d.code) : null;
    if (d.source === 'computed' && !computed) continue; // a module no longer installed
    let value: number | null;
    let extra: Partial<Kpi> = {};
    if (computed) {
      const r = await computed.compute(period, scope, db);
      value = r.value;
      extra = { records: r.records.length };
      if (r.numerator !== undefined) extra.numerator = r.numerator;
      if (r.denominator !== undefined) extra.denominator = r.denominator;
    } else {
      const rows = manual.filter((m) => m.kpiCode === d.code);
      const a = aggregateManual(
        rows.map((r) => ({ ...r, from: r.periodFrom, to: r.periodTo })),
        d.kind,
        d.aggregation,
      );
      value = a.value;
      if (a.numerator !== undefined) extra.numerator = a.numerator;
      if (a.denominator !== undefined) extra.denominator = a.denominator;
      extra.evidence = rows.map((r) => r.evidenceUrl);
    }
    const t = proRataTarget(
      period,
      targets
        .filter((x) => x.kpiCode === d.code)
        .map((x) => ({ from: x.periodFrom, to: x.periodTo, target: x.target, baseline: x.baseline })),
      d.aggregation,
      d.kind,
    );
    items.push({
      code: d.code,
      label: d.label[opts.lang] ?? d.label.it ?? d.label.en ?? d.code,
      labels: d.label,
      value,
      unit: d.unit,
      kind: d.kind,
      direction: d.direction,
      target: t?.target ?? null,
      baseline: t?.baseline ?? null,
      status: ragStatus(value, t?.target ?? null, d.direction),
      source: d.source,
      ...extra,
    });
  }
  return items;
}

export async function listKpis(db: Db, actor: Actor, q: PeriodQuery): Promise<KpiList> {
  const period = periodOrProblem(q.from, q.to);
  const organization = await organizationOr404(db, q.organization);
  const full = isFullReader(actor);
  const items = await computeKpis(
    db,
    period,
    { organization, includeConfidential: full },
    { publicOnly: !full, lang: q.lang ?? 'it' },
  );
  return { from: period.from, to: period.to, organization, scope: full ? 'full' : 'public', items };
}

/**
 * The ids a computed KPI counted (the nucleus, the Region and administrators only: ids of confidential requests),
 * the first ones named (`labelRecords`).
 */
export async function kpiRecords(
  db: Db,
  actor: Actor,
  code: string,
  q: { from: string; to: string; organization?: string },
) {
  requireFullReader(actor);
  const k = computedKpi(code);
  if (!k) throw new AppError('NOT_FOUND', `No computed KPI "${code}"`);
  const period = periodOrProblem(q.from, q.to);
  const organization = await organizationOr404(db, q.organization);
  const r = await k.compute(period, { organization, includeConfidential: true }, db);
  const labels = await labelRecords(db, actor, k.recordType, r.records);
  return { code, recordType: k.recordType, items: r.records, total: r.records.length, labels };
}
