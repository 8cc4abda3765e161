import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { ANONYMOUS, type Actor } from '../../core/actor.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { freshDatabase } from '../../test/db.ts';
import { buildExpert, buildOffer, buildOrganization, bundleStream, testConfig } from '../../test/factories.ts';
import { SearchService } from './search.service.ts';

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
      const member: Actor = {
        kind: 'member',
        userId: null,
        tokenId: null,
        platformRole: null,
        memberships: [{ organization: 'centro', role: 'centre-staff' }],
        csrfToken: null,
      };
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
