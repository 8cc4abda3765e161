import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * Prepares, once per run, the databases every test file copies instead of building its own: a migrated one with the
 * reference taxonomies, and the same with the demo network loaded. On PGlite two snapshots (loaded per file in about
 * a second), on PostgreSQL two template databases (CREATE DATABASE … TEMPLATE per file).
 */
export default async function setup(project: TestProject) {
  const kind = (project.config.env?.CLOCK_TEST_DB as string | undefined) ?? 'pglite';
  if (kind === 'postgres') {
    const admin = process.env.CLOCK_TEST_POSTGRES_URL;
    if (!admin)
      throw new Error(
        'CLOCK_TEST_POSTGRES_URL is not set: the postgres project needs a PostgreSQL server (see README).',
      );
    const template = `clock_template_${process.pid}`;
    const demoTemplate = `clock_demo_template_${process.pid}`;
    const drop = async () => {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      for (const name of [demoTemplate, template]) await client.query(`DROP DATABASE IF EXISTS ${name}`);
      await client.end();
    };
    await drop();
    buildGolden(project, ['postgres', admin, template, demoTemplate]);
    project.provide('pgTemplate', template);
    project.provide('pgDemoTemplate', demoTemplate);
    return drop;
  }
  const file = path.join(os.tmpdir(), `clock-golden-${process.pid}.tar`);
  const demoFile = path.join(os.tmpdir(), `clock-golden-demo-${process.pid}.tar`);
  buildGolden(project, ['pglite', file, demoFile]);
  project.provide('pgliteSnapshot', file);
  project.provide('pgliteDemoSnapshot', demoFile);
  return () => {
    fs.rmSync(file, { force: true });
    fs.rmSync(demoFile, { force: true });
  };
}

/**
 * Runs golden.ts in a child process with the project's environment (its time zone above all: the demo is loaded as a
 * test file of that project would load it).
 */
export function buildGolden(project: TestProject, args: string[]): void {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...(project.config.env as Record<string, string>) },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`Preparing the test databases failed (${script} ${args[0]}: ${r.status}).`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgliteDemoSnapshot: string;
    pgTemplate: string;
    pgDemoTemplate: string;
  }
}
