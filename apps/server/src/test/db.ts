import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPglite, openDatabase, wrapPglite, type Database } from '../db/client.ts';

/**
 * A fresh, migrated database for one test file: a copy of the golden PGlite snapshot, or a new PostgreSQL database
 * made from the run's template. Close it in afterAll.
 */
export function freshDatabase(): Promise<Database> {
  return copyOf('plain');
}

/**
 * A fresh database with the demo network already loaded, as `seedDemo` leaves it (loaded once per run by the global
 * setup and copied here, which is several seconds faster per file than loading it again). Close it in afterAll.
 */
export function freshDemoDatabase(): Promise<Database> {
  return copyOf('demo');
}

async function copyOf(which: 'plain' | 'demo'): Promise<Database> {
  if (process.env.CLOCK_TEST_DB === 'postgres') {
    const admin = process.env.CLOCK_TEST_POSTGRES_URL!;
    const name = `clock_t_${crypto.randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(
      `CREATE DATABASE ${name} TEMPLATE ${inject(which === 'demo' ? 'pgDemoTemplate' : 'pgTemplate')}`,
    );
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString() });
    urls.set(database, url.toString());
    const close = database.close;
    database.close = async () => {
      await close();
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      await client.end();
    };
    return database;
  }
  const snapshot = fs.readFileSync(inject(which === 'demo' ? 'pgliteDemoSnapshot' : 'pgliteSnapshot'));
  const client = await createPglite({ loadDataDir: new Blob([snapshot]) });
  return wrapPglite(client);
}

const urls = new WeakMap<Database, string>();

/**
 * A second, independent connection to the same database, as another app process would have: its own pool on
 * PostgreSQL; on PGlite (one session per data directory) the same database shared by both. Close it before the first.
 */
export async function openAgain(database: Database): Promise<Database> {
  const url = urls.get(database);
  if (url) return openDatabase({ kind: 'postgres', url });
  return { ...database, close: async () => {} };
}
