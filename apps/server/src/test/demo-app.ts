import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { freshDemoDatabase } from './db.ts';
import { testConfig } from './factories.ts';

/** The demo network in a fresh database with the app over it, for the file's tests (closed after them). */
export function useDemoApp(): { database: Database; app: FastifyInstance } {
  const demo = {} as { database: Database; app: FastifyInstance };
  beforeAll(async () => {
    demo.database = await freshDemoDatabase();
    demo.app = await buildApp({ config: testConfig(), database: demo.database, logger: false });
  });
  afterAll(async () => {
    await demo.app?.close();
    await demo.database?.close();
  });
  return demo;
}
