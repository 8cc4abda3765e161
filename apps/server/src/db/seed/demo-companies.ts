import fs from 'node:fs';
import path from 'node:path';
import type { Db, Tx } from '../client.ts';
import type { CompanySize, LocalizedText } from '../schema/index.ts';
import * as companies from '../../modules/companies/companies.repo.ts';
import * as contacts from '../../modules/companies/contacts.repo.ts';

interface DemoCompanies {
  profiles: Record<string, { sizeClass: CompanySize; offers: LocalizedText; seeks: LocalizedText }>;
  contacts: Record<string, { email?: string; phone?: string; address?: string; pec?: string }>;
}

/**
 * Loads the demo companies' profiles (what they offer and look for; verified, no VAT number so nothing looks like a
 * real registration) and the centres' contact details from demo/companies.json; safe to repeat.
 */
export async function seedDemoCompanies(db: Db | Tx, demoDir: string) {
  const file = JSON.parse(fs.readFileSync(path.join(demoDir, 'companies.json'), 'utf8')) as DemoCompanies;
  await db.transaction(async (tx) => {
    for (const [id, p] of Object.entries(file.profiles)) {
      if (await companies.findCompany(tx, id))
        await companies.updateCompany(
          tx,
          id,
          {},
          { sizeClass: p.sizeClass, offers: p.offers, seeks: p.seeks, verification: 'verified' },
        );
    }
    for (const [id, c] of Object.entries(file.contacts)) {
      if (await companies.organizationExists(tx, id))
        await contacts.putContact(tx, id, {
          email: c.email ?? null,
          phone: c.phone ?? null,
          address: c.address ?? null,
          pec: c.pec ?? null,
        });
    }
  });
}
