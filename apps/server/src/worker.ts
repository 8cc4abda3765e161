import type { Db } from './db/client.ts';
import type { Mailer } from './core/mailer.ts';
import type { WorkerState } from './modules/system/system.service.ts';
import {
  deliverOutbox,
  digestJob,
  onMailQueued,
  runJob,
  type Job,
  type JobContext,
} from './modules/notifications/notifications.service.ts';
import { remindersJob } from './modules/requests/reminders.job.ts';
import { bookingExpiryJob, bookingRemindersJob } from './modules/bookings/bookings.job.ts';
import { newsletterJob } from './modules/news/newsletter.job.ts';
import { actionMilestonesJob } from './modules/actions/actions.job.ts';
import { eventRemindersJob } from './modules/events/events.job.ts';
import { brokerageJob } from './modules/brokerage/brokerage.job.ts';

/**
 * The periodic jobs, one file each, claimed in `job_runs` so each runs once per period whoever starts it (a server's
 * worker or `clock jobs run`). The digest goes out only when asked by `clock jobs run --digest`.
 */
export const JOBS = {
  reminders: remindersJob,
  digest: digestJob,
  bookingExpiry: bookingExpiryJob,
  bookingReminders: bookingRemindersJob,
  newsletter: newsletterJob,
  actionMilestones: actionMilestonesJob,
  eventReminders: eventRemindersJob,
  brokerage: brokerageJob,
} satisfies Record<string, Job>;

export interface WorkerOptions {
  db: Db;
  publicUrl: string;
  mailer: Mailer;
  /** How often the outbox and the periodic jobs are looked at (ms). */
  intervalMs: number;
  /** Hour (Italian time) after which the daily digest goes out. */
  digestHour: number;
  log: (msg: string, err?: unknown) => void;
}

/**
 * The background work of one server process: run the periodic jobs that are due (reminders of overdue requests every
 * 15 minutes, the daily digest after `digestHour`) and deliver queued e-mail, at once when a transaction that queued
 * mail commits (in this process) and every `intervalMs` anyway (mail queued by other processes, retries). Several
 * processes may run it: the outbox and the jobs are claimed in the database, so each message and each run happens once.
 */
export function startWorker(o: WorkerOptions) {
  const ctx: JobContext = { db: o.db, publicUrl: o.publicUrl, digestHour: o.digestHour };
  let running = false;
  let again = false;
  let stopped = false;
  const state: WorkerState = { lastTickAt: null, lastTickOk: null, intervalMs: o.intervalMs };
  const tick = async (jobs: boolean) => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const now = new Date();
      if (jobs) for (const job of Object.values(JOBS)) await runJob(job as Job, ctx, now);
      const { failed } = await deliverOutbox(o.db, o.mailer);
      if (failed) o.log(`mail: ${failed} message(s) failed, will retry`);
      Object.assign(state, { lastTickAt: now, lastTickOk: true });
    } catch (e) {
      Object.assign(state, { lastTickAt: new Date(), lastTickOk: false });
      if (!stopped) o.log('worker tick failed', e);
    } finally {
      running = false;
    }
    // Mail queued while this round ran goes out now rather than at the next interval.
    if (again && !stopped) {
      again = false;
      void tick(false);
    }
  };
  const timer = setInterval(() => void tick(true), o.intervalMs);
  timer.unref();
  const unsubscribe = onMailQueued(() => setImmediate(() => void tick(false)));
  return {
    /** What the worker last did (for /api/health). */
    state: (): WorkerState => ({ ...state }),
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      while (running) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

/**
 * The background work once, for `clock jobs run`: the same jobs as the worker, through the same claims (reminders
 * when no process ran them in the last 15 minutes — each request is locked while it is reminded, so parallel runs
 * never remind twice — and the daily digest when asked: `null` when it already went out since the last digest
 * hour), then delivery of the queued e-mail.
 */
export async function runJobsOnce(o: {
  db: Db;
  publicUrl: string;
  mailer: Mailer;
  digest: boolean;
  digestHour: number;
  now?: Date;
}) {
  const now = o.now ?? new Date();
  const ctx: JobContext = { db: o.db, publicUrl: o.publicUrl, digestHour: o.digestHour, byHand: true };
  const reminders = await runJob(JOBS.reminders, ctx, now);
  // The booking jobs are idempotent on their own (each booking is locked, re-checked and marked): run by hand, they
  // run whatever job_runs says.
  const { expired } = await JOBS.bookingExpiry.run(ctx, now);
  const { reminded: bookingReminders } = await JOBS.bookingReminders.run(ctx, now);
  // So is the brokerage's follow-up (each row is re-read under its lock, questions are unique, reminders marked).
  const brokerage = await JOBS.brokerage.run(ctx, now);
  const digest = o.digest ? await runJob(JOBS.digest, ctx, now) : null;
  let sent = 0,
    failed = 0;
  for (let round = 0; round < 1000; round++) {
    const b = await deliverOutbox(o.db, o.mailer);
    sent += b.sent;
    failed += b.failed;
    if (!b.sent) break;
  }
  return {
    reminders: reminders?.reminded ?? 0,
    remindersRan: reminders !== null,
    bookingsExpired: expired,
    bookingReminders,
    brokerage,
    digests: digest?.mails ?? null,
    digestAsked: o.digest,
    sent,
    failed,
  };
}
