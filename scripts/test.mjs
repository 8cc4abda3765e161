#!/usr/bin/env node
// Runs every test suite that this machine can run: unit, integration and API tests on PGlite and the web app's unit
// tests always; the same integration and API tests on PostgreSQL when a server is reachable; browser journeys when
// Chromium is installed.
// A missing PostgreSQL or Chromium is reported loudly and skipped — or, with CI=true, fails the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const ci = process.env.CI === 'true' || process.env.CI === '1';
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const pgUrl = process.env.CLOCK_TEST_POSTGRES_URL || 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

const warn = (m) => console.error(`\n\x1b[1;33m!!! ${m}\x1b[0m\n`);
const fail = (m) => {
  console.error(`\n\x1b[1;31m*** ${m}\x1b[0m\n`);
  process.exit(1);
};

async function postgresReachable() {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (e) {
    return e.message;
  } finally {
    await client.end().catch(() => {});
  }
}

const projects = [];
const skipped = [];
if (!only || only === 'server') projects.push('server');
if (!only || only === 'web') projects.push('web');
if (!only || only === 'postgres') {
  const ok = await postgresReachable();
  if (ok === true) projects.push('postgres');
  else {
    const m = `PostgreSQL is not reachable at ${pgUrl.replace(/:[^:@/]+@/, ':***@')} (${ok}): the PostgreSQL suite is SKIPPED. Set CLOCK_TEST_POSTGRES_URL or start a server (see README).`;
    if (ci) fail(m);
    else {
      warn(m);
      skipped.push('postgres');
    }
  }
}
if (!only || only === 'e2e') {
  if (fs.existsSync(chromium)) projects.push('e2e');
  else {
    const m = `Chromium is not installed at ${chromium}: the browser suite is SKIPPED. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`;
    if (ci) fail(m);
    else {
      warn(m);
      skipped.push('e2e');
    }
  }
}

if (projects.includes('e2e')) {
  const build = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { stdio: 'inherit' });
  if (build.status !== 0) fail('The web app did not build.');
}

const report = path.join(os.tmpdir(), `clock-vitest-${process.pid}.json`);
const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args.filter((a, i) => a !== '--only' && args[i - 1] !== '--only'),
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      CLOCK_TEST_POSTGRES_URL: pgUrl,
      CHROMIUM_PATH: chromium,
      // The browser journey of the front door runs once more on PostgreSQL when a server is there.
      ...(projects.includes('postgres') && projects.includes('e2e') ? { CLOCK_E2E_POSTGRES_URL: pgUrl } : {}),
    },
  },
);
let summary = '';
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`;
  fs.rmSync(report, { force: true });
} catch {
  /* vitest did not get far enough to write a report */
}
console.log(`\nSuites run: ${projects.join(', ')}${skipped.length ? `; SKIPPED: ${skipped.join(', ')}` : ''}`);
if (summary) console.log(summary);
process.exit(run.status ?? 1);
