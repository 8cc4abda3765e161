import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../client.ts';
import type { LocalizedText } from '../schema/index.ts';
import * as repo from '../../modules/catalogue/catalogue.repo.ts';
import { importBundle, type ImportReport } from '../../modules/catalogue/bundle.service.ts';
import { seedDemoRequests } from './demo-requests.ts';
import { seedDemoCompanies } from './demo-companies.ts';

export const DEMO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo');

interface NetworkFile {
  network: { name: string; protocol: { signedOn?: string; place?: string; summary: LocalizedText }; aims?: LocalizedText[] };
  profiles: Record<string, { district?: LocalizedText; lat?: number; lon?: number }>;
  taxonomies: Record<'filiera' | 's3' | 'technologyArea', { code: string; label: LocalizedText; parent?: string }[]>;
}

/** Loads the demo network (the Region, the six centres and their offer) and its taxonomies; safe to repeat. */
export async function seedDemo(db: Db): Promise<ImportReport> {
  const net = JSON.parse(fs.readFileSync(path.join(DEMO_DIR, 'network.json'), 'utf8')) as NetworkFile;
  const report = await importBundle(db, fs.createReadStream(path.join(DEMO_DIR, 'bundle.json')));
  await db.transaction(async (tx) => {
    await repo.putNetworkSetting(tx, 'network', net.network);
    for (const scheme of ['filiera', 's3', 'technologyArea'] as const) {
      await repo.upsertTaxonomyTerms(tx, net.taxonomies[scheme].map((t) => ({ scheme, code: t.code, label: t.label, parentCode: t.parent ?? null })));
    }
    for (const [id, profile] of Object.entries(net.profiles)) await repo.setOrganizationProfile(tx, id, profile);
  });
  await seedDemoRequests(db, DEMO_DIR);
  await seedDemoCompanies(db, DEMO_DIR);
  return report;
}

/** True when the catalogue holds no organisation yet (the demo loads only into an empty database). */
export async function isCatalogueEmpty(db: Db): Promise<boolean> {
  return (await repo.countCatalogue(db)) === 0;
}
