import type { Db, Tx } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { Mailer } from '../../core/mailer.ts';
import * as repo from './notifications.repo.ts';
import { digestMail, eventMail } from './notifications.messages.ts';

export interface NotifyTarget {
  id: string;
  email: string | null;
  locale: string;
  notificationEmail: 'immediate' | 'daily' | 'off';
}
export interface NotifyEvent {
  kind: string;
  requestId: string | null;
  /** A booking the event is about (its link is in `params.path`). */
  bookingId?: string;
  params: Record<string, string>;
  /** Send the e-mail now whatever the recipient's preference (a decision the company must receive). */
  urgent?: boolean;
}

const lang = (l: string) => (l === 'en' ? 'en' : 'it');

/**
 * Records an event for each recipient in the app and, in the same transaction, queues the e-mail copy for those who
 * want each event by mail; daily-digest readers get it with the next digest.
 */
export async function notify(tx: Db | Tx, publicUrl: string, event: NotifyEvent, recipients: NotifyTarget[]) {
  const unique = [...new Map(recipients.map((r) => [r.id, r])).values()];
  const mails: { to: string; subject: string; body: string }[] = [];
  const rows = unique.map((r) => {
    const mailNow = !!r.email && (r.notificationEmail === 'immediate' || event.urgent === true);
    if (mailNow)
      mails.push({ to: r.email!, ...eventMail(event.kind, event.params, lang(r.locale), publicUrl, event.requestId) });
    const digestLater = !mailNow && !!r.email && r.notificationEmail === 'daily';
    return {
      userId: r.id,
      kind: event.kind,
      requestId: event.requestId,
      bookingId: event.bookingId ?? null,
      params: event.params,
      emailedAt: digestLater ? null : new Date(),
    };
  });
  await repo.insertNotifications(tx, rows);
  await repo.enqueueMail(tx, mails);
  return unique.length;
}

function requireUser(actor: Actor) {
  if (actor.kind !== 'member' || !actor.userId)
    throw new AppError('UNAUTHENTICATED', 'Sign in to see your notifications');
  return actor.userId;
}

export async function listNotifications(db: Db, actor: Actor, limit = 50) {
  const userId = requireUser(actor);
  const rows = await repo.listForUser(db, userId, limit);
  return {
    items: rows.map((n) => ({
      id: n.id,
      at: n.at.toISOString(),
      kind: n.kind,
      request: n.requestId,
      params: n.params,
      read: !!n.readAt,
    })),
    unread: await repo.unreadCount(db, userId),
  };
}

export async function markNotificationsRead(db: Db, actor: Actor, ids: number[] | 'all') {
  const userId = requireUser(actor);
  await repo.markRead(db, userId, ids);
  return { unread: await repo.unreadCount(db, userId) };
}

export async function emailPreference(db: Db, actor: Actor) {
  return { email: await repo.getEmailPreference(db, requireUser(actor)) };
}
export async function setEmailPreference(db: Db, actor: Actor, email: 'immediate' | 'daily' | 'off') {
  await repo.setEmailPreference(db, requireUser(actor), email);
  return { email };
}

// ---- delivery ----

const MAX_ATTEMPTS = 10;

/** Sends due messages from the outbox; failures are retried with a growing delay (1, 2, 4… minutes, at most 6 hours). */
export async function deliverOutbox(db: Db, mailer: Mailer, limit = 50) {
  const claimed = await repo.claimMail(db, limit);
  let sent = 0,
    failed = 0;
  // The batch goes out in parallel over the mailer's pooled connections; each result is recorded on its own.
  const results = await Promise.allSettled(
    claimed.map((m) => mailer.send({ to: m.to, subject: m.subject, text: m.body })),
  );
  for (const [i, r] of results.entries()) {
    const m = claimed[i]!;
    if (r.status === 'fulfilled') {
      await repo.markMailSent(db, m.id);
      sent++;
    } else {
      failed++;
      const minutes = m.attempts >= MAX_ATTEMPTS ? 60 * 24 * 365 * 100 : Math.min(2 ** (m.attempts - 1), 360);
      await repo.markMailFailed(db, m.id, (r.reason as Error).message, new Date(Date.now() + minutes * 60_000));
    }
  }
  return { sent, failed };
}

/**
 * One e-mail per daily-digest reader with everything not yet mailed up to `now`, in one transaction holding the rows
 * it sends: a digest running at the same time skips them, and once marked they are not sent again.
 */
export async function sendDigests(db: Db, publicUrl: string, now: Date) {
  return db.transaction(async (tx) => {
    const pending = await repo.pendingDigest(tx, now);
    const byUser = new Map<string, typeof pending>();
    for (const p of pending) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
    const mails = [...byUser.values()]
      .filter((items) => items[0]!.email)
      .map((items) => ({
        to: items[0]!.email!,
        ...digestMail(
          items.map((i) => ({ kind: i.kind, params: i.params, requestId: i.requestId })),
          lang(items[0]!.locale),
          publicUrl,
        ),
      }));
    await repo.enqueueMail(tx, mails);
    await repo.markEmailed(
      tx,
      pending.map((i) => i.id),
    );
    return { mails: mails.length, notifications: pending.length };
  });
}

/** Hour of the day in Italy (the network's working clock). */
export function romeHour(now: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
}

/** Runs `job` when no process ran it in the last `everyMs` (one process wins the claim). */
export async function runPeriodic(db: Db, name: string, now: Date, everyMs: number, job: () => Promise<unknown>) {
  if (!(await repo.claimJob(db, name, now, new Date(now.getTime() - everyMs)))) return false;
  await job();
  return true;
}
