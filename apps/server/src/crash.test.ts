import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { DEMO_DIR } from './db/seed/demo.ts';
import { createUser } from './modules/identity/identity.service.ts';
import { DEMO_PAST_REQUESTS } from './db/seed/demo-governance.ts';

// kill -9 of a real server, on the database of the project (a PGlite data directory, or PostgreSQL): during its first
// start (while it migrates and loads the demo), and while writers are being answered. After a restart, every write
// that was acknowledged is there and the demo is whole.
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/clock.mjs');
const onPostgres = process.env.CLOCK_TEST_DB === 'postgres';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-crash-'));
const admin = process.env.CLOCK_TEST_POSTGRES_URL ?? '';
const pgName = `clock_t_crash_${crypto.randomBytes(6).toString('hex')}`;
const database: Config['database'] = onPostgres
  ? { kind: 'postgres', url: Object.assign(new URL(admin || 'postgres://x/'), { pathname: `/${pgName}` }).toString() }
  : { kind: 'pglite', dataDir: path.join(tmp, 'data') };
const env = database.kind === 'postgres' ? { DATABASE_URL: database.url } : { CLOCK_DATA_DIR: database.dataDir };
const PASSWORD = 'una password lunga 123';

const demo = (file: string) => JSON.parse(fs.readFileSync(path.join(DEMO_DIR, file), 'utf8'));
const bundle = demo('bundle.json') as Record<string, unknown[]>;
const network = demo('network.json') as { profiles: object; taxonomies: Record<string, unknown[]> };
const DEMO = {
  // The bundle's organisations and the companies the brokerage demo adds.
  organizations: bundle.organizations!.length + (demo('brokerage.json') as { companies: unknown[] }).companies.length,
  offers: bundle.competences!.length + bundle.services!.length + bundle.equipment!.length,
  experts: bundle.experts!.length,
  // The demo's requests and the past ones of the governance history.
  requests: (demo('requests.json') as { requests: unknown[] }).requests.length + DEMO_PAST_REQUESTS,
  profiles: Object.keys(network.profiles).length,
  labels: Object.values(network.taxonomies).reduce((n, t) => n + t.length, 0),
};

async function adminQuery(q: string) {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}
beforeAll(async () => {
  if (onPostgres) await adminQuery(`CREATE DATABASE ${pgName}`);
  // An account to write with, made before the first start (accounts do not stop the demo from loading).
  const d = await openDatabase(database, 'crash test');
  try {
    await d.migrate();
    await createUser(d.db, { email: 'admin@example.org', name: 'Admin', role: 'admin', password: PASSWORD });
  } finally {
    await d.close();
  }
});
afterAll(async () => {
  if (onPostgres) await adminQuery(`DROP DATABASE IF EXISTS ${pgName}`);
  fs.rmSync(tmp, { recursive: true, force: true });
});

interface Server {
  child: ChildProcess;
  base: string;
  log: () => string;
  exited: Promise<number | null>;
}
function start(): Server {
  const port = 30000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      CLOCK_WEB_DIST: '',
      CLOCK_WORKER_INTERVAL_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => {
    log += d;
  });
  child.stderr!.on('data', (d) => {
    log += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, base: `http://127.0.0.1:${port}`, log: () => log, exited };
}
async function ready(s: Server, ms = 240_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (s.child.exitCode !== null) throw new Error(`the server stopped:\n${s.log()}`);
    try {
      if ((await fetch(`${s.base}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not start:\n${s.log()}`);
}
async function kill9(s: Server) {
  s.child.kill('SIGKILL');
  await s.exited;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function signIn(base: string) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.org', password: PASSWORD }),
  });
  expect(r.status).toBe(200);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

describe('kill -9', () => {
  it('during the first start, then during writes: every acknowledged write and the whole demo survive', async () => {
    // 1. Killed at a random moment of the first start (opening, migrating, loading the demo), or as soon as it loaded.
    const first = start();
    const deadline = Date.now() + 1000 + Math.random() * 15_000;
    while (Date.now() < deadline && !/Loaded the demo network/.test(first.log()) && first.child.exitCode === null)
      await sleep(20);
    await kill9(first);

    // 2. Restarted: the demo is whole. Writers create services; the server is killed while they are being answered.
    const second = start();
    await ready(second);
    const headers = await signIn(second.base);
    const acknowledged: string[] = [];
    let writing = true;
    const writer = async (w: number) => {
      for (let i = 0; writing; i++) {
        try {
          const r = await fetch(`${second.base}/api/v1/services`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              id: `crash-${w}-${i}`,
              organization: 'lucense',
              title: { it: `Prova di resistenza ${w} ${i}` },
              kind: 'testing',
            }),
          });
          if (r.status === 201) acknowledged.push(`crash-${w}-${i}`);
          else if (r.status !== 201) throw new Error(`${r.status} ${await r.text()}`);
        } catch (e) {
          if (writing) throw e;
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await sleep(1500 + Math.random() * 3000);
    writing = false;
    await kill9(second);
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(0);

    // 3. Restarted again: every acknowledged record is there, and searchable.
    const third = start();
    try {
      await ready(third);
      const missing: string[] = [];
      for (const id of acknowledged)
        if ((await fetch(`${third.base}/api/v1/services/${id}`)).status !== 200) missing.push(id);
      expect(missing).toEqual([]);
      const search = (await (
        await fetch(`${third.base}/api/v1/search?q=prova+di+resistenza&organization=lucense&type=service&limit=100`)
      ).json()) as { total: number };
      expect(search.total).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      third.child.kill('SIGTERM');
      expect(await third.exited, third.log()).toBe(0);
    }

    const d = await openDatabase(database, 'crash test');
    try {
      const n = async (q: string) =>
        ((await d.db.execute(sql.raw(`select count(*)::int as n from ${q}`))) as unknown as { rows: { n: number }[] })
          .rows[0]!.n;
      expect(await n('organizations')).toBe(DEMO.organizations);
      expect(await n(`offers where id not like 'crash-%'`)).toBe(DEMO.offers);
      expect(await n('experts')).toBe(DEMO.experts);
      expect(await n('requests')).toBe(DEMO.requests);
      expect(await n('organizations where profile is not null')).toBe(DEMO.profiles);
      expect(await n(`taxonomy_terms where scheme <> 'sector'`)).toBe(DEMO.labels);
      expect(await n(`network_settings where key = 'network'`)).toBe(1);
    } finally {
      await d.close();
    }
  }, 900_000);
});
