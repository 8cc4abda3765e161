import ical from 'ical-generator';
import { DateTime } from 'luxon';
import type { MatchmakingDayCreate, ParticipantCreate } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError, mergeProblems, type FieldProblem } from '../../core/errors.ts';
import { ZONE } from '../../core/calendar.ts';
import type { LocalizedText } from '../../db/schema/index.ts';
import { recordAudit } from '../identity/identity.service.ts';
import { loadEvent } from '../events/events.service.ts';
import * as repo from './matchmaking.repo.ts';
import { eventLinkProblem } from './matchmaking.rules.ts';
import { organizationOf } from './opportunities.repo.ts';
import { dayRef, staffOf } from './opportunities.rules.ts';
import { schedule } from './scheduler.rules.ts';
import { nowOf, requirePerson, UUID, type BrokerageDeps, type Ctx } from './opportunities.service.ts';

const localized = (l: LocalizedText | undefined): LocalizedText | null => {
  const out: LocalizedText = {};
  if (l?.it?.trim()) out.it = l.it.trim();
  if (l?.en?.trim()) out.en = l.en.trim();
  return Object.keys(out).length ? out : null;
};

export async function dayOr404(tx: Db | Tx, id: string, lock = false) {
  const d = UUID.test(id) ? await repo.findDay(tx, id, lock) : null;
  if (!d) throw new AppError('NOT_FOUND', `No matchmaking day with id "${id}"`);
  return d;
}
export const presentDay = (d: repo.DayRow, participants: number) => ({
  id: d.id,
  reference: dayRef(d.number),
  title: d.title,
  organizer: d.organizerId,
  day: d.day,
  startTime: d.startTime,
  slotMinutes: d.slotMinutes,
  slots: d.slots,
  tables: d.tables,
  eventId: d.eventId ?? null,
  scheduledAt: d.scheduledAt?.toISOString() ?? null,
  participants,
});
/** When slot `slot` of the day starts and ends (Europe/Rome wall-clock time). */
export function slotTimes(d: Pick<repo.DayRow, 'day' | 'startTime' | 'slotMinutes'>, slot: number) {
  const start = DateTime.fromISO(`${d.day}T${d.startTime}`, { zone: ZONE }).plus({ minutes: slot * d.slotMinutes });
  return { start, end: start.plus({ minutes: d.slotMinutes }) };
}

/**
 * A centre's staff organise a matchmaking day (standalone, or the matchmaking of an event the centre runs). Every
 * invalid field is named in one answer: the schema's (`schemaProblems`, the body then holds only the fields that
 * passed) with the title, the organiser and the event checked here.
 */
export async function createDay(
  deps: BrokerageDeps,
  ctx: Ctx,
  body: Partial<MatchmakingDayCreate>,
  schemaProblems: FieldProblem[] = [],
) {
  const me = requirePerson(ctx.actor);
  if (body.organizer !== undefined && !staffOf(me, body.organizer))
    throw new AppError('FORBIDDEN', "Only a centre's staff organise a matchmaking day");
  return deps.db.transaction(async (tx) => {
    const problems: FieldProblem[] = [];
    const title = localized(body.title);
    if (body.title !== undefined && !title)
      problems.push({ pointer: '/body/title', message: 'needs a text in Italian or English' });
    if (body.organizer !== undefined) {
      if ((await organizationOf(tx, body.organizer))?.kind !== 'centre')
        problems.push({ pointer: '/body/organizer', message: 'must be one of the network centres' });
      if (body.eventId !== undefined) {
        const e = await loadEvent(tx, body.eventId);
        const facts = e && { state: e.row.state, organizers: e.organizers.map((o) => o.organizationId) };
        const wrong = eventLinkProblem(facts, body.organizer);
        if (wrong) problems.push(wrong);
      }
    }
    const all = mergeProblems(schemaProblems, problems);
    if (all.length || !title) throw new AppError('VALIDATION_FAILED', 'The matchmaking day has invalid fields', all);
    const d = await repo.insertDay(tx, {
      organizerId: body.organizer!,
      title,
      day: body.day!,
      startTime: body.startTime!,
      slotMinutes: body.slotMinutes!,
      slots: body.slots!,
      tables: body.tables!,
      filiere: body.filiere ?? [],
      eventId: body.eventId ?? null,
      createdBy: me.userId,
    });
    await recordAudit(tx, me, {
      action: 'matchmaking.create',
      entityType: 'matchmaking_day',
      entityId: d.id,
      organizationId: d.organizerId,
      before: null,
      after: d,
      requestId: ctx.requestId,
    });
    return presentDay(d, 0);
  });
}

export async function getDay(deps: BrokerageDeps, id: string) {
  const d = await dayOr404(deps.db, id);
  return presentDay(d, await repo.participantCount(deps.db, id));
}

