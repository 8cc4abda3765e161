import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  matchmakingDays,
  matchmakingMeetings,
  matchmakingProfiles,
  matchmakingSeats,
  meetingRatings,
  meetingRequests,
  organizations,
  users,
} from '../../db/schema/index.ts';

type Conn = Db | Tx;
export type DayRow = typeof matchmakingDays.$inferSelect;
export type RequestRow = typeof meetingRequests.$inferSelect;
export type ProfileRow = typeof matchmakingProfiles.$inferSelect & {
  name: string;
  organizationName: string | null;
  organizationKind: string | null;
  filiere: string[];
};

export async function insertDay(tx: Conn, row: typeof matchmakingDays.$inferInsert) {
  const [r] = await tx.insert(matchmakingDays).values(row).returning();
  return r!;
}
export async function findDay(tx: Conn, id: string, lock = false) {
  const q = tx.select().from(matchmakingDays).where(eq(matchmakingDays.id, id));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}
/** The days, soonest first: those of an event, or those from a date on. */
export async function listDays(tx: Conn, f: { event?: string; from?: string }) {
  const rows = await tx
    .select({
      row: matchmakingDays,
      participants: sql<number>`(select count(*)::int from matchmaking_profiles p where p.day_id = "matchmaking_days"."id")`,
    })
    .from(matchmakingDays)
    .where(
      and(
        f.event ? eq(matchmakingDays.eventId, f.event) : undefined,
        f.from ? gte(matchmakingDays.day, f.from) : undefined,
      ),
    )
    .orderBy(f.from ? asc(matchmakingDays.day) : desc(matchmakingDays.day), asc(matchmakingDays.id))
    .limit(200);
  return rows;
}
export async function participantCount(tx: Conn, dayId: string) {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(matchmakingProfiles)
    .where(eq(matchmakingProfiles.dayId, dayId));
  return r?.n ?? 0;
}
export async function markScheduled(tx: Conn, id: string, at: Date) {
  await tx.update(matchmakingDays).set({ scheduledAt: at }).where(eq(matchmakingDays.id, id));
}

const profileColumns = {
  row: matchmakingProfiles,
  name: users.name,
  organizationName: organizations.name,
  organizationKind: organizations.kind,
  filiere: organizations.filiere,
};
type ProfileSelect = {
  row: typeof matchmakingProfiles.$inferSelect;
  name: string | null;
  organizationName: string | null;
  organizationKind: string | null;
  filiere: string[] | null;
};
const flat = (r: ProfileSelect): ProfileRow => ({
  ...r.row,
  name: r.name ?? '',
  organizationName: r.organizationName,
  organizationKind: r.organizationKind,
  filiere: r.filiere ?? [],
});

export async function upsertProfile(tx: Conn, row: typeof matchmakingProfiles.$inferInsert) {
  const [r] = await tx
    .insert(matchmakingProfiles)
    .values(row)
    .onConflictDoUpdate({
      target: [matchmakingProfiles.dayId, matchmakingProfiles.userId],
      set: {
        organizationId: row.organizationId,
        offers: row.offers,
        seeks: row.seeks,
        unavailableSlots: row.unavailableSlots,
      },
    })
    .returning({ id: matchmakingProfiles.id });
  return r!.id;
}
export async function profilesOf(tx: Conn, dayId: string, ids?: string[]) {
  const rows = await tx
    .select(profileColumns)
    .from(matchmakingProfiles)
    .innerJoin(users, eq(users.id, matchmakingProfiles.userId))
    .leftJoin(organizations, eq(organizations.id, matchmakingProfiles.organizationId))
    .where(and(eq(matchmakingProfiles.dayId, dayId), ids ? inArray(matchmakingProfiles.id, ids) : undefined))
    .orderBy(asc(users.name));
  return rows.map((r) => flat(r as ProfileSelect));
}
export async function profileOfUser(tx: Conn, dayId: string, userId: string) {
  const [r] = await tx
    .select({ id: matchmakingProfiles.id })
    .from(matchmakingProfiles)
    .where(and(eq(matchmakingProfiles.dayId, dayId), eq(matchmakingProfiles.userId, userId)));
  return r?.id ?? null;
}

export async function insertRequest(tx: Conn, row: typeof meetingRequests.$inferInsert) {
  const [r] = await tx.insert(meetingRequests).values(row).onConflictDoNothing().returning();
  return r ?? null;
}
export async function findRequest(tx: Conn, id: string, lock = false) {
  const q = tx.select().from(meetingRequests).where(eq(meetingRequests.id, id));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}
