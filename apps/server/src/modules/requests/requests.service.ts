import type { Db, Tx } from '../../db/client.ts';
import type { Actor, Member } from '../../core/actor.ts';
import { AppError, mergeProblems, type FieldProblem } from '../../core/errors.ts';
import type { RequestState, requests } from '../../db/schema/index.ts';
import type { SearchService } from '../search/search.service.ts';
import { matchProblem } from '../matching/matching.service.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { pendingClaimCompanies } from '../companies/companies.service.ts';
import { sourceRecordOwner } from './demand.service.ts';
import * as repo from './requests.repo.ts';
import {
  accessTo,
  allowedActions,
  centreOrganizations,
  DEFAULT_TARGETS,
  dueDate,
  interestOrganizations,
  invitableKinds,
  isNucleus,
  isOverdue,
  leadOrganization,
  requestRef,
  type RequestAction,
  type RequestFacts,
  type Targets,
} from './requests.rules.ts';

export interface RequestDeps {
  db: Db;
  search: SearchService;
  publicUrl: string;
  /** The clock (tests move it to check targets and reminders). */
  now?: () => Date;
}
export interface Ctx {
  actor: Actor;
  requestId?: string;
}

const TARGETS_KEY = 'response-targets';
const nowOf = (deps: RequestDeps) => (deps.now ? deps.now() : new Date());

function requireMember(actor: Actor): Member {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in to take part in requests');
  return actor;
}

export async function responseTargets(db: Db | Tx): Promise<Targets> {
  return { ...DEFAULT_TARGETS, ...((await repo.getSetting<Partial<Targets>>(db, TARGETS_KEY)) ?? {}) };
}

/** The nucleus (or an administrator) sets the network's response-time targets; they apply from the next state change. */
export async function setResponseTargets(deps: RequestDeps, ctx: Ctx, targets: Targets) {
  const actor = requireMember(ctx.actor);
  if (!isNucleus(actor) && actor.platformRole !== 'admin')
    throw new AppError('FORBIDDEN', 'Only the coordination nucleus sets response-time targets');
  await deps.db.transaction(async (tx) => {
    const before = await responseTargets(tx);
    await repo.putSetting(tx, TARGETS_KEY, targets);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'response-targets',
      entityId: TARGETS_KEY,
      organizationId: null,
      before,
      after: targets,
      requestId: ctx.requestId,
    });
  });
  return targets;
}

// ---- presenting ----

type Row = repo.RequestRow;
type CentreRow = repo.CentreRow;

function present(
  actor: Actor,
  r: Row,
  centres: CentreRow[],
  now: Date,
  events?: Awaited<ReturnType<typeof repo.eventsOf>>,
) {
  const facts = repo.toFacts(r, centres);
  const access = accessTo(actor, facts);
  const mine = centres.filter((c) => c.requestId === r.id);
  const base = {
    id: r.id,
    ref: requestRef(r.number),
    access: access as 'summary' | 'full',
    title: r.title,
    summary: r.summary,
    state: r.state,
    confidentiality: r.confidentiality,
    sector: r.sector,
    filiera: r.filiera,
    lang: r.lang,
    submittedAt: r.submittedAt.toISOString(),
    stateChangedAt: r.stateChangedAt.toISOString(),
    dueAt: null as string | null,
    overdue: false,
    interestCount: mine.filter((c) => c.interestAt).length,
    lead: null as string | null,
    actions: [] as RequestAction[],
    actingFor: [] as string[],
  };
  if (access !== 'full') return base;
  const lead = leadOrganization(facts);
  const acting = new Set(interestOrganizations(actor, facts));
  if (lead && centreOrganizations(actor).includes(lead)) acting.add(lead);
  return {
    ...base,
    dueAt: r.dueAt?.toISOString() ?? null,
    overdue: isOverdue(r.dueAt, now),
    lead,
    actions: allowedActions(actor, facts),
    actingFor: [...acting],
    description: r.description,
    desiredOutcome: r.desiredOutcome,
    deadline: r.deadline,
    company: { id: r.companyOrganizationId, name: r.companyName },
    contactEmail: r.contactEmail,
    submittedVia: r.submittedViaOrganizationId,
    declineReason: r.declineReason,
    outcome: r.outcome,
    rating: r.rating,
    ratingComment: r.ratingComment,
    source: r.sourceType && r.sourceId ? { type: r.sourceType as 'equipment', id: r.sourceId } : null,
    centres: mine.map((c) => ({
      organization: c.organizationId,
      name: c.name,
      invited: !!c.invitedAt,
      teamRole: c.teamRole,
      interest: c.interestAt
        ? { at: c.interestAt.toISOString(), proposal: c.proposal ?? '', aspects: c.aspects, by: c.interestByName }
        : null,
    })),
    ...(events
      ? {
          timeline: events.map((e) => ({
            at: e.at.toISOString(),
            kind: e.kind,
            from: e.fromState,
            to: e.toState,
            message: e.message,
            actorName: e.actorName,
            organization: e.organization,
          })),
        }
      : {}),
  };
}

