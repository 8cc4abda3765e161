import {
  actionRef,
  actionTransitionAllowed,
  type Action,
  type ActionCreate,
  type ActionEdit,
  type ActionList,
  type ActionListQuery,
  type ActionState,
  type ActionVisibility,
} from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import { canSeeNetworkContent, type Actor, type Member } from '../../core/actor.ts';
import { AppError, mergeProblems, type FieldProblem } from '../../core/errors.ts';
import { localDay } from '../../core/calendar.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import * as repo from './actions.repo.ts';
import { factsOf, presentAction, presentSummary } from './actions.presenter.ts';
import { canCreateAction, canSeeAction, isLate, leads, rollUp } from './actions.rules.ts';

export interface ActionDeps {
  db: Db;
  publicUrl: string;
  /** The clock (tests move it). */
  now?: () => Date;
}
export interface Ctx {
  actor: Actor;
  requestId?: string;
}
export const todayOf = (deps: { now?: () => Date }) => localDay((deps.now ? deps.now() : new Date()).getTime());
export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export function requireMember(actor: Actor): Member {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return actor;
}
const invalid = (problems: FieldProblem[]) => {
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The action has invalid fields', problems);
};

/** The action and its partners, if the caller may see it; else 404 (also for ids that cannot exist). */
export async function loadAction(db: Db | Tx, actor: Actor, id: string, lock = false) {
  const a = isUuid(id) ? await repo.findAction(db, id, lock) : null;
  const partners = a ? await repo.partnersOf(db, [a.id]) : [];
  if (!a || !canSeeAction(actor, factsOf(a, partners)))
    throw new AppError('NOT_FOUND', `No joint action with id "${id}"`);
  return { a, partners, facts: factsOf(a, partners) };
}
/** As loadAction, then 403 unless the caller runs the action (its lead's centre members, administrators). */
export async function loadLed(tx: Tx, actor: Actor, id: string) {
  requireMember(actor);
  const loaded = await loadAction(tx, actor, id, true);
  if (!leads(actor, loaded.a)) throw new AppError('FORBIDDEN', "Only the lead centre's members run the action");
  finishedIs409(loaded.a.state);
  return loaded;
}
export function finishedIs409(state: ActionState) {
  if (state === 'closed' || state === 'cancelled')
    throw new AppError('CONFLICT', `The action is ${state}: it no longer changes`);
}

export function audit(
  tx: Tx,
  ctx: Ctx,
  action: string,
  entityId: string,
  organizationId: string | null,
  before: unknown,
  after: unknown,
) {
  return recordAudit(tx, ctx.actor, {
    action,
    entityType: 'joint-action',
    entityId,
    organizationId,
    before,
    after,
    requestId: ctx.requestId,
  });
}

/** One action as the caller sees it: partners, milestones, contributions, documents, progress and what they may do. */
export async function getAction(deps: ActionDeps, actor: Actor, id: string): Promise<Action> {
  return readAction(deps.db, deps, actor, id);
}
export async function readAction(db: Db | Tx, deps: ActionDeps, actor: Actor, id: string): Promise<Action> {
  const { a, partners } = await loadAction(db, actor, id);
  const [tree, allMilestones, milestones, contributions, documents, names] = await Promise.all([
    repo.treeFacts(db),
    repo.milestoneFacts(db),
    repo.milestonesOf(db, a.id),
    repo.contributionsOf(db, a.id),
    repo.documentsOf(db, a.id),
    repo.organizationNames(db, [a.leadOrganizationId]),
  ]);
  const progress = rollUp(tree, allMilestones.map(toMilestoneFacts));
  const childIds = tree.filter((t) => t.parentId === a.id).map((t) => t.id);
  const related = await Promise.all(
    [a.parentActionId, ...childIds].filter((x): x is string => !!x).map((x) => repo.findAction(db, x)),
  );
  const visible = async (r: repo.ActionRow | null) =>
    r && canSeeAction(actor, factsOf(r, await repo.partnersOf(db, [r.id]))) ? r : null;
  const parent = a.parentActionId ? await visible(related.find((r) => r?.id === a.parentActionId) ?? null) : null;
  const children = (await Promise.all(related.filter((r) => r?.parentActionId === a.id).map(visible))).filter(
    (r): r is repo.ActionRow => !!r,
  );
  return presentAction(actor, {
    a,
    leadName: names.get(a.leadOrganizationId) ?? a.leadOrganizationId,
    partners,
    progress,
    milestones,
    contributions,
    documents,
    parent,
    children,
    today: todayOf(deps),
  });
}
const toMilestoneFacts = (m: Awaited<ReturnType<typeof repo.milestoneFacts>>[number]) => ({
  actionId: m.actionId,
  weight: m.weight,
  due: m.due,
  done: m.doneAt !== null,
});

