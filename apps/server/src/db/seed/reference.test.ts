import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { freshDatabase } from '../../test/db.ts';
import { loadSectorTaxonomy } from './reference.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.close();
});

/** The transaction that wrote each sector term's current row version. */
async function versions(): Promise<string[]> {
  const r = await database.db.execute(
    sql`select xmin::text as v from taxonomy_terms where scheme = 'sector' order by code`,
  );
  return (r as unknown as { rows: { v: string }[] }).rows.map((x) => x.v);
}

describe('the sector taxonomy loaded at every start', () => {
  it('leaves unchanged terms as they are (no new row versions at each start)', async () => {
    const before = await versions();
    expect(before.length).toBeGreaterThan(900);
    expect(await loadSectorTaxonomy(database.db)).toBe(before.length);
    expect(await versions()).toEqual(before);
  });
});