/** One request, as the caller may see it; 404 when they may not know it exists. */
export async function getRequest(deps: RequestDeps, actor: Actor, id: string) {
  const { r, centres, access } = await loadVisible(deps.db, actor, id);
  const events = access === 'full' ? await repo.eventsOf(deps.db, r.id) : undefined;
  return present(actor, r, centres, nowOf(deps), events);
}

/** The request with its centres and what the caller may see of it; 404 when they may not know it exists. */
async function loadVisible(db: Db | Tx, actor: Actor, id: string) {
  const r = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findRequest(db, id) : null;
  if (!r) throw new AppError('NOT_FOUND', `No request with id "${id}"`);
  const centres = await repo.centresOf(db, [r.id]);
  const access = accessTo(actor, repo.toFacts(r, centres));
  if (access === 'none') throw new AppError('NOT_FOUND', `No request with id "${id}"`);
  return { r, centres, access };
}

export async function listRequests(
  deps: RequestDeps,
  actor: Actor,
  q: {
    scope?: 'mine' | 'inbox' | 'all';
    sort?: 'recent' | 'due';
    state?: RequestState;
    q?: string;
    overdue?: boolean;
    page?: number;
    limit?: number;
  },
) {
  const page = q.page ?? 1,
    limit = q.limit ?? 50;
  const now = nowOf(deps);
  const { rows, total, byState, overdue } = await repo.listRequests(deps.db, actor, {
    scope: q.scope ?? 'all',
    sort: q.sort ?? 'recent',
    state: q.state,
    q: q.q?.trim() || undefined,
    overdueAt: q.overdue ? now : undefined,
    now,
    offset: (page - 1) * limit,
    limit,
  });
  const centres = await repo.centresOf(
    deps.db,
    rows.map((r) => r.id),
  );
  // The SQL filter and the rules must agree; the rules have the last word.
  const items = rows
    .filter((r) => accessTo(actor, repo.toFacts(r, centres)) !== 'none')
    .map((r) => {
      const { centres: _c, ...rest } = present(actor, r, centres, now) as ReturnType<typeof present> & {
        centres?: unknown;
      };
      return rest;
    });
  return { items, total, page, limit, byState, overdue };
}

// ---- submitting ----

export interface SubmitBody {
  title: string;
  description: string;
  summary?: string;
  desiredOutcome?: string;
  sector?: string;
  filiera?: string;
  deadline?: string;
  confidentiality: 'public' | 'network' | 'confidential';
  lang?: 'it' | 'en';
  company?: string;
  companyName?: string;
  contactEmail?: string;
  source?: { type: 'competence' | 'service' | 'equipment' | 'expert'; id: string };
}

const text = (s: string | undefined | null) => (s === undefined || s === null ? undefined : s.trim() || undefined);

/** The rules on a request's own words, for submitting and for editing: every problem at once. */
function contentProblems(
  body: Pick<SubmitBody, 'title' | 'description' | 'summary' | 'confidentiality' | 'deadline'>,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const title = text(body.title),
    description = text(body.description),
    summary = text(body.summary);
  if (!title || title.length < 5) problems.push({ pointer: '/body/title', message: 'must have at least 5 characters' });
  if (!description || description.length < 20)
    problems.push({ pointer: '/body/description', message: 'must have at least 20 characters' });
  if (body.confidentiality === 'public' && !summary)
    problems.push({ pointer: '/body/summary', message: 'a public request needs a summary anyone may read' });
  else if (summary && summary.length < 10)
    problems.push({ pointer: '/body/summary', message: 'must have at least 10 characters' });
  if (body.deadline) {
    const d = new Date(`${body.deadline}T23:59:59Z`);
    if (Number.isNaN(d.getTime())) problems.push({ pointer: '/body/deadline', message: 'must be a date (YYYY-MM-DD)' });
    else if (d.getTime() < now.getTime())
      problems.push({ pointer: '/body/deadline', message: 'must not be in the past' });
  }
  return problems;
}

const EDITABLE = [
  'title',
  'description',
  'summary',
  'desiredOutcome',
  'sector',
  'filiera',
  'deadline',
  'confidentiality',
  'lang',
  'contactEmail',
] as const;
export type EditBody = Partial<Record<(typeof EDITABLE)[number], string | null>>;

/**
 * The company's side (or the nucleus) corrects a request before the nucleus opens it to the centres: its words, the
 * details and the tier. `null` clears an optional field. The whole result is checked as on submission.
 */
