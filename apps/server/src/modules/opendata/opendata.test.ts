import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { Parser, Store } from 'n3';
import jsonld from 'jsonld';
import SHACLValidator from 'rdf-validate-shacl';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { freshDemoDatabase } from '../../test/db.ts';
import { testConfig } from '../../test/factories.ts';
import { DATASETS } from './datasets.service.ts';

// The open data of the demo network, read from outside: the DCAT-AP_IT catalogue against AgID's mandatory rules
// (SHACL shapes), every distribution downloaded and parsed, row counts against the API, record URIs, discovery.
const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = 'http://clock.example.org';
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await freshDemoDatabase();
  app = await buildApp({ config: testConfig({ publicUrl: BASE }), database, logger: false });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const DCAT = 'http://www.w3.org/ns/dcat#';
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });
const local = (url: string) => {
  expect(url.startsWith(BASE), url).toBe(true);
  return url.slice(BASE.length);
};

async function shapes() {
  const store = new Store();
  store.addQuads(new Parser().parse(fs.readFileSync(path.join(here, 'shapes/dcat-ap_it.shapes.ttl'), 'utf8')));
  return store;
}
async function violations(data: Store) {
  const report = await new SHACLValidator(await shapes()).validate(data);
  return report.results
    .filter((r) => r.severity?.value === 'http://www.w3.org/ns/shacl#Violation')
    .map((r) => `${r.focusNode?.value}: ${r.message.map((m) => m.value).join(' ')}`);
}
async function catalogStore(): Promise<Store> {
  const r = await get('/opendata/catalog.ttl');
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toMatch(/^text\/turtle/);
  return new Store(new Parser({ baseIRI: BASE }).parse(r.body));
}

describe('the DCAT-AP_IT catalogue', () => {
  it('finds the violations of a catalogue known to break three mandatory rules (the validator works)', async () => {
    const invalid = fs.readFileSync(path.join(here, 'shapes/dcat-ap_it.example-invalid.ttl'), 'utf8');
    expect(await violations(new Store(new Parser().parse(invalid)))).toHaveLength(3);
  });

  it('validates with zero SHACL violations, as Turtle and as JSON-LD', async () => {
    expect(await violations(await catalogStore())).toEqual([]);
    const r = await get('/opendata/catalog.jsonld');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/ld\+json/);
    const nquads = (await jsonld.toRDF(r.json(), { format: 'application/n-quads' })) as unknown as string;
    const fromJsonLd = new Store(new Parser({ format: 'N-Quads' }).parse(nquads));
    expect(await violations(fromJsonLd)).toEqual([]);
    expect(fromJsonLd.size).toBe((await catalogStore()).size);
  });

  it('names the Region as publisher with its IPA code, and lists every dataset of the registry', async () => {
    const store = await catalogStore();
    const publisher = store.getObjects(null, 'http://purl.org/dc/terms/publisher', null)[0]!;
    expect(store.getObjects(publisher, 'http://purl.org/dc/terms/identifier', null)[0]?.value).toBe('r_toscan');
    const datasets = store.getObjects(null, `${DCAT}dataset`, null).map((d) => d.value);
    expect(datasets.sort()).toEqual(DATASETS.map((d) => `${BASE}/opendata/dataset/${d.name}`).sort());
  });

  it('has distributions that all download, with the declared media type, and parse', async () => {
    const store = await catalogStore();
    const dists = store.getSubjects('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', `${DCAT}Distribution`, null);
    expect(dists.length).toBe(DATASETS.length * 3);
    for (const d of dists) {
      const url = store.getObjects(d, `${DCAT}downloadURL`, null)[0]!.value;
      const access = store.getObjects(d, `${DCAT}accessURL`, null)[0]!.value;
      const media = store.getObjects(d, `${DCAT}mediaType`, null)[0]!.value;
      for (const u of new Set([url, access])) {
        const r = await get(local(u));
        expect(r.statusCode, u).toBe(200);
        expect(r.headers['content-type'], u).toMatch(new RegExp(`^${media.replace('+', '\\+')}`));
        if (media === 'text/csv') {
          const rows = parse(r.body, { columns: true, bom: false }) as Record<string, string>[];
          expect(rows.length, u).toBeGreaterThan(0);
        } else if (media === 'application/ld+json') {
          const quads = (await jsonld.toRDF(r.json(), { format: 'application/n-quads' })) as unknown as string;
          expect(quads.length, u).toBeGreaterThan(0);
        } else {
          expect(Array.isArray(r.json()), u).toBe(true);
        }
      }
    }
  });
});

/** The API's anonymous `total` of the collection each dataset publishes. */
const API_TOTALS: Record<string, () => Promise<number>> = {
  organizations: async () => (await get('/api/v1/organizations?limit=1')).json().total,
  competences: async () => (await get('/api/v1/competences?limit=1')).json().total,
  services: async () => (await get('/api/v1/services?limit=1')).json().total,
  equipment: async () => (await get('/api/v1/equipment?limit=1')).json().total,
  experts: async () => (await get('/api/v1/experts?limit=1')).json().total,
  requests: async () => (await get('/api/v1/requests?limit=1')).json().total,
  // Without `from` the list has no date bound: every public event, past ones too (`from` refuses years before 2000).
  events: async () => (await get('/api/v1/events?limit=1')).json().total,
  news: async () => (await get('/api/v1/news?limit=1')).json().total,
  's3-coverage': async () => (await get('/api/v1/taxonomies')).json().s3.length,
};