export async function decideRequest(tx: Conn, id: string, state: 'accepted' | 'declined', at: Date) {
  await tx.update(meetingRequests).set({ state, decidedAt: at }).where(eq(meetingRequests.id, id));
}
export function requestsOf(tx: Conn, dayId: string, state?: 'accepted' | 'requested') {
  return tx
    .select()
    .from(meetingRequests)
    .where(and(eq(meetingRequests.dayId, dayId), state ? eq(meetingRequests.state, state) : undefined))
    .orderBy(asc(meetingRequests.id));
}
/** A day's meetings with their two people (the organiser's grid). */
export function meetingsOf(tx: Conn, dayId: string) {
  return tx
    .select({
      id: matchmakingMeetings.id,
      request: matchmakingMeetings.requestId,
      slot: matchmakingMeetings.slot,
      table: matchmakingMeetings.tableNo,
      a: meetingRequests.fromProfileId,
      b: meetingRequests.toProfileId,
    })
    .from(matchmakingMeetings)
    .innerJoin(meetingRequests, eq(meetingRequests.id, matchmakingMeetings.requestId))
    .where(eq(matchmakingMeetings.dayId, dayId))
    .orderBy(asc(matchmakingMeetings.slot), asc(matchmakingMeetings.tableNo));
}

/** Replaces a day's agenda: its meetings and their seats (the unique indexes refuse any double booking). */
export async function replaceMeetings(
  tx: Conn,
  dayId: string,
  placed: { request: string; slot: number; table: number; a: string; b: string }[],
) {
  await tx.delete(matchmakingMeetings).where(eq(matchmakingMeetings.dayId, dayId));
  const out: { id: string; request: string; slot: number; table: number }[] = [];
  for (let i = 0; i < placed.length; i += 500) {
    const chunk = placed.slice(i, i + 500);
    const rows = await tx
      .insert(matchmakingMeetings)
      .values(chunk.map((p) => ({ dayId, requestId: p.request, slot: p.slot, tableNo: p.table })))
      .returning();
    const byRequest = new Map(rows.map((r) => [r.requestId, r]));
    await tx.insert(matchmakingSeats).values(
      chunk.flatMap((p) => {
        const m = byRequest.get(p.request)!;
        return [p.a, p.b].map((profileId) => ({ meetingId: m.id, dayId, slot: p.slot, profileId }));
      }),
    );
    out.push(...rows.map((r) => ({ id: r.id, request: r.requestId, slot: r.slot, table: r.tableNo })));
  }
  return out;
}
/** A participant's meetings of a day, with the other person. */
export function agendaOf(tx: Conn, dayId: string, profileId: string) {
  return tx
    .select({
      meetingId: matchmakingMeetings.id,
      slot: matchmakingMeetings.slot,
      table: matchmakingMeetings.tableNo,
      from: meetingRequests.fromProfileId,
      to: meetingRequests.toProfileId,
      rated: sql<boolean>`exists (select 1 from meeting_ratings r where r.meeting_id = ${matchmakingMeetings.id} and r.profile_id = ${profileId})`,
    })
    .from(matchmakingSeats)
    .innerJoin(matchmakingMeetings, eq(matchmakingMeetings.id, matchmakingSeats.meetingId))
    .innerJoin(meetingRequests, eq(meetingRequests.id, matchmakingMeetings.requestId))
    .where(and(eq(matchmakingSeats.dayId, dayId), eq(matchmakingSeats.profileId, profileId)))
    .orderBy(asc(matchmakingMeetings.slot));
}
export async function findMeeting(tx: Conn, id: string) {
  const [r] = await tx
    .select({ id: matchmakingMeetings.id, dayId: matchmakingMeetings.dayId, slot: matchmakingMeetings.slot })
    .from(matchmakingMeetings)
    .where(eq(matchmakingMeetings.id, id));
  return r ?? null;
}
export async function seatOf(tx: Conn, meetingId: string, userId: string) {
  const [r] = await tx
    .select({ profileId: matchmakingSeats.profileId })
    .from(matchmakingSeats)
    .innerJoin(matchmakingProfiles, eq(matchmakingProfiles.id, matchmakingSeats.profileId))
    .where(and(eq(matchmakingSeats.meetingId, meetingId), eq(matchmakingProfiles.userId, userId)));
  return r?.profileId ?? null;
}
export async function upsertRating(tx: Conn, row: typeof meetingRatings.$inferInsert) {
  await tx
    .insert(meetingRatings)
    .values(row)
    .onConflictDoUpdate({
      target: [meetingRatings.meetingId, meetingRatings.profileId],
      set: { score: row.score, comment: row.comment ?? null },
    });
}
