import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Config } from '../config.ts';
import * as schema from './schema/index.ts';
import { lockDataDir } from './lock.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies the migrations (holding the preparation lock). */
  migrate(): Promise<void>;
  /**
   * Runs `fn` while no other process prepares this database (migrations, reference data, the demo): a PostgreSQL
   * advisory lock, held by one connection and released when it ends; a PGlite directory is locked whole already.
   * Re-entrant within the process.
   */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The advisory lock key of database preparation (any constant the application alone uses). */
const PREPARE_LOCK = 7_436_201_998;

function advisoryLock(pool: pg.Pool) {
  let depth = 0;
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (depth > 0) return fn();
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [PREPARE_LOCK]);
      depth++;
      try {
        return await fn();
      } finally {
        depth--;
        await client.query('select pg_advisory_unlock($1)', [PREPARE_LOCK]);
      }
    } finally {
      client.release();
    }
  };
}

/** Work to run once a transaction has committed, per open transaction (its savepoints share the list). */
const commitHooks = new WeakMap<object, (() => void)[]>();

/**
 * Runs `fn` once the transaction `conn` belongs to has committed (never when it rolls back); at once when `conn` is
 * the database itself (each statement commits on its own). Used to wake in-process work that reads what the
 * transaction wrote, such as the mail worker.
 */
export function afterCommit(conn: Db | Tx, fn: () => void): void {
  const hooks = commitHooks.get(conn);
  if (hooks) hooks.push(fn);
  else fn();
}

/** Tracks `tx` (and its savepoints) for afterCommit. */
function track(tx: Tx, hooks: (() => void)[]) {
  commitHooks.set(tx, hooks);
  const savepoint = tx.transaction.bind(tx);
  tx.transaction = (<T>(fn: (sub: Tx) => Promise<T>) =>
    savepoint((sub) => {
      track(sub, hooks);
      return fn(sub);
    })) as Tx['transaction'];
}

/** Makes `db.transaction` run the afterCommit hooks of each transaction once it has committed. */
function withCommitHooks(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = (async (fn, config) => {
    const hooks: (() => void)[] = [];
    const result = await transaction((tx) => {
      track(tx, hooks);
      return fn(tx);
    }, config);
    for (const hook of hooks) {
      try {
        hook();
      } catch (e) {
        console.error('after-commit hook failed', e);
      }
    }
    return result;
  }) as Db['transaction'];
  return db;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * The embedded database's buffer pool. PostgreSQL's default, 128 MB, is written over when the database starts, inside
 * WASM memory that never shrinks: about 100 MiB of the server's resident memory before any query (decision 026).
 * The operating system's page cache keeps the data files anyway, and large tables are scanned through a small ring
 * buffer whatever the pool's size.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

/**
 * Opens an embedded PGlite with the extensions the migrations need (btree_gist, for the bookings' exclusion
 * constraint). Every PGlite the application, the tests or the benchmarks open goes through here.
 */
export function createPglite(options: PGliteOptions = {}): Promise<PGlite> {
  return PGlite.create({
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    ...options,
    extensions: { ...options.extensions, btree_gist },
  });
}

/** Opens the configured database (locking an embedded data directory). Throws DataDirLockedError. */
export async function openDatabase(config: Config['database'], command = 'clock'): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle connection the server ends (restart, failover, an administrator) must not take the process down: the
    // pool drops it and opens a new one for the next query.
    pool.on('error', (e) => console.error(`database: an idle connection was closed (${e.message})`));
    const db = withCommitHooks(drizzlePg({ client: pool, schema }) as unknown as Db);
    const exclusively = advisoryLock(pool);
    return {
      db,
      kind: 'postgres',
      migrate: () => exclusively(() => migratePg(db as never, { migrationsFolder })),
      exclusively,
      close: () => pool.end(),
    };
  }
  const lock = lockDataDir(config.dataDir, command);
  try {
    const client = await createPglite({ dataDir: config.dataDir });
    return wrapPglite(client, () => lock.release());
  } catch (e) {
    lock.release();
    throw e;
  }
}

/** Wraps an open PGlite (a data directory, memory, or a loaded snapshot) as a Database. */
export function wrapPglite(client: PGlite, onClose: () => void = () => {}): Database {
  const db = withCommitHooks(drizzlePglite({ client, schema }) as unknown as Db);
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    exclusively: (fn) => fn(),
    close: async () => {
      await client.close();
      onClose();
    },
  };
}
