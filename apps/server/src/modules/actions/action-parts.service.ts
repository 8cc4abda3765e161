import type { Action, PartnerRole } from '@clock/contracts';
import { AppError } from '../../core/errors.ts';
import * as repo from './actions.repo.ts';
import { actionAbilities, canContributeFor } from './actions.rules.ts';
import {
  audit,
  finishedIs409,
  getAction,
  isUuid,
  loadAction,
  loadLed,
  requireMember,
  tellPartnersAdded,
  validDay,
  type ActionDeps,
  type Ctx,
} from './actions.service.ts';

const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `No ${what} with id "${id}"`);
const invalidDay = (pointer: string, d: string | null | undefined) =>
  d && !validDay(d) ? [{ pointer, message: 'not a calendar day' }] : [];

// ---- partners (the lead) ----

export async function addPartner(
  deps: ActionDeps,
  ctx: Ctx,
  id: string,
  body: { organization: string; role: PartnerRole },
): Promise<Action> {
  await deps.db.transaction(async (tx) => {
    const { a, partners } = await loadLed(tx, ctx.actor, id);
    if (!(await repo.organizationNames(tx, [body.organization])).has(body.organization))
      throw new AppError('VALIDATION_FAILED', 'Unknown organisation', [
        { pointer: '/body/organization', message: `no organisation "${body.organization}"` },
      ]);
    if (body.role === 'lead')
      throw new AppError('VALIDATION_FAILED', 'An action has one lead', [
        { pointer: '/body/role', message: 'the lead is set when the action is opened' },
      ]);
    if (partners.some((p) => p.organizationId === body.organization))
      throw new AppError('CONFLICT', 'The organisation is already a partner of the action');
    const [added] = await repo.insertPartners(tx, [
      { actionId: a.id, organizationId: body.organization, role: body.role },
    ]);
    await audit(tx, ctx, 'add-action-partner', a.id, a.leadOrganizationId, null, added);
    await tellPartnersAdded(tx, deps, a, [body.organization], ctx.actor.kind === 'member' ? ctx.actor.userId : null);
  });
  return getAction(deps, ctx.actor, id);
}

export async function removePartner(deps: ActionDeps, ctx: Ctx, partnerId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    requireMember(ctx.actor);
    const p = isUuid(partnerId) ? await repo.findPartner(tx, partnerId) : null;
    if (!p) throw notFound('action partner', partnerId);
    const { a } = await loadLed(tx, ctx.actor, p.actionId);
    if (p.organizationId === a.leadOrganizationId) throw new AppError('CONFLICT', 'The lead stays a partner');
    await repo.deletePartner(tx, p.id);
    await audit(tx, ctx, 'remove-action-partner', a.id, a.leadOrganizationId, p, null);
  });
}

// ---- milestones (the lead) ----

export async function addMilestone(
  deps: ActionDeps,
  ctx: Ctx,
  id: string,
  body: { title: { it?: string; en?: string }; due: string; weight?: number },
): Promise<Action> {
  const bad = invalidDay('/body/due', body.due);
  if (bad.length) throw new AppError('VALIDATION_FAILED', 'The milestone has invalid fields', bad);
  await deps.db.transaction(async (tx) => {
    const { a } = await loadLed(tx, ctx.actor, id);
    const m = await repo.insertMilestone(tx, {
      actionId: a.id,
      title: body.title,
      dueDate: body.due,
      weight: body.weight ?? 1,
    });
    await audit(tx, ctx, 'add-action-milestone', a.id, a.leadOrganizationId, null, m);
  });
  return getAction(deps, ctx.actor, id);
}

/** The lead edits a milestone or marks it done (or not done again). */
export async function editMilestone(
  deps: ActionDeps,
  ctx: Ctx,
  milestoneId: string,
  body: { title?: { it?: string; en?: string }; due?: string; weight?: number; done?: boolean },
): Promise<Action> {
  const bad = invalidDay('/body/due', body.due);
  if (bad.length) throw new AppError('VALIDATION_FAILED', 'The milestone has invalid fields', bad);
  requireMember(ctx.actor);
  const m0 = isUuid(milestoneId) ? await repo.findMilestone(deps.db, milestoneId) : null;
  if (!m0) throw notFound('milestone', milestoneId);
  await deps.db.transaction(async (tx) => {
    const { a } = await loadLed(tx, ctx.actor, m0.actionId);
    const m = (await repo.findMilestone(tx, milestoneId))!;
    const set: Parameters<typeof repo.updateMilestone>[2] = {};
    if (body.title !== undefined) set.title = body.title;
    if (body.due !== undefined) {
      set.dueDate = body.due;
      set.remindedAt = null;
    }
    if (body.weight !== undefined) set.weight = body.weight;
    if (body.done !== undefined) set.doneAt = body.done ? (m.doneAt ?? (deps.now ? deps.now() : new Date())) : null;
    const after = await repo.updateMilestone(tx, m.id, set);
    await audit(tx, ctx, 'edit-action-milestone', a.id, a.leadOrganizationId, m, after);
  });
  return getAction(deps, ctx.actor, m0.actionId);
}

// ---- contributions (the lead, or the partner itself) ----