export async function editRequest(
  deps: RequestDeps,
  ctx: Ctx,
  id: string,
  patch: EditBody,
  schemaProblems: FieldProblem[] = [],
) {
  return act(deps, ctx, id, 'edit', async (tx, r, _c, _f, actor, now) => {
    const before = {
      title: r.title,
      description: r.description,
      summary: r.summary,
      desiredOutcome: r.desiredOutcome,
      sector: r.sector,
      filiera: r.filiera,
      deadline: r.deadline,
      confidentiality: r.confidentiality,
      lang: r.lang,
      contactEmail: r.contactEmail,
    };
    const next: Record<string, string | null> = { ...before };
    for (const k of EDITABLE)
      if (patch[k] !== undefined) next[k] = patch[k] === null ? null : (text(patch[k]!) ?? null);
    const problems = contentProblems(
      {
        title: next.title ?? '',
        description: next.description ?? '',
        summary: next.summary ?? undefined,
        confidentiality: next.confidentiality as SubmitBody['confidentiality'],
        deadline: patch.deadline ? patch.deadline : undefined,
      },
      now,
    );
    for (const k of ['title', 'description', 'confidentiality', 'lang'] as const)
      if (patch[k] === null) problems.push({ pointer: `/body/${k}`, message: 'is required' });
    const all = mergeProblems(problems, schemaProblems);
    if (all.length) throw new AppError('VALIDATION_FAILED', 'The request has invalid fields', all);
    const changed = EDITABLE.filter((k) => next[k] !== before[k]);
    if (!changed.length) return;
    await repo.updateRequest(tx, r.id, Object.fromEntries(changed.map((k) => [k, next[k]])) as never);
    await repo.insertEvent(tx, {
      requestId: r.id,
      at: now,
      actorUserId: actor.userId,
      actorOrganizationId: isNucleus(actor)
        ? actor.memberships.find((m) => m.role === 'nucleus')!.organization
        : r.companyOrganizationId,
      kind: 'edited',
      message: changed.join(', '),
    });
    await recordAudit(tx, actor, {
      action: 'request-edit',
      entityType: 'request',
      entityId: r.id,
      organizationId: r.companyOrganizationId,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
      requestId: ctx.requestId,
    });
  });
}

/**
 * A company (or a centre, a Region officer on its behalf) submits a problem. Every invalid field is reported at once.
 * The nucleus is notified; the company gets a receipt with the date by which it will hear back.
 */
export async function submitRequest(
  deps: RequestDeps,
  ctx: Ctx,
  body: SubmitBody,
  schemaProblems: FieldProblem[] = [],
) {
  const actor = requireMember(ctx.actor);
  if (!actor.userId) throw new AppError('FORBIDDEN', 'Requests are submitted by people, not by API tokens');
  const now = nowOf(deps);
  const problems = contentProblems(body, now);
  const title = text(body.title),
    description = text(body.description),
    summary = text(body.summary);
  // Who is it for: a company member submits for their company; anyone else names the company.
  const companyMemberships = actor.memberships.filter((m) => m.role === 'company').map((m) => m.organization);
  // A person whose claim on a company waits for a centre may already submit under its name.
  const claimed = await pendingClaimCompanies(deps.db, actor.userId);
  const ownCompanies = [...companyMemberships, ...claimed];
  // Started from a record ("contact / ask for a quote"): the record's organisation is addressed at once.
  const addressed = body.source ? await sourceRecordOwner(deps.db, actor, body.source) : null;
  if (body.source && !addressed)
    problems.push({ pointer: '/body/source', message: `no ${body.source.type} with id "${body.source.id}"` });
  let companyId: string | null =
    body.company ?? (companyMemberships.length === 1 && !body.companyName ? companyMemberships[0]! : null);
  let companyName = text(body.companyName) ?? null;
  const via = centreOrganizations(actor)[0] ?? null;
  if (companyId) {
    const known = (await repo.organizationKinds(deps.db, [companyId])).get(companyId);
    if (!known) problems.push({ pointer: '/body/company', message: `unknown organisation "${companyId}"` });
    else if (known.kind !== 'company') problems.push({ pointer: '/body/company', message: 'is not a company' });
    else companyName = known.name;
    if (known && !ownCompanies.includes(companyId) && !via && !actor.platformRole) {
      problems.push({ pointer: '/body/company', message: 'you may submit only for your own company' });
    }
  } else if (!companyName) {
    problems.push({ pointer: '/body/companyName', message: 'name the company the request is for' });
  }
  const all = mergeProblems(problems, schemaProblems);
  if (all.length) throw new AppError('VALIDATION_FAILED', 'The request has invalid fields', all);

  const targets = await responseTargets(deps.db);
  const submittedVia = companyId && ownCompanies.includes(companyId) ? null : via;
  const created = await deps.db.transaction(async (tx) => {
    const r = await repo.insertRequest(tx, {
      title: title!,
      description: description!,
      summary: summary ?? null,
      desiredOutcome: text(body.desiredOutcome) ?? null,
      sector: text(body.sector) ?? null,
      filiera: text(body.filiera) ?? null,
      deadline: body.deadline ?? null,
      lang: body.lang ?? 'it',
      confidentiality: body.confidentiality,
      companyOrganizationId: companyId,
      companyName: companyName!,
      contactEmail: text(body.contactEmail) ?? null,
      submittedBy: actor.userId,
      submittedViaOrganizationId: submittedVia,
      submittedAt: now,
      stateChangedAt: now,
      dueAt: dueDate('submitted', now, targets),
      sourceType: body.source?.type ?? null,
      sourceId: body.source?.id ?? null,
    });
    companyId = r.companyOrganizationId;
    if (addressed && addressed !== submittedVia) await repo.upsertCentre(tx, r.id, addressed, { invitedAt: now });
    await repo.insertEvent(tx, {
      requestId: r.id,
      at: now,
      actorUserId: actor.userId,
      actorOrganizationId: submittedVia ?? companyId,
      kind: 'submitted',
      toState: 'submitted',
    });
    await recordAudit(tx, actor, {
      action: 'submit',
      entityType: 'request',
      entityId: r.id,
      organizationId: companyId,
      before: null,
      after: auditView(r),
      requestId: ctx.requestId,
    });
    await tellPeople(deps, tx, r, [], { kind: 'request-submitted', roles: ['nucleus'] }, actor);
    await tellPeople(
      deps,
      tx,
      r,
      [],
      { kind: 'request-received', owners: true, extra: { due: r.dueAt ? r.dueAt.toISOString().slice(0, 10) : '' } },
      null,
    );
    if (addressed)
      await tellPeople(
        deps,
        tx,
        r,
        await repo.centresOf(tx, [r.id]),
        { kind: 'request-addressed', organizations: [addressed] },
        actor,
      );
    return r;
  });
  return getRequest(deps, actor, created.id);
}

