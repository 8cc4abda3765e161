import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { freshDatabase } from '../../test/db.ts';
import { buildExpert, buildOffer, buildOrganization, bundleStream } from '../../test/factories.ts';
import { AppError } from '../../core/errors.ts';
import { exportBundle, importBundle } from './bundle.service.ts';
import * as repo from './catalogue.repo.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database.close();
});

async function exportText(): Promise<string> {
  let text = '';
  await exportBundle(
    database.db,
    new Writable({
      write(chunk, _e, cb) {
        text += chunk;
        cb();
      },
    }),
  );
  return text;
}
async function rejection(bundle: unknown): Promise<AppError> {
  try {
    await importBundle(database.db, bundleStream(bundle));
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('the bundle was accepted');
}

describe('clock-bundle/1 import and export', () => {
  it('round-trips a bundle exactly: ids verbatim, fields left out stay out, re-import changes nothing', async () => {
    const org = buildOrganization({
      province: 'LU',
      description: { it: 'Centro per la carta' },
      s3: ['ict'],
      sectors: [],
    });
    const company = buildOrganization({ kind: 'company', name: 'Cartiera Srl' });
    const bundle = {
      format: 'clock-bundle/1',
      organizations: [org, company],
      competences: [
        buildOffer(org.id, { title: { en: 'Fatigue of welded joints' }, trl: 6, keywords: ['fatigue', 'welding'] }),
      ],
      services: [buildOffer(org.id, { kind: 'testing', description: { it: 'Prove', en: 'Tests' } })],
      equipment: [
        buildOffer(company.id, { lab: 'Lab 1', bookable: false, access: 'public', technologyAreas: ['testing'] }),
      ],
      experts: [buildExpert(org.id, { role: { it: 'Ricercatrice' }, publicProfile: false })],
    };
    const first = await importBundle(database.db, bundleStream(bundle));
    expect(first).toMatchObject({ records: 6, created: 6, updated: 0, unchanged: 0 });

    const exported = JSON.parse(await exportText());
    const mine = (list: { id: string }[] | undefined, ids: string[]) => (list ?? []).filter((r) => ids.includes(r.id));
    expect(mine(exported.organizations, [org.id, company.id])).toEqual(bundle.organizations);
    for (const c of ['competences', 'services', 'equipment', 'experts'] as const) {
      expect(
        mine(
          exported[c],
          bundle[c].map((r) => r.id),
        ),
      ).toEqual(bundle[c]);
    }
    const revision = await repo.currentRevision(database.db);
    const again = await importBundle(database.db, bundleStream(bundle));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    expect(await repo.currentRevision(database.db)).toBe(revision);
  });

  it("carries organisation profiles and the network's labels (supply chains, S3, technology areas) both ways", async () => {
    const org = buildOrganization({
      profile: { district: { it: 'Distretto cartario di Lucca', en: 'Lucca paper district' }, lat: 43.84, lon: 10.5 },
    });
    const taxonomies = {
      filiera: [
        { code: 'carta-prova', label: { it: 'Carta', en: 'Paper' } },
        { code: 'tissue-prova', label: { it: 'Tissue' }, parent: 'carta-prova' },
      ],
      s3: [{ code: 's3-prova', label: { en: 'Smart paper' } }],
      technologyArea: [{ code: 'ta-prova', label: { it: 'Materiali', en: 'Materials' } }],
    };
    const bundle = { format: 'clock-bundle/1', organizations: [org], taxonomies };
    await importBundle(database.db, bundleStream(bundle));
    const exported = JSON.parse(await exportText());
    expect(exported.organizations.find((o: { id: string }) => o.id === org.id)).toEqual(org);
    for (const scheme of ['filiera', 's3', 'technologyArea'] as const) {
      for (const term of taxonomies[scheme]) expect(exported.taxonomies[scheme]).toContainEqual(term);
    }
    expect(exported.taxonomies.sector).toBeUndefined();
    expect(await importBundle(database.db, bundleStream(bundle))).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
    });

    const bad = await rejection({
      format: 'clock-bundle/1',
      organizations: [{ ...org, profile: { lat: 123 } }],
      taxonomies: { filiera: [{ code: '' }], colours: [] },
    });
    expect(bad.errors).toEqual(
      expect.arrayContaining([
        { pointer: `/organizations/0/profile/lat`, message: expect.stringContaining('90') },
        { pointer: '/taxonomies/filiera/0/label', message: 'is required' },
        { pointer: '/taxonomies/filiera/0/code', message: 'must not be empty' },
        { pointer: '/taxonomies/colours', message: 'is not an allowed field' },
      ]),
    );
  });

  it('updates changed records in place and keeps the others', async () => {
    const org = buildOrganization();
    const rec = buildOffer(org.id, { title: { it: 'Prima versione' } });
    await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [org], services: [rec] }));
    const changed = { ...rec, title: { it: 'Seconda versione' } };
    const r = await importBundle(
      database.db,
      bundleStream({ format: 'clock-bundle/1', organizations: [org], services: [changed] }),
    );
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await repo.getOffer(database.db, 'service', rec.id))?.title).toEqual({ it: 'Seconda versione' });
  });

  it('accepts records of an organisation imported earlier, and records listed before their organisation', async () => {
    const org = buildOrganization();
    await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [org] }));
    const rec = buildOffer(org.id);
    const other = buildOrganization();
    const text = `{"services":[${JSON.stringify(rec)},${JSON.stringify(buildOffer(other.id))}],"format":"clock-bundle/1","organizations":[${JSON.stringify(other)}]}`;
    const r = await importBundle(database.db, bundleStream(text));
    expect(r.created).toBe(3);
  });

  it('rejects a bad bundle whole, listing every problem by JSON pointer, and changes nothing', async () => {
    const good = buildOrganization();
    const before = await exportText();
    const e = await rejection({
      format: 'clock-bundle/1',
      organizations: [good, { id: 'Bad Id', kind: 'shop', name: '', province: 'Lucca' }],
      services: [
        buildOffer(good.id),
        buildOffer('nobody-here'),
        { id: 'x', organization: good.id, title: {}, price: 3 },
      ],
      equipment: [buildOffer(good.id, { access: 'everyone', bookable: 'yes' })],
      competences: [buildOffer(good.id, { trl: 12 })],
      surprise: [],
    });
    expect(e.code).toBe('INVALID_BUNDLE');
    const pointers = e.errors.map((p) => `${p.pointer}: ${p.message}`);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/organizations/1/id: must be 1-100 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
        expect.stringMatching(/^\/organizations\/1\/kind: must be one of/),
        '/organizations/1/name: must not be empty',
        '/organizations/1/province: must be a two-letter province code such as LU',
        '/services/1/organization: unknown organisation "nobody-here"',
        '/services/2/title: must have text in at least one language (it or en)',
        '/services/2/price: is not an allowed field',
        expect.stringMatching(/^\/equipment\/0\/access: must be one of/),
        '/equipment/0/bookable: must be boolean',
        '/competences/0/trl: must be <= 9',
        '/surprise: is not an allowed field',
      ]),
    );
    expect(await exportText()).toBe(before);
    expect(await repo.getOrganization(database.db, good.id)).toBeNull();
  });

  it('reports duplicate ids, a wrong format, a missing organizations list and broken JSON', async () => {
    const org = buildOrganization();
    const dup = await rejection({ format: 'clock-bundle/2', organizations: [org, { ...org }] });
    expect(dup.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/format', message: 'must be "clock-bundle/1"' },
        { pointer: '/organizations/1/id', message: `duplicate organization id "${org.id}" (also at /organizations/0)` },
      ]),
    );
    const missing = await rejection({ format: 'clock-bundle/1' });
    expect(missing.errors).toContainEqual({ pointer: '/organizations', message: 'is required' });
    const broken = await rejection('{"format":"clock-bundle/1","organizations":[{"id":');
    expect(broken.message).toMatch(/not valid JSON/);
    const notObject = await rejection('42');
    expect(notObject.code).toBe('INVALID_BUNDLE');
  });

  it('streams a large bundle in batches within one transaction', async () => {
    const org = buildOrganization();
    const services = Array.from({ length: 2500 }, (_, i) =>
      buildOffer(org.id, { id: `bulk-${org.id}-${i}`, title: { it: `Servizio ${i}` } }),
    );
    const progress: number[] = [];
    const r = await importBundle(
      database.db,
      bundleStream({ format: 'clock-bundle/1', organizations: [org], services }),
      (p) => progress.push(p.records),
    );
    expect(r.created).toBe(2501);
    expect(progress.length).toBeGreaterThan(10);
    expect((await repo.listOffers(database.db, { type: 'service', organization: org.id }, 1, 1)).total).toBe(2500);
  });
});
