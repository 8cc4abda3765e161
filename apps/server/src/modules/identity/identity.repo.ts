import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  apiTokens,
  auditLog,
  authFailures,
  memberships,
  notifications,
  oidcIdentities,
  oneTimeTokens,
  requests,
  sessions,
  users,
  type MembershipRole,
  type PlatformRole,
} from '../../db/schema/index.ts';

type Conn = Db | Tx;

export async function insertUser(
  tx: Conn,
  u: { email: string; name: string; passwordHash: string | null; platformRole: PlatformRole | null; verified: boolean },
) {
  const [row] = await tx
    .insert(users)
    .values({
      email: u.email,
      name: u.name,
      passwordHash: u.passwordHash,
      platformRole: u.platformRole,
      emailVerifiedAt: u.verified ? sql`now()` : null,
    })
    .returning();
  return row!;
}
export async function findUserByEmail(tx: Conn, email: string) {
  const [row] = await tx
    .select()
    .from(users)
    .where(and(eq(users.email, email), isNull(users.deletedAt)));
  return row ?? null;
}
export async function findUserById(tx: Conn, id: string) {
  const [row] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)));
  return row ?? null;
}
export async function addMembership(tx: Conn, userId: string, organizationId: string, role: MembershipRole) {
  await tx
    .insert(memberships)
    .values({ userId, organizationId, role })
    .onConflictDoUpdate({ target: [memberships.userId, memberships.organizationId], set: { role } });
}
export function listMemberships(tx: Conn, userId: string) {
  return tx
    .select({ organization: memberships.organizationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
}

export async function insertSession(
  tx: Conn,
  s: { id: string; userId: string; csrfToken: string; expiresAt: Date; userAgent: string | null },
) {
  await tx.insert(sessions).values(s);
}
export async function findLiveSession(tx: Conn, id: string) {
  const [row] = await tx
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)));
  return row ?? null;
}
export async function touchSession(tx: Conn, id: string) {
  await tx.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
}
export async function revokeSession(tx: Conn, id: string) {
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}
/** Revokes every live session of a user, except `keep` when given. */
export async function revokeUserSessions(tx: Conn, userId: string, keep?: string) {
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep ? sql`${sessions.id} <> ${keep}` : sql`true`),
    );
}
export async function setPassword(tx: Conn, userId: string, passwordHash: string) {
  await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

/** Counts a failure for a key within a sliding window; returns the count and when the window started. */
export async function recordAuthFailure(tx: Conn, key: string, windowSeconds: number) {
  const rows = await tx.execute(sql`
    insert into auth_failures (key, count, window_start) values (${key}, 1, now())
    on conflict (key) do update set
      count = case when auth_failures.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else auth_failures.count + 1 end,
      window_start = case when auth_failures.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else auth_failures.window_start end
    returning count, extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now()))::int as retry_after`);
  const r = (rows as unknown as { rows: { count: number; retry_after: number }[] }).rows[0]!;
  return { count: Number(r.count), retryAfter: Math.max(1, Number(r.retry_after)) };
}
export async function readAuthFailures(tx: Conn, key: string, windowSeconds: number) {
  const rows = await tx.execute(sql`
    select count, extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now()))::int as retry_after
    from auth_failures where key = ${key} and window_start >= now() - make_interval(secs => ${windowSeconds})`);
  const r = (rows as unknown as { rows: { count: number; retry_after: number }[] }).rows[0];
  return r ? { count: Number(r.count), retryAfter: Math.max(1, Number(r.retry_after)) } : { count: 0, retryAfter: 0 };
}
export async function clearAuthFailures(tx: Conn, key: string) {
  await tx.delete(authFailures).where(eq(authFailures.key, key));
}

export async function appendAudit(tx: Conn, e: typeof auditLog.$inferInsert) {
  await tx.insert(auditLog).values(e);
}
export function auditFor(tx: Conn, entityType: string, entityId: string) {
  return tx
    .select({
      at: auditLog.at,
      action: auditLog.action,
      actorUserId: auditLog.actorUserId,
      actorTokenId: auditLog.actorTokenId,
      actorName: users.name,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.id);
}

export async function insertApiToken(
  tx: Conn,
  t: {
    tokenHash: string;
    name: string;
    organizationId: string;
    role: MembershipRole;
    createdBy: string | null;
    expiresAt: Date;
  },
) {
  const [row] = await tx.insert(apiTokens).values(t).returning();
  return row!;
}
export async function findLiveApiToken(tx: Conn, tokenHash: string) {
  const [row] = await tx
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, sql`now()`)));
  return row ?? null;
}
export function listApiTokens(tx: Conn, organizationIds: string[] | null) {
  const q = tx
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      organizationId: apiTokens.organizationId,
      role: apiTokens.role,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens);
  return organizationIds
    ? q.where(inArray(apiTokens.organizationId, organizationIds.length ? organizationIds : ['']))
    : q;
}
export async function findApiToken(tx: Conn, id: string) {
  const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row ?? null;
}
export async function revokeApiToken(tx: Conn, id: string) {
  await tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
}
export async function touchApiToken(tx: Conn, id: string) {
  await tx.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, id));
}

