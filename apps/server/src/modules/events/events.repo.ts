import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { lowerMs, range, upperMs } from '../../db/ranges.ts';
import {
  eventAttendance,
  eventOrganizers,
  eventRegistrations,
  eventSessions,
  eventTimeline,
  events,
  memberships,
  organizations,
  taxonomyTerms,
  users,
  type EventPlaceValue,
  type LocalizedText,
} from '../../db/schema/index.ts';
import type { EventOrganizerRole, RegistrationState } from '@clock/contracts';

type Conn = Db | Tx;

// ---- reference data ----

/** Which of these codes each taxonomy scheme knows. */
export async function knownCodes(tx: Conn, codes: string[]) {
  if (!codes.length) return new Set<string>();
  const rows = await tx
    .select({ scheme: taxonomyTerms.scheme, code: taxonomyTerms.code })
    .from(taxonomyTerms)
    .where(and(inArray(taxonomyTerms.scheme, ['sector', 'filiera', 's3']), inArray(taxonomyTerms.code, codes)));
  return new Set(rows.map((r) => `${r.scheme}:${r.code}`));
}

export async function organizationsById(tx: Conn, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: organizations.id, kind: organizations.kind, name: organizations.name })
    .from(organizations)
    .where(and(inArray(organizations.id, ids), isNull(organizations.retiredAt)));
}

export async function userFacts(tx: Conn, id: string) {
  const [r] = await tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)));
  return r ?? null;
}

// ---- events ----

