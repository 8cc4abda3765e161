import type { Db } from './db/client.ts';
import type { Mailer } from './core/mailer.ts';
import { deliverOutbox, romeHour, runPeriodic, sendDigests } from './modules/notifications/notifications.service.ts';
import { sendReminders, type RequestDeps } from './modules/requests/requests.service.ts';

export interface WorkerOptions {
  deps: RequestDeps;
  mailer: Mailer;
  /** How often the outbox is looked at (ms). */
  intervalMs: number;
  /** Hour (Italian time) after which the daily digest goes out. */
  digestHour: number;
  log: (msg: string, err?: unknown) => void;
}

/**
 * The background work of one server process: deliver queued e-mail, send reminders for overdue requests (every 15
 * minutes) and the daily digest (once a day after `digestHour`). Several processes may run it: the outbox and the
 * periodic jobs are claimed in the database, so each message and each run happens once.
 */
export function startWorker(o: WorkerOptions) {
  const db: Db = o.deps.db;
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const now = new Date();
      await runPeriodic(db, 'reminders', now, 15 * 60_000, () => sendReminders(o.deps, now));
      // Once a day, after the digest hour (Italian time): the run counts if none happened since today's digest hour.
      const hour = romeHour(now);
      if (hour >= o.digestHour) {
        const sinceDigestHour = (hour - o.digestHour) * 3600_000 + now.getUTCMinutes() * 60_000 + now.getUTCSeconds() * 1000 + now.getUTCMilliseconds();
        await runPeriodic(db, 'digest', now, sinceDigestHour, () => sendDigests(db, o.deps.publicUrl, now));
      }
      const { failed } = await deliverOutbox(db, o.mailer);
      if (failed) o.log(`mail: ${failed} message(s) failed, will retry`);
    } catch (e) {
      if (!stopped) o.log('worker tick failed', e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), o.intervalMs);
  timer.unref();
  return {
    /** Look at the outbox soon (after a change queued mail). */
    kick: () => { setImmediate(() => void tick()); },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
