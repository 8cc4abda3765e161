import type {
  BookingPolicy,
  BookingPolicyWrite,
  ClosureCreate,
  OpeningRule,
  TariffsWrite,
  TariffUnit,
} from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor, Member } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { formatInstant, parseInstant } from '../../core/calendar.ts';
import { recordAudit } from '../identity/identity.service.ts';
import * as repo from './bookings.repo.ts';
import * as qualRepo from './qualifications.repo.ts';
import * as policyRepo from './policy.repo.ts';
import { ruleProblem } from './calendar.rules.ts';
import { isStaff } from './lifecycle.rules.ts';

/**
 * The owning centre's side of equipment sharing: each instrument's booking policy, opening hours, tariffs and
 * closures. Every change is checked against the permission rule `equipment-booking` (the equipment's centre:
 * nucleus, centre managers and staff; administrators) and audited in the same transaction.
 */
export interface Ctx {
  actor: Actor;
  requestId?: string;
}

export function requireMember(actor: Actor): Member {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return actor;
}
/** The caller runs the organisation's equipment, or 403 (401 anonymous). */
export function requireStaff(actor: Actor, organizationId: string): Member {
  const m = requireMember(actor);
  if (!isStaff(m, organizationId)) throw new AppError('FORBIDDEN', "Only the instrument's centre manages its bookings");
  return m;
}

export async function equipmentOr404(db: Db | Tx, id: string) {
  const [e] = await repo.findEquipment(db, [id]);
  if (!e) throw new AppError('NOT_FOUND', `No equipment with id "${id}"`);
  return e;
}

export const DEFAULT_POLICY = {
  bookable: false,
  approval: 'manual' as const,
  slotMinutes: 30,
  minMinutes: 30,
  maxMinutes: 480,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  leadHours: 24,
  horizonDays: 90,
  assistedOnly: false,
  qualificationId: null as string | null,
  pendingExpiryHours: 48,
};

/** The policies of these instruments as the API shows them (only those that have one). */
export async function presentPolicies(db: Db | Tx, ids: string[]): Promise<Map<string, BookingPolicy>> {
  const rows = await repo.policiesOf(db, ids);
  const quals = new Map(
    (
      await Promise.all(
        [...new Set(rows.map((r) => r.qualificationId).filter((q): q is string => !!q))].map((q) =>
          qualRepo.findQualification(db, q),
        ),
      )
    )
      .filter((q) => q !== null)
      .map((q) => [q.id, q]),
  );
  const units = new Map<string, Set<TariffUnit>>();
  for (const t of await policyRepo.tariffsOf(db, ids, true)) {
    if (!units.has(t.equipmentId)) units.set(t.equipmentId, new Set());
    units.get(t.equipmentId)!.add(t.unit);
  }
  return new Map(
    rows.map((r) => {
      const q = r.qualificationId ? quals.get(r.qualificationId) : undefined;
      return [
        r.equipmentId,
        {
          bookable: r.bookable,
          approval: r.approval,
          qualificationRequired: !!r.qualificationId,
          ...(q ? { qualification: { id: q.id, name: q.name } } : {}),
          slotMinutes: r.slotMinutes,
          minMinutes: r.minMinutes,
          maxMinutes: r.maxMinutes,
          bufferBeforeMinutes: r.bufferBeforeMinutes,
          bufferAfterMinutes: r.bufferAfterMinutes,
          leadHours: r.leadHours,
          horizonDays: r.horizonDays,
          assistedOnly: r.assistedOnly,
          pendingExpiryHours: r.pendingExpiryHours,
          timezone: 'Europe/Rome' as const,
          units: (['hour', 'half-day', 'sample'] as const).filter((u) => units.get(r.equipmentId)?.has(u)),
        },
      ];
    }),
  );
}

/** An instrument's policy; one without a stored policy is not bookable on the platform (the defaults). */
export async function getPolicy(db: Db, id: string): Promise<BookingPolicy> {
  await equipmentOr404(db, id);
  const p = (await presentPolicies(db, [id])).get(id);
  if (p) return p;
  const { qualificationId: _q, ...d } = DEFAULT_POLICY;
  return { ...d, qualificationRequired: false, timezone: 'Europe/Rome', units: [] };
}

