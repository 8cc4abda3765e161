import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Four projects: `server` (unit, integration and API tests on PGlite), `postgres` (the integration and API tests
// again on PostgreSQL), `web` (unit tests of the web app's pure modules, no browser) and `e2e` (browser journeys in
// Chromium). scripts/test.mjs decides which can run here.
// server, postgres and web run together first, then the browser journeys one file at a time (fileParallelism: false
// puts e2e in a group of its own, after the others). Vitest's default of one worker less than the cores would give a
// single worker on a two-core machine and run every file one after another: at least two workers (docs/decisions/027).
export default defineConfig({
  test: {
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          env: { TZ: 'Europe/Rome', CLOCK_TEST_DB: 'pglite' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['apps/server/src/**/*.test.ts'],
          // unit tests need no database; *.local tests exercise the embedded data directory itself
          exclude: ['apps/server/src/**/*.unit.test.ts', 'apps/server/src/**/*.local.test.ts'],
          globalSetup: ['apps/server/src/test/global-setup.ts'],
          env: { TZ: 'America/New_York', CLOCK_TEST_DB: 'postgres' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.ts'],
          environment: 'node',
          env: { TZ: 'Europe/Rome' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          env: { TZ: 'Europe/Rome' },
          testTimeout: 240_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
