import { meetingRef, type Meeting, type MeetingList, type Outcome, type OutcomeKind } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor, Member } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { localDay } from '../../core/calendar.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { isUuid, loadAction, validDay, type ActionDeps, type Ctx } from '../actions/actions.service.ts';
import { loadVisible } from '../requests/requests.service.ts';
import * as repo from './meetings.repo.ts';
import {
  canUseMeetings,
  carriedAgenda,
  meetingEditable,
  meetingMayMove,
  minutesApprovalProblem,
} from './meetings.rules.ts';

export type MeetingDeps = ActionDeps;
/** An ISO 8601 date-time with an offset, on a real day: the Date, or null. */
function instantOf(s: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.exec(s);
  const d = new Date(s);
  return m && validDay(m[1]!) && !Number.isNaN(d.getTime()) ? d : null;
}
const nowOf = (deps: MeetingDeps) => (deps.now ? deps.now() : new Date());

function requireNucleus(actor: Actor): Member {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (!canUseMeetings(actor))
    throw new AppError('FORBIDDEN', "The nucleus's meetings are for its members, the Region and administrators");
  return actor;
}
async function meetingOr404(db: Db | Tx, id: string, lock = false) {
  const m = isUuid(id) ? await repo.findMeeting(db, id, lock) : null;
  if (!m) throw new AppError('NOT_FOUND', `No meeting with id "${id}"`);
  return m;
}
const audit = (tx: Tx, ctx: Ctx, action: string, id: string, before: unknown, after: unknown) =>
  recordAudit(tx, ctx.actor, {
    action,
    entityType: 'meeting',
    entityId: id,
    organizationId: null,
    before,
    after,
    requestId: ctx.requestId,
  });
const notEditable = (m: repo.MeetingRow) => {
  if (!meetingEditable(m.state))
    throw new AppError('CONFLICT', 'The minutes are approved: the meeting is the record now');
};

/**
 * Tells the owner of an action item that it is theirs (decision 015). Meetings are for the nucleus, the Region and
 * administrators; an owner outside them still reads what they are asked to do in the notification, with the link.
 */
async function tellOwner(tx: Tx, deps: MeetingDeps, m: repo.MeetingRow, o: repo.OutcomeRow, except: string | null) {
  if (o.kind !== 'action' || !o.ownerUserId || !o.dueDate) return;
  await notify(tx, deps.publicUrl, {
    subject: {
      kind: 'meeting',
      id: m.id,
      reference: meetingRef(m.number),
      visibility: 'private',
      path: `/nucleo/riunioni/${m.id}`,
    },
    event: { kind: 'meeting-action-assigned', params: { item: o.text.slice(0, 300), due: o.dueDate } },
    audience: await repo.recipientsById(tx, [o.ownerUserId]),
    accessTo: () => true,
    except,
  });
}

function presentOutcome(r: Awaited<ReturnType<typeof repo.outcomesOf>>[number], today: string): Outcome {
  const o = r.o;
  return {
    id: o.id,
    meetingId: o.meetingId,
    meetingRef: meetingRef(r.meetingNumber),
    kind: o.kind,
    text: o.text,
    agendaItemId: o.agendaItemId,
    owner: o.ownerUserId ? { id: o.ownerUserId, name: r.ownerName ?? '' } : null,
    due: o.dueDate,
    doneAt: o.doneAt?.toISOString() ?? null,
    objectiveId: o.objectiveId,
    actionId: o.actionId,
    requestId: o.requestId,
    overdue: o.kind === 'action' && !o.doneAt && !!o.dueDate && o.dueDate < today,
  };
}
const summary = (m: repo.MeetingRow, openActions: number) => ({
  id: m.id,
  ref: meetingRef(m.number),
  number: m.number,
  startsAt: m.startsAt.toISOString(),
  place: m.place,
  onlineUrl: m.onlineUrl,
  state: m.state,
  openActions,
});