describe('the dataset files', () => {
  it('have a test of their row count for every dataset', () => {
    expect(Object.keys(API_TOTALS).sort()).toEqual(DATASETS.map((d) => d.name).sort());
  });

  for (const d of DATASETS) {
    it(`${d.name}: as many CSV rows, JSON records and JSON-LD nodes as the API's anonymous total`, async () => {
      const total = await API_TOTALS[d.name]!();
      expect(total).toBeGreaterThan(0);
      const csv = await get(`/opendata/${d.name}.csv`);
      expect(csv.body.includes('\r\n')).toBe(true);
      const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
      expect(rows.length).toBe(total);
      expect(Object.keys(rows[0]!)).toEqual(d.columns);
      expect(((await get(`/opendata/${d.name}.json`)).json() as unknown[]).length).toBe(total);
      expect(((await get(`/opendata/${d.name}.jsonld`)).json() as { '@graph': unknown[] })['@graph'].length).toBe(
        total,
      );
    });
  }

  it('include companies among the organisations, with their public profile', async () => {
    const rows = parse((await get('/opendata/organizations.csv')).body, { columns: true }) as Record<string, string>[];
    const companies = rows.filter((r) => r.kind === 'company');
    expect(companies.length).toBeGreaterThan(0);
    expect(companies.some((c) => c.size_class && c.company_offers_it && c.company_seeks_en)).toBe(true);
    expect(rows.some((r) => r.description_it && r.description_en)).toBe(true);
  });

  it('answer 304 to a caller holding the current version, and 200 once the data changed', async () => {
    const first = await get('/opendata/services.csv');
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(etag).toBeTruthy();
    expect(lastModified).toBeTruthy();
    expect((await get('/opendata/services.csv', { 'if-none-match': etag })).statusCode).toBe(304);
    expect((await get('/opendata/services.csv', { 'if-modified-since': lastModified })).statusCode).toBe(304);
    const cat = await get('/opendata/catalog.ttl');
    expect((await get('/opendata/catalog.ttl', { 'if-none-match': cat.headers.etag as string })).statusCode).toBe(304);
    await database.db.execute(
      "update offers set title = jsonb_set(title, '{it}', '\"Servizio cambiato\"') where type = 'service' and id = (select id from offers where type = 'service' and retired_at is null limit 1)" as never,
    );
    expect((await get('/opendata/services.csv', { 'if-none-match': etag })).statusCode).toBe(200);
    // Another dataset did not change.
    const eq = await get('/opendata/equipment.csv');
    expect((await get('/opendata/equipment.csv', { 'if-none-match': eq.headers.etag as string })).statusCode).toBe(304);
  });

  it('answer HEAD with the headers of the file', async () => {
    const r = await app.inject({ method: 'HEAD', url: '/opendata/services.csv' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    expect(r.headers.etag).toBeTruthy();
    expect(r.body).toBe('');
  });

  it('are compressed for anonymous callers', async () => {
    const r = await get('/opendata/organizations.csv', { 'accept-encoding': 'br' });
    expect(r.headers['content-encoding']).toBe('br');
  });

  it('answer 404 problem+json for an unknown dataset and 400 for an unknown format', async () => {
    const missing = await get('/opendata/nothing.csv');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    const bad = await get('/opendata/services.xlsx');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('record URIs', () => {
  it('give schema.org JSON-LD by content negotiation or suffix, and send browsers to the page', async () => {
    const rows = parse((await get('/opendata/equipment.csv')).body, { columns: true }) as Record<string, string>[];
    const uri = rows[0]!.uri!;
    const ld = await get(local(uri), { accept: 'application/ld+json' });
    expect(ld.statusCode).toBe(200);
    expect(ld.headers['content-type']).toMatch(/^application\/ld\+json/);
    const expanded = await jsonld.expand(ld.json());
    expect(expanded[0]!['@id']).toBe(uri);
    expect(expanded[0]!['@type']).toEqual(['https://schema.org/Product']);
    expect((await get(`${local(uri)}.jsonld`)).json()['@id']).toBe(uri);
    const page = await get(local(uri), { accept: 'text/html' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(`${BASE}/attrezzature/${rows[0]!.id}`);
    const org = await get(`/id/organization/lucense`, { accept: 'application/ld+json' });
    expect(org.json()['@type']).toBe('Organization');
    expect((await get('/id/expert/nobody', { accept: 'application/ld+json' })).statusCode).toBe(404);
  });

  it('describe events and news as schema.org events and articles, and send browsers to their pages', async () => {
    for (const [name, page, types] of [
      ['events', 'eventi', ['https://schema.org/Event', 'https://schema.org/EducationEvent']],
      ['news', 'notizie', ['https://schema.org/NewsArticle']],
    ] as const) {
      const rows = parse((await get(`/opendata/${name}.csv`)).body, { columns: true }) as Record<string, string>[];
      for (const row of rows) {
        const ld = await get(`${local(row.uri!)}.jsonld`);
        expect(ld.statusCode, row.uri).toBe(200);
        const [node] = await jsonld.expand(ld.json());
        expect(types).toContain(node!['@type']![0]);
        const redirect = await get(local(row.uri!), { accept: 'text/html' });
        expect(redirect.statusCode).toBe(303);
        expect(redirect.headers.location).toBe(`${BASE}/${page}/${row.id}`);
      }
    }
    // Past events are open data too (the demo has some), not only the upcoming ones.
    const ends = (parse((await get('/opendata/events.csv')).body, { columns: true }) as { end: string }[]).map((r) =>
      Date.parse(r.end),
    );
    expect(ends.some((t) => t < Date.now())).toBe(true);
    expect(ends.some((t) => t > Date.now())).toBe(true);
    const event = (await get('/opendata/events.jsonld')).json()['@graph'][0];
    expect(event).toMatchObject({ startDate: expect.any(String), endDate: expect.any(String) });
    expect(event.eventStatus).toMatch(/^https:\/\/schema\.org\/Event(Scheduled|Cancelled)$/);
    expect(event.organizer[0]['@id']).toMatch(new RegExp(`^${BASE}/id/organization/`));
    expect(['Place', 'VirtualLocation']).toContain(event.location['@type'] ?? event.location[0]['@type']);
    const article = (await get('/opendata/news.jsonld')).json()['@graph'][0];
    expect(article).toMatchObject({ datePublished: expect.any(String), headline: expect.anything() });
    expect(article.publisher['@id'] ?? article.publisher[0]['@id']).toMatch(new RegExp(`^${BASE}/id/organization/`));
  });

  it('hide experts without a public profile', async () => {
    const hidden = (await database.db.execute(
      'select id from experts where public_profile is not true limit 1' as never,
    )) as unknown as { rows: { id: string }[] };
    const id = hidden.rows[0]?.id;
    expect(id).toBeTruthy();
    expect((await get(`/id/expert/${id}`, { accept: 'application/ld+json' })).statusCode).toBe(404);
    expect((await get(`/id/expert/${id}`)).statusCode).toBe(404);
  });
});

describe('discovery', () => {
  it('answers /.well-known/clock with absolute URLs that work', async () => {
    const r = await get('/.well-known/clock');
    expect(r.statusCode).toBe(200);
    const d = r.json() as { name: string; catalog: string; changes: string; api: string };
    expect(d.name).toBeTruthy();
    for (const u of [d.catalog, d.changes, d.api]) expect((await get(local(u))).statusCode, u).toBe(200);
  });
});

describe('hostile addresses', () => {
  it('answer 4xx problem+json, never a 500, for any file name, record type or id', async () => {
    const segment = fc.oneof(
      fc.string({ maxLength: 130 }),
      fc.constantFrom('organizations.csv', 'services.jsonld', '..%2f..%2fetc', '%00', 'catalog.ttl', 'x.csv.csv'),
    );
    await fc.assert(
      fc.asyncProperty(
        segment,
        segment,
        fc.constantFrom('', 'application/ld+json', 'text/turtle', '*/*'),
        async (a, b, accept) => {
          for (const url of [
            `/opendata/${encodeURIComponent(a)}`,
            `/id/${encodeURIComponent(a)}/${encodeURIComponent(b)}`,
          ]) {
            const r = await get(url, accept ? { accept } : {});
            expect(r.statusCode, `${url}: ${r.body.slice(0, 200)}`).toBeLessThan(500);
            if (r.statusCode >= 400) expect(r.headers['content-type']).toMatch(/problem\+json/);
          }
        },
      ),
      { numRuns: 80, seed: 20261205 },
    );
  });
});

describe('download limits', () => {
  it('refuses an address past its downloads with 429, Retry-After and problem+json; other reads go on', async () => {
    const config = testConfig({ publicUrl: BASE });
    const limited = await buildApp({
      config: { ...config, rateLimit: { ...config.rateLimit, downloads: 2, windowSeconds: 60 } },
      database,
      logger: false,
    });
    try {
      const codes = [];
      for (const url of ['/opendata/services.csv', '/opendata/catalog.ttl', '/opendata/experts.json'])
        codes.push((await limited.inject({ url, remoteAddress: '192.0.2.7' })).statusCode);
      expect(codes).toEqual([200, 200, 429]);
      const refused = await limited.inject({ url: '/opendata/services.csv', remoteAddress: '192.0.2.7' });
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect(refused.headers['access-control-allow-origin']).toBe('*');
      expect((await limited.inject({ url: '/opendata/services.csv', remoteAddress: '192.0.2.8' })).statusCode).toBe(
        200,
      );
      expect((await limited.inject({ url: '/.well-known/clock', remoteAddress: '192.0.2.7' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
