import type { EventEdit, EventSessionWrite, EventWrite } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor, Member } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { parseInstant } from '../../core/calendar.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { getQualification } from '../bookings/qualifications.service.ts';
import * as repo from './events.repo.ts';
import { eventFieldProblems, isOrganizer, nextSequence, stateAllows } from './events.rules.ts';
import { sessionUids, hostOf } from './ics.rules.ts';
import { tellRegistrants } from './events.mail.service.ts';
import { promoteWaiting } from './registrations.service.ts';
import {
  getEvent,
  loadEvent,
  nowOf,
  organizedEvent,
  toIcsEvent,
  type Ctx,
  type EventDeps,
  type LoadedEvent,
} from './events.service.ts';

/**
 * The organisers' use cases on an event — create, edit, sessions, publish, cancel — each checked against the
 * organising organisations (permission rule `event-organizer`), run holding the event's row lock and audited in its
 * transaction. A change to a published event raises its SEQUENCE and mails the confirmed registrants an updated
 * invitation; more places move the waiting list up.
 */

// ---- writing ----

interface Prepared {
  set: Partial<repo.EventRow>;
  sessions?: { start: number; end: number; place: repo.EventRow['place']; title: repo.EventRow['title'] | null }[];
  organizers?: EventWrite['organizers'];
}

function parseSessions(list: EventSessionWrite[], base: string, problems: FieldProblem[]) {
  return list.map((s, i) => {
    const start = parseInstant(s.start);
    const end = parseInstant(s.end);
    if (start === null)
      problems.push({ pointer: `${base}/${i}/start`, message: 'must be an ISO 8601 date-time with offset' });
    if (end === null)
      problems.push({ pointer: `${base}/${i}/end`, message: 'must be an ISO 8601 date-time with offset' });
    if (start !== null && end !== null && end <= start)
      problems.push({ pointer: `${base}/${i}/end`, message: 'must be after start' });
    if (start !== null && end !== null && end - start > 7 * 86_400_000)
      problems.push({ pointer: `${base}/${i}/end`, message: 'a session lasts at most 7 days' });
    return { start: start ?? 0, end: end ?? 0, place: s.place ?? null, title: s.title ?? null };
  });
}

