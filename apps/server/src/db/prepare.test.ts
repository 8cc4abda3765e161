import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './client.ts';
import { prepareDatabase } from './prepare.ts';
import { DEMO_DIR, seedDemo } from './seed/demo.ts';
import { DEMO_PAST_REQUESTS } from './seed/demo-governance.ts';
import { freshDatabase } from '../test/db.ts';

const count = async (d: Database, table: string) =>
  ((await d.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] })
    .rows[0]!.n;
const demoRequests =
  (JSON.parse(fs.readFileSync(path.join(DEMO_DIR, 'requests.json'), 'utf8')) as { requests: unknown[] }).requests
    .length + DEMO_PAST_REQUESTS; // and the past requests of the governance history

describe('loading the demo network', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('is all or nothing: a failure part-way leaves nothing behind, and the next start loads it whole', async () => {
    // A demo whose last part (the requests) cannot be loaded: the catalogue, settings and profiles before it must go too.
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-demo-'));
    for (const f of fs.readdirSync(DEMO_DIR)) fs.copyFileSync(path.join(DEMO_DIR, f), path.join(broken, f));
    const requests = JSON.parse(fs.readFileSync(path.join(broken, 'requests.json'), 'utf8')) as {
      requests: { state: string }[];
    };
    requests.requests.at(-1)!.state = 'lost-in-space';
    fs.writeFileSync(path.join(broken, 'requests.json'), JSON.stringify(requests));
    try {
      await expect(seedDemo(database.db, broken)).rejects.toThrow();
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
    for (const table of ['organizations', 'offers', 'experts', 'network_settings', 'requests'])
      expect(await count(database, table), table).toBe(0);
    expect(await count(database, `taxonomy_terms where scheme <> 'sector'`)).toBe(0);

    await prepareDatabase(database, 'demo');
    expect(await count(database, 'organizations where profile is not null')).toBeGreaterThanOrEqual(7);
    expect(await count(database, 'requests')).toBe(demoRequests);
  });
});

describe.skipIf(process.env.CLOCK_TEST_DB !== 'postgres')(
  'two servers starting together on an empty PostgreSQL database',
  () => {
    const admin = process.env.CLOCK_TEST_POSTGRES_URL ?? 'postgres://localhost/postgres';
    const name = `clock_t_start_${crypto.randomBytes(6).toString('hex')}`;
    const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
    const run = async (q: string) => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(q);
      } finally {
        await c.end();
      }
    };
    beforeAll(() => run(`CREATE DATABASE ${name}`));
    afterAll(() => run(`DROP DATABASE IF EXISTS ${name}`));

    it('migrate and load the demo once, one after the other', async () => {
      const servers = await Promise.all([0, 1, 2].map(() => openDatabase({ kind: 'postgres', url })));
      try {
        await Promise.all(servers.map((d) => prepareDatabase(d, 'demo')));
        expect(await count(servers[0]!, 'requests')).toBe(demoRequests);
        expect(await count(servers[0]!, 'request_events')).toBeGreaterThan(demoRequests);
      } finally {
        for (const d of servers) await d.close();
      }
    });
  },
);