// The audit keeps what changed, not the text of the problem twice over.
const auditView = (r: Row) => ({
  ref: requestRef(r.number),
  state: r.state,
  confidentiality: r.confidentiality,
  company: r.companyOrganizationId ?? r.companyName,
  dueAt: r.dueAt,
});

// ---- notifying ----

interface Audience {
  kind: string;
  owners?: boolean;
  roles?: string[];
  organizations?: string[];
  /** Everyone in a centre (any organisation's non-company members) who may see the request. */
  allCentres?: boolean;
  extra?: Record<string, string>;
  urgent?: boolean;
}

/**
 * Notifies the audience of an event. Each recipient is checked against the visibility rules before anything is
 * written, so a confidential request never reaches someone who may not see it; its title is never put in the message.
 */
async function tellPeople(
  deps: Pick<RequestDeps, 'publicUrl'>,
  tx: Tx,
  r: Row,
  centres: CentreRow[],
  a: Audience,
  except: Member | null,
) {
  const candidates = await repo.usersFor(tx, {
    organizations: [
      ...(a.organizations ?? []),
      ...(a.owners && r.companyOrganizationId ? [r.companyOrganizationId] : []),
    ],
    roles: [...(a.roles ?? []), ...(a.allCentres ? ['nucleus', 'centre-manager', 'centre-staff'] : [])],
    userIds: a.owners && r.submittedBy ? [r.submittedBy] : [],
  });
  const facts = repo.toFacts(r, centres);
  const recipients = candidates.filter((u) => {
    if (except && u.id === except.userId) return false;
    const asActor: Actor = {
      kind: 'member',
      userId: u.id,
      tokenId: null,
      platformRole: u.platformRole,
      memberships: u.memberships,
      csrfToken: null,
    };
    if (accessTo(asActor, facts) !== 'full') return false;
    // Owners-only events go to the company's side; organisation lists only to those organisations' members.
    if (a.owners && !a.roles && !a.organizations && !a.allCentres)
      return u.id === r.submittedBy || u.memberships.some((m) => m.organization === r.companyOrganizationId);
    return true;
  });
  const params: Record<string, string> = { ref: requestRef(r.number), state: r.state, ...(a.extra ?? {}) };
  if (r.confidentiality !== 'confidential') params.title = r.title;
  return notify(tx, deps.publicUrl, { kind: a.kind, requestId: r.id, params, urgent: a.urgent }, recipients);
}

// ---- the life cycle ----

const STATE_OF_ACTION: Record<RequestAction, RequestState[]> = {
  triage: ['submitted'],
  open: ['submitted', 'triage'],
  decline: ['submitted', 'triage', 'open'],
  interest: ['open'],
  'withdraw-interest': ['open'],
  'agree-team': ['open'],
  start: ['team_agreed'],
  close: ['in_progress'],
  rate: ['closed'],
  withdraw: ['submitted', 'triage', 'open', 'team_agreed'],
  edit: ['submitted', 'triage'],
};

