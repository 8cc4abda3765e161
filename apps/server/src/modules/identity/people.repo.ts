import { and, asc, count, desc, eq, exists, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  apiTokens,
  auditLog,
  memberships,
  oneTimeTokens,
  organizations,
  sessions,
  users,
  type PlatformRole,
} from '../../db/schema/index.ts';

type Conn = Db | Tx;

export interface PeopleFilter {
  q?: string;
  organization?: string;
  role?: string;
  status?: 'active' | 'disabled' | 'unverified';
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function peopleWhere(f: PeopleFilter): SQL {
  const conds: (SQL | undefined)[] = [isNull(users.deletedAt)];
  if (f.q) {
    const pattern = `%${escapeLike(f.q.trim())}%`;
    conds.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  const membership = (extra: SQL | undefined) =>
    exists(
      sql`(select 1 from ${memberships} where ${memberships.userId} = ${users.id}${extra ? sql` and ${extra}` : sql``})`,
    );
  const isPlatformRole = f.role === 'admin' || f.role === 'region';
  if (isPlatformRole) conds.push(eq(users.platformRole, f.role as PlatformRole));
  if (f.organization && f.role && !isPlatformRole)
    conds.push(membership(sql`${memberships.organizationId} = ${f.organization} and ${memberships.role} = ${f.role}`));
  else if (f.organization) conds.push(membership(sql`${memberships.organizationId} = ${f.organization}`));
  else if (f.role && !isPlatformRole) conds.push(membership(sql`${memberships.role} = ${f.role}`));
  if (f.status === 'disabled') conds.push(isNotNull(users.disabledAt));
  if (f.status === 'active') conds.push(isNull(users.disabledAt), isNotNull(users.emailVerifiedAt));
  if (f.status === 'unverified') conds.push(isNull(users.disabledAt), isNull(users.emailVerifiedAt));
  return and(...conds)!;
}

const personColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  platformRole: users.platformRole,
  emailVerifiedAt: users.emailVerifiedAt,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
  // Written out: inside a select list drizzle leaves columns unqualified, which a correlated subquery cannot use.
  lastSeenAt: sql<Date | string | null>`(select max(s.last_seen_at) from sessions s where s.user_id = "users"."id")`,
};

/** One page of people matching the filter, by name, with the total. */
export async function searchPeople(tx: Conn, f: PeopleFilter, page: { offset: number; limit: number }) {
  const where = peopleWhere(f);
  const [rows, [total]] = await Promise.all([
    tx
      .select(personColumns)
      .from(users)
      .where(where)
      .orderBy(asc(sql`lower(coalesce(${users.name}, ''))`), asc(users.email))
      .limit(page.limit)
      .offset(page.offset),
    tx.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findPerson(tx: Conn, id: string) {
  const [row] = await tx
    .select(personColumns)
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)));
  return row ?? null;
}

/** Memberships of these people, with each organisation's name. */
export function membershipsOf(tx: Conn, userIds: string[]) {
  return tx
    .select({
      userId: memberships.userId,
      organization: memberships.organizationId,
      organizationName: organizations.name,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(inArray(memberships.userId, userIds.length ? userIds : ['00000000-0000-0000-0000-000000000000']))
    .orderBy(asc(organizations.name));
}

export async function findMembership(tx: Conn, userId: string, organizationId: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)));
  return row ?? null;
}
export async function removeMembership(tx: Conn, userId: string, organizationId: string) {
  await tx
    .delete(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)));
}
export async function setPlatformRole(tx: Conn, userId: string, role: PlatformRole | null) {
  await tx.update(users).set({ platformRole: role, updatedAt: sql`now()` }).where(eq(users.id, userId));
}
export async function organizationExists(tx: Conn, id: string) {
  const [row] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, id), isNull(organizations.retiredAt)));
  return !!row;
}

/** Disables (or re-enables) an account; disabling ends its sessions and revokes the API tokens it created, at once. */
export async function setDisabled(tx: Conn, userId: string, disabled: boolean) {
  await tx
    .update(users)
    .set({ disabledAt: disabled ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
  if (!disabled) return { sessions: 0, tokens: 0 };
  const s = await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  const t = await tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.createdBy, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return { sessions: s.length, tokens: t.length };
}

/** The audit entries about a person: their account, roles and memberships; newest first. */
export function auditAbout(tx: Conn, userId: string, limit: number) {
  return tx
    .select({
      at: auditLog.at,
      action: auditLog.action,
      organizationId: auditLog.organizationId,
      before: auditLog.before,
      after: auditLog.after,
      actorUserId: auditLog.actorUserId,
      actorTokenId: auditLog.actorTokenId,
      actorLabel: auditLog.actorLabel,
      actorName: sql<string | null>`(select u.name from users u where u.id = "audit_log"."actor_user_id")`,
    })
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, userId)),
        and(eq(auditLog.entityType, 'membership'), sql`${auditLog.entityId} like ${`${userId}:%`}`),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** Invitations not yet accepted (live or expired), newest first; `email` narrows to one address. */
export function pendingInvitations(tx: Conn, email?: string) {
  return tx
    .select({
      id: oneTimeTokens.id,
      email: oneTimeTokens.email,
      organization: oneTimeTokens.organizationId,
      role: oneTimeTokens.role,
      createdBy: oneTimeTokens.createdBy,
      invitedByName: users.name,
      createdAt: oneTimeTokens.createdAt,
      expiresAt: oneTimeTokens.expiresAt,
    })
    .from(oneTimeTokens)
    .leftJoin(users, eq(users.id, oneTimeTokens.createdBy))
    .where(
      and(
        eq(oneTimeTokens.purpose, 'invitation'),
        isNull(oneTimeTokens.usedAt),
        email ? eq(oneTimeTokens.email, email) : undefined,
      ),
    )
    .orderBy(desc(oneTimeTokens.createdAt))
    .limit(200);
}
export async function findPendingInvitation(tx: Conn, id: string) {
  const [row] = await tx
    .select()
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.id, id), eq(oneTimeTokens.purpose, 'invitation'), isNull(oneTimeTokens.usedAt)));
  return row ?? null;
}