export async function listMeetings(
  deps: MeetingDeps,
  actor: Actor,
  q: { page?: number; limit?: number },
): Promise<MeetingList> {
  requireNucleus(actor);
  const page = q.page ?? 1;
  const limit = q.limit ?? 20;
  const rows = await repo.listMeetings(deps.db, { offset: (page - 1) * limit, limit });
  const total = rows[0]?.total ?? (page > 1 ? await repo.countMeetings(deps.db) : 0);
  return { items: rows.map((r) => summary(r.m, r.openActions)), total, page, limit };
}

export async function getMeeting(deps: MeetingDeps, actor: Actor, id: string): Promise<Meeting> {
  requireNucleus(actor);
  return readMeeting(deps.db, deps, id);
}
async function readMeeting(db: Db | Tx, deps: MeetingDeps, id: string): Promise<Meeting> {
  const m = await meetingOr404(db, id);
  const today = localDay(nowOf(deps).getTime());
  const [agenda, outcomes, attendees, previous, members, approvedIn] = await Promise.all([
    repo.agendaOf(db, m.id),
    repo.outcomesOf(db, { meetingId: m.id }),
    repo.attendeesOf(db, m.id),
    repo.previousMeeting(db, m.number),
    repo.nucleusMembers(db),
    m.approvedInMeetingId ? repo.findMeeting(db, m.approvedInMeetingId) : null,
  ]);
  const carried = await repo.outcomesOf(db, {
    ids: agenda.map((a) => a.carriedOutcomeId).filter((x): x is string => !!x),
  });
  const carriedById = new Map(carried.map((c) => [c.o.id, presentOutcome(c, today)]));
  const abilities: Meeting['abilities'] = [];
  if (meetingEditable(m.state)) abilities.push('edit', 'outcomes');
  if (meetingMayMove(m.state, 'held')) abilities.push('hold');
  const canApprove = minutesApprovalProblem(m, previous) === null;
  if (canApprove) abilities.push('approve-minutes');
  return {
    ...summary(m, outcomes.filter((o) => o.o.kind === 'action' && !o.o.doneAt).length),
    minutes: m.minutes,
    minutesApprovedAt: m.minutesApprovedAt?.toISOString() ?? null,
    approvedIn: approvedIn ? { id: approvedIn.id, ref: meetingRef(approvedIn.number) } : null,
    agenda: agenda.map((a) => ({
      id: a.id,
      position: a.position,
      title: a.title,
      carriedOutcome: a.carriedOutcomeId ? (carriedById.get(a.carriedOutcomeId) ?? null) : null,
    })),
    outcomes: outcomes.map((o) => presentOutcome(o, today)),
    attendees: attendees.map((a) => ({
      user: { id: a.userId, name: a.name ?? '' },
      organization: a.organizationId ? { id: a.organizationId, name: a.organizationName ?? a.organizationId } : null,
      present: a.present,
    })),
    previousToApprove:
      previous && previous.state === 'held' ? { id: previous.id, ref: meetingRef(previous.number) } : null,
    members: members.map((x) => ({
      user: { id: x.userId, name: x.name ?? '' },
      organization: { id: x.organizationId, name: x.organizationName },
    })),
    abilities,
  };
}

/**
 * The nucleus plans a meeting. Its agenda starts with the approval of the previous minutes (when they wait) and every
 * action item of earlier meetings still open, carried over automatically.
 */
