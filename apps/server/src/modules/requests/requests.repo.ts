import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  memberships,
  networkSettings,
  organizations,
  requestCentres,
  requestEvents,
  requests,
  users,
  type RequestState,
} from '../../db/schema/index.ts';
import type { Actor } from '../../core/actor.ts';
import { centreOrganizations, isNucleus, type RequestFacts } from './requests.rules.ts';

type Conn = Db | Tx;
export type RequestRow = typeof requests.$inferSelect;
export type CentreRow = typeof requestCentres.$inferSelect & { name: string; interestByName: string | null };

export async function insertRequest(tx: Conn, row: typeof requests.$inferInsert): Promise<RequestRow> {
  const [r] = await tx.insert(requests).values(row).returning();
  return r!;
}

export async function countRequests(tx: Conn): Promise<number> {
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(requests);
  return r?.n ?? 0;
}

export async function findRequest(tx: Conn, id: string): Promise<RequestRow | null> {
  const [r] = await tx.select().from(requests).where(eq(requests.id, id));
  return r ?? null;
}

/** Locks the row for the rest of the transaction, so two transitions of one request never interleave. */
export async function lockRequest(tx: Tx, id: string): Promise<RequestRow | null> {
  const [r] = await tx.select().from(requests).where(eq(requests.id, id)).for('update');
  return r ?? null;
}

export async function updateRequest(tx: Conn, id: string, patch: Partial<typeof requests.$inferInsert>) {
  await tx
    .update(requests)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(requests.id, id));
}

export function centresOf(tx: Conn, requestIds: string[]): Promise<CentreRow[]> {
  if (!requestIds.length) return Promise.resolve([]);
  return tx
    .select({
      requestId: requestCentres.requestId,
      organizationId: requestCentres.organizationId,
      invitedAt: requestCentres.invitedAt,
      interestAt: requestCentres.interestAt,
      interestBy: requestCentres.interestBy,
      proposal: requestCentres.proposal,
      aspects: requestCentres.aspects,
      teamRole: requestCentres.teamRole,
      name: sql<string>`coalesce(${organizations.shortName}, ${organizations.name})`,
      interestByName: users.name,
    })
    .from(requestCentres)
    .innerJoin(organizations, eq(organizations.id, requestCentres.organizationId))
    .leftJoin(users, eq(users.id, requestCentres.interestBy))
    .where(inArray(requestCentres.requestId, requestIds))
    .orderBy(asc(requestCentres.organizationId));
}

export async function upsertCentre(
  tx: Conn,
  requestId: string,
  organizationId: string,
  patch: Partial<typeof requestCentres.$inferInsert>,
) {
  await tx
    .insert(requestCentres)
    .values({ requestId, organizationId, ...patch })
    .onConflictDoUpdate({ target: [requestCentres.requestId, requestCentres.organizationId], set: patch });
}

export async function clearTeam(tx: Conn, requestId: string) {
  await tx.update(requestCentres).set({ teamRole: null }).where(eq(requestCentres.requestId, requestId));
}

export async function insertEvent(tx: Conn, e: typeof requestEvents.$inferInsert) {
  await tx.insert(requestEvents).values(e);
}

export function eventsOf(tx: Conn, requestId: string) {
  return tx
    .select({
      at: requestEvents.at,
      kind: requestEvents.kind,
      fromState: requestEvents.fromState,
      toState: requestEvents.toState,
      message: requestEvents.message,
      actorName: users.name,
      organization: requestEvents.actorOrganizationId,
    })
    .from(requestEvents)
    .leftJoin(users, eq(users.id, requestEvents.actorUserId))
    .where(eq(requestEvents.requestId, requestId))
    .orderBy(asc(requestEvents.id));
}

export async function organizationKinds(tx: Conn, ids: string[]): Promise<Map<string, { kind: string; name: string }>> {
  if (!ids.length) return new Map();
  const rows = await tx
    .select({
      id: organizations.id,
      kind: organizations.kind,
      name: sql<string>`coalesce(${organizations.shortName}, ${organizations.name})`,
    })
    .from(organizations)
    .where(and(inArray(organizations.id, ids), isNull(organizations.retiredAt)));
  return new Map(rows.map((r) => [r.id, { kind: r.kind, name: r.name }]));
}