interface ContributionInput {
  organization: string;
  kind: 'person-days' | 'equipment-hours' | 'money' | 'in-kind';
  planned: number;
  actual?: number | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  note?: string | null;
  booking?: string | null;
}
function periodProblems(start: string | null | undefined, end: string | null | undefined) {
  const problems = [...invalidDay('/body/periodStart', start), ...invalidDay('/body/periodEnd', end)];
  if (start && end && start > end)
    problems.push({ pointer: '/body/periodEnd', message: 'the period ends before it starts' });
  return problems;
}

export async function addContribution(
  deps: ActionDeps,
  ctx: Ctx,
  id: string,
  body: ContributionInput,
): Promise<Action> {
  await deps.db.transaction(async (tx) => {
    requireMember(ctx.actor);
    const { a, facts } = await loadAction(tx, ctx.actor, id, true);
    const problems = periodProblems(body.periodStart, body.periodEnd);
    if (!facts.partners.some((p) => p.organizationId === body.organization))
      problems.push({ pointer: '/body/organization', message: 'not a partner of the action' });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The contribution has invalid fields', problems);
    if (
      !actionAbilities(ctx.actor, facts).includes('contribute') ||
      !canContributeFor(ctx.actor, facts, body.organization)
    ) {
      finishedIs409(a.state);
      throw new AppError('FORBIDDEN', "A partner records its own contributions (the lead records anyone's)");
    }
    const c = await repo.insertContribution(tx, {
      actionId: a.id,
      organizationId: body.organization,
      kind: body.kind,
      planned: body.planned,
      actual: body.actual ?? null,
      periodStart: body.periodStart ?? null,
      periodEnd: body.periodEnd ?? null,
      note: body.note ?? null,
      bookingId: body.booking ?? null,
    });
    await audit(tx, ctx, 'add-action-contribution', a.id, body.organization, null, c);
  });
  return getAction(deps, ctx.actor, id);
}

export async function editContribution(
  deps: ActionDeps,
  ctx: Ctx,
  contributionId: string,
  body: Partial<Omit<ContributionInput, 'organization' | 'kind' | 'booking'>>,
): Promise<Action> {
  requireMember(ctx.actor);
  const c0 = isUuid(contributionId) ? await repo.findContribution(deps.db, contributionId) : null;
  if (!c0) throw notFound('contribution', contributionId);
  await deps.db.transaction(async (tx) => {
    const { a, facts } = await loadAction(tx, ctx.actor, c0.actionId, true);
    const c = (await repo.findContribution(tx, contributionId))!;
    const problems = periodProblems(
      body.periodStart === undefined ? c.periodStart : body.periodStart,
      body.periodEnd === undefined ? c.periodEnd : body.periodEnd,
    );
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The contribution has invalid fields', problems);
    if (
      !actionAbilities(ctx.actor, facts).includes('contribute') ||
      !canContributeFor(ctx.actor, facts, c.organizationId)
    ) {
      finishedIs409(a.state);
      throw new AppError('FORBIDDEN', "A partner changes its own contributions (the lead anyone's)");
    }
    const set: Parameters<typeof repo.updateContribution>[2] = {};
    if (body.planned !== undefined) set.planned = body.planned;
    if (body.actual !== undefined) set.actual = body.actual;
    if (body.periodStart !== undefined) set.periodStart = body.periodStart;
    if (body.periodEnd !== undefined) set.periodEnd = body.periodEnd;
    if (body.note !== undefined) set.note = body.note;
    const after = await repo.updateContribution(tx, c.id, set);
    await audit(tx, ctx, 'edit-action-contribution', a.id, c.organizationId, c, after);
  });
  return getAction(deps, ctx.actor, c0.actionId);
}

// ---- documents (lead and partners): a title and a link ----

export async function addDocument(deps: ActionDeps, ctx: Ctx, id: string, body: { title: string; url: string }) {
  await deps.db.transaction(async (tx) => {
    const actor = requireMember(ctx.actor);
    const { a, facts } = await loadAction(tx, ctx.actor, id, true);
    if (!actionAbilities(actor, facts).includes('documents')) {
      finishedIs409(a.state);
      throw new AppError('FORBIDDEN', "Only the action's partners add documents");
    }
    const d = await repo.insertDocument(tx, {
      actionId: a.id,
      title: body.title,
      url: body.url,
      addedBy: actor.userId,
    });
    await audit(tx, ctx, 'add-action-document', a.id, a.leadOrganizationId, null, d);
  });
  return getAction(deps, ctx.actor, id);
}

export async function removeDocument(deps: ActionDeps, ctx: Ctx, documentId: string): Promise<void> {
  const actor = requireMember(ctx.actor);
  const d0 = isUuid(documentId) ? await repo.findDocument(deps.db, documentId) : null;
  if (!d0) throw notFound('document', documentId);
  await deps.db.transaction(async (tx) => {
    const { a, facts } = await loadAction(tx, ctx.actor, d0.actionId, true);
    if (!actionAbilities(actor, facts).includes('documents')) {
      finishedIs409(a.state);
      throw new AppError('FORBIDDEN', "Only the action's partners remove documents");
    }
    await repo.deleteDocument(tx, d0.id);
    await audit(tx, ctx, 'remove-action-document', a.id, a.leadOrganizationId, d0, null);
  });
}
