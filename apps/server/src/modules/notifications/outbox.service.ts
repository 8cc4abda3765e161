import { afterCommit, type Db, type Tx } from '../../db/client.ts';
import type { Mailer } from '../../core/mailer.ts';
import type { MailAttachment } from '../../db/schema/index.ts';
import * as repo from './notifications.repo.ts';

/** Who wants to hear that mail was queued (the mail worker of this process). */
const listeners = new Set<() => void>();

/** Calls `listener` after each transaction that queued mail has committed; returns the way to stop. */
export function onMailQueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Queues e-mail in the caller's transaction (written with the change it tells of, or not at all) and wakes the mail
 * worker once that transaction has committed, when the messages can be read. Attachments (an invitation's .ics) are
 * kept as text in the message's row and sent with it.
 */
export async function queueMail(
  tx: Db | Tx,
  mails: {
    to: string;
    subject: string;
    body: string;
    headers?: Record<string, string>;
    attachments?: MailAttachment[];
  }[],
) {
  if (!mails.length) return;
  await repo.enqueueMail(tx, mails);
  afterCommit(tx, () => {
    for (const wake of listeners) wake();
  });
}

const MAX_ATTEMPTS = 10;

/** Sends due messages from the outbox; failures are retried with a growing delay (1, 2, 4… minutes, at most 6 hours). */
export async function deliverOutbox(db: Db, mailer: Mailer, limit = 50) {
  const claimed = await repo.claimMail(db, limit);
  let sent = 0,
    failed = 0;
  // The batch goes out in parallel over the mailer's pooled connections; each result is recorded on its own.
  const results = await Promise.allSettled(
    claimed.map((m) =>
      mailer.send({
        to: m.to,
        subject: m.subject,
        text: m.body,
        ...(m.headers ? { headers: m.headers } : {}),
        ...(m.attachments?.length ? { attachments: m.attachments } : {}),
      }),
    ),
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
