import { once } from 'node:events';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database } from '../../db/client.ts';
import { AppError, type FieldProblem } from '../../core/errors.ts';
import * as repo from './backup.repo.ts';
import { BACKUP_FORMAT, restoreOrder, type BackupHeader } from './backup.rules.ts';

/**
 * Backup and restore of everything the application stores, in a portable format (decision 008): gzip-compressed
 * lines, the first `["clock-backup/1", header]`, then per table `["table", name, columns]` followed by one line per row
 * (the row as PostgreSQL writes it in JSON), then `["sequences", …]` and `["end", counts]`. The same file moves data
 * between the embedded database and PostgreSQL. Both functions take the database, so a running server can offer them.
 */
export interface BackupReport {
  tables: Record<string, number>;
  rows: number;
}

const BATCH = 1000;
const total = (tables: Record<string, number>) => Object.values(tables).reduce((a, b) => a + b, 0);

/** Writes a consistent backup (one read-only snapshot, so servers may keep writing meanwhile) to `out`. */
export async function writeBackup(database: Database, out: Writable): Promise<BackupReport> {
  const gzip = createGzip();
  const piped = pipeline(gzip, out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    const tables = await database.db.transaction(
      async (tx) => {
        const order = restoreOrder(await repo.listTables(tx));
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          createdAt: new Date().toISOString(),
          database: database.kind,
          migrations: await repo.migrationLevel(tx),
          tables: order,
        };
        await write(JSON.stringify([BACKUP_FORMAT, header]));
        const counts: Record<string, number> = {};
        for (const table of order) {
          await write(JSON.stringify(['table', table, await repo.writableColumns(tx, table)]));
          counts[table] = 0;
          for await (const batch of repo.readTable(tx, table, BATCH)) {
            for (const row of batch) await write(row);
            counts[table] += batch.length;
          }
        }
        await write(JSON.stringify(['sequences', await repo.sequences(tx)]));
        await write(JSON.stringify(['end', counts]));
        return counts;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await piped;
    return { tables, rows: total(tables) };
  } catch (e) {
    gzip.destroy(e as Error);
    await piped.catch(() => {});
    throw e;
  }
}

const bad = (message: string) =>
  new AppError('INVALID_BUNDLE', `Not a usable backup: ${message}. Nothing was restored.`);

/**
 * Restores a backup into this database, all or nothing, in one transaction. The database must be empty (a new one,
 * migrated: the reference sector labels do not count) unless `force`, which replaces everything in it.
 */
export async function restoreBackup(
  database: Database,
  input: Readable,
  opts: { force?: boolean } = {},
): Promise<BackupReport> {
  const gunzip = createGunzip();
  input.on('error', (e) => gunzip.destroy(e));
  const lines = readline.createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async () => {
    try {
      const r = await lines.next();
      return r.done ? null : r.value;
    } catch (e) {
      throw bad(`the file is not a gzip-compressed backup (${(e as Error).message})`);
    }
  };
  const first = await next();
  let header: BackupHeader;
  try {
    const [format, h] = JSON.parse(first ?? '') as [string, BackupHeader];
    if (format !== BACKUP_FORMAT) throw new Error();
    header = h;
  } catch {
    throw bad(`the first line is not a ${BACKUP_FORMAT} header`);
  }
  const level = await repo.migrationLevel(database.db);
  if (header.migrations.count > level.count) {
    throw new AppError(
      'CONFLICT',
      `The backup comes from a newer version (${header.migrations.count} migrations, this one has ${level.count}): upgrade first. Nothing was restored.`,
    );
  }
  return database.db.transaction(async (tx) => {
    const tables = (await repo.listTables(tx)).map((t) => t.name);
    if (!opts.force) {
      const problems: FieldProblem[] = [];
      for (const t of tables) {
        const n = (await repo.countRows(tx, t)) - (t === 'taxonomy_terms' ? await repo.referenceRows(tx) : 0);
        if (n > 0) problems.push({ pointer: `/${t}`, message: `holds ${n} row(s)` });
      }
      if (problems.length)
        throw new AppError(
          'CONFLICT',
          'The database is not empty: restore into a new database, or replace its content with --force. Nothing was restored.',
          problems,
        );
    }
    await repo.emptyTables(tx, tables);
    await repo.markRestoring(tx);
    const counts: Record<string, number> = {};
    let current: { table: string; columns: string[] } | null = null;
    let batch: string[] = [];
    let end: Record<string, number> | null = null;
    const flush = async () => {
      if (current && batch.length) await repo.insertRows(tx, current.table, current.columns, batch);
      batch = [];
    };
    for (let line = await next(); line !== null; line = await next()) {
      if (!line) continue;
      if (line.startsWith('{')) {
        if (!current) throw bad('a row comes before any table');
        batch.push(line);
        counts[current.table]! += 1;
        if (batch.length >= BATCH) await flush();
        continue;
      }
      await flush();
      const [kind, a, b] = JSON.parse(line) as [string, unknown, unknown];
      if (kind === 'table') {
        const table = String(a);
        if (!tables.includes(table)) throw bad(`table "${table}" is unknown to this version`);
        const mine = new Set(await repo.writableColumns(tx, table));
        // Columns added since the backup was made take their defaults.
        current = { table, columns: (b as string[]).filter((c) => mine.has(c)) };
        counts[table] = 0;
      } else if (kind === 'sequences') {
        const known = new Set((await repo.sequences(tx)).map((s) => s.name));
        for (const s of a as { name: string; value: string | null }[])
          if (known.has(s.name)) await repo.setSequence(tx, s.name, s.value);
      } else if (kind === 'end') {
        end = a as Record<string, number>;
      } else {
        throw bad(`unknown line "${kind}"`);
      }
    }
    if (!end) throw bad('the file ends early (was it copied whole?)');
    const differ = Object.entries(end)
      .filter(([t, n]) => counts[t] !== n)
      .map(([t, n]) => `${t}: ${counts[t] ?? 0} of ${n}`);
    if (differ.length) throw bad(`rows are missing (${differ.join(', ')})`);
    return { tables: counts, rows: total(counts) };
  });
}
