import crypto from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { AttendanceWrite, EventMessage, Participation, RegistrationState } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { formatInstant } from '../../core/calendar.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { grantForAttendance } from '../bookings/qualifications.service.ts';
import * as repo from './events.repo.ts';
import { attendanceMet, HOLDS_PLACE } from './events.rules.ts';
import { nowOf, organizedEvent, type Ctx, type EventDeps } from './events.service.ts';
import { presentRegistrations, sha256 } from './registrations.service.ts';
import { mailRegistrant } from './events.mail.service.ts';

/**
 * The organisers' side of an event: its registrations (and their CSV), attendance per session — which makes a
 * registrant `attended`, opens their certificate and, for an event that grants a qualification, grants it to those
 * with an account who attended the required share of sessions — messages to registrants, and participation figures.
 */

export async function listRegistrations(deps: EventDeps, actor: Actor, eventId: string, state?: RegistrationState) {
  const e = await organizedEvent(deps.db, actor, eventId);
  const rows = await repo.registrationsOf(deps.db, eventId, state);
  return { items: await presentRegistrations(deps.db, e, rows, true), total: rows.length };
}

/**
 * A cell typed by a registrant that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is
 * kept as text with a leading apostrophe (OWASP's advice on CSV injection).
 */
const inert = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** RFC 4180 CSV (CRLF, quoted where needed), UTF-8 with a byte-order mark so spreadsheets read accents, a header. */
export async function registrationsCsv(deps: EventDeps, actor: Actor, eventId: string) {
  const e = await organizedEvent(deps.db, actor, eventId);
  const { items } = await listRegistrations(deps, actor, eventId);
  const questions = e.row.questions;
  const answer = (q: (typeof questions)[number], a: string | undefined) => {
    if (a === undefined) return '';
    if (q.kind !== 'choice') return a;
    const o = q.options?.[Number(a)];
    return o ? (o.it ?? o.en ?? a) : a;
  };
  const header = [
    'id',
    'state',
    'position',
    'name',
    'email',
    'organization',
    'registered_at',
    'confirmed_at',
    'cancelled_at',
    'sessions_attended',
    ...questions.map((q) => q.text.it ?? q.text.en ?? q.id),
  ];
  const rows = items.map((r) =>
    [
      r.id,
      r.state,
      r.position ?? '',
      r.name,
      r.email ?? '',
      r.organization?.name ?? '',
      r.createdAt,
      r.confirmedAt ?? '',
      r.cancelledAt ?? '',
      r.attended,
      ...questions.map((q) => answer(q, r.answers[q.id])),
    ].map(inert),
  );
  return `\ufeff${stringify([header, ...rows], { record_delimiter: '\r\n' })}`;
}

export async function listAttendance(deps: EventDeps, actor: Actor, eventId: string) {
  await organizedEvent(deps.db, actor, eventId);
  const rows = await repo.attendanceOf(deps.db, eventId);
  return {
    items: rows.map((r) => ({
      registration: r.registrationId,
      session: r.sessionId,
      present: r.present,
      recordedAt: formatInstant(r.recordedAt.getTime()),
    })),
  };
}

