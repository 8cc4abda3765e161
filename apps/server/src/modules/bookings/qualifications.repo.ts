import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { bookingPolicies, qualificationGrants, qualifications, users } from '../../db/schema/index.ts';

type Conn = Db | Tx;

// ---- qualifications ----

export type QualificationRow = typeof qualifications.$inferSelect;
export async function listQualifications(tx: Conn, organization?: string): Promise<QualificationRow[]> {
  return tx
    .select()
    .from(qualifications)
    .where(organization ? eq(qualifications.organizationId, organization) : undefined)
    .orderBy(asc(qualifications.organizationId), asc(qualifications.createdAt));
}
export async function findQualification(tx: Conn, id: string): Promise<QualificationRow | null> {
  const [r] = await tx.select().from(qualifications).where(eq(qualifications.id, id));
  return r ?? null;
}
export async function insertQualification(tx: Conn, row: typeof qualifications.$inferInsert) {
  const [r] = await tx.insert(qualifications).values(row).returning();
  return r!;
}
export async function updateQualification(tx: Conn, id: string, set: Partial<typeof qualifications.$inferInsert>) {
  const [r] = await tx.update(qualifications).set(set).where(eq(qualifications.id, id)).returning();
  return r!;
}
/** Equipment ids whose policy requires each qualification. */
export async function equipmentRequiring(tx: Conn, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ qualificationId: bookingPolicies.qualificationId, equipmentId: bookingPolicies.equipmentId })
    .from(bookingPolicies)
    .where(inArray(bookingPolicies.qualificationId, ids));
}

const grantColumns = {
  id: qualificationGrants.id,
  qualificationId: qualificationGrants.qualificationId,
  userId: qualificationGrants.userId,
  userName: users.name,
  userEmail: users.email,
  source: qualificationGrants.source,
  eventId: qualificationGrants.eventId,
  grantedAt: qualificationGrants.grantedAt,
  grantedBy: qualificationGrants.grantedBy,
  validUntil: qualificationGrants.validUntil,
  revokedAt: qualificationGrants.revokedAt,
  revokeReason: qualificationGrants.revokeReason,
};
export type GrantRow = {
  id: string;
  qualificationId: string;
  userId: string;
  userName: string | null;
  userEmail: string | null;
  source: 'manual' | 'event';
  eventId: string | null;
  grantedAt: Date;
  grantedBy: string | null;
  validUntil: string | null;
  revokedAt: Date | null;
  revokeReason: string | null;
};
export async function grants(
  tx: Conn,
  filter: { qualificationId?: string; userId?: string; id?: string },
): Promise<GrantRow[]> {
  return tx
    .select(grantColumns)
    .from(qualificationGrants)
    .innerJoin(users, eq(users.id, qualificationGrants.userId))
    .where(
      and(
        filter.qualificationId ? eq(qualificationGrants.qualificationId, filter.qualificationId) : undefined,
        filter.userId ? eq(qualificationGrants.userId, filter.userId) : undefined,
        filter.id ? eq(qualificationGrants.id, filter.id) : undefined,
      ),
    )
    .orderBy(desc(qualificationGrants.grantedAt));
}
export async function insertGrant(tx: Conn, row: typeof qualificationGrants.$inferInsert) {
  const [r] = await tx.insert(qualificationGrants).values(row).returning({ id: qualificationGrants.id });
  return r!.id;
}
export async function revokeGrant(tx: Conn, id: string, by: string | null, reason: string) {
  await tx
    .update(qualificationGrants)
    .set({ revokedAt: sql`now()`, revokedBy: by, revokeReason: reason })
    .where(eq(qualificationGrants.id, id));
}
/** Whether the person holds the qualification, not revoked and valid through `day` (YYYY-MM-DD). */
export async function holdsQualification(tx: Conn, userId: string, qualificationId: string, day: string) {
  const [r] = await tx
    .select({ id: qualificationGrants.id })
    .from(qualificationGrants)
    .where(
      and(
        eq(qualificationGrants.userId, userId),
        eq(qualificationGrants.qualificationId, qualificationId),
        isNull(qualificationGrants.revokedAt),
        or(isNull(qualificationGrants.validUntil), sql`${qualificationGrants.validUntil} >= ${day}::date`),
      ),
    )
    .limit(1);
  return !!r;
}
export async function findUserByEmail(tx: Conn, email: string) {
  const [r] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), isNull(users.deletedAt)));
  return r ?? null;
}
export async function userExists(tx: Conn, id: string) {
  const [r] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)));
  return !!r;
}
