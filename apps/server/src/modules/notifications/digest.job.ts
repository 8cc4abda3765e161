import type { Db } from '../../db/client.ts';
import type { Job } from './jobs.service.ts';
import * as repo from './notifications.repo.ts';
import { digestMail } from './notifications.messages.ts';
import { queueMail } from './outbox.service.ts';

/** Hour of the day in Italy (the network's working clock). */
export function romeHour(now: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', hourCycle: 'h23' }).format(now),
  );
}

/** Milliseconds since the Italian clock last showed `digestHour`:00 (today's, or yesterday's before that hour). */
export function sinceDigestHour(now: Date, digestHour: number): number {
  const hours = (romeHour(now) - digestHour + 24) % 24;
  return hours * 3600_000 + now.getUTCMinutes() * 60_000 + now.getUTCSeconds() * 1000 + now.getUTCMilliseconds();
}

/**
 * The daily digest: once a day, after the digest hour (Italian time), one e-mail per daily-digest reader with what
 * they were not yet mailed. The run counts when none happened since the last digest hour; the server's worker waits
 * for the hour, `clock jobs run --digest` does not.
 */
export const digestJob: Job<{ mails: number; notifications: number }> = {
  name: 'digest',
  periodStart: (now, ctx) =>
    ctx.byHand || romeHour(now) >= ctx.digestHour
      ? new Date(now.getTime() - sinceDigestHour(now, ctx.digestHour))
      : null,
  run: (ctx, now) => sendDigests(ctx.db, ctx.publicUrl, now),
};

/**
 * One e-mail per daily-digest reader with everything not yet mailed up to `now`, in one transaction holding the rows
 * it sends: a digest running at the same time skips them, and once marked they are not sent again. The notifications
 * were written redacted already (a confidential subject's words never reach them).
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
          items[0]!.locale === 'en' ? 'en' : 'it',
          publicUrl,
        ),
      }));
    await queueMail(tx, mails);
    await repo.markEmailed(
      tx,
      pending.map((i) => i.id),
    );
    return { mails: mails.length, notifications: pending.length };
  });
}
