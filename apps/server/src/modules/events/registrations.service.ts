import crypto from 'node:crypto';
import type { Registration, RegistrationCreate, RegistrationState } from '@clock/contracts';
import { eventRef } from '@clock/contracts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { formatInstant } from '../../core/calendar.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { sqlState } from '../bookings/bookings.service.ts';
import * as repo from './events.repo.ts';
import { answerProblems, isOrganizer, placeFor, promotable, registrationOpen } from './events.rules.ts';
import { loadEvent, nowOf, visibleEvent, type Ctx, type EventDeps, type LoadedEvent } from './events.service.ts';
import { mailRegistrant } from './events.mail.service.ts';

/**
 * Registrations: a signed-in person is confirmed at once (or put on the waiting list when the event is full); anyone
 * else registers with an e-mail address and is pending until they open the mailed link. Every decision about places
 * is taken holding the event's row lock (`SELECT … FOR UPDATE`), so concurrent registrations are serialised per event
 * and capacity is never exceeded; the partial unique index (event, e-mail) refuses a second live registration.
 * Cancelling a held place promotes the first in line, who is mailed.
 */

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const newToken = () => crypto.randomBytes(32).toString('base64url');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONFIRM_HOURS = 48;

export async function presentRegistrations(
  tx: Tx | EventDeps['db'],
  e: Pick<LoadedEvent, 'row' | 'sessions'>,
  rows: repo.RegistrationRow[],
  showEmail: boolean,
): Promise<Registration[]> {
  const [positions, present, orgs] = await Promise.all([
    repo.waitingPositions(tx, [e.row.id]),
    repo.presentCounts(
      tx,
      rows.map((r) => r.id),
    ),
    repo.organizationsById(tx, [...new Set(rows.map((r) => r.organizationId).filter((o): o is string => !!o))]),
  ]);
  return rows.map((r) => ({
    id: r.id,
    event: {
      id: e.row.id,
      ref: eventRef(e.row.number),
      title: e.row.title,
      start: formatInstant(e.row.startsAt.getTime()),
    },
    state: r.state,
    position: positions.get(r.id) ?? null,
    name: r.name,
    email: showEmail ? r.email : null,
    user: r.userId,
    organization: r.organizationId
      ? { id: r.organizationId, name: orgs.find((o) => o.id === r.organizationId)?.name ?? r.organizationId }
      : r.organizationName
        ? { id: null, name: r.organizationName }
        : null,
    answers: r.answers,
    createdAt: formatInstant(r.createdAt.getTime()),
    confirmedAt: r.confirmedAt ? formatInstant(r.confirmedAt.getTime()) : null,
    cancelledAt: r.cancelledAt ? formatInstant(r.cancelledAt.getTime()) : null,
    attended: present.get(r.id) ?? 0,
    sessions: e.sessions.length,
    certificate: r.state === 'attended',
  }));
}

async function one(deps: EventDeps, id: string, showEmail = true) {
  const r = (await repo.findRegistration(deps.db, id))!;
  const e = (await loadEvent(deps.db, r.eventId))!;
  return (await presentRegistrations(deps.db, e, [r], showEmail))[0]!;
}

/** Places free now go to the first in line (holding the event's lock); each is mailed with the invitation. */
export async function promoteWaiting(tx: Tx, publicUrl: string, e: LoadedEvent, now: Date) {
  const { taken, waiting } = await repo.takenAndWaiting(tx, e.row.id);
  const n = promotable(e.row.capacity, taken, waiting.length);
  for (const id of waiting.slice(0, n)) {
    const r = await repo.updateRegistration(tx, id, { state: 'confirmed', waitingSince: null, confirmedAt: now });
    await repo.addTimeline(tx, { eventId: e.row.id, actorUserId: null, kind: 'promoted', message: r.id });
    await mailRegistrant(tx, publicUrl, e, r, 'promoted', now);
  }
  return n;
}

/** Takes a place or a place in line for a registration whose address is known (holding the event's lock). */
async function admit(
  tx: Tx,
  e: LoadedEvent,
  now: Date,
): Promise<{ state: 'confirmed' | 'waiting'; waitingSince: Date | null }> {
  const { taken } = await repo.takenAndWaiting(tx, e.row.id);
  const state = placeFor(e.row.capacity, taken);
  return { state, waitingSince: state === 'waiting' ? now : null };
}

