import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { prepareDatabase } from './db/prepare.ts';

export interface RunningServer { app: FastifyInstance; database: Database; url: string; close(): Promise<void> }

/** Opens (and locks) the database, migrates, seeds an empty one if asked, listens, and closes gracefully on signals. */
export async function startServer(config: Config, { handleSignals = true, logger = true } = {}): Promise<RunningServer> {
  const database = await openDatabase(config.database, 'clock serve');
  let app: FastifyInstance;
  try {
    await prepareDatabase(database, config.seed, (m) => console.log(m));
    // Listens first, then builds the search index in the background (searches answer from the database meanwhile).
    app = await buildApp({ config, database, logger, waitForSearchIndex: false });
    await app.listen({ port: config.http.port, host: config.http.host });
    app.searchService.start();
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.http.port;
  const url = `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${port}`;
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= (async () => {
    await app.close();
    await database.close();
  })());
  if (handleSignals) {
    for (const sig of ['SIGTERM', 'SIGINT'] as const) {
      process.once(sig, () => {
        app.log.info({ signal: sig }, 'shutting down');
        const force = setTimeout(() => process.exit(1), 10_000);
        force.unref();
        close().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
      });
    }
  }
  return { app, database, url, close };
}
