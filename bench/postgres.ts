import pg from 'pg';
import { openDatabase, type Database } from '../apps/server/src/db/client.ts';

/**
 * Runs `fn` on a fresh PostgreSQL database when CLOCK_BENCH_POSTGRES_URL is set (created, then dropped whatever
 * happens); says it skipped PostgreSQL otherwise.
 */
export async function onPostgres(prefix: string, fn: (database: Database) => Promise<void>) {
  const pgUrl = process.env.CLOCK_BENCH_POSTGRES_URL;
  if (!pgUrl) {
    console.log('PostgreSQL: skipped (set CLOCK_BENCH_POSTGRES_URL)');
    return;
  }
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  try {
    await fn(await openDatabase({ kind: 'postgres', url: url.toString() }));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
}