/** The ids of the organisations (not retired) of these kinds. */
export async function organizationsOfKinds(tx: Conn, kinds: string[]): Promise<string[]> {
  const rows = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(inArray(organizations.kind, kinds), isNull(organizations.retiredAt)));
  return rows.map((r) => r.id);
}

// ---- visibility in SQL: the same rules as accessTo() in requests.rules.ts, for lists and counts ----

const orgList = (ids: string[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );

/** Rows the actor sees in full (see accessTo). */
export function fullAccessSql(actor: Actor): SQL {
  if (actor.kind !== 'member') return sql`false`;
  if (isNucleus(actor)) return sql`true`;
  const all = actor.memberships.map((m) => m.organization);
  const mine = centreOrganizations(actor);
  const owner = or(
    actor.userId ? eq(requests.submittedBy, actor.userId) : sql`false`,
    all.length ? sql`${requests.companyOrganizationId} in (${orgList(all)})` : sql`false`,
  )!;
  if (!mine.length && !actor.platformRole) return owner;
  const assigned = mine.length
    ? sql`(${requests.submittedViaOrganizationId} in (${orgList(mine)}) or exists (select 1 from ${requestCentres} rc where rc.request_id = ${requests.id} and rc.organization_id in (${orgList(mine)}) and (rc.invited_at is not null or rc.interest_at is not null or rc.team_role is not null)))`
    : sql`false`;
  const nonConfidential = actor.platformRole ? sql`true` : sql`(${requests.openedAt} is not null or ${assigned})`;
  return sql`(${owner} or (${requests.confidentiality} = 'confidential' and ${assigned}) or (${requests.confidentiality} <> 'confidential' and ${nonConfidential}))`;
}

/** Rows anyone sees as a summary: public requests once the nucleus opened them. */
const summarySql = sql`(${requests.confidentiality} = 'public' and ${requests.openedAt} is not null)`;

export interface ListFilter {
  scope: 'mine' | 'inbox' | 'all';
  sort: 'recent' | 'due';
  state?: RequestState;
  q?: string;
  overdueAt?: Date;
  now: Date;
  offset: number;
  limit: number;
}

export async function listRequests(tx: Conn, actor: Actor, f: ListFilter) {
  const full = fullAccessSql(actor);
  const visible = sql`(${full} or ${summarySql})`;
  const conds: SQL[] = [visible];
  if (actor.kind === 'member' && f.scope === 'mine') {
    const all = actor.memberships.map((m) => m.organization);
    conds.push(
      or(
        actor.userId ? eq(requests.submittedBy, actor.userId) : sql`false`,
        all.length ? sql`${requests.companyOrganizationId} in (${orgList(all)})` : sql`false`,
        all.length ? sql`${requests.submittedViaOrganizationId} in (${orgList(all)})` : sql`false`,
      )!,
    );
  } else if (f.scope === 'mine') {
    conds.push(sql`false`);
  }
  if (f.scope === 'inbox') {
    const mine = centreOrganizations(actor);
    conds.push(isNotNull(requests.openedAt));
    conds.push(
      mine.length
        ? sql`(${requests.state} = 'open' or exists (select 1 from ${requestCentres} rc where rc.request_id = ${requests.id} and rc.organization_id in (${orgList(mine)})))`
        : sql`false`,
    );
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Only the fields the caller may read are searched: a summary reader never finds a request by its description.
    conds.push(
      sql`(${requests.title} ilike ${like} or ${requests.summary} ilike ${like} or (${full} and (${requests.description} ilike ${like} or ${requests.desiredOutcome} ilike ${like} or ${requests.companyName} ilike ${like})))`,
    );
  }
  const base = and(...conds)!;
  const where = and(
    base,
    f.state ? eq(requests.state, f.state) : undefined,
    f.overdueAt ? sql`${requests.dueAt} < ${f.overdueAt.toISOString()}` : undefined,
  )!;
  const rows = await tx
    .select()
    .from(requests)
    .where(where)
    .orderBy(
      ...(f.sort === 'due' ? [sql`${requests.dueAt} asc nulls last`] : []),
      desc(requests.submittedAt),
      desc(requests.number),
    )
    .limit(f.limit)
    .offset(f.offset);
  const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(requests).where(where)) as [
    { total: number },
  ];
  // Counts per state and overdue, over everything visible, in one pass.
  const byStateRows = await tx
    .select({
      state: requests.state,
      n: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${requests.dueAt} < ${f.now.toISOString()}))::int`,
    })
    .from(requests)
    .where(base)
    .groupBy(requests.state);
  const overdue = byStateRows.reduce((s, r) => s + r.overdue, 0);
  return { rows, total, byState: Object.fromEntries(byStateRows.map((r) => [r.state, r.n])), overdue };
}

export function toFacts(r: RequestRow, centres: CentreRow[]): RequestFacts {
  return {
    state: r.state,
    confidentiality: r.confidentiality,
    companyOrganizationId: r.companyOrganizationId,
    submittedBy: r.submittedBy,
    submittedViaOrganizationId: r.submittedViaOrganizationId,
    openedAt: r.openedAt,
    rating: r.rating,
    centres: centres
      .filter((c) => c.requestId === r.id)
      .map((c) => ({
        organizationId: c.organizationId,
        invited: !!c.invitedAt,
        interested: !!c.interestAt,
        teamRole: c.teamRole,
      })),
  };
}

// ---- people to notify ----

export interface Recipient {
  id: string;
  email: string | null;
  name: string | null;
  locale: string;
  notificationEmail: 'immediate' | 'daily' | 'off';
  platformRole: 'admin' | 'region' | null;
  memberships: { organization: string; role: (typeof memberships.$inferSelect)['role'] }[];
}

/** Live accounts with a membership in one of `organizations` or with one of `roles` anywhere. */
export async function usersFor(
  tx: Conn,
  who: { organizations?: string[]; roles?: string[]; userIds?: string[] },
): Promise<Recipient[]> {
  const conds: SQL[] = [];
  if (who.organizations?.length) conds.push(inArray(memberships.organizationId, who.organizations));
  if (who.roles?.length) conds.push(inArray(memberships.role, who.roles as never));
  const idsFromMemberships = conds.length
    ? (
        await tx
          .selectDistinct({ id: memberships.userId })
          .from(memberships)
          .where(or(...conds))
      ).map((r) => r.id)
    : [];
  const ids = [...new Set([...idsFromMemberships, ...(who.userIds ?? [])])];
  if (!ids.length) return [];
  const us = await tx
    .select()
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.deletedAt), ne(sql`coalesce(${users.email}, '')`, '')));
  const ms = await tx.select().from(memberships).where(inArray(memberships.userId, ids));
  return us.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    locale: u.locale,
    notificationEmail: u.notificationEmail,
    platformRole: u.platformRole,
    memberships: ms.filter((m) => m.userId === u.id).map((m) => ({ organization: m.organizationId, role: m.role })),
  }));
}

/**
 * Requests past their due date whose reminder has not gone out since they became due (or more than a day ago), locked
 * for the caller's transaction: a parallel run skips them, and once marked they no longer match.
 */
export function overdueRequests(tx: Conn, now: Date) {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  return tx
    .select()
    .from(requests)
    .where(
      and(
        sql`${requests.dueAt} < ${now.toISOString()}`,
        or(isNull(requests.reminderSentAt), sql`${requests.reminderSentAt} < ${dayAgo.toISOString()}`),
      ),
    )
    .orderBy(asc(requests.dueAt))
    .limit(200)
    .for('update', { skipLocked: true });
}

// ---- settings ----

export async function getSetting<T>(tx: Conn, key: string): Promise<T | null> {
  const [row] = await tx.select().from(networkSettings).where(eq(networkSettings.key, key));
  return (row?.value as T) ?? null;
}
export async function putSetting(tx: Conn, key: string, value: unknown) {
  await tx
    .insert(networkSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: networkSettings.key, set: { value, updatedAt: sql`now()` } });
}
