import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';

type Conn = Db | Tx;
const rows = async <T>(tx: Conn, q: ReturnType<typeof sql>) => ((await tx.execute(q)) as unknown as { rows: T[] }).rows;
const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** The application's tables (schema public) with the tables each refers to by foreign key. */
export function listTables(tx: Conn) {
  return rows<{ name: string; refers: string[] }>(
    tx,
    sql`
    select c.relname::text as name,
      coalesce(array_agg(distinct r.relname::text) filter (where r.relname is not null and r.relname <> c.relname), '{}'::text[]) as refers
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    left join pg_constraint f on f.conrelid = c.oid and f.contype = 'f'
    left join pg_class r on r.oid = f.confrelid
    where c.relkind in ('r', 'p')
    group by c.relname order by c.relname`,
  );
}

/** Columns a restore may write (generated columns are computed again). */
export async function writableColumns(tx: Conn, table: string): Promise<string[]> {
  const r = await rows<{ name: string }>(
    tx,
    sql`
    select column_name as name from information_schema.columns
    where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`,
  );
  return r.map((c) => c.name);
}

/**
 * Reads a whole table through a cursor (inside the caller's transaction, so from its snapshot), `batch` rows at a
 * time, each as the JSON text PostgreSQL writes (kept as text, so no value is rounded on the way).
 */
export async function* readTable(tx: Tx, table: string, batch: number): AsyncGenerator<string[]> {
  await tx.execute(
    sql`declare clock_backup no scroll cursor for select to_jsonb(t)::text as row from ${ident(table)} t`,
  );
  try {
    for (;;) {
      const r = await rows<{ row: string }>(tx, sql`fetch ${sql.raw(String(Math.trunc(batch)))} from clock_backup`);
      if (!r.length) return;
      yield r.map((x) => x.row);
    }
  } finally {
    await tx.execute(sql`close clock_backup`);
  }
}

export async function countRows(tx: Conn, table: string): Promise<number> {
  return (await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${ident(table)}`))[0]!.n;
}

/** Rows the application loads by itself into a new database (the NACE sector labels), not counted as content. */
export async function referenceRows(tx: Conn): Promise<number> {
  return (await rows<{ n: number }>(tx, sql`select count(*)::int as n from taxonomy_terms where scheme = 'sector'`))[0]!
    .n;
}

export function sequences(tx: Conn) {
  return rows<{ name: string; value: string | null }>(
    tx,
    sql`
    select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by sequencename`,
  );
}

export async function setSequence(tx: Conn, name: string, value: string | null) {
  if (value === null) await tx.execute(sql`select setval(${`public.${name}`}, 1, false)`);
  else await tx.execute(sql`select setval(${`public.${name}`}, ${value}::bigint, true)`);
}

/** How many migrations this database has applied, and the last one's timestamp. */
export async function migrationLevel(tx: Conn): Promise<{ count: number; last: string | null }> {
  const r = await rows<{ count: number; last: string | null }>(
    tx,
    sql`
    select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  return r[0]!;
}

/**
 * Empties every table (the append-only audit log included: its guard trigger is switched off for this transaction's
 * statement and on again; a failed restore rolls both back).
 */
export async function emptyTables(tx: Tx, tables: string[]) {
  if (!tables.length) return;
  const list = sql.join(tables.map(ident), sql`, `);
  for (const t of tables) await tx.execute(sql`alter table ${ident(t)} disable trigger user`);
  await tx.execute(sql`truncate ${list} restart identity`);
  for (const t of tables) await tx.execute(sql`alter table ${ident(t)} enable trigger user`);
}

/**
 * Marks this transaction as a restore: the change log's triggers (decision 020) log nothing, since the backup carries
 * the change log itself; and the keys that may be checked late (those of a cycle between two tables, such as a
 * meeting's agenda items and outcomes) are checked at commit, once every table is back.
 */
export async function markRestoring(tx: Tx) {
  await tx.execute(sql`select set_config('clock.restoring', 'on', true)`);
  await tx.execute(sql`set constraints all deferred`);
}

/** Inserts rows given as JSON object texts (PostgreSQL converts each value from its JSON form to the column's type). */
export async function insertRows(tx: Tx, table: string, columns: string[], batch: string[]) {
  if (!batch.length) return;
  const cols = sql.join(columns.map(ident), sql`, `);
  await tx.execute(sql`insert into ${ident(table)} (${cols}) overriding system value
    select ${cols} from jsonb_populate_recordset(null::${ident(table)}, ${`[${batch.join(',')}]`}::jsonb)`);
}
