import type { EventDetail, EventList, EventListQuery, EventSummary } from '@clock/contracts';
import { eventRef } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import { canSeeNetworkContent, type Actor, type Member } from '../../core/actor.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import { formatInstant, parseInstant } from '../../core/calendar.ts';
import { getQualification } from '../bookings/qualifications.service.ts';
import * as repo from './events.repo.ts';
import { allowedActions, canSee, isOrganizer, registrationOpen, type EventFacts } from './events.rules.ts';
import { eventUrl, type IcsEvent } from './ics.rules.ts';

/**
 * Events of the network (decision 017), read as the caller: the public sees published public events, network members
 * network ones too, organisers their drafts. The organisers' writes are in event-writing.service.ts.
 */
export interface EventDeps {
  db: Db;
  publicUrl: string;
  /** The clock (tests move it). */
  now?: () => Date;
}
export interface Ctx {
  actor: Actor;
  requestId?: string;
}
export const nowOf = (deps: { now?: () => Date }) => (deps.now ? deps.now() : new Date());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface LoadedEvent {
  row: repo.EventRow;
  organizers: Awaited<ReturnType<typeof repo.organizersOf>>;
  sessions: repo.SessionRow[];
  facts: EventFacts;
}

const factsOf = (row: repo.EventRow, organizers: LoadedEvent['organizers']): EventFacts => ({
  state: row.state,
  visibility: row.visibility,
  organizers: organizers.map((o) => ({ organizationId: o.organizationId, kind: o.kind })),
  startsAt: row.startsAt.getTime(),
  endsAt: row.endsAt.getTime(),
  registrationOpens: row.registrationOpens?.getTime() ?? null,
  registrationCloses: row.registrationCloses?.getTime() ?? null,
});

/** The event with its organisers and sessions, whoever asks (no visibility check: the callers check). */
export async function loadEvent(db: Db | Tx, id: string, lock = false): Promise<LoadedEvent | null> {
  const row = UUID.test(id) ? await repo.findEvent(db, id, lock) : null;
  if (!row) return null;
  const [organizers, sessions] = await Promise.all([repo.organizersOf(db, [id]), repo.sessionsOf(db, [id])]);
  return { row, organizers, sessions, facts: factsOf(row, organizers) };
}

/** The event if the caller may see it, else 404. */
export async function visibleEvent(db: Db | Tx, actor: Actor, id: string, lock = false): Promise<LoadedEvent> {
  const e = await loadEvent(db, id, lock);
  if (!e || !canSee(actor, e.facts)) throw new AppError('NOT_FOUND', `No event with id "${id}"`);
  return e;
}

/** The event if the caller organises it: 404 when invisible, 403 when not an organiser (401 anonymous). */
export async function organizedEvent(db: Db | Tx, actor: Actor, id: string, lock = false) {
  if (actor.kind !== 'member') throw new AppError('UNAUTHENTICATED', 'Sign in first');
  const e = await visibleEvent(db, actor, id, lock);
  if (!isOrganizer(actor, e.facts.organizers))
    throw new AppError('FORBIDDEN', "Only the event's organisers may do this");
  return { ...e, actor: actor as Member };
}

export function toIcsEvent(e: LoadedEvent): IcsEvent {
  return {
    id: e.row.id,
    title: e.row.title,
    summary: e.row.summary,
    state: e.row.state,
    sequence: e.row.sequence,
    place: e.row.place,
    onlineUrl: e.row.onlineUrl,
    organizers: e.organizers.map((o) => ({ name: o.name })),
    sessions: e.sessions.map((s) => ({ id: s.id, start: s.start, end: s.end, place: s.place })),
    updatedAt: e.row.updatedAt.getTime(),
  };
}

// ---- presentation ----

const placeOut = (p: repo.EventRow['place']) =>
  p ? { name: p.name, address: p.address ?? null, lat: p.lat ?? null, lon: p.lon ?? null } : null;

function availabilityOf(row: repo.EventRow, counts: Map<string, number>, facts: EventFacts, now: number) {
  const taken = (counts.get('confirmed') ?? 0) + (counts.get('attended') ?? 0);
  return {
    capacity: row.capacity,
    taken,
    free: row.capacity === null ? null : Math.max(0, row.capacity - taken),
    waiting: counts.get('waiting') ?? 0,
    open: registrationOpen(facts, now),
  };
}

