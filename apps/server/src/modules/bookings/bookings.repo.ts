import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { lowerMs, range, upperMs } from '../../db/ranges.ts';
import {
  bookingEvents,
  bookingPolicies,
  bookings,
  calendarFeeds,
  companyProfiles,
  memberships,
  offers,
  organizations,
  users,
  type BookingStateValue,
  type LocalizedText,
} from '../../db/schema/index.ts';

type Conn = Db | Tx;

// ---- equipment and policies ----

export interface EquipmentRow {
  id: string;
  organizationId: string;
  title: LocalizedText;
}
export async function findEquipment(tx: Conn, ids: string[]): Promise<EquipmentRow[]> {
  if (!ids.length) return [];
  return tx
    .select({ id: offers.id, organizationId: offers.organizationId, title: offers.title })
    .from(offers)
    .where(and(eq(offers.type, 'equipment'), inArray(offers.id, ids), isNull(offers.retiredAt)));
}

export type PolicyRow = typeof bookingPolicies.$inferSelect;
export async function policiesOf(tx: Conn, ids: string[]): Promise<PolicyRow[]> {
  if (!ids.length) return [];
  return tx.select().from(bookingPolicies).where(inArray(bookingPolicies.equipmentId, ids));
}
export async function lockPolicy(tx: Tx, id: string): Promise<PolicyRow | null> {
  const [r] = await tx.select().from(bookingPolicies).where(eq(bookingPolicies.equipmentId, id)).for('update');
  return r ?? null;
}
export async function upsertPolicy(tx: Conn, row: typeof bookingPolicies.$inferInsert) {
  const { equipmentId: _id, ...set } = row;
  await tx
    .insert(bookingPolicies)
    .values(row)
    .onConflictDoUpdate({ target: bookingPolicies.equipmentId, set: { ...set, updatedAt: sql`now()` } });
}

/** Bookable instruments, with their catalogue text, for the free-slot search. */
export async function bookableEquipment(tx: Conn, filter: { organization?: string; ids?: string[]; words?: string[] }) {
  const conds: SQL[] = [eq(bookingPolicies.bookable, true), isNull(offers.retiredAt)];
  if (filter.organization) conds.push(eq(bookingPolicies.organizationId, filter.organization));
  if (filter.ids) conds.push(inArray(bookingPolicies.equipmentId, filter.ids));
  for (const w of filter.words ?? []) {
    const like = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(
      sql`(${offers.title}::text ilike ${like} or coalesce(${offers.description}::text, '') ilike ${like} or coalesce(array_to_string(${offers.keywords}, ' '), '') ilike ${like})`,
    );
  }
  return tx
    .select({ policy: bookingPolicies, title: offers.title })
    .from(bookingPolicies)
    .innerJoin(offers, and(eq(offers.type, 'equipment'), eq(offers.id, bookingPolicies.equipmentId)))
    .where(and(...conds))
    .orderBy(asc(bookingPolicies.equipmentId));
}

// ---- organisations and people ----

export async function organizationFacts(tx: Conn, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({
      id: organizations.id,
      kind: organizations.kind,
      name: organizations.name,
      sizeClass: companyProfiles.sizeClass,
    })
    .from(organizations)
    .leftJoin(companyProfiles, eq(companyProfiles.organizationId, organizations.id))
    .where(inArray(organizations.id, ids));
}

export interface Recipient {
  id: string;
  email: string | null;
  locale: string;
  notificationEmail: 'immediate' | 'daily' | 'off';
}
const recipientColumns = {
  id: users.id,
  email: users.email,
  locale: users.locale,
  notificationEmail: users.notificationEmail,
};
/** The people of an organisation who run its equipment (any role but company), not disabled. */
export async function staffOf(tx: Conn, organizationId: string): Promise<Recipient[]> {
  return tx
    .selectDistinct(recipientColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        ne(memberships.role, 'company'),
        isNull(users.deletedAt),
        isNull(users.disabledAt),
      ),
    );
}
export async function recipientsById(tx: Conn, ids: string[]): Promise<Recipient[]> {
  if (!ids.length) return [];
  return tx
    .select(recipientColumns)
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.deletedAt), isNull(users.disabledAt)));
}

// ---- bookings ----

