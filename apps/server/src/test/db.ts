import fs from 'node:fs';
import crypto from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, wrapPglite, type Database } from '../db/client.ts';

/**
 * A fresh, migrated database for one test file: a copy of the golden PGlite snapshot, or a new PostgreSQL database
 * made from the run's template. Close it in afterAll.
 */
export async function freshDatabase(): Promise<Database> {
  if (process.env.CLOCK_TEST_DB === 'postgres') {
    const admin = process.env.CLOCK_TEST_POSTGRES_URL!;
    const name = `clock_t_${crypto.randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString() });
    const close = database.close;
    database.close = async () => {
      await close();
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      await client.end();
    };
    return database;
  }
  const snapshot = fs.readFileSync(inject('pgliteSnapshot'));
  const client = await PGlite.create({ loadDataDir: new Blob([snapshot]) });
  return wrapPglite(client);
}