/** Every problem of a create or edit body at once (schema problems first), or the values to store. */
async function prepare(
  db: Db | Tx,
  actor: Actor,
  body: Partial<EventWrite>,
  current: repo.EventRow | null,
  schemaProblems: FieldProblem[],
): Promise<Prepared> {
  const problems = [...schemaProblems];
  const instant = (v: string | null | undefined, pointer: string) => {
    if (v === undefined) return undefined;
    if (v === null) return null;
    const t = parseInstant(v, 'start');
    if (t === null) problems.push({ pointer, message: 'must be an ISO 8601 date or date-time' });
    return t;
  };
  const opens = instant(body.registrationOpens, '/body/registrationOpens');
  const closes = instant(body.registrationCloses, '/body/registrationCloses');
  const merged = {
    mode: body.mode ?? current?.mode,
    place: body.place !== undefined ? body.place : current?.place,
    onlineUrl: body.onlineUrl !== undefined ? body.onlineUrl : current?.onlineUrl,
    registrationOpens: opens !== undefined ? opens : (current?.registrationOpens?.getTime() ?? null),
    registrationCloses: closes !== undefined ? closes : (current?.registrationCloses?.getTime() ?? null),
    questions: body.questions ?? current?.questions,
  };
  problems.push(...eventFieldProblems(merged));
  // Taxonomy codes, each in its scheme.
  const codeFields = [
    ['filiere', 'filiera'],
    ['sectors', 'sector'],
    ['s3', 's3'],
  ] as const;
  const all = codeFields.flatMap(([f]) => body[f] ?? []);
  const known = await repo.knownCodes(db, all);
  for (const [field, scheme] of codeFields)
    (body[field] ?? []).forEach((code, i) => {
      if (!known.has(`${scheme}:${code}`))
        problems.push({ pointer: `/body/${field}/${i}`, message: `unknown ${scheme} code "${code}"` });
    });
  // Organisers: known organisations, one lead, no repetition, and the caller among them.
  if (body.organizers) {
    const found = await repo.organizationsById(
      db,
      body.organizers.map((o) => o.organization),
    );
    const seen = new Set<string>();
    body.organizers.forEach((o, i) => {
      if (!found.some((f) => f.id === o.organization))
        problems.push({
          pointer: `/body/organizers/${i}/organization`,
          message: `no organisation with id "${o.organization}"`,
        });
      if (seen.has(o.organization))
        problems.push({ pointer: `/body/organizers/${i}/organization`, message: 'named twice' });
      seen.add(o.organization);
    });
    if (body.organizers.filter((o) => o.role === 'lead').length !== 1)
      problems.push({ pointer: '/body/organizers', message: 'exactly one organiser must be the lead' });
    const facts = body.organizers.map((o) => ({
      organizationId: o.organization,
      kind: found.find((f) => f.id === o.organization)?.kind ?? '',
    }));
    if (!problems.length && !isOrganizer(actor, facts))
      throw new AppError('FORBIDDEN', 'You may organise events only for your own organisations');
  }
  // The qualification must be one of an organiser's.
  if (body.grantsQualification) {
    const q = await getQualification(db as Db, actor, body.grantsQualification, new Date()).catch(() => null);
    const orgs =
      body.organizers?.map((o) => o.organization) ??
      (current ? (await repo.organizersOf(db, [current.id])).map((o) => o.organizationId) : []);
    if (!q) problems.push({ pointer: '/body/grantsQualification', message: 'no such qualification' });
    else if (!orgs.includes(q.organization))
      problems.push({ pointer: '/body/grantsQualification', message: "must be one of an organiser's qualifications" });
  }
  const sessions = body.sessions ? parseSessions(body.sessions, '/body/sessions', problems) : undefined;
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The event has invalid fields', problems);
  const set: Partial<repo.EventRow> = {};
  const copy = [
    'kind',
    'title',
    'summary',
    'description',
    'mode',
    'place',
    'onlineUrl',
    'language',
    'audience',
    'filiere',
    'sectors',
    's3',
    'capacity',
    'questions',
    'price',
    'visibility',
    'attendanceRequired',
  ] as const;
  for (const k of copy) if (body[k] !== undefined) (set as Record<string, unknown>)[k] = body[k];
  if (opens !== undefined) set.registrationOpens = opens === null ? null : new Date(opens);
  if (closes !== undefined) set.registrationCloses = closes === null ? null : new Date(closes);
  if (body.grantsQualification !== undefined) set.grantsQualificationId = body.grantsQualification;
  if (sessions) {
    set.startsAt = new Date(Math.min(...sessions.map((s) => s.start)));
    set.endsAt = new Date(Math.max(...sessions.map((s) => s.end)));
  }
  return { set, sessions, organizers: body.organizers };
}

const requireMember = (actor: Actor): Member => {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return actor;
};

export async function createEvent(deps: EventDeps, ctx: Ctx, body: EventWrite, schemaProblems: FieldProblem[] = []) {
  const actor = requireMember(ctx.actor);
  const p = await prepare(deps.db, actor, body, null, schemaProblems);
  const id = await deps.db.transaction(async (tx) => {
    const row = await repo.insertEvent(tx, {
      ...(p.set as Parameters<typeof repo.insertEvent>[1]),
      state: 'draft',
      createdBy: actor.userId,
    });
    await repo.replaceOrganizers(tx, row.id, body.organizers);
    await repo.replaceSessions(tx, row.id, p.sessions!);
    await repo.addTimeline(tx, { eventId: row.id, actorUserId: actor.userId, kind: 'created' });
    await recordAudit(tx, actor, {
      action: 'event-create',
      entityType: 'event',
      entityId: row.id,
      organizationId: body.organizers.find((o) => o.role === 'lead')!.organization,
      before: null,
      after: body,
      requestId: ctx.requestId,
    });
    return row.id;
  });
  return getEvent(deps, actor, id);
}

