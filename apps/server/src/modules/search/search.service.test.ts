import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { ANONYMOUS, type Actor } from '../../core/actor.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { catalogueTextQuery } from '../catalogue/catalogue.repo.ts';
import { freshDatabase } from '../../test/db.ts';
import { buildExpert, buildOffer, buildOrganization, bundleStream, testConfig } from '../../test/factories.ts';
import { SearchService } from './search.service.ts';
import { degradedPrefixes } from './degraded.rules.ts';

// The index lives in the analysis thread: the event loop answers while it works, and before it is built searches
// are answered from the database.
let database: Database;
const centre = buildOrganization({ name: 'Centro Compositi' });
const recycling = buildOffer(centre.id, {
  title: { it: 'Riciclo della vetroresina' },
  description: { it: 'Recupero delle fibre di vetro dagli scafi a fine vita.' },
});
const audit = buildOffer(centre.id, {
  title: { en: 'Energy audits for shipyards' },
  description: { en: 'Consumption measured, savings proposed.' },
});
const hidden = buildExpert(centre.id, {
  name: 'Esperta Riservata',
  expertise: { it: 'riciclo della vetroresina' },
  publicProfile: false,
});

const member: Actor = {
  kind: 'member',
  userId: null,
  tokenId: null,
  platformRole: null,
  memberships: [{ organization: 'centro', role: 'centre-staff' }],
  csrfToken: null,
};

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(
    database.db,
    bundleStream({
      format: 'clock-bundle/1',
      organizations: [centre],
      services: [audit],
      competences: [recycling],
      experts: [hidden],
    }),
  );
});
afterAll(async () => {
  await database.close();
});

describe('search before the index is built', () => {
  it('answers from the database, marked degraded, then from the index once it is ready', async () => {
    const search = new SearchService(database.db);
    try {
      // The thread has not even started: nothing can be ready yet.
      expect(search.status().ready).toBe(false);
      const early = await search.search(ANONYMOUS, { q: 'riciclo vetroresina', page: 1, limit: 10 });
      expect(early.degraded).toBe(true);
      expect(early.hits.map((h) => h.id)).toEqual([recycling.id]);
      expect(early.total).toBe(1);
      expect(early.hits[0]).toMatchObject({
        type: 'competence',
        organization: centre.id,
        title: 'Riciclo della vetroresina',
        lang: 'it',
      });
      await expect(search.match({ text: 'riciclo della vetroresina' }, false)).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        retryAfter: expect.any(Number),
      });

      await search.ready();
      expect(search.status()).toMatchObject({ ready: true, documents: 4 });
      const later = await search.search(ANONYMOUS, { q: 'riciclo vetroresina', page: 1, limit: 10 });
      expect(later.degraded).toBeUndefined();
      expect(later.hits[0]!.id).toBe(recycling.id);
      expect(later.hits.map((h) => h.id)).not.toContain(hidden.id);
    } finally {
      await search.close();
    }
  });

  it('applies filters and visibility in the database answer too', async () => {
    const search = new SearchService(database.db);
    try {
      const anonymous = await search.search(ANONYMOUS, { q: 'vetroresina', page: 1, limit: 10 });
      expect(anonymous.degraded).toBe(true);
      expect(anonymous.hits.map((h) => h.id)).toEqual([recycling.id]);
      const network = await search.search(member, { q: 'vetroresina', page: 1, limit: 10 });
      expect(network.hits.map((h) => h.id).sort()).toEqual([recycling.id, hidden.id].sort());
      const services = await search.search(ANONYMOUS, { type: 'service', page: 1, limit: 10 });
      expect(services.hits.map((h) => h.id)).toEqual([audit.id]);
      const none = await search.search(ANONYMOUS, { q: '100%_', page: 1, limit: 10 });
      expect(none).toMatchObject({ total: 0, hits: [] });
    } finally {
      await search.close();
    }
  });
});

