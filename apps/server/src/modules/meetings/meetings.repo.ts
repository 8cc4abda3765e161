import { and, asc, desc, eq, gte, inArray, isNull, lt, max, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  agendaItems,
  meetingAttendees,
  meetingOutcomes,
  meetings,
  memberships,
  organizations,
  users,
} from '../../db/schema/index.ts';

type Conn = Db | Tx;
export type MeetingRow = typeof meetings.$inferSelect;
export type OutcomeRow = typeof meetingOutcomes.$inferSelect;

const openActions =
  sql<number>`(select count(*) from ${meetingOutcomes} o where o.meeting_id = meetings.id and o.kind = 'action' and o.done_at is null)`.mapWith(
    Number,
  );

export async function listMeetings(tx: Conn, page: { offset: number; limit: number }) {
  const rows = await tx
    .select({ m: meetings, openActions, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(meetings)
    .orderBy(desc(meetings.startsAt), desc(meetings.number))
    .limit(page.limit)
    .offset(page.offset);
  return rows;
}
export async function countMeetings(tx: Conn) {
  const [r] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(meetings);
  return r?.n ?? 0;
}
export async function meetingsBetween(tx: Conn, from: Date, to: Date) {
  return tx
    .select({
      m: meetings,
      openActions,
      decisions:
        sql<number>`(select count(*) from ${meetingOutcomes} o where o.meeting_id = meetings.id and o.kind = 'decision')`.mapWith(
          Number,
        ),
      actions:
        sql<number>`(select count(*) from ${meetingOutcomes} o where o.meeting_id = meetings.id and o.kind = 'action')`.mapWith(
          Number,
        ),
    })
    .from(meetings)
    .where(and(gte(meetings.startsAt, from), lt(meetings.startsAt, to)))
    .orderBy(asc(meetings.startsAt));
}
export async function findMeeting(tx: Conn, id: string, lock = false) {
  const q = tx.select().from(meetings).where(eq(meetings.id, id));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}
/** The meeting numbered just before `number` (the one whose minutes wait for this one). */
export async function previousMeeting(tx: Conn, number: number, lock = false) {
  const q = tx.select().from(meetings).where(lt(meetings.number, number)).orderBy(desc(meetings.number)).limit(1);
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}
export async function lastMeeting(tx: Conn) {
  const [r] = await tx.select().from(meetings).orderBy(desc(meetings.number)).limit(1);
  return r ?? null;
}
export async function insertMeeting(tx: Conn, row: typeof meetings.$inferInsert) {
  const [r] = await tx.insert(meetings).values(row).returning();
  return r!;
}
export async function updateMeeting(tx: Conn, id: string, set: Partial<typeof meetings.$inferInsert>) {
  const [r] = await tx
    .update(meetings)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(meetings.id, id))
    .returning();
  return r!;
}

export async function agendaOf(tx: Conn, meetingId: string) {
  return tx.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position));
}
export async function nextAgendaPosition(tx: Conn, meetingId: string) {
  const [r] = await tx
    .select({ p: max(agendaItems.position) })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  return (r?.p ?? 0) + 1;
}
export async function insertAgenda(tx: Conn, rows: (typeof agendaItems.$inferInsert)[]) {
  if (!rows.length) return [];
  return tx.insert(agendaItems).values(rows).returning();
}
export async function findAgendaItem(tx: Conn, id: string) {
  const [r] = await tx.select().from(agendaItems).where(eq(agendaItems.id, id));
  return r ?? null;
}

const outcomeColumns = {
  o: meetingOutcomes,
  ownerName: users.name,
  meetingNumber: meetings.number,
};
export async function outcomesOf(tx: Conn, where: { meetingId?: string; ids?: string[] }) {
  const conds = [];
  if (where.meetingId) conds.push(eq(meetingOutcomes.meetingId, where.meetingId));
  if (where.ids) conds.push(where.ids.length ? inArray(meetingOutcomes.id, where.ids) : sql`false`);
  return tx
    .select(outcomeColumns)
    .from(meetingOutcomes)
    .innerJoin(meetings, eq(meetings.id, meetingOutcomes.meetingId))
    .leftJoin(users, eq(users.id, meetingOutcomes.ownerUserId))
    .where(and(...conds))
    .orderBy(asc(meetings.number), asc(meetingOutcomes.position), asc(meetingOutcomes.createdAt));
}
/** Action items not done, of every meeting, oldest meeting first. */
export async function openActionItems(tx: Conn) {
  return tx
    .select(outcomeColumns)
    .from(meetingOutcomes)
    .innerJoin(meetings, eq(meetings.id, meetingOutcomes.meetingId))
    .leftJoin(users, eq(users.id, meetingOutcomes.ownerUserId))
    .where(and(eq(meetingOutcomes.kind, 'action'), isNull(meetingOutcomes.doneAt)))
    .orderBy(asc(meetings.number), asc(meetingOutcomes.position));
}
export async function findOutcome(tx: Conn, id: string) {
  const [r] = await tx.select().from(meetingOutcomes).where(eq(meetingOutcomes.id, id));
  return r ?? null;
}
export async function nextOutcomePosition(tx: Conn, meetingId: string) {
  const [r] = await tx
    .select({ p: max(meetingOutcomes.position) })
    .from(meetingOutcomes)
    .where(eq(meetingOutcomes.meetingId, meetingId));
  return (r?.p ?? 0) + 1;
}
export async function insertOutcome(tx: Conn, row: typeof meetingOutcomes.$inferInsert) {
  const [r] = await tx.insert(meetingOutcomes).values(row).returning();
  return r!;
}
export async function updateOutcome(tx: Conn, id: string, set: Partial<typeof meetingOutcomes.$inferInsert>) {
  const [r] = await tx.update(meetingOutcomes).set(set).where(eq(meetingOutcomes.id, id)).returning();
  return r!;
}

export async function attendeesOf(tx: Conn, meetingId: string) {
  return tx
    .select({
      userId: meetingAttendees.userId,
      name: users.name,
      organizationId: meetingAttendees.organizationId,
      organizationName: organizations.name,
      present: meetingAttendees.present,
    })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .leftJoin(organizations, eq(organizations.id, meetingAttendees.organizationId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(asc(organizations.name), asc(users.name));
}
export async function replaceAttendees(tx: Conn, meetingId: string, rows: (typeof meetingAttendees.$inferInsert)[]) {
  await tx.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId));
  if (rows.length) await tx.insert(meetingAttendees).values(rows);
}

/** The nucleus: one member per centre (the partial unique index on memberships). */
export async function nucleusMembers(tx: Conn) {
  return tx
    .select({
      userId: users.id,
      name: users.name,
      organizationId: organizations.id,
      organizationName: organizations.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.role, 'nucleus'), isNull(users.deletedAt)))
    .orderBy(asc(organizations.name));
}
export async function liveUsers(tx: Conn, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.deletedAt)));
  return new Set(rows.map((r) => r.id));
}

/** People to tell (not deleted or disabled), as the notifications module wants them. */
export async function recipientsById(tx: Conn, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: users.id, email: users.email, locale: users.locale, notificationEmail: users.notificationEmail })
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.deletedAt), isNull(users.disabledAt)));
}