/** A signed-in person registers for the day (or changes what they offer, seek and when they cannot attend). */
export async function register(deps: BrokerageDeps, ctx: Ctx, id: string, body: ParticipantCreate) {
  const me = requirePerson(ctx.actor);
  return deps.db.transaction(async (tx) => {
    const d = await dayOr404(tx, id);
    if (body.organization && !me.memberships.some((m) => m.organization === body.organization))
      throw new AppError('FORBIDDEN', 'Register for an organisation you belong to');
    const bad = (body.unavailableSlots ?? []).findIndex((s) => s >= d.slots);
    if (bad >= 0)
      throw new AppError('VALIDATION_FAILED', 'No such slot', [
        { pointer: `/body/unavailableSlots/${bad}`, message: `the day has slots 0 to ${d.slots - 1}` },
      ]);
    const profileId = await repo.upsertProfile(tx, {
      dayId: id,
      userId: me.userId,
      organizationId: body.organization ?? me.memberships[0]?.organization ?? null,
      offers: localized(body.offers),
      seeks: localized(body.seeks),
      unavailableSlots: [...new Set(body.unavailableSlots ?? [])].sort((a, b) => a - b),
    });
    await recordAudit(tx, me, {
      action: 'matchmaking.register',
      entityType: 'matchmaking_profile',
      entityId: profileId,
      organizationId: d.organizerId,
      before: null,
      after: body,
      requestId: ctx.requestId,
    });
    return presentProfile((await repo.profilesOf(tx, id, [profileId]))[0]!);
  });
}
export const presentProfile = (p: repo.ProfileRow) => ({
  id: p.id,
  name: p.name,
  organization: p.organizationName,
  organizationId: p.organizationId ?? null,
  organizationKind: p.organizationKind,
  filiere: p.filiere,
  offers: p.offers ?? null,
  seeks: p.seeks ?? null,
  unavailableSlots: p.unavailableSlots,
});

/** The participants, for the day's participants and its organiser. */
export async function participants(deps: BrokerageDeps, actor: Actor, id: string) {
  const me = requirePerson(actor);
  const d = await dayOr404(deps.db, id);
  if (!staffOf(me, d.organizerId) && !(await repo.profileOfUser(deps.db, id, me.userId)))
    throw new AppError('FORBIDDEN', 'Register for the day to see its participants');
  return { items: (await repo.profilesOf(deps.db, id)).map(presentProfile) };
}

/** A participant asks another for a 1:1 meeting. */
export async function requestMeeting(deps: BrokerageDeps, ctx: Ctx, id: string, body: { to: string; note?: string }) {
  const me = requirePerson(ctx.actor);
  return deps.db.transaction(async (tx) => {
    const d = await dayOr404(tx, id);
    const from = await repo.profileOfUser(tx, id, me.userId);
    if (!from) throw new AppError('FORBIDDEN', 'Register for the day before asking for meetings');
    const [to] = await repo.profilesOf(tx, id, [body.to]);
    if (!to)
      throw new AppError('VALIDATION_FAILED', 'No such participant', [
        { pointer: '/body/to', message: 'must be a participant of this day' },
      ]);
    if (to.id === from)
      throw new AppError('VALIDATION_FAILED', 'Ask someone else', [
        { pointer: '/body/to', message: 'must be another participant' },
      ]);
    const r = await repo.insertRequest(tx, {
      dayId: id,
      fromProfileId: from,
      toProfileId: to.id,
      note: body.note?.trim() || null,
    });
    if (!r) throw new AppError('CONFLICT', 'You already asked this participant for a meeting');
    await recordAudit(tx, me, {
      action: 'matchmaking.request',
      entityType: 'meeting_request',
      entityId: r.id,
      organizationId: d.organizerId,
      before: null,
      after: r,
      requestId: ctx.requestId,
    });
    return { id: r.id, from: r.fromProfileId, to: r.toProfileId, state: r.state, note: r.note };
  });
}

/** The person asked accepts or declines. */
export async function answerMeeting(deps: BrokerageDeps, ctx: Ctx, requestId: string, answer: 'accepted' | 'declined') {
  const me = requirePerson(ctx.actor);
  return deps.db.transaction(async (tx) => {
    const r = UUID.test(requestId) ? await repo.findRequest(tx, requestId, true) : null;
    if (!r) throw new AppError('NOT_FOUND', `No meeting request with id "${requestId}"`);
    const mine = await repo.profileOfUser(tx, r.dayId, me.userId);
    if (mine !== r.toProfileId) {
      if (mine === r.fromProfileId) throw new AppError('FORBIDDEN', 'The person asked answers a meeting request');
      throw new AppError('NOT_FOUND', `No meeting request with id "${requestId}"`);
    }
    if (r.state !== 'requested') throw new AppError('CONFLICT', `This request is already ${r.state}`);
    await repo.decideRequest(tx, requestId, answer, nowOf(deps));
    await recordAudit(tx, me, {
      action: `matchmaking.${answer === 'accepted' ? 'accept' : 'decline'}`,
      entityType: 'meeting_request',
      entityId: requestId,
      organizationId: null,
      before: { state: r.state },
      after: { state: answer },
      requestId: ctx.requestId,
    });
    return { id: r.id, from: r.fromProfileId, to: r.toProfileId, state: answer, note: r.note };
  });
}

/**
 * The organiser places the accepted requests into slots and tables (scheduler.rules.ts); the agenda replaces any
 * earlier one. The database's unique indexes on (slot, table) and (slot, person) refuse a double booking whatever
 * the scheduler did.
 */