export async function putPolicy(db: Db, ctx: Ctx, id: string, body: BookingPolicyWrite): Promise<BookingPolicy> {
  const e = await equipmentOr404(db, id);
  const actor = requireStaff(ctx.actor, e.organizationId);
  const problems: FieldProblem[] = [];
  if (body.minMinutes > body.maxMinutes)
    problems.push({ pointer: '/body/minMinutes', message: 'must not exceed maxMinutes' });
  for (const k of ['minMinutes', 'maxMinutes'] as const)
    if (body[k] % body.slotMinutes !== 0)
      problems.push({ pointer: `/body/${k}`, message: `must be a multiple of slotMinutes (${body.slotMinutes})` });
  if (body.qualification) {
    const q = /^[0-9a-f-]{36}$/i.test(body.qualification)
      ? await qualRepo.findQualification(db, body.qualification)
      : null;
    if (!q)
      problems.push({ pointer: '/body/qualification', message: `no qualification with id "${body.qualification}"` });
    else if (q.organizationId !== e.organizationId)
      problems.push({ pointer: '/body/qualification', message: "must be one of the instrument's centre" });
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The policy has invalid fields', problems);
  await db.transaction(async (tx) => {
    const before = (await repo.policiesOf(tx, [id]))[0] ?? null;
    const { qualification, ...rest } = body;
    const row = { ...rest, qualificationId: qualification, equipmentId: id, organizationId: e.organizationId };
    await repo.upsertPolicy(tx, row);
    await recordAudit(tx, actor, {
      action: 'booking-policy-update',
      entityType: 'equipment',
      entityId: id,
      organizationId: e.organizationId,
      before,
      after: row,
      requestId: ctx.requestId,
    });
  });
  return getPolicy(db, id);
}

/** The policy row a dependent setting needs (opening hours, tariffs, closures of one instrument). */
async function ensurePolicy(tx: Tx, id: string, organizationId: string) {
  if (!(await repo.policiesOf(tx, [id])).length)
    await repo.upsertPolicy(tx, { ...DEFAULT_POLICY, equipmentId: id, organizationId });
}

// ---- opening hours ----

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
export async function getOpeningRules(db: Db, id: string) {
  await equipmentOr404(db, id);
  const rows = await policyRepo.openingRulesOf(db, [id]);
  return {
    items: rows.map((r) => ({
      rrule: r.rrule,
      startDate: r.startDate,
      startTime: hhmm(r.startMinute),
      minutes: r.minutes,
      assisted: r.assisted,
    })),
  };
}

export async function putOpeningRules(db: Db, ctx: Ctx, id: string, items: OpeningRule[]) {
  const e = await equipmentOr404(db, id);
  const actor = requireStaff(ctx.actor, e.organizationId);
  const problems: FieldProblem[] = [];
  items.forEach((r, i) => {
    const p = ruleProblem(r.rrule, r.startDate);
    if (p) problems.push({ pointer: `/body/items/${i}/rrule`, message: p });
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The opening hours have invalid fields', problems);
  const before = await getOpeningRules(db, id);
  await db.transaction(async (tx) => {
    await ensurePolicy(tx, id, e.organizationId);
    await policyRepo.replaceOpeningRules(
      tx,
      id,
      items.map((r) => ({
        rrule: r.rrule
          .replace(/^RRULE:/i, '')
          .trim()
          .toUpperCase(),
        startDate: r.startDate,
        startMinute: Number(r.startTime.slice(0, 2)) * 60 + Number(r.startTime.slice(3, 5)),
        minutes: r.minutes,
        assisted: r.assisted,
      })),
    );
    await recordAudit(tx, actor, {
      action: 'opening-rules-update',
      entityType: 'equipment',
      entityId: id,
      organizationId: e.organizationId,
      before: before.items,
      after: items,
      requestId: ctx.requestId,
    });
  });
  return getOpeningRules(db, id);
}

// ---- tariffs ----

export async function getTariffs(db: Db | Tx, id: string) {
  await equipmentOr404(db, id);
  const rows = await policyRepo.tariffsOf(db, [id]);
  return {
    equipment: id,
    currency: 'EUR' as const,
    items: rows.map((t) => ({
      id: t.id,
      category: t.category,
      unit: t.unit,
      amountCents: t.amountCents,
      validFrom: formatInstant(t.validFrom.getTime()),
      validTo: t.validTo ? formatInstant(t.validTo.getTime()) : null,
    })),
  };
}

export async function putTariffs(db: Db, ctx: Ctx, id: string, body: TariffsWrite, now: Date) {
  const e = await equipmentOr404(db, id);
  const actor = requireStaff(ctx.actor, e.organizationId);
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  body.items.forEach((t, i) => {
    const key = `${t.category}|${t.unit}`;
    if (seen.has(key))
      problems.push({ pointer: `/body/items/${i}`, message: 'a second price for the same category and unit' });
    seen.add(key);
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The tariffs have invalid fields', problems);
  await db.transaction(async (tx) => {
    await ensurePolicy(tx, id, e.organizationId);
    const before = (await policyRepo.tariffsOf(tx, [id], true)).map(({ category, unit, amountCents }) => ({
      category,
      unit,
      amountCents,
    }));
    await policyRepo.replaceTariffs(tx, id, now, body.items);
    await recordAudit(tx, actor, {
      action: 'tariffs-update',
      entityType: 'equipment',
      entityId: id,
      organizationId: e.organizationId,
      before,
      after: body.items,
      requestId: ctx.requestId,
    });
  });
  return getTariffs(db, id);
}

// ---- closures ----

export function presentClosure(c: policyRepo.ClosureRow) {
  return {
    id: c.id,
    organization: c.organizationId,
    equipment: c.equipmentId,
    start: formatInstant(c.start),
    end: formatInstant(c.end),
    reason: c.reason,
  };
}

/** Reads a start/end pair (bare dates: whole days), every problem listed. */
export function readRange(
  start: string | undefined,
  end: string | undefined,
  where: 'body' | 'query',
  problems: FieldProblem[],
  names: [string, string] = ['start', 'end'],
) {
  const s = start === undefined ? undefined : parseInstant(start, 'start');
  const e = end === undefined ? undefined : parseInstant(end, 'end');
  if (s === null)
    problems.push({
      pointer: `/${where}/${names[0]}`,
      message: 'must be an ISO 8601 date-time with offset, or a date',
    });
  if (e === null)
    problems.push({
      pointer: `/${where}/${names[1]}`,
      message: 'must be an ISO 8601 date-time with offset, or a date',
    });
  if (typeof s === 'number' && typeof e === 'number' && e <= s)
    problems.push({ pointer: `/${where}/${names[1]}`, message: `must be after ${names[0]}` });
  return { start: s ?? undefined, end: e ?? undefined };
}

export async function listClosures(
  db: Db,
  q: { organization?: string; equipment?: string; from?: string; to?: string },
  now: Date,
) {
  const problems: FieldProblem[] = [];
  const r = readRange(q.from, q.to, 'query', problems, ['from', 'to']);
  if (!q.organization && !q.equipment)
    problems.push({ pointer: '/query/organization', message: 'name an organisation or an equipment record' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The query has invalid fields', problems);
  const from = r.start ?? now.getTime() - 30 * 86_400_000;
  const to = r.end ?? from + 400 * 86_400_000;
  let organizations = q.organization ? [q.organization] : [];
  if (q.equipment) {
    const e = await equipmentOr404(db, q.equipment);
    organizations = [e.organizationId];
  }
  const rows = await policyRepo.closuresFor(db, {
    organizations,
    equipment: q.equipment ? [q.equipment] : [],
    from,
    to,
    wholeCentreOnly: !!q.equipment,
  });
  return { items: rows.map(presentClosure) };
}

export async function createClosure(db: Db, ctx: Ctx, body: ClosureCreate) {
  const problems: FieldProblem[] = [];
  const r = readRange(body.start, body.end, 'body', problems);
  let organizationId = body.organization;
  if (body.equipment) {
    const [e] = await repo.findEquipment(db, [body.equipment]);
    if (!e) problems.push({ pointer: '/body/equipment', message: `no equipment with id "${body.equipment}"` });
    else if (organizationId && organizationId !== e.organizationId)
      problems.push({ pointer: '/body/organization', message: "is not the equipment's organisation" });
    else organizationId = e.organizationId;
  } else if (!organizationId)
    problems.push({ pointer: '/body/organization', message: 'name an organisation or an equipment record' });
  else if (!(await repo.organizationFacts(db, [organizationId])).length)
    problems.push({ pointer: '/body/organization', message: `no organisation with id "${organizationId}"` });
  if (r.start !== undefined && r.end !== undefined && r.end - r.start > 400 * 86_400_000)
    problems.push({ pointer: '/body/end', message: 'a closure lasts at most 400 days' });
  if (organizationId) requireStaff(ctx.actor, organizationId);
  else requireMember(ctx.actor);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The closure has invalid fields', problems);
  const actor = requireStaff(ctx.actor, organizationId!);
  const created = await db.transaction(async (tx) => {
    if (body.equipment) await ensurePolicy(tx, body.equipment, organizationId!);
    const c = await policyRepo.insertClosure(tx, {
      organizationId: organizationId!,
      equipmentId: body.equipment ?? null,
      start: r.start!,
      end: r.end!,
      reason: body.reason,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'closure-create',
      entityType: 'closure',
      entityId: c.id,
      organizationId: organizationId!,
      before: null,
      after: presentClosure(c),
      requestId: ctx.requestId,
    });
    return c;
  });
  return presentClosure(created);
}

export async function deleteClosure(db: Db, ctx: Ctx, id: string) {
  const c = /^[0-9a-f-]{36}$/i.test(id) ? await policyRepo.findClosure(db, id) : null;
  if (!c) throw new AppError('NOT_FOUND', `No closure with id "${id}"`);
  const actor = requireStaff(ctx.actor, c.organizationId);
  await db.transaction(async (tx) => {
    await policyRepo.deleteClosure(tx, id);
    await recordAudit(tx, actor, {
      action: 'closure-delete',
      entityType: 'closure',
      entityId: id,
      organizationId: c.organizationId,
      before: presentClosure(c),
      after: null,
      requestId: ctx.requestId,
    });
  });
}
