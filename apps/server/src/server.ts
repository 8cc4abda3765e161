import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { prepareDatabase } from './db/prepare.ts';
import { openAdminChannel, type AdminChannel } from './admin-channel.ts';
import { describeFailure, operatorLabel, runOperation } from './cli-operations.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  close(): Promise<void>;
}

/** Opens (and locks) the database, migrates, seeds an empty one if asked, listens, and closes gracefully on signals. */
export async function startServer(
  config: Config,
  { handleSignals = true, logger = true } = {},
): Promise<RunningServer> {
  // The HTTP application's modules load while the database opens and migrates (about a third of the time before
  // the server listens); a failure to load them is reported after the database's, if any.
  const appModule = import('./app.ts');
  appModule.catch(() => {});
  const database = await openDatabase(config.database, 'clock serve');
  let app: FastifyInstance;
  try {
    await prepareDatabase(database, config.seed, (m) => console.log(m));
    // Listens first, then builds the search index in the background (searches answer from the database meanwhile).
    const { buildApp } = await appModule;
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
  const channel = await openCommandChannel(config, database, app);
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await channel?.close();
      await app.close();
      await database.close();
    })());
  if (handleSignals) {
    for (const sig of ['SIGTERM', 'SIGINT'] as const) {
      process.once(sig, () => {
        app.log.info({ signal: sig }, 'shutting down');
        const force = setTimeout(() => process.exit(1), 10_000);
        force.unref();
        close().then(
          () => process.exit(0),
          (e) => {
            console.error(e);
            process.exit(1);
          },
        );
      });
    }
  }
  return { app, database, url, close };
}

/**
 * On the embedded database (which this process holds locked) the operator's `clock` commands reach the database
 * through this server: an owner-only socket in the data directory (admin-channel.ts). PostgreSQL needs none: the CLI
 * connects to the database itself.
 */
async function openCommandChannel(
  config: Config,
  database: Database,
  app: FastifyInstance,
): Promise<AdminChannel | null> {
  if (config.database.kind !== 'pglite') return null;
  return openAdminChannel(
    config.database.dataDir,
    async (req, io) => {
      const label = operatorLabel(String(req.operator));
      app.log.info({ command: req.command, arg: req.arg, operator: req.operator }, 'command from the command line');
      try {
        return await runOperation(
          { database, operator: { kind: 'operator', label }, io, served: true, settings: config },
          req,
        );
      } catch (e) {
        const failure = describeFailure(e);
        if (failure) {
          for (const line of failure.lines) io.warn(line);
          return failure.code;
        }
        app.log.error({ err: e, command: req.command }, 'a command from the command line failed');
        io.warn(`The command failed in the server: ${(e as Error).message} (details in the server's log).`);
        return 1;
      }
    },
    (m) => app.log.warn(m),
  );
}