export function scopeOf(actor: Actor): repo.ActionScope {
  const all =
    actor.kind === 'member' && (actor.platformRole !== null || actor.memberships.some((m) => m.role === 'nucleus'));
  return {
    all,
    network: canSeeNetworkContent(actor),
    organizations: actor.kind === 'member' ? [...new Set(actor.memberships.map((m) => m.organization))] : [],
  };
}

/** The actions the caller may see, filtered; `late` is the computed rule. */
export async function listActions(deps: ActionDeps, actor: Actor, q: ActionListQuery): Promise<ActionList> {
  const page = q.page ?? 1;
  const limit = q.limit ?? 20;
  const today = todayOf(deps);
  const [rows, tree, milestones] = await Promise.all([
    repo.listActions(deps.db, scopeOf(actor), q),
    repo.treeFacts(deps.db),
    repo.milestoneFacts(deps.db),
  ]);
  const progress = rollUp(tree, milestones.map(toMilestoneFacts));
  const msOf = new Map<string, { due: string; done: boolean }[]>();
  for (const m of milestones) msOf.set(m.actionId, [...(msOf.get(m.actionId) ?? []), toMilestoneFacts(m)]);
  let matched = rows;
  if (q.late !== undefined) matched = rows.filter((r) => isLate(r.a.state, msOf.get(r.a.id) ?? [], today) === q.late);
  const slice = matched.slice((page - 1) * limit, page * limit);
  const partners = await repo.partnersOf(
    deps.db,
    slice.map((r) => r.a.id),
  );
  return {
    items: slice.map((r) =>
      presentSummary(r.a, r.leadName, partners, progress.get(r.a.id), msOf.get(r.a.id) ?? [], today),
    ),
    total: matched.length,
    page,
    limit,
  };
}

// ---- checks shared by create and edit ----

interface FieldsToCheck {
  s3?: string[];
  filiere?: string[];
  start?: string;
  end?: string;
  parent?: string | null;
  organizations?: { pointer: string; id: string }[];
}
async function fieldProblems(tx: Db | Tx, f: FieldsToCheck, self: string | null): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const [s3, filiere, orgs] = await Promise.all([
    repo.knownCodes(tx, 's3', f.s3 ?? []),
    repo.knownCodes(tx, 'filiera', f.filiere ?? []),
    repo.organizationNames(
      tx,
      (f.organizations ?? []).map((o) => o.id),
    ),
  ]);
  (f.s3 ?? []).forEach((c, i) => {
    if (!s3.has(c)) problems.push({ pointer: `/body/s3/${i}`, message: `"${c}" is not an S3 code` });
  });
  (f.filiere ?? []).forEach((c, i) => {
    if (!filiere.has(c)) problems.push({ pointer: `/body/filiere/${i}`, message: `"${c}" is not a filiera code` });
  });
  for (const o of f.organizations ?? [])
    if (!orgs.has(o.id)) problems.push({ pointer: o.pointer, message: `no organisation "${o.id}"` });
  if (f.start && f.end && f.start > f.end)
    problems.push({ pointer: '/body/end', message: 'the end is before the start' });
  if (f.start && !validDay(f.start)) problems.push({ pointer: '/body/start', message: 'not a calendar day' });
  if (f.end && !validDay(f.end)) problems.push({ pointer: '/body/end', message: 'not a calendar day' });
  if (f.parent) {
    const tree = await repo.treeFacts(tx);
    const byId = new Map(tree.map((t) => [t.id, t]));
    if (!byId.has(f.parent)) problems.push({ pointer: '/body/parent', message: `no joint action "${f.parent}"` });
    else if (self) {
      // The new parent may not be the action itself or one of its descendants.
      for (let at: string | null = f.parent, n = 0; at && n <= tree.length; at = byId.get(at)?.parentId ?? null, n++)
        if (at === self) {
          problems.push({ pointer: '/body/parent', message: 'an action cannot be inside itself' });
          break;
        }
    }
  }
  return problems;
}
/** A real calendar day YYYY-MM-DD (no 30 February), in years both databases store. */
export const validDay = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || d < '1000' || d > '9999') return false;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
};