/**
 * Runs one action on a request inside a transaction holding the request's row lock: 404 if the caller may not see
 * it, 409 if its state does not allow the action, 403 if the caller may not take it.
 */
async function act<T>(
  deps: RequestDeps,
  ctx: Ctx,
  id: string,
  action: RequestAction,
  fn: (tx: Tx, r: Row, centres: CentreRow[], facts: RequestFacts, actor: Member, now: Date) => Promise<T>,
) {
  const actor = requireMember(ctx.actor);
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    const r = /^[0-9a-f-]{36}$/i.test(id) ? await repo.lockRequest(tx, id) : null;
    const centres = r ? await repo.centresOf(tx, [r.id]) : [];
    const facts = r ? repo.toFacts(r, centres) : null;
    if (!r || !facts || accessTo(actor, facts) === 'none')
      throw new AppError('NOT_FOUND', `No request with id "${id}"`);
    if (!STATE_OF_ACTION[action].includes(r.state))
      throw new AppError(
        'CONFLICT',
        `The request is ${r.state.replace('_', ' ')}: it cannot ${action.replace('-', ' ')} now`,
      );
    if (!allowedActions(actor, facts).includes(action))
      throw new AppError('FORBIDDEN', `You may not ${action.replace('-', ' ')} this request`);
    await fn(tx, r, centres, facts, actor, now);
  });
  return getRequest(deps, actor, id);
}

async function moveTo(
  _deps: RequestDeps,
  tx: Tx,
  ctx: Ctx,
  actor: Member,
  r: Row,
  to: RequestState,
  now: Date,
  patch: Partial<typeof requests.$inferInsert>,
  message: string | null,
) {
  const targets = await responseTargets(tx);
  const first = r.firstResponseAt ?? (r.state === 'submitted' ? now : null);
  const next = {
    ...patch,
    state: to,
    stateChangedAt: now,
    dueAt: dueDate(to, now, targets),
    reminderSentAt: null,
    firstResponseAt: first,
    ...(to === 'open' && !r.openedAt ? { openedAt: now } : {}),
    ...(to === 'closed' || to === 'declined' || to === 'withdrawn' ? { closedAt: now } : {}),
  };
  await repo.updateRequest(tx, r.id, next);
  const actorOrg = isNucleus(actor)
    ? actor.memberships.find((m) => m.role === 'nucleus')!.organization
    : (centreOrganizations(actor)[0] ?? actor.memberships[0]?.organization ?? null);
  await repo.insertEvent(tx, {
    requestId: r.id,
    at: now,
    actorUserId: actor.userId,
    actorOrganizationId: actorOrg,
    kind: 'state',
    fromState: r.state,
    toState: to,
    message,
  });
  await recordAudit(tx, actor, {
    action: `request-${to}`,
    entityType: 'request',
    entityId: r.id,
    organizationId: r.companyOrganizationId,
    before: auditView(r),
    after: { ...auditView({ ...r, ...next } as Row), message },
    requestId: ctx.requestId,
  });
  return { ...r, ...next } as Row;
}

export async function triageRequest(deps: RequestDeps, ctx: Ctx, id: string, body: { message?: string }) {
  return act(deps, ctx, id, 'triage', async (tx, r, centres, _f, actor, now) => {
    const moved = await moveTo(deps, tx, ctx, actor, r, 'triage', now, {}, body.message?.trim() || null);
    await tellPeople(deps, tx, moved, centres, { kind: 'request-triage', owners: true }, actor);
  });
}

