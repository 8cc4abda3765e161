import type { Db } from './db/client.ts';
import type { Mailer } from './core/mailer.ts';
import type { WorkerState } from './modules/system/system.service.ts';
import { deliverOutbox, romeHour, runPeriodic, sendDigests } from './modules/notifications/notifications.service.ts';
import { sendReminders, type RequestDeps } from './modules/requests/requests.service.ts';
import { expirePending, sendReminders as sendBookingReminders } from './modules/bookings/lifecycle.service.ts';

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
  const state: WorkerState = { lastTickAt: null, lastTickOk: null, intervalMs: o.intervalMs };
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const now = new Date();
      await runPeriodic(db, 'reminders', now, 15 * 60_000, () => sendReminders(o.deps, now));
      await runBookingJobs(db, o.deps.publicUrl, now);
      // Once a day, after the digest hour (Italian time): the run counts if none happened since today's digest hour.
      if (romeHour(now) >= o.digestHour) await runDigest(db, o.deps.publicUrl, now, o.digestHour);
      const { failed } = await deliverOutbox(db, o.mailer);
      if (failed) o.log(`mail: ${failed} message(s) failed, will retry`);
      Object.assign(state, { lastTickAt: now, lastTickOk: true });
    } catch (e) {
      Object.assign(state, { lastTickAt: new Date(), lastTickOk: false });
      if (!stopped) o.log('worker tick failed', e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), o.intervalMs);
  timer.unref();
  return {
    /** What the worker last did (for /api/health). */
    state: (): WorkerState => ({ ...state }),
    /** Look at the outbox soon (after a change queued mail). */
    kick: () => {
      setImmediate(() => void tick());
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

/** Milliseconds since the Italian clock last showed `digestHour`:00 (today's, or yesterday's before that hour). */
export function sinceDigestHour(now: Date, digestHour: number): number {
  const hours = (romeHour(now) - digestHour + 24) % 24;
  return hours * 3600_000 + now.getUTCMinutes() * 60_000 + now.getUTCSeconds() * 1000 + now.getUTCMilliseconds();
}

/** The daily digest, claimed so it goes out once per day whoever asks (a server's worker or `clock jobs run`). */
async function runDigest(db: Db, publicUrl: string, now: Date, digestHour: number) {
  let result: { mails: number } | null = null;
  await runPeriodic(db, 'digest', now, sinceDigestHour(now, digestHour), async () => {
    result = await sendDigests(db, publicUrl, now);
  });
  return result as { mails: number } | null;
}

/**
 * Bookings: pending requests nobody answered expire (every 5 minutes, so a held slot is freed soon after its time)
 * and confirmed bookings get their reminder the day before (every 15 minutes); each run claimed in `job_runs`.
 */
async function runBookingJobs(db: Db, publicUrl: string, now: Date) {
  const deps = { db, publicUrl, now: () => now };
  let expired = 0,
    reminded = 0;
  await runPeriodic(db, 'booking-expiry', now, 5 * 60_000, async () => {
    expired = await expirePending(deps);
  });
  await runPeriodic(db, 'booking-reminders', now, 15 * 60_000, async () => {
    reminded = await sendBookingReminders(deps);
  });
  return { expired, reminded };
}

/**
 * The background work once, for `clock jobs run`: reminders for overdue requests (each locked while it is reminded
 * and marked, so parallel runs never remind twice), the daily digest when asked (claimed for the day: `null` when
 * it already went out since the last digest hour) and delivery of the queued e-mail.
 */
export async function runJobsOnce(o: {
  deps: Pick<RequestDeps, 'db' | 'publicUrl'>;
  mailer: Mailer;
  digest: boolean;
  digestHour: number;
  now?: Date;
}) {
  const now = o.now ?? new Date();
  const db = o.deps.db;
  const reminders = await sendReminders(o.deps, now);
  // Idempotent on their own (each booking is locked, re-checked and marked), so run whatever job_runs says.
  const bookingDeps = { db, publicUrl: o.deps.publicUrl, now: () => now };
  const expired = await expirePending(bookingDeps);
  const bookingReminders = await sendBookingReminders(bookingDeps);
  const digest = o.digest ? await runDigest(db, o.deps.publicUrl, now, o.digestHour) : null;
  let sent = 0,
    failed = 0;
  for (let round = 0; round < 1000; round++) {
    const b = await deliverOutbox(db, o.mailer);
    sent += b.sent;
    failed += b.failed;
    if (!b.sent) break;
  }
  return {
    reminders: reminders.reminded,
    bookingsExpired: expired,
    bookingReminders,
    digests: digest?.mails ?? null,
    digestAsked: o.digest,
    sent,
    failed,
  };
}
