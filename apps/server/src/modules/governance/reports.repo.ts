import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { memberships, reportComments, reportSignatures, users, verificationReports } from '../../db/schema/index.ts';

type Conn = Db | Tx;
export type ReportRow = typeof verificationReports.$inferSelect;
export type CommentRow = typeof reportComments.$inferSelect & { authorName: string | null };
export type SignatureRow = typeof reportSignatures.$inferSelect;

export async function insertReport(db: Conn, row: typeof verificationReports.$inferInsert) {
  return (await db.insert(verificationReports).values(row).returning())[0]!;
}
export async function findReport(db: Conn, id: string) {
  return (await db.select().from(verificationReports).where(eq(verificationReports.id, id)))[0] ?? null;
}
export async function lockReport(tx: Tx, id: string) {
  return (await tx.select().from(verificationReports).where(eq(verificationReports.id, id)).for('update'))[0] ?? null;
}
export async function updateReport(db: Conn, id: string, set: Partial<typeof verificationReports.$inferInsert>) {
  await db
    .update(verificationReports)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(verificationReports.id, id));
}
/** The one change a signed revision allows (the database checks it): its state becomes `reopened`, nothing else. */
export async function markReopened(db: Conn, id: string) {
  await db.update(verificationReports).set({ state: 'reopened' }).where(eq(verificationReports.id, id));
}
/** The latest revision of the report of exactly this period, if any. */
export async function latestForPeriod(db: Conn, from: string, to: string) {
  return (
    (
      await db
        .select()
        .from(verificationReports)
        .where(and(eq(verificationReports.periodFrom, from), eq(verificationReports.periodTo, to)))
        .orderBy(desc(verificationReports.revision))
        .limit(1)
    )[0] ?? null
  );
}
export async function listReports(db: Conn, limit: number, offset: number) {
  const items = await db
    .select()
    .from(verificationReports)
    .orderBy(desc(verificationReports.periodFrom), desc(verificationReports.revision))
    .limit(limit)
    .offset(offset);
  const [{ n }] = (await db.select({ n: count() }).from(verificationReports)) as [{ n: number }];
  return { items, total: Number(n) };
}

export function commentsOf(db: Conn, reportId: string): Promise<CommentRow[]> {
  return db
    .select({
      reportId: reportComments.reportId,
      organizationId: reportComments.organizationId,
      comment: reportComments.comment,
      authorId: reportComments.authorId,
      updatedAt: reportComments.updatedAt,
      authorName: users.name,
    })
    .from(reportComments)
    .leftJoin(users, eq(users.id, reportComments.authorId))
    .where(eq(reportComments.reportId, reportId))
    .orderBy(asc(reportComments.organizationId));
}
export async function putComment(db: Conn, row: typeof reportComments.$inferInsert) {
  await db
    .insert(reportComments)
    .values(row)
    .onConflictDoUpdate({
      target: [reportComments.reportId, reportComments.organizationId],
      set: { comment: row.comment, authorId: row.authorId, updatedAt: new Date() },
    });
}
export async function copyComments(db: Conn, fromReport: string, toReport: string) {
  await db.execute(sql`insert into report_comments (report_id, organization_id, comment, author_id, updated_at)
    select ${toReport}, organization_id, comment, author_id, updated_at from report_comments where report_id = ${fromReport}`);
}

export function signaturesOf(db: Conn, reportId: string) {
  return db
    .select()
    .from(reportSignatures)
    .where(eq(reportSignatures.reportId, reportId))
    .orderBy(asc(reportSignatures.position));
}
export async function insertSlots(db: Conn, rows: (typeof reportSignatures.$inferInsert)[]) {
  if (rows.length) await db.insert(reportSignatures).values(rows);
}
export async function sign(
  db: Conn,
  reportId: string,
  position: number,
  userId: string | null,
  name: string,
  at: Date,
) {
  await db
    .update(reportSignatures)
    .set({ signedBy: userId, signerName: name, signedAt: at })
    .where(and(eq(reportSignatures.reportId, reportId), eq(reportSignatures.position, position)));
}
export async function userName(db: Conn, id: string | null) {
  if (!id) return null;
  return (await db.select({ name: users.name }).from(users).where(eq(users.id, id)))[0]?.name ?? null;
}

/** Who may hold a signature slot, as the notifications module wants them: the centre's nucleus member, or the Region's officers. */
export async function slotHolders(db: Conn, slot: Pick<SignatureRow, 'organizationId' | 'role'>) {
  const person = { id: users.id, email: users.email, locale: users.locale, notificationEmail: users.notificationEmail };
  const live = and(isNull(users.deletedAt), isNull(users.disabledAt));
  if (slot.role === 'region')
    return db
      .select(person)
      .from(users)
      .where(and(eq(users.platformRole, 'region'), live));
  return db
    .select(person)
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.organizationId, slot.organizationId), eq(memberships.role, 'nucleus'), live));
}
