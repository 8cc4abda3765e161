import type { Job } from '../notifications/notifications.service.ts';
import { tellPeople } from './requests.audience.ts';
import type { RequestDeps } from './requests.context.ts';
import * as repo from './requests.repo.ts';

/**
 * E-mails the nucleus about every request past its response-time target (and, once open, the centres invited), at
 * most once a day per request, and marks it in the app. Runs from the worker.
 */
export async function sendReminders(
  deps: Pick<RequestDeps, 'db' | 'publicUrl' | 'now'>,
  now = deps.now ? deps.now() : new Date(),
) {
  const due = await deps.db.transaction(async (tx) => {
    const rows = await repo.overdueRequests(tx, now);
    const centres = await repo.centresOf(
      tx,
      rows.map((r) => r.id),
    );
    for (const r of rows) {
      const mine = centres.filter((c) => c.requestId === r.id);
      const invited = mine.filter((c) => c.invitedAt).map((c) => c.organizationId);
      await tellPeople(
        deps,
        tx,
        r,
        mine,
        {
          kind: 'request-overdue',
          roles: ['nucleus'],
          organizations: r.state === 'open' ? invited : [],
          urgent: true,
          extra: { since: r.stateChangedAt.toISOString().slice(0, 10), due: r.dueAt!.toISOString().slice(0, 10) },
        },
        null,
      );
      await repo.updateRequest(tx, r.id, { reminderSentAt: now });
    }
    return rows.length;
  });
  return { reminded: due };
}

/** Reminders of overdue requests, every 15 minutes (each request at most once a day, see above). */
export const remindersJob: Job<{ reminded: number }> = {
  name: 'reminders',
  periodStart: (now) => new Date(now.getTime() - 15 * 60_000),
  run: (ctx, now) => sendReminders(ctx, now),
};