describe('answers from the database while the index is built', () => {
  it("finds a word's other forms, each word as the prefix of its stem", async () => {
    const search = new SearchService(database.db);
    try {
      const r = await search.search(ANONYMOUS, { q: 'Riciclare le vetroresine', page: 1, limit: 10 });
      expect(r.degraded).toBe(true);
      expect(r.hits.map((h) => h.id)).toEqual([recycling.id]);
      const en = await search.search(ANONYMOUS, { q: 'energy audit shipyard', lang: 'en', page: 1, limit: 10 });
      expect(en.hits.map((h) => h.id)).toEqual([audit.id]);
      expect(en.hits[0]).toMatchObject({ title: 'Energy audits for shipyards', lang: 'en', score: 0 });
    } finally {
      await search.close();
    }
  });

  it('never shows a confidential profile to someone outside the network', async () => {
    const search = new SearchService(database.db);
    try {
      for (const q of ['Esperta Riservata', 'riservat', 'riciclo vetroresina esperta']) {
        const anonymous = await search.search(ANONYMOUS, { q, page: 1, limit: 10 });
        expect(anonymous.degraded).toBe(true);
        expect(anonymous.hits.map((h) => h.id)).not.toContain(hidden.id);
      }
      const none = await search.search(ANONYMOUS, { q: 'riservata', type: 'expert', page: 1, limit: 10 });
      expect(none).toMatchObject({ total: 0, hits: [] });
      const seen = await search.search(member, { q: 'riservata', type: 'expert', page: 1, limit: 10 });
      expect(seen).toMatchObject({ total: 1, hits: [{ id: hidden.id, type: 'expert' }] });
    } finally {
      await search.close();
    }
  });

  it("reads every table through its text index (the query's plan), not row by row", async () => {
    // On a few rows reading the table is cheaper and the planner would do so: forbidden here, so the plan shows
    // whether an index can answer the statement at all (its expressions must be the indexes' own).
    const query = catalogueTextQuery(degradedPrefixes('riciclo vetroresina'), {}, true, 0, 10);
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_indexscan = off`);
      const result = await tx.execute(sql`explain ${query}`);
      return (result as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]).join('\n');
    });
    for (const index of ['organizations_search_idx', 'offers_search_idx', 'experts_search_idx'])
      expect(plan).toContain(index);
  });
});

describe('matching while the index is built', () => {
  it('answers 503 problem+json with Retry-After, and health says the index is not ready', async () => {
    // A service whose index is never started: the state of a server in its first minutes.
    const search = new SearchService(database.db);
    const app = await buildApp({ config: testConfig(), database, search, logger: false, waitForSearchIndex: false });
    try {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/matching',
        payload: { text: 'Vogliamo riciclare la vetroresina degli scafi' },
      });
      expect(r.statusCode).toBe(503);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      expect(r.json()).toMatchObject({ status: 503 });
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.json()).toMatchObject({ search: { ready: false } });
    } finally {
      await app.close();
    }
  });
});

describe('a failed analysis thread', () => {
  it('is replaced: the database answers meanwhile, then a new index is built', async () => {
    const search = new SearchService(database.db);
    try {
      await search.ready();
      // Stop the thread as a crash would (not through close()).
      const thread = (search as unknown as { worker: { worker: { terminate(): Promise<number> } } }).worker.worker;
      await thread.terminate();
      expect(search.status().ready).toBe(false);
      expect((await search.search(ANONYMOUS, { q: 'vetroresina', page: 1, limit: 10 })).degraded).toBe(true);
      await search.ready();
      const r = await search.search(ANONYMOUS, { q: 'vetroresina', page: 1, limit: 10 });
      expect(r.degraded).toBeUndefined();
      expect(r.hits[0]!.id).toBe(recycling.id);
    } finally {
      await search.close();
    }
  });
});

describe('analysis off the event loop', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // Every matching call also keeps the analysis thread's CPU busy for four seconds: a deliberately long matching.
    const search = new SearchService(database.db, { worker: { spinMs: 4000 } });
    app = await buildApp({ config: testConfig(), database, search, logger: false });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers /api/health and searches while a long matching runs', async () => {
    let matchingDone = false;
    const matching = app
      .inject({
        method: 'POST',
        url: '/api/v1/matching',
        payload: { text: 'Vogliamo riciclare la vetroresina degli scafi' },
      })
      .then((r) => {
        matchingDone = true;
        return r;
      });
    // Wait until the matching has reached the analysis thread.
    while (app.searchService.busy === 0 && !matchingDone) await new Promise((r) => setTimeout(r, 5));
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', search: { ready: true } });
    const organizations = await app.inject({ method: 'GET', url: '/api/v1/organizations' });
    expect(organizations.statusCode).toBe(200);
    expect(matchingDone).toBe(false);
    const r = await matching;
    expect(r.statusCode).toBe(200);
    expect(r.json().results[0].id).toBe(recycling.id);
  });
});
