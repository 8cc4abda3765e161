import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock, serveInChild } from './test/cli.ts';
import { operatorScenario } from './test/cli-scenario.ts';

// On PostgreSQL the `clock` command connects to the database itself while the server runs: the database serves both.
const onPostgres = process.env.CLOCK_TEST_DB === 'postgres';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-cli-pg-'));
const name = `clock_cli_${crypto.randomBytes(5).toString('hex')}`;
let url = '';
let admin: pg.Client;

beforeAll(async () => {
  if (!onPostgres) return;
  admin = new pg.Client({ connectionString: process.env.CLOCK_TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(process.env.CLOCK_TEST_POSTGRES_URL!);
  u.pathname = `/${name}`;
  url = u.toString();
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  if (!onPostgres) return;
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe.runIf(onPostgres)('the clock command beside a server on PostgreSQL', () => {
  it('adds and changes people, and exports, while the server runs', async () => {
    const env = { DATABASE_URL: url, CLOCK_DATA_DIR: path.join(tmp, 'unused') };
    const server = await serveInChild({ ...env, CLOCK_SEED: 'none' });
    try {
      await operatorScenario(env, server.base, tmp);
      // No socket: on PostgreSQL the server opens no command channel.
      expect(fs.existsSync(path.join(tmp, 'unused', 'clock.sock'))).toBe(false);
      expect(clock(['migrate'], env).out).toContain('Migrations applied.');
    } finally {
      expect(await server.stop(), server.log()).toBe(0);
    }
  }, 400_000);
});