export async function recordAttendance(deps: EventDeps, ctx: Ctx, eventId: string, body: AttendanceWrite) {
  const now = nowOf(deps);
  await deps.db.transaction(async (tx) => {
    const e = await organizedEvent(tx, ctx.actor, eventId, true);
    if (e.row.state !== 'published')
      throw new AppError('CONFLICT', `Attendance is not recorded for a ${e.row.state} event`);
    const problems: FieldProblem[] = [];
    const session = e.sessions.find((s) => s.id === body.session);
    if (!session) problems.push({ pointer: '/body/session', message: 'not a session of this event' });
    else if (session.start > now.getTime())
      problems.push({ pointer: '/body/session', message: 'the session has not started yet' });
    const regs = new Map((await repo.registrationsOf(tx, eventId)).map((r) => [r.id, r]));
    body.items.forEach((it, i) => {
      const r = regs.get(it.registration);
      if (!r) problems.push({ pointer: `/body/items/${i}/registration`, message: 'not a registration of this event' });
      else if (!HOLDS_PLACE.includes(r.state))
        problems.push({
          pointer: `/body/items/${i}/registration`,
          message: `a ${r.state} registration holds no place`,
        });
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 'The attendance has invalid fields', problems);
    await repo.upsertAttendance(
      tx,
      body.items.map((it) => ({
        registrationId: it.registration,
        sessionId: body.session,
        present: it.present,
        recordedBy: e.actor.userId,
        recordedAt: now,
      })),
    );
    const ids = [...new Set(body.items.map((it) => it.registration))];
    const present = await repo.presentCounts(tx, ids);
    for (const id of ids) {
      const r = regs.get(id)!;
      const n = present.get(id) ?? 0;
      // Attended: present at the share of sessions the event requires (at least one).
      const met = attendanceMet(n, e.sessions.length, e.row.attendanceRequired);
      if (met && r.state === 'confirmed') {
        // The manage token is stored only hashed, so the certificate's link carries a token of its own that reads the
        // registration and its certificate; the manage link mailed before keeps working.
        const certificate = r.userId ? null : crypto.randomBytes(32).toString('base64url');
        const updated = await repo.updateRegistration(tx, id, {
          state: 'attended',
          certificateCode: r.certificateCode ?? crypto.randomBytes(6).toString('hex').toUpperCase(),
          ...(certificate ? { certificateTokenHash: sha256(certificate) } : {}),
        });
        await mailRegistrant(tx, deps.publicUrl, e, updated, 'attended', now, { manageToken: certificate });
      } else if (!met && r.state === 'attended') await repo.updateRegistration(tx, id, { state: 'confirmed' });
      if (met && e.row.grantsQualificationId && r.userId)
        await grantForAttendance(
          tx,
          deps.publicUrl,
          e.actor,
          {
            qualificationId: e.row.grantsQualificationId,
            userId: r.userId,
            eventId,
            eventTitle: e.row.title.it ?? e.row.title.en ?? '',
          },
          now,
        );
    }
    await repo.addTimeline(tx, { eventId, actorUserId: e.actor.userId, kind: 'attendance', message: body.session });
    await recordAudit(tx, e.actor, {
      action: 'event-attendance',
      entityType: 'event',
      entityId: eventId,
      organizationId: e.organizers.find((o) => o.role === 'lead')?.organizationId ?? null,
      before: null,
      after: body,
      requestId: ctx.requestId,
    });
  });
  return listAttendance(deps, ctx.actor, eventId);
}

export async function messageRegistrants(deps: EventDeps, ctx: Ctx, eventId: string, body: EventMessage) {
  const now = nowOf(deps);
  return deps.db.transaction(async (tx) => {
    const e = await organizedEvent(tx, ctx.actor, eventId);
    const states = body.states ?? ['confirmed'];
    const to = (await repo.registrationsOf(tx, eventId)).filter((r) => (states as string[]).includes(r.state));
    for (const r of to)
      await mailRegistrant(tx, deps.publicUrl, e, r, 'message', now, {
        message: { subject: body.subject, body: body.body },
      });
    await repo.addTimeline(tx, { eventId, actorUserId: e.actor.userId, kind: 'message', message: body.subject });
    await recordAudit(tx, e.actor, {
      action: 'event-message',
      entityType: 'event',
      entityId: eventId,
      organizationId: e.organizers.find((o) => o.role === 'lead')?.organizationId ?? null,
      before: null,
      after: { subject: body.subject, states, recipients: to.length },
      requestId: ctx.requestId,
    });
    return { queued: to.length };
  });
}

type Row = Awaited<ReturnType<typeof repo.participationRows>>[number];
function figures(rows: Row[]): Participation & { ids: Record<string, string[]> } {
  const ids: Record<string, string[]> = {
    registered: [],
    confirmed: [],
    waiting: [],
    pending: [],
    cancelled: [],
    attended: [],
  };
  const byKind: Record<string, number> = {};
  for (const r of rows) {
    ids.registered!.push(r.id);
    const key = r.state === 'pending-confirmation' ? 'pending' : r.state;
    ids[key]!.push(r.id);
    // Confirmed counts whoever holds a place (attended included).
    if (r.state === 'attended') ids.confirmed!.push(r.id);
    if (r.state === 'confirmed' || r.state === 'waiting' || r.state === 'attended') {
      const k = r.organizationKind ?? 'none';
      byKind[k] = (byKind[k] ?? 0) + 1;
    }
  }
  return {
    registered: ids.registered!.length,
    confirmed: ids.confirmed!.length,
    waiting: ids.waiting!.length,
    pending: ids.pending!.length,
    cancelled: ids.cancelled!.length,
    attended: ids.attended!.length,
    byOrganizationKind: byKind,
    ids,
  };
}

export async function participation(deps: EventDeps, actor: Actor, eventId: string): Promise<Participation> {
  const e = await organizedEvent(deps.db, actor, eventId);
  const rows = await repo.participationRows(deps.db, e.row.startsAt.getTime(), e.row.startsAt.getTime() + 1);
  const { ids: _ids, ...counts } = figures(rows.filter((r) => r.eventId === eventId));
  return counts;
}

/**
 * Participation in events that began in [from, to), optionally organised by one organisation: the counts and the
 * registration ids behind each (for the network's indicators, traceable to the rows they count). Drafts never count.
 */
export async function participationBetween(deps: Pick<EventDeps, 'db'>, from: Date, to: Date, organization?: string) {
  const rows = await repo.participationRows(deps.db, from.getTime(), to.getTime(), organization);
  const f = figures(rows);
  return {
    ...f,
    events: [...new Set(rows.map((r) => r.eventId))],
    /** The events held: those where someone's presence was recorded. */
    held: [...new Set(rows.filter((r) => r.state === 'attended').map((r) => r.eventId))],
  };
}
