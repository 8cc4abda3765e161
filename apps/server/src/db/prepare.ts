import type { Database } from './client.ts';
import { isCatalogueEmpty, seedDemo } from './seed/demo.ts';
import { loadSectorTaxonomy } from './seed/reference.ts';

/**
 * Applies migrations, loads reference taxonomies, and loads the demo network into an empty catalogue when asked —
 * one process at a time (servers starting together on one PostgreSQL take turns; the later ones find it done).
 */
export async function prepareDatabase(
  database: Database,
  seed: 'demo' | 'none',
  log: (m: string) => void = () => {},
): Promise<void> {
  await database.exclusively(async () => {
    await database.migrate();
    await loadSectorTaxonomy(database.db);
    if (seed === 'demo' && (await isCatalogueEmpty(database.db))) {
      const r = await seedDemo(database.db);
      log(`Loaded the demo network: ${r.records} records (${r.byCollection.organizations} organisations).`);
    }
  });
}