export async function scheduleDay(deps: BrokerageDeps, ctx: Ctx, id: string) {
  const me = requirePerson(ctx.actor);
  return deps.db.transaction(async (tx) => {
    const d = await dayOr404(tx, id, true);
    if (!staffOf(me, d.organizerId)) throw new AppError('FORBIDDEN', 'Only the organiser schedules the day');
    if (slotTimes(d, 0).start.toMillis() <= nowOf(deps).getTime())
      throw new AppError('CONFLICT', 'The day has started: its agenda is kept as it is');
    const profiles = await repo.profilesOf(tx, id);
    const accepted = await repo.requestsOf(tx, id, 'accepted');
    const result = schedule({
      slots: d.slots,
      tables: d.tables,
      unavailable: new Map(profiles.map((p) => [p.id, new Set(p.unavailableSlots)])),
      requests: accepted.map((r) => ({ id: r.id, a: r.fromProfileId, b: r.toProfileId })),
    });
    const byId = new Map(accepted.map((r) => [r.id, r]));
    const meetings = await repo.replaceMeetings(
      tx,
      id,
      result.placed.map((p) => ({ ...p, a: byId.get(p.request)!.fromProfileId, b: byId.get(p.request)!.toProfileId })),
    );
    await repo.markScheduled(tx, id, nowOf(deps));
    await recordAudit(tx, me, {
      action: 'matchmaking.schedule',
      entityType: 'matchmaking_day',
      entityId: id,
      organizationId: d.organizerId,
      before: null,
      after: { placed: result.placed.length, unplaced: result.unplaced.length },
      requestId: ctx.requestId,
    });
    return { placed: meetings.length, unplaced: result.unplaced, meetings };
  });
}

/** The caller's own agenda for the day. */
export async function agenda(deps: BrokerageDeps, actor: Actor, id: string) {
  const me = requirePerson(actor);
  const d = await dayOr404(deps.db, id);
  const profile = await repo.profileOfUser(deps.db, id, me.userId);
  if (!profile) throw new AppError('FORBIDDEN', 'Only participants have an agenda');
  const rows = await repo.agendaOf(deps.db, id, profile);
  const others = new Map(
    (
      await repo.profilesOf(
        deps.db,
        id,
        rows.map((r) => (r.from === profile ? r.to : r.from)),
      )
    ).map((p) => [p.id, p]),
  );
  return {
    day: d.day,
    items: rows.map((r) => {
      const t = slotTimes(d, r.slot);
      const other = others.get(r.from === profile ? r.to : r.from);
      return {
        meeting: r.meetingId,
        slot: r.slot,
        table: r.table,
        start: t.start.toISO()!,
        end: t.end.toISO()!,
        with: { name: other?.name ?? '', organization: other?.organizationName ?? null },
        rated: r.rated,
      };
    }),
  };
}

/** The agenda as iCalendar (one event per meeting, with the table and the other person). */
export async function agendaIcs(deps: BrokerageDeps, actor: Actor, id: string) {
  const d = await dayOr404(deps.db, id);
  const a = await agenda(deps, actor, id);
  const domain = new URL(deps.publicUrl).host;
  const cal = ical({
    name: d.title.it ?? d.title.en ?? dayRef(d.number),
    prodId: { company: 'CL.O.C.K.', product: 'matchmaking' },
  });
  for (const m of a.items)
    cal.createEvent({
      id: `meeting-${m.meeting}@${domain}`,
      stamp: nowOf(deps),
      start: new Date(m.start),
      end: new Date(m.end),
      summary: `${m.with.name}${m.with.organization ? ` (${m.with.organization})` : ''} — tavolo/table ${m.table}`,
    });
  return cal.toString();
}

/** A participant rates a meeting once it has begun (1–5, a comment). */
export async function rateMeeting(
  deps: BrokerageDeps,
  ctx: Ctx,
  meetingId: string,
  body: { score: number; comment?: string },
) {
  const me = requirePerson(ctx.actor);
  return deps.db.transaction(async (tx) => {
    const m = UUID.test(meetingId) ? await repo.findMeeting(tx, meetingId) : null;
    const seat = m ? await repo.seatOf(tx, meetingId, me.userId) : null;
    if (!m || !seat) throw new AppError('NOT_FOUND', `No meeting of yours with id "${meetingId}"`);
    const d = (await repo.findDay(tx, m.dayId))!;
    if (slotTimes(d, m.slot).start.toMillis() > nowOf(deps).getTime())
      throw new AppError('CONFLICT', 'A meeting is rated after it has begun');
    await repo.upsertRating(tx, {
      meetingId,
      profileId: seat,
      score: body.score,
      comment: body.comment?.trim() || null,
    });
    await recordAudit(tx, me, {
      action: 'matchmaking.rate',
      entityType: 'matchmaking_meeting',
      entityId: meetingId,
      organizationId: d.organizerId,
      before: null,
      after: body,
      requestId: ctx.requestId,
    });
    return { meeting: meetingId, score: body.score };
  });
}
