import type { Db } from '../../db/client.ts';
import * as repo from './rate-limit.repo.ts';

/** Request counters in fixed windows: the count in the current window and the milliseconds until it ends. */
export interface RateCounter {
  count(key: string, windowMs: number): Promise<{ count: number; ttlMs: number }>;
  read(key: string, windowMs: number): Promise<{ count: number; ttlMs: number }>;
}

/** Counters kept in the database (the unlogged `rate_limits` table), shared by every process on one PostgreSQL. */
export function databaseRateCounter(db: Db): RateCounter {
  let lastSweep = 0;
  return {
    async count(key, windowMs) {
      const now = Date.now();
      // Counters of ended windows are removed now and then, by whichever process counts first.
      if (now - lastSweep > Math.max(60_000, windowMs)) {
        lastSweep = now;
        await repo.removeStaleRequests(db, windowMs);
      }
      return repo.countRequest(db, key, windowMs);
    },
    read: (key, windowMs) => repo.readRequests(db, key, windowMs),
  };
}
