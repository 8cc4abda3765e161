import type {
  KpiDefinitionCreate,
  KpiTargetWrite,
  KpiValueWrite,
  ObjectiveEdit,
  ObjectiveListQuery,
  ObjectiveWrite,
} from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { formatInstant } from '../../core/calendar.ts';
import { recordAudit } from '../identity/identity.service.ts';
import * as repo from './governance.repo.ts';
import { isFullReader, requireSteer } from './governance.policy.ts';
import { ensureDefinitions } from './kpis.service.ts';
import { periodOf } from './kpis.rules.ts';
import { unknownS3Codes } from './coverage.service.ts';

/**
 * Objectives agreed per period (network-wide or per centre), KPI definitions (manual ones; computed ones come from
 * the registry), targets and manual values with their evidence. The Region, administrators and the nucleus change
 * them (a nucleus member: the network's and their own centre's); public objectives are read by anyone.
 */
export interface Ctx {
  actor: Actor;
  requestId?: string;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const invalid = (problems: FieldProblem[]) => {
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The request has invalid fields', problems);
};

async function checkScope(db: Db, organization: string | null | undefined, pointer = '/body/organization') {
  if (!organization) return [];
  return (await repo.organizationsOf(db, [organization])).length
    ? []
    : [{ pointer, message: `no organisation with id "${organization}"` }];
}
function checkPeriod(from: string, to: string): FieldProblem[] {
  const p = periodOf(from, to, '/body');
  return Array.isArray(p) ? p : [];
}
async function checkKpis(db: Db, codes: string[] | undefined, pointer: string): Promise<FieldProblem[]> {
  if (!codes?.length) return [];
  await ensureDefinitions(db);
  const known = new Set((await repo.listDefinitions(db)).map((d) => d.code));
  return codes.flatMap((c, i) => (known.has(c) ? [] : [{ pointer: `${pointer}/${i}`, message: `no KPI "${c}"` }]));
}

// ---- objectives ----
function presentObjective(o: repo.ObjectiveRow) {
  return {
    id: o.id,
    reference: `O-${String(o.number).padStart(4, '0')}`,
    from: o.periodFrom,
    to: o.periodTo,
    organization: o.organizationId,
    text: o.text,
    s3: o.s3,
    kpis: o.kpis,
    public: o.public,
  };
}
export type PresentedObjective = ReturnType<typeof presentObjective>;

export async function listObjectives(db: Db, actor: Actor, q: ObjectiveListQuery) {
  const page = q.page ?? 1;
  const limit = q.limit ?? 20;
  const { items, total } = await repo.listObjectives(
    db,
    { from: q.from, to: q.to, organization: q.organization, publicOnly: !isFullReader(actor) },
    { limit, offset: (page - 1) * limit },
  );
  return { items: items.map(presentObjective), total, page, limit };
}
/** Every objective overlapping a period (the reports'), as the given reader may see them. */
export async function objectivesOverlapping(db: Db | Tx, from: string, to: string): Promise<PresentedObjective[]> {
  return (await repo.listObjectives(db, { from, to, publicOnly: false }, null)).items.map(presentObjective);
}

async function objectiveOr404(db: Db, actor: Actor, id: string) {
  const o = UUID.test(id) ? await repo.findObjective(db, id) : null;
  if (!o || (!o.public && !isFullReader(actor))) throw new AppError('NOT_FOUND', `No objective with id "${id}"`);
  return o;
}
export async function getObjective(db: Db, actor: Actor, id: string) {
  return presentObjective(await objectiveOr404(db, actor, id));
}

async function objectiveProblems(db: Db, b: Partial<ObjectiveWrite>, from: string, to: string) {
  return [
    ...checkPeriod(from, to),
    ...(await checkScope(db, b.organization)),
    ...(await checkKpis(db, b.kpis, '/body/kpis')),
    ...(await unknownS3Codes(db, b.s3 ?? [])).map((i) => ({
      pointer: `/body/s3/${i}`,
      message: `"${b.s3![i]}" is not a code of the S3 2021-2027 matrix`,
    })),
  ];
}

export async function createObjective(db: Db, ctx: Ctx, b: ObjectiveWrite) {
  const actor = requireSteer(ctx.actor, b.organization ?? null);
  invalid(await objectiveProblems(db, b, b.from, b.to));
  const row = await db.transaction(async (tx) => {
    const o = await repo.insertObjective(tx, {
      periodFrom: b.from,
      periodTo: b.to,
      organizationId: b.organization ?? null,
      text: b.text,
      s3: b.s3 ?? [],
      kpis: b.kpis ?? [],
      public: b.public ?? true,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'objective-create',
      entityType: 'objective',
      entityId: o.id,
      organizationId: o.organizationId,
      before: null,
      after: b,
      requestId: ctx.requestId,
    });
    return o;
  });
  return presentObjective(row);
}

export async function editObjective(db: Db, ctx: Ctx, id: string, b: ObjectiveEdit) {
  const o = await objectiveOr404(db, ctx.actor, id);
  const actor = requireSteer(ctx.actor, o.organizationId);
  if (b.organization !== undefined) requireSteer(ctx.actor, b.organization);
  invalid(await objectiveProblems(db, b, b.from ?? o.periodFrom, b.to ?? o.periodTo));
  const set = {
    ...(b.from !== undefined ? { periodFrom: b.from } : {}),
    ...(b.to !== undefined ? { periodTo: b.to } : {}),
    ...(b.organization !== undefined ? { organizationId: b.organization } : {}),
    ...(b.text !== undefined ? { text: b.text } : {}),
    ...(b.s3 !== undefined ? { s3: b.s3 } : {}),
    ...(b.kpis !== undefined ? { kpis: b.kpis } : {}),
    ...(b.public !== undefined ? { public: b.public } : {}),
  };
  const row = await db.transaction(async (tx) => {
    const r = await repo.updateObjective(tx, id, set);
    await recordAudit(tx, actor, {
      action: 'objective-update',
      entityType: 'objective',
      entityId: id,
      organizationId: r.organizationId,
      before: presentObjective(o),
      after: b,
      requestId: ctx.requestId,
    });
    return r;
  });
  return presentObjective(row);
}

export async function deleteObjective(db: Db, ctx: Ctx, id: string) {
  const o = await objectiveOr404(db, ctx.actor, id);
  const actor = requireSteer(ctx.actor, o.organizationId);
  await db.transaction(async (tx) => {
    await repo.deleteObjective(tx, id);
    await recordAudit(tx, actor, {
      action: 'objective-delete',
      entityType: 'objective',
      entityId: id,
      organizationId: o.organizationId,
      before: presentObjective(o),
      after: null,
      requestId: ctx.requestId,
    });
  });
}

// ---- KPI definitions ----
const presentDefinition = (d: repo.DefinitionRow) => ({
  code: d.code,
  label: d.label,
  unit: d.unit,
  kind: d.kind,
  direction: d.direction,
  aggregation: d.aggregation,
  source: d.source,
  public: d.public,
});
export async function listDefinitions(db: Db, actor: Actor) {
  await ensureDefinitions(db);
  const full = isFullReader(actor);
  return { items: (await repo.listDefinitions(db)).filter((d) => full || d.public).map(presentDefinition) };
}
export async function createDefinition(db: Db, ctx: Ctx, b: KpiDefinitionCreate) {
  const actor = requireSteer(ctx.actor, null);
  await ensureDefinitions(db);
  const row = await db.transaction(async (tx) => {
    const d = await repo.insertDefinition(tx, { ...b, source: 'manual', public: b.public ?? true });
    if (!d) throw new AppError('CONFLICT', `A KPI "${b.code}" exists already`);
    await recordAudit(tx, actor, {
      action: 'kpi-definition-create',
      entityType: 'kpi-definition',
      entityId: d.code,
      organizationId: null,
      before: null,
      after: b,
      requestId: ctx.requestId,
    });
    return d;
  });
  return presentDefinition(row);
}

// ---- targets ----
const presentTarget = (t: repo.TargetRow) => ({
  id: t.id,
  kpi: t.kpiCode,
  from: t.periodFrom,
  to: t.periodTo,
  organization: t.organizationId,
  baseline: t.baseline,
  target: t.target,
});
export async function listTargets(db: Db, q: { kpi?: string; organization?: string }) {
  return { items: (await repo.listTargets(db, q)).map(presentTarget) };
}
export async function putTarget(db: Db, ctx: Ctx, b: KpiTargetWrite) {
  const organization = b.organization ?? null;
  const actor = requireSteer(ctx.actor, organization);
  invalid([
    ...checkPeriod(b.from, b.to),
    ...(await checkScope(db, organization)),
    ...(await checkKpis(db, [b.kpi], '/body/kpi')).map((p) => ({ ...p, pointer: '/body/kpi' })),
  ]);
  const row = await db.transaction(async (tx) => {
    const before = await repo.findTargetBy(tx, b.kpi, b.from, b.to, organization);
    const t = await repo.upsertTarget(tx, {
      kpiCode: b.kpi,
      periodFrom: b.from,
      periodTo: b.to,
      organizationId: organization,
      baseline: b.baseline ?? null,
      target: b.target,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'kpi-target-set',
      entityType: 'kpi-target',
      entityId: t.id,
      organizationId: organization,
      before: before ? presentTarget(before) : null,
      after: b,
      requestId: ctx.requestId,
    });
    return t;
  });
  return presentTarget(row);
}
export async function deleteTarget(db: Db, ctx: Ctx, id: string) {
  const t = UUID.test(id) ? await repo.findTarget(db, id) : null;
  if (!t) throw new AppError('NOT_FOUND', `No KPI target with id "${id}"`);
  const actor = requireSteer(ctx.actor, t.organizationId);
  await db.transaction(async (tx) => {
    await repo.deleteTarget(tx, id);
    await recordAudit(tx, actor, {
      action: 'kpi-target-delete',
      entityType: 'kpi-target',
      entityId: id,
      organizationId: t.organizationId,
      before: presentTarget(t),
      after: null,
      requestId: ctx.requestId,
    });
  });
}

// ---- manual values ----
const presentValue = (v: repo.ValueRow) => ({
  id: v.id,
  kpi: v.kpiCode,
  from: v.periodFrom,
  to: v.periodTo,
  organization: v.organizationId,
  value: v.booleanValue ?? v.value!,
  numerator: v.numerator,
  denominator: v.denominator,
  evidenceUrl: v.evidenceUrl,
  note: v.note,
  enteredBy: v.enteredBy ? { id: v.enteredBy, name: v.enteredByName ?? '' } : null,
  enteredAt: formatInstant(v.enteredAt.getTime()),
});
export async function listValues(db: Db, actor: Actor, q: { kpi?: string; organization?: string }) {
  const full = isFullReader(actor);
  await ensureDefinitions(db);
  const visible = new Set((await repo.listDefinitions(db)).filter((d) => full || d.public).map((d) => d.code));
  return { items: (await repo.listValues(db, q)).filter((v) => visible.has(v.kpiCode)).map(presentValue) };
}
export async function putValue(db: Db, ctx: Ctx, b: KpiValueWrite) {
  const organization = b.organization ?? null;
  const actor = requireSteer(ctx.actor, organization);
  await ensureDefinitions(db);
  const def = await repo.findDefinition(db, b.kpi);
  const problems: FieldProblem[] = [...checkPeriod(b.from, b.to), ...(await checkScope(db, organization))];
  if (!def) problems.push({ pointer: '/body/kpi', message: `no KPI "${b.kpi}"` });
  else if (def.source !== 'manual')
    problems.push({ pointer: '/body/kpi', message: 'a computed KPI takes no manual value' });
  else problems.push(...valueProblems(def.kind, b));
  invalid(problems);
  const fraction = b.numerator !== undefined && b.denominator !== undefined;
  const id = await db.transaction(async (tx) => {
    const vid = await repo.upsertValue(tx, {
      kpiCode: b.kpi,
      periodFrom: b.from,
      periodTo: b.to,
      organizationId: organization,
      value:
        typeof b.value === 'number'
          ? b.value
          : typeof b.value === 'boolean'
            ? null
            : (b.numerator! / b.denominator!) * 100,
      booleanValue: typeof b.value === 'boolean' ? b.value : null,
      numerator: fraction ? b.numerator! : null,
      denominator: fraction ? b.denominator! : null,
      evidenceUrl: b.evidenceUrl,
      note: b.note ?? null,
      enteredBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'kpi-value-set',
      entityType: 'kpi-value',
      entityId: vid,
      organizationId: organization,
      before: null,
      after: b,
      requestId: ctx.requestId,
    });
    return vid;
  });
  return presentValue((await repo.listValues(db, { id }))[0]!);
}

/** A value fits its KPI's kind: yes/no a boolean, a percentage a number or numerator and denominator, else a number. */
export function valueProblems(kind: string, b: KpiValueWrite): FieldProblem[] {
  const p: FieldProblem[] = [];
  const fraction = b.numerator !== undefined || b.denominator !== undefined;
  if (kind === 'boolean') {
    if (typeof b.value !== 'boolean') p.push({ pointer: '/body/value', message: 'a yes/no KPI takes true or false' });
    if (fraction) p.push({ pointer: '/body/numerator', message: 'only percentages take a numerator and denominator' });
    return p;
  }
  if (typeof b.value === 'boolean') p.push({ pointer: '/body/value', message: 'must be a number' });
  if (kind === 'percentage') {
    if (fraction && (b.numerator === undefined || b.denominator === undefined))
      p.push({ pointer: b.numerator === undefined ? '/body/numerator' : '/body/denominator', message: 'give both' });
    else if (fraction && b.numerator! > b.denominator!)
      p.push({ pointer: '/body/numerator', message: 'must not exceed the denominator' });
    if (b.value === undefined && !fraction)
      p.push({ pointer: '/body/value', message: 'give a value or a numerator and a denominator' });
    if (typeof b.value === 'number' && (b.value < 0 || b.value > 100))
      p.push({ pointer: '/body/value', message: 'a percentage is between 0 and 100' });
    return p;
  }
  if (fraction) p.push({ pointer: '/body/numerator', message: 'only percentages take a numerator and denominator' });
  if (b.value === undefined) p.push({ pointer: '/body/value', message: 'is required' });
  if (kind === 'count' && typeof b.value === 'number' && (b.value < 0 || !Number.isInteger(b.value)))
    p.push({ pointer: '/body/value', message: 'a count is a whole number, not negative' });
  return p;
}
