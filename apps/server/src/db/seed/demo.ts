import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Db } from '../client.ts';
import type { LocalizedText } from '../schema/index.ts';
import * as repo from '../../modules/catalogue/catalogue.repo.ts';
import { importBundle, type ImportReport } from '../../modules/catalogue/bundle.service.ts';
import { seedDemoRequests } from './demo-requests.ts';
import { seedDemoPeople } from './demo-people.ts';
import { seedDemoCompanies } from './demo-companies.ts';
import { seedDemoBookings } from './demo-bookings.ts';
import { seedDemoNews } from './demo-news.ts';
import { seedDemoActions } from './demo-actions.ts';
import { seedDemoEvents } from './demo-events.ts';
import { seedDemoBrokerage } from './demo-brokerage.ts';
import { seedDemoGovernance } from './demo-governance.ts';

export const DEMO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'demo');

interface NetworkFile {
  network: {
    name: string;
    protocol: { signedOn?: string; place?: string; summary: LocalizedText };
    aims?: LocalizedText[];
  };
  profiles: Record<string, { district?: LocalizedText; lat?: number; lon?: number }>;
  taxonomies: Record<'filiera' | 's3' | 'technologyArea', { code: string; label: LocalizedText; parent?: string }[]>;
}

/**
 * Loads the demo network (the Region, the six centres and their offer, profiles, taxonomies, settings and the demo
 * requests, equipment sharing, joint actions and nucleus meetings, and its people: one for every role, shown on the sign-in page) in one transaction: a crash part-way leaves nothing, and the next start loads it whole. Safe to repeat.
 */
export async function seedDemo(db: Db, dir = DEMO_DIR): Promise<ImportReport> {
  const net = JSON.parse(fs.readFileSync(path.join(dir, 'network.json'), 'utf8')) as NetworkFile;
  // The organisations' profiles and the network's labels travel in the bundle, as an export would carry them.
  const bundle = JSON.parse(fs.readFileSync(path.join(dir, 'bundle.json'), 'utf8')) as {
    organizations: { id: string; profile?: object }[];
  };
  for (const o of bundle.organizations) if (net.profiles[o.id]) o.profile = net.profiles[o.id];
  const withLabels = { ...bundle, taxonomies: net.taxonomies };
  return db.transaction(async (tx) => {
    const report = await importBundle(tx, Readable.from([JSON.stringify(withLabels)]));
    await repo.putNetworkSetting(tx, 'network', net.network);
    await seedDemoRequests(tx, dir);
    await seedDemoCompanies(tx, dir);
    await seedDemoPeople(tx, dir);
    await seedDemoBookings(tx, dir);
    await seedDemoNews(tx, dir);
    await seedDemoActions(tx);
    await seedDemoEvents(tx);
    await seedDemoBrokerage(tx, dir);
    await seedDemoGovernance(tx);
    return report;
  });
}

/** True when the catalogue holds no organisation yet (the demo loads only into an empty database). */
export async function isCatalogueEmpty(db: Db): Promise<boolean> {
  return (await repo.countCatalogue(db)) === 0;
}
