import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

type Rows<T> = { rows: T[] };

/**
 * Counts one request for a key in a fixed window (the database's clock, so every process agrees); returns the count in
 * the current window and the milliseconds until it ends.
 */
export async function countRequest(db: Db, key: string, windowMs: number) {
  const rows = await db.execute(sql`
    insert into rate_limits (key, count, window_start) values (${key}, 1, now())
    on conflict (key) do update set
      count = case when rate_limits.window_start <= now() - make_interval(secs => ${windowMs / 1000}) then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= now() - make_interval(secs => ${windowMs / 1000}) then now() else rate_limits.window_start end
    returning count, ceil(extract(epoch from (window_start + make_interval(secs => ${windowMs / 1000}) - now())) * 1000)::bigint as ttl`);
  const r = (rows as unknown as Rows<{ count: number; ttl: string | number }>).rows[0]!;
  return { count: Number(r.count), ttlMs: Math.max(0, Number(r.ttl)) };
}

/** The count of a key in its current window without counting (0 when the window is over). */
export async function readRequests(db: Db, key: string, windowMs: number) {
  const rows = await db.execute(sql`
    select count, ceil(extract(epoch from (window_start + make_interval(secs => ${windowMs / 1000}) - now())) * 1000)::bigint as ttl
    from rate_limits where key = ${key} and window_start > now() - make_interval(secs => ${windowMs / 1000})`);
  const r = (rows as unknown as Rows<{ count: number; ttl: string | number }>).rows[0];
  return r ? { count: Number(r.count), ttlMs: Math.max(0, Number(r.ttl)) } : { count: 0, ttlMs: 0 };
}

/** Removes counters whose window ended more than `olderThanMs` ago. */
export async function removeStaleRequests(db: Db, olderThanMs: number) {
  await db.execute(
    sql`delete from rate_limits where window_start < now() - make_interval(secs => ${olderThanMs / 1000})`,
  );
}
