import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPglite, wrapPglite } from '../db/client.ts';
import { loadSectorTaxonomy } from '../db/seed/reference.ts';
import { openDatabase } from '../db/client.ts';

/**
 * Prepares one migrated database per run that every test file copies: a PGlite snapshot (loaded per file in ~0.5 s)
 * or a PostgreSQL template database (CREATE DATABASE … TEMPLATE per file).
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
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${template}`);
    await client.query(`CREATE DATABASE ${template}`);
    const url = new URL(admin);
    url.pathname = `/${template}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString() });
    await database.migrate();
    await loadSectorTaxonomy(database.db);
    await database.close();
    project.provide('pgTemplate', template);
    return async () => {
      await client.query(`DROP DATABASE IF EXISTS ${template}`);
      await client.end();
    };
  }
  const client = await createPglite();
  const database = wrapPglite(client);
  await database.migrate();
  await loadSectorTaxonomy(database.db);
  const blob = await client.dumpDataDir('none');
  const file = path.join(os.tmpdir(), `clock-golden-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  project.provide('pgliteSnapshot', file);
  return () => fs.rmSync(file, { force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}