async function summaries(db: Db | Tx, publicUrl: string, rows: repo.EventRow[], now: number): Promise<EventSummary[]> {
  const ids = rows.map((r) => r.id);
  const [organizers, sessions, counts] = await Promise.all([
    repo.organizersOf(db, ids),
    repo.sessionsOf(db, ids),
    repo.countsOf(db, ids),
  ]);
  return rows.map((row) => {
    const orgs = organizers.filter((o) => o.eventId === row.id);
    const c = new Map(counts.filter((x) => x.eventId === row.id).map((x) => [x.state, x.n]));
    return {
      id: row.id,
      ref: eventRef(row.number),
      kind: row.kind,
      title: row.title,
      summary: row.summary,
      mode: row.mode,
      place: placeOut(row.place),
      language: row.language,
      state: row.state,
      visibility: row.visibility,
      start: formatInstant(row.startsAt.getTime()),
      end: formatInstant(row.endsAt.getTime()),
      sessionCount: sessions.filter((s) => s.eventId === row.id).length,
      organizers: orgs.map((o) => ({ id: o.organizationId, name: o.name, kind: o.kind, role: o.role })),
      filiere: row.filiere,
      s3: row.s3,
      price: row.price,
      availability: availabilityOf(row, c, factsOf(row, orgs), now),
      url: eventUrl(publicUrl, row.id),
    };
  });
}

export async function presentEvent(deps: EventDeps, actor: Actor, e: LoadedEvent): Promise<EventDetail> {
  const now = nowOf(deps).getTime();
  const [summary] = await summaries(deps.db, deps.publicUrl, [e.row], now);
  const qualification = e.row.grantsQualificationId
    ? await getQualification(deps.db, actor, e.row.grantsQualificationId, nowOf(deps)).catch(() => null)
    : null;
  const mine =
    actor.kind === 'member' && actor.userId
      ? await repo.liveRegistrationOf(deps.db, e.row.id, { userId: actor.userId })
      : null;
  return {
    ...summary!,
    description: e.row.description,
    onlineUrl: e.row.onlineUrl,
    audience: e.row.audience,
    sectors: e.row.sectors,
    registrationOpens: e.row.registrationOpens ? formatInstant(e.row.registrationOpens.getTime()) : null,
    registrationCloses: e.row.registrationCloses ? formatInstant(e.row.registrationCloses.getTime()) : null,
    questions: e.row.questions,
    grantsQualification: qualification ? { id: qualification.id, name: qualification.name } : null,
    attendanceRequired: e.row.attendanceRequired,
    sessions: e.sessions.map((s) => ({
      id: s.id,
      start: formatInstant(s.start),
      end: formatInstant(s.end),
      place: placeOut(s.place),
      title: s.title,
    })),
    sequence: e.row.sequence,
    cancelReason: e.row.cancelReason,
    publishedAt: e.row.publishedAt ? formatInstant(e.row.publishedAt.getTime()) : null,
    myRegistration: mine ? { id: mine.id, state: mine.state } : null,
    allowedActions: allowedActions(actor, e.facts, now),
  };
}

// ---- reading ----

const organizerScope = (actor: Actor): string[] | 'all' => {
  if (actor.kind !== 'member') return [];
  if (actor.platformRole === 'admin') return 'all';
  return actor.memberships.filter((m) => m.role !== 'company').map((m) => m.organization);
};

export async function listEvents(deps: EventDeps, actor: Actor, q: EventListQuery): Promise<EventList> {
  const problems: FieldProblem[] = [];
  const from = q.from !== undefined ? parseInstant(q.from, 'start') : undefined;
  const to = q.to !== undefined ? parseInstant(q.to, 'end') : undefined;
  if (from === null) problems.push({ pointer: '/query/from', message: 'must be an ISO 8601 date or date-time' });
  if (to === null) problems.push({ pointer: '/query/to', message: 'must be an ISO 8601 date or date-time' });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The query has invalid fields', problems);
  const page = q.page ?? 1,
    limit = q.limit ?? 20;
  const { rows, total } = await repo.listEvents(
    deps.db,
    {
      from: from ?? undefined,
      to: to ?? undefined,
      q: q.q,
      organization: q.organization,
      filiera: q.filiera,
      s3: q.s3,
      kind: q.kind,
      network: canSeeNetworkContent(actor),
      draftsOf: q.scope === 'organizer' ? organizerScope(actor) : [],
      draftsOfRegion: q.scope === 'organizer' && actor.kind === 'member' && actor.platformRole === 'region',
    },
    { offset: (page - 1) * limit, limit },
  );
  return { items: await summaries(deps.db, deps.publicUrl, rows, nowOf(deps).getTime()), total, page, limit };
}

export async function getEvent(deps: EventDeps, actor: Actor, id: string) {
  return presentEvent(deps, actor, await visibleEvent(deps.db, actor, id));
}

/** Public events for feeds: published and cancelled, public visibility, ending after `from`. */
export async function feedEvents(
  deps: EventDeps,
  f: { organization?: string; filiera?: string; s3?: string },
  from: number,
) {
  const { rows } = await repo.listEvents(
    deps.db,
    { ...f, from, network: false, draftsOf: [] },
    { offset: 0, limit: 1000 },
  );
  const loaded = await Promise.all(rows.map((r) => loadEvent(deps.db, r.id)));
  return loaded.filter((e): e is LoadedEvent => e !== null);
}
