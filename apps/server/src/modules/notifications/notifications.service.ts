import type { Db, Tx } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import * as repo from './notifications.repo.ts';
import { eventMail } from './notifications.messages.ts';
import {
  notificationParams,
  recipientsOf,
  type NotifyEvent,
  type NotifySubject,
  type NotifyTarget,
} from './notifications.rules.ts';
import { queueMail } from './outbox.service.ts';

export type { NotifyEvent, NotifySubject, NotifyTarget, Visibility } from './notifications.rules.ts';

export const mailLang = (l: string) => (l === 'en' ? 'en' : 'it');

export interface Notification<C extends NotifyTarget> {
  /** The row the event is about, with its visibility: a confidential subject's words are never written. */
  subject: NotifySubject;
  event: NotifyEvent;
  /** Everyone who might be told; only those `accessTo` admits are. */
  audience: C[];
  /** The subject module's visibility rule for one candidate (the same the API applies): may they read the subject? */
  accessTo: (candidate: C) => boolean;
  /** The person who acted (not told of their own action). */
  except?: string | null;
}

/**
 * The only way to notify people, for every module: records the event for each recipient in the app and, in the same
 * transaction, queues the e-mail copy for those who want each event by mail; daily-digest readers get it with the
 * next digest. Who is told and what the message may say are decided here (notifications.rules.ts), not by the caller.
 */
export async function notify<C extends NotifyTarget>(tx: Db | Tx, publicUrl: string, n: Notification<C>) {
  const recipients = recipientsOf(n.audience, n.accessTo, n.except ?? null);
  const params = notificationParams(n.subject, n.event);
  const requestId = n.subject.kind === 'request' ? n.subject.id : null;
  const bookingId = n.subject.kind === 'booking' ? n.subject.id : null;
  const mails: { to: string; subject: string; body: string }[] = [];
  const rows = recipients.map((r) => {
    const mailNow = !!r.email && (r.notificationEmail === 'immediate' || n.event.urgent === true);
    if (mailNow)
      mails.push({ to: r.email!, ...eventMail(n.event.kind, params, mailLang(r.locale), publicUrl, requestId) });
    const digestLater = !mailNow && !!r.email && r.notificationEmail === 'daily';
    return {
      userId: r.id,
      kind: n.event.kind,
      requestId,
      bookingId,
      params,
      emailedAt: digestLater ? null : new Date(),
    };
  });
  await repo.insertNotifications(tx, rows);
  await queueMail(tx, mails);
  return recipients.length;
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

export { deliverOutbox, onMailQueued } from './outbox.service.ts';
export { runJob, type Job, type JobContext } from './jobs.service.ts';
export { digestJob, sendDigests } from './digest.job.ts';