const bookingColumns = {
  id: bookings.id,
  number: bookings.number,
  equipmentId: bookings.equipmentId,
  equipmentTitle: offers.title,
  ownerOrganizationId: bookings.ownerOrganizationId,
  bookerUserId: bookings.bookerUserId,
  bookerName: users.name,
  bookerOrganizationId: bookings.bookerOrganizationId,
  bookerOrganizationName: organizations.name,
  userCategory: bookings.userCategory,
  start: lowerMs(bookings.during),
  end: upperMs(bookings.during),
  blockedStart: lowerMs(bookings.blocked),
  blockedEnd: upperMs(bookings.blocked),
  state: bookings.state,
  assisted: bookings.assisted,
  purpose: bookings.purpose,
  samples: bookings.samples,
  quote: bookings.quote,
  amountCents: bookings.amountCents,
  expiresAt: bookings.expiresAt,
  decidedBy: bookings.decidedBy,
  decidedByName: sql<string | null>`(select name from users d where d.id = ${bookings.decidedBy})`,
  reason: bookings.reason,
  actualStart: bookings.actualStart,
  actualEnd: bookings.actualEnd,
  sequence: bookings.sequence,
  createdAt: bookings.createdAt,
  updatedAt: bookings.updatedAt,
};
const selectBookings = (tx: Conn) =>
  tx
    .select(bookingColumns)
    .from(bookings)
    .innerJoin(offers, and(eq(offers.type, 'equipment'), eq(offers.id, bookings.equipmentId)))
    .leftJoin(users, eq(users.id, bookings.bookerUserId))
    .leftJoin(organizations, eq(organizations.id, bookings.bookerOrganizationId));

export type BookingRow = NonNullable<Awaited<ReturnType<typeof findBooking>>>;
export async function findBooking(tx: Conn, id: string, lock = false) {
  if (lock) await tx.execute(sql`select 1 from bookings where id = ${id} for update`);
  const [r] = await selectBookings(tx).where(eq(bookings.id, id));
  return r ?? null;
}

export interface BookingFilter {
  /** Bookings by these people or for these organisations. */
  mine?: { userId: string | null; organizations: string[] };
  /** Bookings of these organisations' equipment (all, when empty and `all`). */
  owners?: string[];
  all?: boolean;
  state?: string;
  equipment?: string;
  from?: number;
  to?: number;
}
function bookingWhere(f: BookingFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (!f.all) {
    const who: SQL[] = [];
    if (f.mine?.userId) who.push(eq(bookings.bookerUserId, f.mine.userId));
    if (f.mine?.organizations.length) who.push(inArray(bookings.bookerOrganizationId, f.mine.organizations));
    if (f.owners?.length) who.push(inArray(bookings.ownerOrganizationId, f.owners));
    if (!who.length) return sql`false`;
    conds.push(or(...who));
  }
  if (f.state) conds.push(eq(bookings.state, f.state as never));
  if (f.equipment) conds.push(eq(bookings.equipmentId, f.equipment));
  if (f.from !== undefined || f.to !== undefined)
    conds.push(sql`${bookings.during} && ${range(f.from ?? 0, f.to ?? 7_258_118_400_000)}`);
  return and(...conds);
}
export async function listBookings(tx: Conn, f: BookingFilter, page: { offset: number; limit: number }) {
  const where = bookingWhere(f);
  const rows = await selectBookings(tx)
    .where(where)
    .orderBy(sql`lower(${bookings.during}) desc`, desc(bookings.number))
    .offset(page.offset)
    .limit(page.limit);
  const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(bookings).where(where)) as [{ n: number }];
  return { rows, total: n };
}

/** Active rows (requested, confirmed, blocked) of instruments whose blocked range overlaps [from, to). */
/**
 * Active rows (requested, confirmed, blocked) of instruments whose blocked range overlaps [from, to). Read as plain
 * rows (no ORM mapping): the free-slot search reads thousands of them per call.
 */
export async function activeBlocked(
  tx: Conn,
  ids: string[],
  from: number,
  to: number,
): Promise<{ id: string; equipmentId: string; state: BookingStateValue; start: number; end: number }[]> {
  if (!ids.length) return [];
  const res = (await tx.execute(sql`
    select id, equipment_id as "equipmentId", state,
      (extract(epoch from lower(blocked)) * 1000)::float8 as start, (extract(epoch from upper(blocked)) * 1000)::float8 as "end"
    from bookings
    where equipment_id in (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )}) and state in ('requested', 'confirmed', 'blocked') and blocked && ${range(from, to)}`)) as unknown as {
    rows: { id: string; equipmentId: string; state: BookingStateValue; start: number; end: number }[];
  };
  return res.rows;
}

export async function insertBooking(
  tx: Conn,
  row: Omit<typeof bookings.$inferInsert, 'during' | 'blocked'> & {
    start: number;
    end: number;
    blockedStart: number;
    blockedEnd: number;
  },
) {
  const { start, end, blockedStart, blockedEnd, ...rest } = row;
  const [r] = await tx
    .insert(bookings)
    .values({ ...rest, during: range(start, end) as never, blocked: range(blockedStart, blockedEnd) as never })
    .returning({ id: bookings.id });
  return r!.id;
}
export async function updateBooking(tx: Conn, id: string, set: Partial<typeof bookings.$inferInsert>) {
  await tx
    .update(bookings)
    .set({ ...set, sequence: sql`${bookings.sequence} + 1`, updatedAt: sql`now()` })
    .where(eq(bookings.id, id));
}
export async function insertEvent(tx: Conn, row: typeof bookingEvents.$inferInsert) {
  await tx.insert(bookingEvents).values(row);
}
export async function eventsOf(tx: Conn, id: string) {
  return tx
    .select({
      at: bookingEvents.at,
      kind: bookingEvents.kind,
      fromState: bookingEvents.fromState,
      toState: bookingEvents.toState,
      message: bookingEvents.message,
      actorName: users.name,
    })
    .from(bookingEvents)
    .leftJoin(users, eq(users.id, bookingEvents.actorUserId))
    .where(eq(bookingEvents.bookingId, id))
    .orderBy(asc(bookingEvents.id));
}

