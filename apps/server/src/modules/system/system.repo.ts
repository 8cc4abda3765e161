import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

const rows = async <T>(db: Db, q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;

/** One round trip to the database. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** The e-mail waiting in the outbox: all of it, the part that failed at least once, and the oldest one's age. */
export async function outboxDepth(db: Db) {
  const [r] = await rows<{ queued: number; failing: number; oldest: string | null }>(
    db,
    sql`
    select count(*)::int as queued, (count(*) filter (where last_error is not null))::int as failing,
      min(created_at)::text as oldest
    from mail_outbox where sent_at is null`,
  );
  return {
    queued: r?.queued ?? 0,
    failing: r?.failing ?? 0,
    oldestQueuedAt: r?.oldest ? new Date(r.oldest).toISOString() : null,
  };
}

/** When each periodic job last ran (in any process). */
export async function jobRuns(db: Db) {
  return rows<{ name: string; at: string }>(db, sql`select name, last_run_at::text as at from job_runs order by name`);
}