export async function register(
  deps: EventDeps,
  ctx: Ctx,
  eventId: string,
  body: RegistrationCreate,
  schemaProblems: FieldProblem[] = [],
) {
  const now = nowOf(deps);
  const actor = ctx.actor;
  const person = actor.kind === 'member' && actor.userId ? await repo.userFacts(deps.db, actor.userId) : null;
  const problems = [...schemaProblems];
  const email = (person?.email ?? body.email ?? '').toLowerCase();
  const name = (body.name ?? person?.name ?? '').trim();
  if (!person && !body.email)
    problems.push({ pointer: '/body/email', message: 'an e-mail address is required without signing in' });
  if (!name) problems.push({ pointer: '/body/name', message: 'a name is required' });
  if (body.organization && body.organizationName)
    problems.push({ pointer: '/body/organizationName', message: 'give the organisation by id or by name, not both' });
  if (body.organization) {
    const mine = actor.kind === 'member' ? actor.memberships.some((m) => m.organization === body.organization) : false;
    if (!mine)
      problems.push({
        pointer: '/body/organization',
        message: 'must be one of your organisations (or give organizationName)',
      });
  }
  // A signed-in person with one organisation registers for it unless they say otherwise (as bookings do).
  const only = actor.kind === 'member' && actor.memberships.length === 1 ? actor.memberships[0]!.organization : null;
  const organizationId = body.organization ?? (person && !body.organizationName ? only : null);
  const e0 = await visibleEvent(deps.db, actor, eventId);
  problems.push(...answerProblems(e0.row.questions, body.answers ?? {}));
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The registration has invalid fields', problems);

  const manage = newToken();
  const confirm = person ? null : newToken();
  try {
    const id = await deps.db.transaction(async (tx) => {
      const e = (await loadEvent(tx, eventId, true))!;
      if (!registrationOpen(e.facts, now.getTime()))
        throw new AppError('REGISTRATION_CLOSED', 'Registration for this event is not open');
      await repo.expirePending(tx, eventId, now);
      if (await repo.liveRegistrationOf(tx, eventId, { email, userId: person?.id })) throw alreadyRegistered();
      const place = person ? await admit(tx, e, now) : { state: 'pending-confirmation' as const, waitingSince: null };
      const r = await repo.insertRegistration(tx, {
        eventId,
        userId: person?.id ?? null,
        email,
        name,
        organizationId,
        organizationName: body.organizationName ?? null,
        answers: body.answers ?? {},
        lang: body.lang ?? (person?.locale === 'en' ? 'en' : 'it'),
        state: place.state,
        waitingSince: place.waitingSince,
        confirmedAt: place.state === 'confirmed' ? now : null,
        confirmTokenHash: confirm ? sha256(confirm) : null,
        confirmExpiresAt: confirm
          ? new Date(Math.min(now.getTime() + CONFIRM_HOURS * 3_600_000, e.row.startsAt.getTime()))
          : null,
        manageTokenHash: sha256(manage),
        createdAt: now,
      });
      await repo.addTimeline(tx, { eventId, actorUserId: person?.id ?? null, kind: 'registered', message: r.state });
      await recordAudit(tx, actor, {
        action: 'event-register',
        entityType: 'event-registration',
        entityId: r.id,
        organizationId,
        before: null,
        after: { event: eventId, state: r.state, email, name },
        requestId: ctx.requestId,
      });
      const position = r.state === 'waiting' ? (await repo.waitingPositions(tx, [eventId])).get(r.id) : undefined;
      const kind =
        r.state === 'pending-confirmation' ? 'confirm-address' : r.state === 'waiting' ? 'waiting' : 'confirmed';
      await mailRegistrant(tx, deps.publicUrl, e, r, kind, now, {
        confirmToken: confirm ?? undefined,
        manageToken: person ? null : manage,
        position,
      });
      return r.id;
    });
    return one(deps, id);
  } catch (err) {
    if (sqlState(err) === '23505') throw alreadyRegistered();
    throw err;
  }
}

