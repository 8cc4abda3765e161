import type { Db } from '../../db/client.ts';
import * as repo from './notifications.repo.ts';

/** What every periodic job is given. */
export interface JobContext {
  db: Db;
  publicUrl: string;
  /** Hour (Italian time) after which the daily digest goes out. */
  digestHour: number;
  /** An operator runs the jobs by hand (`clock jobs run`): jobs that wait for an hour of the day do not wait. */
  byHand?: boolean;
}

/**
 * A periodic job: one file each (`modules/<domain>/<name>.job.ts`), listed in src/worker.ts. The server's worker and
 * `clock jobs run` run the same list through `runJob`, so each job runs once per period whoever starts it.
 */
export interface Job<R = unknown> {
  /** Its row in `job_runs`. */
  name: string;
  /**
   * When the current period began: the job runs when its last run is older, and the run is claimed first (one
   * process wins). `null` when the job is not due at all at `now` (the digest before its hour).
   */
  periodStart(now: Date, ctx: JobContext): Date | null;
  run(ctx: JobContext, now: Date): Promise<R>;
}

/** Runs `job` if it is due and no process ran it in this period: its result, or `null` when it did not run. */
export async function runJob<R>(job: Job<R>, ctx: JobContext, now: Date): Promise<R | null> {
  const since = job.periodStart(now, ctx);
  if (!since || !(await repo.claimJob(ctx.db, job.name, now, since))) return null;
  return job.run(ctx, now);
}