export async function insertOneTimeToken(tx: Conn, t: typeof oneTimeTokens.$inferInsert) {
  await tx.insert(oneTimeTokens).values(t);
}
export async function findUsableOneTimeToken(tx: Conn, id: string, purpose: string) {
  const [row] = await tx
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.id, id),
        eq(oneTimeTokens.purpose, purpose as never),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, sql`now()`),
      ),
    );
  return row ?? null;
}
/** Marks a token used; false when someone used it first (the update is the race's referee). */
export async function consumeOneTimeToken(tx: Conn, id: string): Promise<boolean> {
  const rows = await tx
    .update(oneTimeTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(oneTimeTokens.id, id), isNull(oneTimeTokens.usedAt)))
    .returning({ id: oneTimeTokens.id });
  return rows.length === 1;
}
export async function markEmailVerified(tx: Conn, userId: string) {
  await tx.update(users).set({ emailVerifiedAt: sql`coalesce(email_verified_at, now())` }).where(eq(users.id, userId));
}

export async function findUserByOidc(tx: Conn, issuer: string, subject: string) {
  const [row] = await tx
    .select({ userId: oidcIdentities.userId })
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.issuer, issuer), eq(oidcIdentities.subject, subject)));
  return row ? findUserById(tx, row.userId) : null;
}
export async function linkOidc(tx: Conn, issuer: string, subject: string, userId: string) {
  await tx.insert(oidcIdentities).values({ issuer, subject, userId }).onConflictDoNothing();
}

/** Everything stored about a person, for their own download. */
export async function personalData(tx: Conn, userId: string) {
  const [user] = await tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      platformRole: users.platformRole,
      emailVerifiedAt: users.emailVerifiedAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  const [member, sess, ids, tokens, audit, submitted, notes] = await Promise.all([
    tx.select().from(memberships).where(eq(memberships.userId, userId)),
    tx
      .select({
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        revokedAt: sessions.revokedAt,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(eq(sessions.userId, userId)),
    tx
      .select({ issuer: oidcIdentities.issuer, subject: oidcIdentities.subject, createdAt: oidcIdentities.createdAt })
      .from(oidcIdentities)
      .where(eq(oidcIdentities.userId, userId)),
    tx
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        organizationId: apiTokens.organizationId,
        role: apiTokens.role,
        createdAt: apiTokens.createdAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .where(eq(apiTokens.createdBy, userId)),
    tx
      .select({
        at: auditLog.at,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
      })
      .from(auditLog)
      .where(eq(auditLog.actorUserId, userId))
      .orderBy(auditLog.id),
    tx
      .select({
        id: requests.id,
        title: requests.title,
        state: requests.state,
        submittedAt: requests.submittedAt,
        contactEmail: requests.contactEmail,
      })
      .from(requests)
      .where(eq(requests.submittedBy, userId)),
    tx
      .select({
        at: notifications.at,
        kind: notifications.kind,
        requestId: notifications.requestId,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(notifications.id),
  ]);
  return {
    user,
    memberships: member,
    sessions: sess,
    singleSignOn: ids,
    apiTokensCreated: tokens,
    changes: audit,
    requestsSubmitted: submitted,
    notifications: notes,
  };
}

/** Erases a person's personal data; their id stays on the records and audit entries they made, now anonymous. */
export async function eraseUser(tx: Conn, userId: string) {
  await tx
    .update(users)
    .set({ email: null, name: null, passwordHash: null, deletedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
  await tx.delete(memberships).where(eq(memberships.userId, userId));
  await tx.delete(notifications).where(eq(notifications.userId, userId));
  await tx.delete(oidcIdentities).where(eq(oidcIdentities.userId, userId));
  await tx.update(sessions).set({ revokedAt: sql`now()`, userAgent: null }).where(eq(sessions.userId, userId));
  await tx
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(revoked_at, now())` })
    .where(eq(apiTokens.createdBy, userId));
  await tx.delete(oneTimeTokens).where(eq(oneTimeTokens.userId, userId));
}