/** Opens a request to the centres; a confidential one only to the centres named, who alone will see it. */
export async function openRequest(
  deps: RequestDeps,
  ctx: Ctx,
  id: string,
  body: { centres?: string[]; message?: string },
) {
  return act(deps, ctx, id, 'open', async (tx, r, _c, _f, actor, now) => {
    const invited = [...new Set(body.centres ?? [])];
    const problems: FieldProblem[] = [];
    if (r.confidentiality === 'confidential' && !invited.length)
      problems.push({
        pointer: '/body/centres',
        message: 'a confidential request is opened only to the centres named here: name at least one',
      });
    const kinds = await repo.organizationKinds(tx, invited);
    invited.forEach((o, i) => {
      const k = kinds.get(o);
      if (!k) problems.push({ pointer: `/body/centres/${i}`, message: `unknown organisation "${o}"` });
      else if (k.kind === 'company')
        problems.push({ pointer: `/body/centres/${i}`, message: 'is a company, not a centre' });
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The request cannot be opened like this', problems);
    for (const o of invited) await repo.upsertCentre(tx, r.id, o, { invitedAt: now });
    const moved = await moveTo(deps, tx, ctx, actor, r, 'open', now, {}, body.message?.trim() || null);
    const after = await repo.centresOf(tx, [r.id]);
    await tellPeople(deps, tx, moved, after, { kind: 'request-opened', owners: true }, actor);
    // Invited centres hear of it; a request open to the whole network also reaches every centre's manager.
    await tellPeople(
      deps,
      tx,
      moved,
      after,
      {
        kind: 'request-invited',
        organizations: invited,
        roles: r.confidentiality === 'confidential' ? [] : ['centre-manager'],
      },
      actor,
    );
  });
}

/** Declines a request; the reason always reaches the company by e-mail, whatever its notification settings. */
export async function declineRequest(deps: RequestDeps, ctx: Ctx, id: string, body: { reason: string }) {
  const reason = body.reason?.trim() ?? '';
  if (reason.length < 10)
    throw new AppError('VALIDATION_FAILED', 'Say why the request is declined', [
      { pointer: '/body/reason', message: 'must have at least 10 characters' },
    ]);
  return act(deps, ctx, id, 'decline', async (tx, r, centres, _f, actor, now) => {
    const moved = await moveTo(deps, tx, ctx, actor, r, 'declined', now, { declineReason: reason }, reason);
    await tellPeople(
      deps,
      tx,
      moved,
      centres,
      { kind: 'request-declined', owners: true, urgent: true, extra: { reason } },
      actor,
    );
  });
}

/** The company takes its request back before the work starts; the nucleus and the centres involved are told. */
export async function withdrawRequest(deps: RequestDeps, ctx: Ctx, id: string, body: { reason?: string }) {
  return act(deps, ctx, id, 'withdraw', async (tx, r, centres, facts, actor, now) => {
    const reason = body.reason?.trim() || null;
    const moved = await moveTo(deps, tx, ctx, actor, r, 'withdrawn', now, {}, reason);
    const involved = facts.centres.filter((c) => c.invited || c.interested || c.teamRole).map((c) => c.organizationId);
    await tellPeople(
      deps,
      tx,
      moved,
      centres,
      { kind: 'request-withdrawn', roles: ['nucleus'], organizations: involved, extra: reason ? { reason } : {} },
      actor,
    );
  });
}

function chooseOrganization(options: string[], asked: string | undefined, pointer: string) {
  if (asked) {
    if (!options.includes(asked)) throw new AppError('FORBIDDEN', `You may not act for ${asked} on this request`);
    return asked;
  }
  if (options.length === 1) return options[0]!;
  throw new AppError('VALIDATION_FAILED', 'Say which organisation you act for', [
    { pointer, message: `choose one of: ${options.join(', ')}` },
  ]);
}

/** A centre says it wants to take part, with a short proposal and the aspects it covers (again to change it). */
export async function expressInterest(
  deps: RequestDeps,
  ctx: Ctx,
  id: string,
  body: { organization?: string; proposal: string; aspects?: string[] },
) {
  const proposal = body.proposal?.trim() ?? '';
  if (proposal.length < 20)
    throw new AppError('VALIDATION_FAILED', 'Describe what your centre proposes', [
      { pointer: '/body/proposal', message: 'must have at least 20 characters' },
    ]);
  return act(deps, ctx, id, 'interest', async (tx, r, _c, facts, actor, now) => {
    const org = chooseOrganization(interestOrganizations(actor, facts), body.organization, '/body/organization');
    const already = facts.centres.some((c) => c.organizationId === org && c.interested);
    await repo.upsertCentre(tx, r.id, org, {
      interestAt: now,
      interestBy: actor.userId,
      proposal,
      aspects: [...new Set((body.aspects ?? []).map((a) => a.trim()).filter(Boolean))],
    });
    await repo.insertEvent(tx, {
      requestId: r.id,
      at: now,
      actorUserId: actor.userId,
      actorOrganizationId: org,
      kind: already ? 'interest-updated' : 'interest',
      message: proposal,
    });
    await recordAudit(tx, actor, {
      action: 'request-interest',
      entityType: 'request',
      entityId: r.id,
      organizationId: org,
      before: null,
      after: { organization: org, proposal, aspects: body.aspects ?? [] },
      requestId: ctx.requestId,
    });
    if (!already) {
      const name = (await repo.organizationKinds(tx, [org])).get(org)?.name ?? org;
      await tellPeople(
        deps,
        tx,
        r,
        await repo.centresOf(tx, [r.id]),
        { kind: 'request-interest', owners: true, roles: ['nucleus'], extra: { organization: name } },
        actor,
      );
    }
  });
}

export async function withdrawInterest(deps: RequestDeps, ctx: Ctx, id: string, body: { organization?: string }) {
  return act(deps, ctx, id, 'withdraw-interest', async (tx, r, _c, facts, actor, now) => {
    const options = interestOrganizations(actor, facts).filter((o) =>
      facts.centres.some((c) => c.organizationId === o && c.interested),
    );
    const org = chooseOrganization(options, body.organization, '/body/organization');
    await repo.upsertCentre(tx, r.id, org, { interestAt: null, interestBy: null, proposal: null, aspects: [] });
    await repo.insertEvent(tx, {
      requestId: r.id,
      at: now,
      actorUserId: actor.userId,
      actorOrganizationId: org,
      kind: 'interest-withdrawn',
    });
    await recordAudit(tx, actor, {
      action: 'request-withdraw-interest',
      entityType: 'request',
      entityId: r.id,
      organizationId: org,
      before: null,
      after: { organization: org },
      requestId: ctx.requestId,
    });
  });
}

/** The company (or the nucleus) agrees the team: a lead centre and up to three partners, among those interested. */
export async function agreeTeam(
  deps: RequestDeps,
  ctx: Ctx,
  id: string,
  body: { lead: string; partners: string[]; message?: string },
) {
  return act(deps, ctx, id, 'agree-team', async (tx, r, _c, facts, actor, now) => {
    const interested = facts.centres.filter((c) => c.interested).map((c) => c.organizationId);
    const partners = [...new Set(body.partners ?? [])];
    const problems: FieldProblem[] = [];
    if (!interested.includes(body.lead))
      problems.push({ pointer: '/body/lead', message: 'must be a centre that expressed interest' });
    partners.forEach((p, i) => {
      if (p === body.lead) problems.push({ pointer: `/body/partners/${i}`, message: 'is already the lead' });
      else if (!interested.includes(p))
        problems.push({ pointer: `/body/partners/${i}`, message: 'must be a centre that expressed interest' });
    });
    if (partners.length > 3)
      problems.push({ pointer: '/body/partners', message: 'a team has at most four organisations' });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The team is not valid', problems);
    await repo.clearTeam(tx, r.id);
    await repo.upsertCentre(tx, r.id, body.lead, { teamRole: 'lead' });
    for (const p of partners) await repo.upsertCentre(tx, r.id, p, { teamRole: 'partner' });
    const moved = await moveTo(deps, tx, ctx, actor, r, 'team_agreed', now, {}, body.message?.trim() || null);
    const names = await repo.organizationKinds(tx, [body.lead, ...partners]);
    const nameOf = (o: string) => names.get(o)?.name ?? o;
    await tellPeople(
      deps,
      tx,
      moved,
      await repo.centresOf(tx, [r.id]),
      {
        kind: 'request-team',
        owners: true,
        roles: ['nucleus'],
        organizations: [body.lead, ...partners],
        extra: { lead: nameOf(body.lead), partners: partners.map(nameOf).join(', ') },
      },
      actor,
    );
  });
}

export async function startRequest(deps: RequestDeps, ctx: Ctx, id: string, body: { message?: string }) {
  return act(deps, ctx, id, 'start', async (tx, r, centres, facts, actor, now) => {
    const moved = await moveTo(deps, tx, ctx, actor, r, 'in_progress', now, {}, body.message?.trim() || null);
    const team = facts.centres.filter((c) => c.teamRole).map((c) => c.organizationId);
    await tellPeople(
      deps,
      tx,
      moved,
      centres,
      { kind: 'request-started', owners: true, roles: ['nucleus'], organizations: team },
      actor,
    );
  });
}

export async function closeRequest(deps: RequestDeps, ctx: Ctx, id: string, body: { outcome: string }) {
  const outcome = body.outcome?.trim() ?? '';
  if (outcome.length < 10)
    throw new AppError('VALIDATION_FAILED', 'Describe the outcome', [
      { pointer: '/body/outcome', message: 'must have at least 10 characters' },
    ]);
  return act(deps, ctx, id, 'close', async (tx, r, centres, facts, actor, now) => {
    const moved = await moveTo(deps, tx, ctx, actor, r, 'closed', now, { outcome }, outcome);
    const team = facts.centres.filter((c) => c.teamRole).map((c) => c.organizationId);
    await tellPeople(
      deps,
      tx,
      moved,
      centres,
      { kind: 'request-closed', owners: true, roles: ['nucleus'], organizations: team },
      actor,
    );
  });
}

/** The company rates the work once the request is closed (once). */
export async function rateRequest(deps: RequestDeps, ctx: Ctx, id: string, body: { rating: number; comment?: string }) {
  return act(deps, ctx, id, 'rate', async (tx, r, centres, facts, actor, now) => {
    const comment = body.comment?.trim() || null;
    await repo.updateRequest(tx, r.id, { rating: body.rating, ratingComment: comment });
    await repo.insertEvent(tx, {
      requestId: r.id,
      at: now,
      actorUserId: actor.userId,
      actorOrganizationId: r.companyOrganizationId,
      kind: 'rated',
      message: `${body.rating}/5${comment ? ` — ${comment}` : ''}`,
    });
    await recordAudit(tx, actor, {
      action: 'request-rate',
      entityType: 'request',
      entityId: r.id,
      organizationId: r.companyOrganizationId,
      before: null,
      after: { rating: body.rating, comment },
      requestId: ctx.requestId,
    });
    const team = facts.centres.filter((c) => c.teamRole).map((c) => c.organizationId);
    await tellPeople(
      deps,
      tx,
      { ...r, rating: body.rating },
      centres,
      { kind: 'request-rated', roles: ['nucleus'], organizations: team, extra: { rating: String(body.rating) } },
      actor,
    );
  });
}

// ---- the team proposal ----

/**
 * Who covers which aspect of the problem: the matching engine's teams over the whole network, and for each centre
 * that expressed interest (or is in the team) what the catalogue says it covers, what it claims, its equipment.
 */
export async function teamProposal(deps: RequestDeps, actor: Actor, id: string) {
  const { r, centres, access } = await loadVisible(deps.db, actor, id);
  if (access !== 'full') throw new AppError('FORBIDDEN', 'Only the network sees the team proposal');
  const text = [r.title, r.description, r.desiredOutcome].filter(Boolean).join('\n');
  // Teams hold only organisations the request may be opened to: the network's centres when it is confidential,
  // otherwise any organisation but a company.
  const invitable = await repo.organizationsOfKinds(deps.db, invitableKinds(r.confidentiality));
  const match = await matchProblem(deps.search, actor, {
    text,
    lang: r.lang as 'it' | 'en',
    sector: r.sector ?? undefined,
    filiera: r.filiera ?? undefined,
    limit: 50,
    teamOrganizations: invitable.filter((o) => o !== r.companyOrganizationId),
  });
  // Strong aspects: those a glossary concept names (every aspect when none does).
  const named = match.aspects.filter((a) => a.kind === 'concept');
  const strong = new Set((named.length ? named : match.aspects).map((a) => a.label));
  const involved = centres.filter((c) => c.interestAt || c.teamRole);
  const rows = involved.map((c) => {
    const org = match.organizations.find((o) => o.id === c.organizationId);
    const records = match.results.filter((x) => x.organization === c.organizationId);
    return {
      organization: c.organizationId,
      name: c.name,
      interested: !!c.interestAt,
      teamRole: c.teamRole,
      covers: org?.covers ?? [],
      claims: c.aspects,
      // Equipment that matches only a weak aspect (a clause no concept names) is left out.
      equipment: records
        .filter((x) => x.type === 'equipment' && x.aspects.some((a) => strong.has(a)))
        .slice(0, 5)
        .map((x) => ({ id: x.id, title: x.title })),
      records: records
        .filter((x) => x.type !== 'equipment')
        .slice(0, 5)
        .map((x) => ({ id: x.id, type: x.type, title: x.title })),
    };
  });
  const covered = new Set(rows.flatMap((c) => [...c.covers, ...c.claims]));
  return {
    aspects: match.aspects.map((a) => ({ label: a.label, kind: a.kind })),
    suggested: match.teams.map((t) => ({
      organizations: t.organizations,
      members: t.members,
      covers: t.covers,
      missing: t.missing,
      score: t.score,
    })),
    centres: rows,
    missing: match.aspects.map((a) => a.label).filter((l) => !covered.has(l)),
    truncated: match.truncated,
  };
}

// ---- reminders ----

/**
 * E-mails the nucleus about every request past its response-time target (and, once open, the centres invited), at
 * most once a day per request, and marks it in the app. Runs from the worker.
 */
export async function sendReminders(
  deps: Pick<RequestDeps, 'db' | 'publicUrl' | 'now'>,
  now = deps.now ? deps.now() : new Date(),
) {
  const due = await deps.db.transaction(async (tx) => {
    const rows = await repo.overdueRequests(tx, now);
    const centres = await repo.centresOf(
      tx,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      const mine = centres.filter((c) => c.requestId === r.id);
      const invited = mine.filter((c) => c.invitedAt).map((c) => c.organizationId);
      await tellPeople(
        deps,
        tx,
        r,
        mine,
        {
          kind: 'request-overdue',
          roles: ['nucleus'],
          organizations: r.state === 'open' ? invited : [],
          urgent: true,
          extra: { since: r.stateChangedAt.toISOString().slice(0, 10), due: r.dueAt!.toISOString().slice(0, 10) },
        },
        null,
      );
      await repo.updateRequest(tx, r.id, { reminderSentAt: now });
    }
    return rows.length;
  });
  return { reminded: due };
}
