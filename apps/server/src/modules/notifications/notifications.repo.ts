import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { jobRuns, mailOutbox, notifications, users, type MailAttachment } from '../../db/schema/index.ts';

type Conn = Db | Tx;

export async function insertNotifications(tx: Conn, rows: (typeof notifications.$inferInsert)[]) {
  if (!rows.length) return [];
  return tx.insert(notifications).values(rows).returning({ id: notifications.id });
}

export function listForUser(tx: Conn, userId: string, limit: number) {
  return tx
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(limit);
}

export async function unreadCount(tx: Conn, userId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return r?.n ?? 0;
}

export async function markRead(tx: Conn, userId: string, ids: number[] | 'all') {
  const where =
    ids === 'all'
      ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
      : and(eq(notifications.userId, userId), inArray(notifications.id, ids), isNull(notifications.readAt));
  await tx.update(notifications).set({ readAt: sql`now()` }).where(where);
}

export async function markEmailed(tx: Conn, ids: number[]) {
  if (ids.length) await tx.update(notifications).set({ emailedAt: sql`now()` }).where(inArray(notifications.id, ids));
}

/** Notifications still waiting for the daily digest, with their recipient, locked (a parallel digest skips them). */
export function pendingDigest(tx: Conn, before: Date) {
  return tx
    .select({
      id: notifications.id,
      userId: notifications.userId,
      at: notifications.at,
      kind: notifications.kind,
      requestId: notifications.requestId,
      params: notifications.params,
      email: users.email,
      locale: users.locale,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        isNull(notifications.emailedAt),
        lte(notifications.at, before),
        eq(users.notificationEmail, 'daily'),
        isNull(users.deletedAt),
      ),
    )
    .orderBy(asc(notifications.userId), asc(notifications.id))
    .for('update', { of: notifications, skipLocked: true });
}

export async function setEmailPreference(tx: Conn, userId: string, email: 'immediate' | 'daily' | 'off') {
  await tx.update(users).set({ notificationEmail: email, updatedAt: sql`now()` }).where(eq(users.id, userId));
}
export async function getEmailPreference(tx: Conn, userId: string) {
  const [r] = await tx.select({ email: users.notificationEmail }).from(users).where(eq(users.id, userId));
  return r?.email ?? 'immediate';
}

// ---- the outbox ----

export async function enqueueMail(
  tx: Conn,
  mails: {
    to: string;
    subject: string;
    body: string;
    headers?: Record<string, string>;
    attachments?: MailAttachment[];
  }[],
) {
  if (mails.length) await tx.insert(mailOutbox).values(mails);
}

/** Claims up to `limit` due messages for one minute; another process skips them (SKIP LOCKED). */
export async function claimMail(tx: Conn, limit: number) {
  const res = await tx.execute(sql`
    update mail_outbox set locked_until = now() + interval '1 minute', attempts = attempts + 1
    where id in (
      select id from mail_outbox
      where sent_at is null and next_attempt_at <= now() and (locked_until is null or locked_until < now())
      order by id limit ${limit} for update skip locked)
    returning id, "to", subject, body, headers, attachments, attempts`);
  return (
    res as unknown as {
      rows: {
        id: number | string;
        to: string;
        subject: string;
        body: string;
        headers: Record<string, string> | null;
        attachments: MailAttachment[] | null;
        attempts: number;
      }[];
    }
  ).rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function markMailSent(tx: Conn, id: number) {
  await tx
    .update(mailOutbox)
    .set({ sentAt: sql`now()`, lockedUntil: null, lastError: null })
    .where(eq(mailOutbox.id, id));
}
export async function markMailFailed(tx: Conn, id: number, error: string, retryAt: Date) {
  await tx
    .update(mailOutbox)
    .set({ lockedUntil: null, lastError: error.slice(0, 1000), nextAttemptAt: retryAt })
    .where(eq(mailOutbox.id, id));
}

/**
 * Claims a periodic job: true (and the run recorded) when it last ran before `notAfter`, false when another process
 * already ran it since.
 */
export async function claimJob(tx: Conn, name: string, now: Date, notAfter: Date): Promise<boolean> {
  const res = await tx
    .insert(jobRuns)
    .values({ name, lastRunAt: now })
    .onConflictDoUpdate({
      target: jobRuns.name,
      set: { lastRunAt: now },
      setWhere: sql`${jobRuns.lastRunAt} < ${notAfter.toISOString()}`,
    })
    .returning({ name: jobRuns.name });
  return res.length > 0;
}