export type EventRow = typeof events.$inferSelect;
export async function insertEvent(tx: Conn, row: typeof events.$inferInsert) {
  const [r] = await tx.insert(events).values(row).returning();
  return r!;
}
export async function updateEvent(tx: Conn, id: string, set: Partial<typeof events.$inferInsert>) {
  await tx
    .update(events)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(events.id, id));
}
export async function findEvent(tx: Conn, id: string, lock = false): Promise<EventRow | null> {
  const q = tx.select().from(events).where(eq(events.id, id));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export async function replaceOrganizers(
  tx: Conn,
  eventId: string,
  list: { organization: string; role: EventOrganizerRole }[],
) {
  await tx.delete(eventOrganizers).where(eq(eventOrganizers.eventId, eventId));
  await tx
    .insert(eventOrganizers)
    .values(list.map((o, i) => ({ eventId, organizationId: o.organization, role: o.role, position: i })));
}
export async function organizersOf(tx: Conn, eventIds: string[]) {
  if (!eventIds.length) return [];
  return tx
    .select({
      eventId: eventOrganizers.eventId,
      organizationId: eventOrganizers.organizationId,
      role: eventOrganizers.role,
      name: organizations.name,
      kind: organizations.kind,
    })
    .from(eventOrganizers)
    .innerJoin(organizations, eq(organizations.id, eventOrganizers.organizationId))
    .where(inArray(eventOrganizers.eventId, eventIds))
    .orderBy(asc(eventOrganizers.position));
}

export interface SessionRow {
  id: string;
  eventId: string;
  start: number;
  end: number;
  place: EventPlaceValue | null;
  title: LocalizedText | null;
}
export async function replaceSessions(
  tx: Conn,
  eventId: string,
  list: { start: number; end: number; place: EventPlaceValue | null; title: LocalizedText | null }[],
) {
  // Sessions that keep their times keep their ids (and so their attendance); the others are replaced.
  const old = await sessionsOf(tx, [eventId]);
  const keep = new Set<string>();
  for (const s of list) {
    const same = old.find((o) => o.start === s.start && o.end === s.end && !keep.has(o.id));
    if (same) {
      keep.add(same.id);
      await tx.update(eventSessions).set({ place: s.place, title: s.title }).where(eq(eventSessions.id, same.id));
    } else
      await tx
        .insert(eventSessions)
        .values({ eventId, during: range(s.start, s.end) as never, place: s.place, title: s.title });
  }
  const drop = old.filter((o) => !keep.has(o.id)).map((o) => o.id);
  if (drop.length) await tx.delete(eventSessions).where(inArray(eventSessions.id, drop));
}
export async function sessionsOf(tx: Conn, eventIds: string[]): Promise<SessionRow[]> {
  if (!eventIds.length) return [];
  return tx
    .select({
      id: eventSessions.id,
      eventId: eventSessions.eventId,
      start: lowerMs(eventSessions.during),
      end: upperMs(eventSessions.during),
      place: eventSessions.place,
      title: eventSessions.title,
    })
    .from(eventSessions)
    .where(inArray(eventSessions.eventId, eventIds))
    .orderBy(sql`lower(${eventSessions.during})`);
}

export interface EventFilter {
  from?: number;
  to?: number;
  q?: string;
  organization?: string;
  filiera?: string;
  s3?: string;
  kind?: string;
  /** Network events too. */
  network: boolean;
  /** Drafts of these organisations too (an organiser's scope); 'all' for administrators. */
  draftsOf: string[] | 'all';
  /** Drafts the Region (an organisation of kind `region`) organises too (a Region officer's scope). */
  draftsOfRegion?: boolean;
}
function filterSql(f: EventFilter): SQL {
  const visible = f.network ? sql`true` : sql`${events.visibility} = 'public'`;
  const shown = sql`(${events.state} <> 'draft' and ${visible})`;
  const drafts =
    f.draftsOf === 'all'
      ? sql`true`
      : f.draftsOf.length
        ? sql`exists (select 1 from ${eventOrganizers} o where o.event_id = ${events.id} and o.organization_id in (${sql.join(
            f.draftsOf.map((d) => sql`${d}`),
            sql`, `,
          )}))`
        : sql`false`;
  const regionDrafts = f.draftsOfRegion
    ? sql`exists (select 1 from ${eventOrganizers} o join ${organizations} g on g.id = o.organization_id where o.event_id = ${events.id} and g.kind = 'region')`
    : sql`false`;
  const parts: SQL[] = [sql`(${shown} or ${drafts} or ${regionDrafts})`];
  if (f.from !== undefined) parts.push(sql`${events.endsAt} > to_timestamp(${f.from / 1000}::float8)`);
  if (f.to !== undefined) parts.push(sql`${events.startsAt} < to_timestamp(${f.to / 1000}::float8)`);
  if (f.kind) parts.push(sql`${events.kind} = ${f.kind}`);
  if (f.filiera) parts.push(sql`${f.filiera} = any(${events.filiere})`);
  if (f.s3)
    parts.push(
      sql`(${f.s3} = any(${events.s3}) or exists (select 1 from unnest(${events.s3}) c where c like ${`${f.s3}×%`}))`,
    );
  if (f.organization)
    parts.push(
      sql`exists (select 1 from ${eventOrganizers} o where o.event_id = ${events.id} and o.organization_id = ${f.organization})`,
    );
  if (f.q?.trim()) {
    const like = `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      sql`(${events.title}::text ilike ${like} or ${events.summary}::text ilike ${like} or ${events.description}::text ilike ${like} or ${events.place}::text ilike ${like})`,
    );
  }
  return sql.join(parts, sql` and `);
}
export async function listEvents(
  tx: Conn,
  f: EventFilter,
  page: { offset: number; limit: number },
  order: 'asc' | 'desc' = 'asc',
) {
  const where = filterSql(f);
  const [rows, [count]] = await Promise.all([
    tx
      .select()
      .from(events)
      .where(where)
      .orderBy(order === 'asc' ? asc(events.startsAt) : desc(events.startsAt), asc(events.number))
      .limit(page.limit)
      .offset(page.offset),
    tx.select({ n: sql<number>`count(*)::int` }).from(events).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** Registrations per state of these events. */
export async function countsOf(tx: Conn, eventIds: string[]) {
  if (!eventIds.length) return [];
  return tx
    .select({ eventId: eventRegistrations.eventId, state: eventRegistrations.state, n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(inArray(eventRegistrations.eventId, eventIds))
    .groupBy(eventRegistrations.eventId, eventRegistrations.state);
}

export async function addTimeline(
  tx: Conn,
  row: { eventId: string; actorUserId: string | null; kind: string; message?: string | null },
) {
  await tx.insert(eventTimeline).values({ ...row, message: row.message ?? null });
}

// ---- registrations ----

export type RegistrationRow = typeof eventRegistrations.$inferSelect;
/**
 * A registration put on the waiting list is ordered by the database's clock when the place was decided (under the
 * event's lock, so the order is the order of the decisions, whatever clock each request started with).
 */
const inLine = <T extends { state?: string; waitingSince?: Date | null }>(row: T) =>
  row.state === 'waiting' ? { ...row, waitingSince: sql`clock_timestamp()` } : row;
export async function insertRegistration(tx: Conn, row: typeof eventRegistrations.$inferInsert) {
  const [r] = await tx.insert(eventRegistrations).values(inLine(row)).returning();
  return r!;
}
export async function updateRegistration(tx: Conn, id: string, set: Partial<typeof eventRegistrations.$inferInsert>) {
  const [r] = await tx.update(eventRegistrations).set(inLine(set)).where(eq(eventRegistrations.id, id)).returning();
  return r!;
}
export async function findRegistration(tx: Conn, id: string): Promise<RegistrationRow | null> {
  const [r] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, id));
  return r ?? null;
}
export async function findRegistrationByToken(
  tx: Conn,
  kind: 'confirm' | 'manage',
  hash: string,
): Promise<RegistrationRow | null> {
  const col = kind === 'confirm' ? eventRegistrations.confirmTokenHash : eventRegistrations.manageTokenHash;
  const [r] = await tx.select().from(eventRegistrations).where(eq(col, hash));
  return r ?? null;
}
export async function liveRegistrationOf(tx: Conn, eventId: string, by: { userId?: string; email?: string }) {
  const [r] = await tx
    .select()
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        ne(eventRegistrations.state, 'cancelled'),
        or(
          by.userId ? eq(eventRegistrations.userId, by.userId) : undefined,
          by.email ? eq(eventRegistrations.email, by.email) : undefined,
        ),
      ),
    )
    .limit(1);
  return r ?? null;
}
export async function registrationsOf(tx: Conn, eventId: string, state?: RegistrationState) {
  return tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), state ? eq(eventRegistrations.state, state) : undefined))
    .orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id));
}
export async function registrationsOfUser(tx: Conn, userId: string) {
  return tx
    .select()
    .from(eventRegistrations)
    .where(eq(eventRegistrations.userId, userId))
    .orderBy(desc(eventRegistrations.createdAt));
}
/** Places held (confirmed, attended) and the waiting list, first in line first. */
export async function takenAndWaiting(tx: Conn, eventId: string) {
  const rows = await tx
    .select({ id: eventRegistrations.id, state: eventRegistrations.state })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        inArray(eventRegistrations.state, ['confirmed', 'attended', 'waiting']),
      ),
    )
    .orderBy(asc(eventRegistrations.waitingSince), asc(eventRegistrations.id));
  return {
    taken: rows.filter((r) => r.state !== 'waiting').length,
    waiting: rows.filter((r) => r.state === 'waiting').map((r) => r.id),
  };
}
/** 1-based place of each waiting registration of these events. */
export async function waitingPositions(tx: Conn, eventIds: string[]) {
  if (!eventIds.length) return new Map<string, number>();
  const rows = await tx
    .select({
      id: eventRegistrations.id,
      pos: sql<number>`row_number() over (partition by ${eventRegistrations.eventId} order by ${eventRegistrations.waitingSince}, ${eventRegistrations.id})::int`,
    })
    .from(eventRegistrations)
    .where(and(inArray(eventRegistrations.eventId, eventIds), eq(eventRegistrations.state, 'waiting')));
  return new Map(rows.map((r) => [r.id, r.pos]));
}

/** Pending registrations whose confirmation link expired are cancelled (the place never was held). */
export async function expirePending(tx: Conn, eventId: string, now: Date) {
  await tx
    .update(eventRegistrations)
    .set({ state: 'cancelled', cancelledAt: now, confirmTokenHash: null })
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.state, 'pending-confirmation'),
        sql`${eventRegistrations.confirmExpiresAt} < ${now.toISOString()}`,
      ),
    );
}

// ---- attendance ----

export async function upsertAttendance(
  tx: Conn,
  rows: { registrationId: string; sessionId: string; present: boolean; recordedBy: string | null; recordedAt: Date }[],
) {
  if (!rows.length) return;
  await tx
    .insert(eventAttendance)
    .values(rows)
    .onConflictDoUpdate({
      target: [eventAttendance.registrationId, eventAttendance.sessionId],
      set: {
        present: sql`excluded.present`,
        recordedBy: sql`excluded.recorded_by`,
        recordedAt: sql`excluded.recorded_at`,
      },
    });
}
export async function attendanceOf(tx: Conn, eventId: string) {
  return tx
    .select({
      registrationId: eventAttendance.registrationId,
      sessionId: eventAttendance.sessionId,
      present: eventAttendance.present,
      recordedAt: eventAttendance.recordedAt,
    })
    .from(eventAttendance)
    .innerJoin(eventSessions, eq(eventSessions.id, eventAttendance.sessionId))
    .where(eq(eventSessions.eventId, eventId));
}
/** Sessions each registration was present at. */
export async function presentCounts(tx: Conn, registrationIds: string[]) {
  if (!registrationIds.length) return new Map<string, number>();
  const rows = await tx
    .select({ id: eventAttendance.registrationId, n: sql<number>`count(*)::int` })
    .from(eventAttendance)
    .where(and(inArray(eventAttendance.registrationId, registrationIds), eq(eventAttendance.present, true)))
    .groupBy(eventAttendance.registrationId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

// ---- figures ----

/**
 * Registrations of events that took place (a session starting) between `from` and `to`, optionally organised by one
 * organisation, with the registrant's organisation kind.
 */
export async function participationRows(tx: Conn, from: number, to: number, organization?: string) {
  return tx
    .select({
      id: eventRegistrations.id,
      eventId: eventRegistrations.eventId,
      state: eventRegistrations.state,
      organizationKind: organizations.kind,
    })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .leftJoin(organizations, eq(organizations.id, eventRegistrations.organizationId))
    .where(
      and(
        ne(events.state, 'draft'),
        sql`${events.startsAt} >= to_timestamp(${from / 1000}::float8)`,
        sql`${events.startsAt} < to_timestamp(${to / 1000}::float8)`,
        organization
          ? sql`exists (select 1 from ${eventOrganizers} o where o.event_id = ${events.id} and o.organization_id = ${organization})`
          : undefined,
      ),
    );
}

/** The organisations the person belongs to with their kind (to pick the one a registration is made for). */
export async function membershipsOf(tx: Conn, userId: string) {
  return tx
    .select({ organizationId: memberships.organizationId, name: organizations.name })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId));
}

/** Confirmed registrations of published events starting between `from` and `to` not yet reminded. */
export async function dueReminders(tx: Conn, from: Date, to: Date) {
  return tx
    .select({ registration: eventRegistrations, event: events })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(
      and(
        eq(events.state, 'published'),
        eq(eventRegistrations.state, 'confirmed'),
        isNull(eventRegistrations.remindedAt),
        sql`${events.startsAt} > ${from.toISOString()}`,
        sql`${events.startsAt} <= ${to.toISOString()}`,
      ),
    )
    .for('update', { of: eventRegistrations, skipLocked: true });
}

// ---- the demo ----

export async function countEvents(tx: Conn) {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(events);
  return r?.n ?? 0;
}
/** People with their membership (one each in the demo), to register them for demo events. */
export async function demoPeople(tx: Conn) {
  return tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      organizationId: memberships.organizationId,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(isNull(users.deletedAt))
    .orderBy(asc(users.email));
}