/** A centre's member opens a joint action led by their centre, with its partners (who are told). */
export async function createAction(
  deps: ActionDeps,
  ctx: Ctx,
  body: Partial<ActionCreate>,
  schemaProblems: FieldProblem[] = [],
): Promise<Action> {
  const actor = requireMember(ctx.actor);
  const partners = body.partners ?? [];
  const problems = mergeProblems(
    schemaProblems,
    await fieldProblems(
      deps.db,
      {
        s3: body.s3,
        filiere: body.filiere,
        start: body.start,
        end: body.end,
        parent: body.parent ?? null,
        organizations: [
          ...(body.lead ? [{ pointer: '/body/lead', id: body.lead }] : []),
          ...partners.map((p, i) => ({ pointer: `/body/partners/${i}/organization`, id: p.organization })),
        ],
      },
      null,
    ),
  );
  invalid(problems);
  const input = body as ActionCreate;
  if (!canCreateAction(actor, input.lead))
    throw new AppError('FORBIDDEN', "A centre's members open joint actions led by their own centre");
  const id = await deps.db.transaction(async (tx) => {
    const a = await repo.insertAction(tx, {
      title: input.title,
      description: input.description ?? null,
      leadOrganizationId: input.lead,
      s3: input.s3 ?? [],
      filiere: input.filiere ?? [],
      startDate: input.start,
      endDate: input.end,
      visibility: input.visibility ?? 'network',
      parentActionId: input.parent ?? null,
      objectiveId: input.objective ?? null,
      createdBy: actor.userId,
    });
    const added = await repo.insertPartners(tx, [
      { actionId: a.id, organizationId: input.lead, role: 'lead' },
      ...partners
        .filter((p) => p.organization !== input.lead)
        .map((p) => ({ actionId: a.id, organizationId: p.organization, role: p.role })),
    ]);
    await audit(tx, ctx, 'create-joint-action', a.id, a.leadOrganizationId, null, { ...a, partners: added });
    await tellPartnersAdded(
      tx,
      deps,
      a,
      added.map((p) => p.organizationId).filter((o) => o !== a.leadOrganizationId),
      actor.userId,
    );
    return a.id;
  });
  return getAction(deps, ctx.actor, id);
}

/** The lead changes an action's fields (not its state: see transitionAction). */
export async function editAction(deps: ActionDeps, ctx: Ctx, id: string, body: ActionEdit): Promise<Action> {
  await deps.db.transaction(async (tx) => {
    const { a } = await loadLed(tx, ctx.actor, id);
    invalid(
      await fieldProblems(
        tx,
        {
          s3: body.s3,
          filiere: body.filiere,
          start: body.start ?? a.startDate,
          end: body.end ?? a.endDate,
          parent: body.parent ?? null,
        },
        a.id,
      ),
    );
    const set: Partial<repo.ActionRow> = {};
    if (body.title !== undefined) set.title = body.title;
    if (body.description !== undefined) set.description = body.description;
    if (body.s3 !== undefined) set.s3 = body.s3;
    if (body.filiere !== undefined) set.filiere = body.filiere;
    if (body.start !== undefined) set.startDate = body.start;
    if (body.end !== undefined) set.endDate = body.end;
    if (body.visibility !== undefined) set.visibility = body.visibility;
    if (body.parent !== undefined) set.parentActionId = body.parent;
    if (body.objective !== undefined) set.objectiveId = body.objective;
    const after = await repo.updateAction(tx, a.id, set);
    await audit(tx, ctx, 'edit-joint-action', a.id, a.leadOrganizationId, a, after);
  });
  return getAction(deps, ctx.actor, id);
}

/** The lead moves the action along its life cycle (ACTION_TRANSITIONS); a wrong move is 409. */
export async function transitionAction(
  deps: ActionDeps,
  ctx: Ctx,
  id: string,
  body: { to: ActionState; note?: string },
): Promise<Action> {
  await deps.db.transaction(async (tx) => {
    const { a } = await loadLed(tx, ctx.actor, id);
    if (!actionTransitionAllowed(a.state, body.to))
      throw new AppError('CONFLICT', `A ${a.state} action cannot become ${body.to}`, [], {
        allowed: [a.state],
      });
    const after = await repo.updateAction(tx, a.id, {
      state: body.to,
      closedAt: body.to === 'closed' ? (deps.now ? deps.now() : new Date()) : null,
    });
    await audit(
      tx,
      ctx,
      `action-${body.to}`,
      a.id,
      a.leadOrganizationId,
      { state: a.state },
      { state: after.state, note: body.note ?? null },
    );
  });
  return getAction(deps, ctx.actor, id);
}

const subjectVisibility = (v: ActionVisibility) => v;
/** Tells the people of organisations just added as partners (decision 015: through the notifications module). */
export async function tellPartnersAdded(
  tx: Tx,
  deps: ActionDeps,
  a: repo.ActionRow,
  organizationIds: string[],
  except: string | null,
) {
  if (!organizationIds.length) return 0;
  const people = await repo.peopleOf(tx, organizationIds);
  const names = await repo.organizationNames(tx, [a.leadOrganizationId]);
  // Partners always see their action (actions.rules.ts canSeeAction), so every candidate here may be told.
  return notify(tx, deps.publicUrl, {
    subject: {
      kind: 'joint-action',
      id: a.id,
      reference: actionRef(a.number),
      visibility: subjectVisibility(a.visibility),
      title: a.title.it ?? a.title.en ?? null,
      path: `/azioni/${a.id}`,
    },
    event: { kind: 'action-partner-added', params: { lead: names.get(a.leadOrganizationId) ?? '' } },
    audience: people,
    accessTo: () => true,
    except,
  });
}