const alreadyRegistered = () => new AppError('ALREADY_REGISTERED', 'This address is already registered for the event');

/** The mailed link: the address is confirmed and the registration takes a place or a place in line. */
export async function confirmRegistration(deps: EventDeps, ctx: Ctx, token: string) {
  const now = nowOf(deps);
  const found = await repo.findRegistrationByToken(deps.db, 'confirm', sha256(token));
  if (found?.state !== 'pending-confirmation' || (found.confirmExpiresAt && found.confirmExpiresAt < now))
    throw new AppError('NOT_FOUND', 'This confirmation link is not valid (used, expired or unknown)');
  await deps.db.transaction(async (tx) => {
    const e = (await loadEvent(tx, found.eventId, true))!;
    const r = (await repo.findRegistration(tx, found.id))!;
    if (r.state !== 'pending-confirmation') throw new AppError('NOT_FOUND', 'This confirmation link was already used');
    if (e.row.state !== 'published' || now.getTime() >= e.row.startsAt.getTime())
      throw new AppError('REGISTRATION_CLOSED', 'Registration for this event is not open');
    const place = await admit(tx, e, now);
    // The link to see or cancel it goes out now; its token is kept only hashed, so a new one is made here.
    const manage = newToken();
    const updated = await repo.updateRegistration(tx, r.id, {
      manageTokenHash: sha256(manage),
      state: place.state,
      waitingSince: place.waitingSince,
      confirmedAt: place.state === 'confirmed' ? now : null,
      confirmTokenHash: null,
      confirmExpiresAt: null,
    });
    await repo.addTimeline(tx, {
      eventId: e.row.id,
      actorUserId: null,
      kind: 'address-confirmed',
      message: place.state,
    });
    await recordAudit(tx, ctx.actor, {
      action: 'event-registration-confirm',
      entityType: 'event-registration',
      entityId: r.id,
      organizationId: null,
      before: { state: r.state },
      after: { state: place.state },
      requestId: ctx.requestId,
    });
    const position = place.state === 'waiting' ? (await repo.waitingPositions(tx, [e.row.id])).get(r.id) : undefined;
    await mailRegistrant(tx, deps.publicUrl, e, updated, place.state, now, { position, manageToken: manage });
  });
  return one(deps, found.id);
}

/** What a registrant's token is used for: reading (and the certificate) or managing (cancelling). */
export type TokenUse = 'read' | 'manage';