export async function createMeeting(
  deps: MeetingDeps,
  ctx: Ctx,
  body: { startsAt: string; place?: string | null; onlineUrl?: string | null },
): Promise<Meeting> {
  const actor = requireNucleus(ctx.actor);
  const startsAt = instantOf(body.startsAt);
  if (!startsAt)
    throw new AppError('VALIDATION_FAILED', 'The meeting has invalid fields', [
      { pointer: '/body/startsAt', message: 'an ISO 8601 date-time with offset' },
    ]);
  const id = await deps.db.transaction(async (tx) => {
    const previous = await repo.lastMeeting(tx);
    const m = await repo.insertMeeting(tx, {
      startsAt,
      place: body.place ?? null,
      onlineUrl: body.onlineUrl ?? null,
      createdBy: actor.userId,
    });
    const open = await repo.openActionItems(tx);
    const agenda = carriedAgenda(
      open.map((o) => ({ id: o.o.id, text: o.o.text, meetingNumber: o.meetingNumber })),
      previous && previous.state === 'held' ? { ref: meetingRef(previous.number) } : null,
    );
    const items = await repo.insertAgenda(
      tx,
      agenda.map((a) => ({ ...a, meetingId: m.id })),
    );
    await audit(tx, ctx, 'create-meeting', m.id, null, { ...m, agenda: items });
    return m.id;
  });
  return readMeeting(deps.db, deps, id);
}