/** Pending requests whose time to answer has run out. */
export async function expiredRequests(tx: Conn, now: Date) {
  return tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.state, 'requested'), lte(bookings.expiresAt, now)))
    .limit(500);
}
/** Confirmed bookings starting within the next day that have had no reminder. */
export async function dueReminders(tx: Conn, now: Date, until: Date) {
  return tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.state, 'confirmed'),
        isNull(bookings.remindedAt),
        sql`lower(${bookings.during}) > ${now}`,
        sql`lower(${bookings.during}) <= ${until}`,
      ),
    )
    .limit(500);
}

// ---- usage ----

export async function usage(tx: Conn, owner: string, from: number, to: number, equipment?: string) {
  const res = await tx
    .select({
      category: bookings.userCategory,
      organization: bookings.bookerOrganizationId,
      organizationName: organizations.name,
      bookings: sql<number>`count(*) filter (where ${bookings.state} = 'completed')::int`,
      hours: sql<number>`coalesce(sum(extract(epoch from coalesce(${bookings.actualEnd} - ${bookings.actualStart}, upper(${bookings.during}) - lower(${bookings.during})))) filter (where ${bookings.state} = 'completed'), 0)::float8 / 3600`,
      revenueCents: sql<number>`coalesce(sum(${bookings.amountCents}) filter (where ${bookings.state} = 'completed'), 0)::int`,
      noShows: sql<number>`count(*) filter (where ${bookings.state} = 'no-show')::int`,
    })
    .from(bookings)
    .leftJoin(organizations, eq(organizations.id, bookings.bookerOrganizationId))
    .where(
      and(
        eq(bookings.ownerOrganizationId, owner),
        inArray(bookings.state, ['completed', 'no-show']),
        sql`lower(${bookings.during}) >= to_timestamp(${from / 1000}::float8)`,
        sql`lower(${bookings.during}) < to_timestamp(${to / 1000}::float8)`,
        equipment ? eq(bookings.equipmentId, equipment) : undefined,
      ),
    )
    .groupBy(bookings.userCategory, bookings.bookerOrganizationId, organizations.name)
    .orderBy(asc(bookings.userCategory), asc(organizations.name));
  return res;
}

// ---- calendar feeds ----

export async function feedToken(tx: Conn, userId: string) {
  const [r] = await tx
    .select({ token: calendarFeeds.token })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId));
  return r?.token ?? null;
}
export async function setFeedToken(tx: Conn, userId: string, token: string) {
  await tx
    .insert(calendarFeeds)
    .values({ userId, token })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { token, createdAt: sql`now()` } });
}
export async function feedOwner(tx: Conn, token: string) {
  const [r] = await tx
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.token, token), isNull(users.deletedAt), isNull(users.disabledAt)));
  return r?.userId ?? null;
}
/** A person's own bookings from `from` on (for their feed). */
export async function bookingsOfUser(tx: Conn, userId: string, from: number) {
  return await selectBookings(tx)
    .where(
      and(eq(bookings.bookerUserId, userId), sql`upper(${bookings.during}) > to_timestamp(${from / 1000}::float8)`),
    )
    .orderBy(sql`lower(${bookings.during})`)
    .limit(2000);
}
export async function markReminded(tx: Conn, id: string, at: Date) {
  await tx.update(bookings).set({ remindedAt: at }).where(eq(bookings.id, id));
}
export async function userName(tx: Conn, id: string) {
  const [r] = await tx.select({ name: users.name }).from(users).where(eq(users.id, id));
  return r?.name ?? null;
}
/** The organisations a person belongs to (the demo books for the first). */
export async function membershipsOf(tx: Conn, userId: string) {
  const rows = await tx
    .select({ organizationId: memberships.organizationId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return rows.map((r) => r.organizationId);
}

/**
 * Queues writers of one instrument's bookings for the rest of the transaction. Not a check: the exclusion constraint
 * still decides. Without it, two inserts that overlap may each wait for the other's uncommitted row and end in a
 * deadlock PostgreSQL detects only after deadlock_timeout; with it the second insert meets a committed row and fails
 * at once with 23P01.
 */
export async function queueForInstrument(tx: Tx, equipmentId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(743620, hashtext(${equipmentId}))`);
}