/** Writes a change in one transaction (the row locked), raises SEQUENCE when published and mails the registrants. */
async function change(
  deps: EventDeps,
  ctx: Ctx,
  id: string,
  action: 'edit' | 'sessions',
  build: (e: LoadedEvent, actor: Member, tx: Tx) => Promise<Prepared>,
) {
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    const e = await organizedEvent(tx, ctx.actor, id, true);
    if (!stateAllows('edit', e.row.state)) throw new AppError('CONFLICT', `A ${e.row.state} event cannot be changed`);
    const p = await build(e, e.actor, tx);
    const sequence = nextSequence(e.row.state, e.row.sequence);
    await repo.updateEvent(tx, id, { ...p.set, sequence });
    if (p.organizers) await repo.replaceOrganizers(tx, id, p.organizers);
    if (p.sessions) await repo.replaceSessions(tx, id, p.sessions);
    await repo.addTimeline(tx, {
      eventId: id,
      actorUserId: e.actor.userId,
      kind: action === 'edit' ? 'edited' : 'sessions',
    });
    await recordAudit(tx, e.actor, {
      action: action === 'edit' ? 'event-update' : 'event-sessions',
      entityType: 'event',
      entityId: id,
      organizationId: e.organizers.find((o) => o.role === 'lead')?.organizationId ?? null,
      before:
        action === 'edit'
          ? Object.fromEntries(Object.keys(p.set).map((k) => [k, e.row[k as keyof repo.EventRow]]))
          : { sessions: e.sessions },
      after: action === 'edit' ? p.set : { sessions: p.sessions },
      requestId: ctx.requestId,
    });
    if (e.row.state === 'published') {
      const after = (await loadEvent(tx, id))!;
      const host = hostOf(deps.publicUrl);
      const before = sessionUids(toIcsEvent(e), host);
      const kept = new Set(sessionUids(toIcsEvent(after), host));
      const gone = e.sessions
        .map((s, i) => ({
          uid: before[i]!,
          start: s.start,
          end: s.end,
          title: e.row.title.it ?? e.row.title.en ?? '',
          sequence: after.row.sequence,
        }))
        .filter((g) => !kept.has(g.uid));
      await tellRegistrants(tx, deps.publicUrl, after, 'changed', now, { gone });
      // More places (or none to count): those waiting move up, first in line first.
      if (p.set.capacity !== undefined) await promoteWaiting(tx, deps.publicUrl, after, now);
    }
  });
  return getEvent(deps, ctx.actor, id);
}

export async function editEvent(
  deps: EventDeps,
  ctx: Ctx,
  id: string,
  body: EventEdit,
  schemaProblems: FieldProblem[] = [],
) {
  return change(deps, ctx, id, 'edit', (e, actor, tx) => prepare(tx, actor, body, e.row, schemaProblems));
}

export async function replaceEventSessions(deps: EventDeps, ctx: Ctx, id: string, list: EventSessionWrite[]) {
  return change(deps, ctx, id, 'sessions', async () => {
    const problems: FieldProblem[] = [];
    const sessions = parseSessions(list, '/body/items', problems);
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The sessions have invalid fields', problems);
    return {
      set: {
        startsAt: new Date(Math.min(...sessions.map((s) => s.start))),
        endsAt: new Date(Math.max(...sessions.map((s) => s.end))),
      },
      sessions,
    };
  });
}

export async function publishEvent(deps: EventDeps, ctx: Ctx, id: string) {
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    const e = await organizedEvent(tx, ctx.actor, id, true);
    if (!stateAllows('publish', e.row.state))
      throw new AppError('CONFLICT', `A ${e.row.state} event cannot be published`);
    await repo.updateEvent(tx, id, { state: 'published', publishedAt: now });
    await repo.addTimeline(tx, { eventId: id, actorUserId: e.actor.userId, kind: 'published' });
    await recordAudit(tx, e.actor, {
      action: 'event-publish',
      entityType: 'event',
      entityId: id,
      organizationId: e.organizers.find((o) => o.role === 'lead')?.organizationId ?? null,
      before: { state: e.row.state },
      after: { state: 'published' },
      requestId: ctx.requestId,
    });
  });
  return getEvent(deps, ctx.actor, id);
}

export async function cancelEvent(deps: EventDeps, ctx: Ctx, id: string, reason: string) {
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    const e = await organizedEvent(tx, ctx.actor, id, true);
    if (!stateAllows('cancel', e.row.state))
      throw new AppError('CONFLICT', `A ${e.row.state} event cannot be cancelled`);
    if (now.getTime() >= e.row.endsAt.getTime()) throw new AppError('CONFLICT', 'The event is over');
    const sequence = nextSequence(e.row.state, e.row.sequence);
    await repo.updateEvent(tx, id, { state: 'cancelled', cancelReason: reason.trim(), sequence });
    await repo.addTimeline(tx, { eventId: id, actorUserId: e.actor.userId, kind: 'cancelled', message: reason.trim() });
    await recordAudit(tx, e.actor, {
      action: 'event-cancel',
      entityType: 'event',
      entityId: id,
      organizationId: e.organizers.find((o) => o.role === 'lead')?.organizationId ?? null,
      before: { state: e.row.state },
      after: { state: 'cancelled', reason },
      requestId: ctx.requestId,
    });
    if (e.row.state === 'published')
      await tellRegistrants(tx, deps.publicUrl, (await loadEvent(tx, id))!, 'cancelled', now);
  });
  return getEvent(deps, ctx.actor, id);
}