export async function editMeeting(
  deps: MeetingDeps,
  ctx: Ctx,
  id: string,
  body: { startsAt?: string; place?: string | null; onlineUrl?: string | null; minutes?: string | null },
): Promise<Meeting> {
  requireNucleus(ctx.actor);
  const problems: FieldProblem[] = [];
  if (body.startsAt !== undefined && !instantOf(body.startsAt))
    problems.push({ pointer: '/body/startsAt', message: 'an ISO 8601 date-time with offset' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The meeting has invalid fields', problems);
  await deps.db.transaction(async (tx) => {
    const m = await meetingOr404(tx, id, true);
    notEditable(m);
    const set: Partial<repo.MeetingRow> = {};
    if (body.startsAt !== undefined) set.startsAt = new Date(body.startsAt);
    if (body.place !== undefined) set.place = body.place;
    if (body.onlineUrl !== undefined) set.onlineUrl = body.onlineUrl;
    if (body.minutes !== undefined) set.minutes = body.minutes;
    const after = await repo.updateMeeting(tx, m.id, set);
    await audit(tx, ctx, 'edit-meeting', m.id, m, after);
  });
  return readMeeting(deps.db, deps, id);
}

/** The meeting took place: who attended (present or excused) and, if ready, its minutes. */
export async function holdMeeting(
  deps: MeetingDeps,
  ctx: Ctx,
  id: string,
  body: { attendees: { user: string; organization?: string | null; present: boolean }[]; minutes?: string },
): Promise<Meeting> {
  requireNucleus(ctx.actor);
  await deps.db.transaction(async (tx) => {
    const m = await meetingOr404(tx, id, true);
    if (!meetingMayMove(m.state, 'held')) throw new AppError('CONFLICT', `A ${m.state} meeting cannot be held again`);
    const known = await repo.liveUsers(
      tx,
      body.attendees.map((a) => a.user),
    );
    const members = new Map((await repo.nucleusMembers(tx)).map((x) => [x.userId, x.organizationId]));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    body.attendees.forEach((a, i) => {
      if (!known.has(a.user)) problems.push({ pointer: `/body/attendees/${i}/user`, message: `no person "${a.user}"` });
      if (seen.has(a.user)) problems.push({ pointer: `/body/attendees/${i}/user`, message: 'listed twice' });
      seen.add(a.user);
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The attendees have invalid fields', problems);
    await repo.replaceAttendees(
      tx,
      m.id,
      body.attendees.map((a) => ({
        meetingId: m.id,
        userId: a.user,
        organizationId: a.organization ?? members.get(a.user) ?? null,
        present: a.present,
      })),
    );
    const after = await repo.updateMeeting(tx, m.id, {
      state: 'held',
      ...(body.minutes !== undefined ? { minutes: body.minutes } : {}),
    });
    await audit(tx, ctx, 'hold-meeting', m.id, { state: m.state }, { state: after.state, attendees: body.attendees });
  });
  return readMeeting(deps.db, deps, id);
}

/**
 * At a held meeting, the nucleus approves the previous meeting's minutes: recorded as a decision of this meeting, and
 * the previous meeting becomes `minutes-approved` (read-only from then on).
 */
export async function approvePreviousMinutes(deps: MeetingDeps, ctx: Ctx, id: string): Promise<Meeting> {
  requireNucleus(ctx.actor);
  await deps.db.transaction(async (tx) => {
    const m = await meetingOr404(tx, id, true);
    const previous = await repo.previousMeeting(tx, m.number, true);
    const problem = minutesApprovalProblem(m, previous);
    if (problem) throw new AppError('CONFLICT', problem);
    const p = previous!;
    const ref = meetingRef(p.number);
    await repo.insertOutcome(tx, {
      meetingId: m.id,
      kind: 'decision',
      text: `Approvato il verbale della riunione ${ref} / Minutes of ${ref} approved`,
      position: await repo.nextOutcomePosition(tx, m.id),
    });
    const after = await repo.updateMeeting(tx, p.id, {
      state: 'minutes-approved',
      minutesApprovedAt: nowOf(deps),
      approvedInMeetingId: m.id,
    });
    await audit(tx, ctx, 'approve-minutes', p.id, { state: p.state }, { state: after.state, approvedIn: m.id });
  });
  return readMeeting(deps.db, deps, id);
}

export async function addAgendaItem(deps: MeetingDeps, ctx: Ctx, id: string, body: { title: string }) {
  requireNucleus(ctx.actor);
  await deps.db.transaction(async (tx) => {
    const m = await meetingOr404(tx, id, true);
    notEditable(m);
    const [item] = await repo.insertAgenda(tx, [
      { meetingId: m.id, title: body.title, position: await repo.nextAgendaPosition(tx, m.id) },
    ]);
    await audit(tx, ctx, 'add-agenda-item', m.id, null, item);
  });
  return readMeeting(deps.db, deps, id);
}

interface OutcomeInput {
  kind: OutcomeKind;
  text: string;
  agendaItem?: string | null;
  owner?: string | null;
  due?: string | null;
  objective?: string | null;
  action?: string | null;
  request?: string | null;
}
/** An outcome of the meeting: information, a decision, or an action with its owner and due day (both required). */
export async function addOutcome(deps: MeetingDeps, ctx: Ctx, id: string, body: OutcomeInput): Promise<Meeting> {
  const actor = requireNucleus(ctx.actor);
  await deps.db.transaction(async (tx) => {
    const m = await meetingOr404(tx, id, true);
    notEditable(m);
    const problems: FieldProblem[] = [];
    if (body.kind === 'action') {
      if (!body.owner) problems.push({ pointer: '/body/owner', message: 'an action item has an owner' });
      if (!body.due) problems.push({ pointer: '/body/due', message: 'an action item has a due day' });
    } else {
      if (body.owner) problems.push({ pointer: '/body/owner', message: 'only an action item has an owner' });
      if (body.due) problems.push({ pointer: '/body/due', message: 'only an action item has a due day' });
    }
    if (body.due && !validDay(body.due)) problems.push({ pointer: '/body/due', message: 'not a calendar day' });
    if (body.owner && !(await repo.liveUsers(tx, [body.owner])).has(body.owner))
      problems.push({ pointer: '/body/owner', message: `no person "${body.owner}"` });
    if (body.agendaItem) {
      const item = await repo.findAgendaItem(tx, body.agendaItem);
      if (!item || item.meetingId !== m.id)
        problems.push({ pointer: '/body/agendaItem', message: 'not an item of this meeting’s agenda' });
    }
    if (body.action)
      await loadAction(tx, actor, body.action).catch(() =>
        problems.push({ pointer: '/body/action', message: `no joint action "${body.action}"` }),
      );
    if (body.request)
      await loadVisible(tx, actor, body.request).catch(() =>
        problems.push({ pointer: '/body/request', message: `no request "${body.request}"` }),
      );
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The outcome has invalid fields', problems);
    const o = await repo.insertOutcome(tx, {
      meetingId: m.id,
      kind: body.kind,
      text: body.text,
      agendaItemId: body.agendaItem ?? null,
      ownerUserId: body.owner ?? null,
      dueDate: body.due ?? null,
      objectiveId: body.objective ?? null,
      actionId: body.action ?? null,
      requestId: body.request ?? null,
      position: await repo.nextOutcomePosition(tx, m.id),
    });
    await audit(tx, ctx, 'add-meeting-outcome', m.id, null, o);
    await tellOwner(tx, deps, m, o, actor.userId);
  });
  return readMeeting(deps.db, deps, id);
}

/**
 * An outcome changes: an action item is marked done (or open again), gets another owner or due day — at any time,
 * since open items follow the nucleus from meeting to meeting; its text only until the minutes are approved.
 */
export async function editOutcome(
  deps: MeetingDeps,
  ctx: Ctx,
  outcomeId: string,
  body: { done?: boolean; owner?: string; due?: string; text?: string },
): Promise<Meeting> {
  requireNucleus(ctx.actor);
  const o0 = isUuid(outcomeId) ? await repo.findOutcome(deps.db, outcomeId) : null;
  if (!o0) throw new AppError('NOT_FOUND', `No meeting outcome with id "${outcomeId}"`);
  await deps.db.transaction(async (tx) => {
    const m = await meetingOr404(tx, o0.meetingId, true);
    const o = (await repo.findOutcome(tx, outcomeId))!;
    const problems: FieldProblem[] = [];
    if (o.kind !== 'action') {
      for (const k of ['done', 'owner', 'due'] as const)
        if (body[k] !== undefined) problems.push({ pointer: `/body/${k}`, message: 'only an action item has it' });
    }
    if (body.due !== undefined && !validDay(body.due))
      problems.push({ pointer: '/body/due', message: 'not a calendar day' });
    if (body.owner && !(await repo.liveUsers(tx, [body.owner])).has(body.owner))
      problems.push({ pointer: '/body/owner', message: `no person "${body.owner}"` });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The outcome has invalid fields', problems);
    if (body.text !== undefined) notEditable(m);
    const set: Partial<repo.OutcomeRow> = {};
    if (body.done !== undefined) set.doneAt = body.done ? (o.doneAt ?? nowOf(deps)) : null;
    if (body.owner !== undefined) set.ownerUserId = body.owner;
    if (body.due !== undefined) set.dueDate = body.due;
    if (body.text !== undefined) set.text = body.text;
    const after = await repo.updateOutcome(tx, o.id, set);
    await audit(tx, ctx, 'edit-meeting-outcome', m.id, o, after);
    if (body.owner !== undefined && body.owner !== o.ownerUserId)
      await tellOwner(tx, deps, m, after, ctx.actor.kind === 'member' ? ctx.actor.userId : null);
  });
  return readMeeting(deps.db, deps, o0.meetingId);
}

// ---- what the governance module's reports read ----

/** Meetings held or planned in [from, to] (days, inclusive, Europe/Rome), with their counts of outcomes. */
export async function meetingsBetween(db: Db | Tx, from: string, to: string) {
  // A day wider on each side, then cut by the local (Europe/Rome) day.
  const start = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 2 * 86_400_000);
  const rows = await repo.meetingsBetween(db, start, end);
  return rows
    .filter((r) => localDay(r.m.startsAt.getTime()) >= from && localDay(r.m.startsAt.getTime()) <= to)
    .map((r) => ({
      id: r.m.id,
      ref: meetingRef(r.m.number),
      startsAt: r.m.startsAt.toISOString(),
      state: r.m.state,
      decisions: r.decisions,
      actions: r.actions,
      openActions: r.openActions,
    }));
}

/** Every action item still open, oldest meeting first, with its owner and whether it is overdue (as of `now`). */
export async function openActionItems(db: Db | Tx, now: Date = new Date()): Promise<Outcome[]> {
  const today = localDay(now.getTime());
  return (await repo.openActionItems(db)).map((r) => presentOutcome(r, today));
}