const sameHash = (token: string, hash: string | null) => {
  if (!hash) return false;
  const a = Buffer.from(sha256(token));
  const b = Buffer.from(hash);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

/** The manage token does everything; the certificate's token (mailed once attendance is met) only reads. */
export const tokenOpens = (
  r: { manageTokenHash: string; certificateTokenHash: string | null },
  token: string | undefined,
  to: TokenUse,
) => !!token && (sameHash(token, r.manageTokenHash) || (to === 'read' && sameHash(token, r.certificateTokenHash)));

/**
 * Who may read or cancel a registration: its owner (signed in), whoever holds its token, the event's organisers.
 * Others 404 (a registration's existence is not told).
 */
async function accessible(deps: EventDeps, actor: Actor, id: string, token: string | undefined, to: TokenUse) {
  const r = UUID.test(id) ? await repo.findRegistration(deps.db, id) : null;
  if (!r) throw new AppError('NOT_FOUND', `No registration with id "${id}"`);
  const e = (await loadEvent(deps.db, r.eventId))!;
  const owner = actor.kind === 'member' && actor.userId !== null && actor.userId === r.userId;
  const byToken = tokenOpens(r, token, to);
  const organizer = isOrganizer(actor, e.facts.organizers);
  if (!owner && !byToken && !organizer) throw new AppError('NOT_FOUND', `No registration with id "${id}"`);
  return { r, e, organizer, registrant: owner || byToken };
}

export async function getRegistration(deps: EventDeps, actor: Actor, id: string, token?: string) {
  await accessible(deps, actor, id, token, 'read');
  return one(deps, id);
}

const CANCELLABLE: RegistrationState[] = ['pending-confirmation', 'confirmed', 'waiting'];

export async function cancelRegistration(deps: EventDeps, ctx: Ctx, id: string, token?: string) {
  const now = nowOf(deps);
  const { e: e0 } = await accessible(deps, ctx.actor, id, token, 'manage');
  await deps.db.transaction(async (tx) => {
    const e = (await loadEvent(tx, e0.row.id, true))!;
    const r = (await repo.findRegistration(tx, id))!;
    if (!CANCELLABLE.includes(r.state)) throw new AppError('CONFLICT', `A ${r.state} registration cannot be cancelled`);
    if (now.getTime() >= e.row.endsAt.getTime()) throw new AppError('CONFLICT', 'The event is over');
    const updated = await repo.updateRegistration(tx, id, {
      state: 'cancelled',
      cancelledAt: now,
      waitingSince: null,
      confirmTokenHash: null,
      confirmExpiresAt: null,
    });
    await repo.addTimeline(tx, {
      eventId: e.row.id,
      actorUserId: ctx.actor.kind === 'member' ? ctx.actor.userId : null,
      kind: 'registration-cancelled',
      message: id,
    });
    await recordAudit(tx, ctx.actor, {
      action: 'event-registration-cancel',
      entityType: 'event-registration',
      entityId: id,
      organizationId: null,
      before: { state: r.state },
      after: { state: 'cancelled' },
      requestId: ctx.requestId,
    });
    if (r.state !== 'pending-confirmation')
      await mailRegistrant(tx, deps.publicUrl, e, updated, 'registration-cancelled', now);
    if (r.state === 'confirmed' && e.row.state === 'published') await promoteWaiting(tx, deps.publicUrl, e, now);
  });
  return one(deps, id);
}

export async function myRegistrations(deps: EventDeps, actor: Actor) {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  if (!actor.userId) return { items: [] };
  const rows = await repo.registrationsOfUser(deps.db, actor.userId);
  const items: Registration[] = [];
  for (const eventId of [...new Set(rows.map((r) => r.eventId))]) {
    const e = (await loadEvent(deps.db, eventId))!;
    items.push(
      ...(await presentRegistrations(
        deps.db,
        e,
        rows.filter((r) => r.eventId === eventId),
        true,
      )),
    );
  }
  return { items };
}

/**
 * The day-before reminder: confirmed registrants of published events starting within 24 hours, each once (the rows
 * are locked and marked in one transaction, so parallel runs skip them).
 */
export async function sendEventReminders(deps: EventDeps): Promise<number> {
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const due = await repo.dueReminders(tx, now, new Date(now.getTime() + 86_400_000));
    const events = new Map<string, LoadedEvent>();
    for (const { registration } of due) {
      if (!events.has(registration.eventId))
        events.set(registration.eventId, (await loadEvent(tx, registration.eventId))!);
      const r = await repo.updateRegistration(tx, registration.id, { remindedAt: now });
      await mailRegistrant(tx, deps.publicUrl, events.get(registration.eventId)!, r, 'reminder', now);
    }
    return due.length;
  });
}

/**
 * A person deleted their account: their live registrations for events not yet over are cancelled (a place they held
 * goes to the first in line), and every registration of theirs loses its name, address and answers. Runs in the
 * deletion's transaction; attendance and certificate codes stay, without the person (the counts do not change).
 */
export async function forgetRegistrant(tx: Tx, publicUrl: string, userId: string, now: Date) {
  for (const r0 of await repo.registrationsOfUser(tx, userId)) {
    const e = (await loadEvent(tx, r0.eventId, true))!;
    const r = (await repo.findRegistration(tx, r0.id))!;
    const live = CANCELLABLE.includes(r.state) && now.getTime() < e.row.endsAt.getTime();
    await repo.updateRegistration(tx, r.id, {
      name: '—',
      email: `erased-${r.id}@invalid`,
      userId: null,
      organizationName: null,
      answers: {},
      confirmTokenHash: null,
      ...(live ? { state: 'cancelled' as const, cancelledAt: now, waitingSince: null } : {}),
    });
    if (live && r.state === 'confirmed' && e.row.state === 'published') await promoteWaiting(tx, publicUrl, e, now);
  }
}
