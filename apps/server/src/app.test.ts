import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { compileDeferredSchemas } from './core/request-parsing.ts';
import type { Database } from './db/client.ts';
import { importBundle } from './modules/catalogue/bundle.service.ts';
import { freshDatabase } from './test/db.ts';
import { buildExpert, buildOffer, buildOrganization, bundleStream, testConfig } from './test/factories.ts';

let database: Database;
let app: FastifyInstance;
const centre = buildOrganization({
  name: 'Centro Prove Materiali',
  sectors: ['C25.6'],
  filiere: ['nautica'],
  s3: ['advanced-manufacturing'],
});
const company = buildOrganization({ kind: 'company', name: 'Cantiere Esempio' });
const service = buildOffer(centre.id, {
  kind: 'testing',
  title: { it: 'Prove di fatica su giunti saldati' },
  sectors: ['C30.12'],
});
const equipment = buildOffer(centre.id, {
  title: { en: 'Servo-hydraulic fatigue testing machine' },
  bookable: true,
  access: 'network',
});
const hidden = buildExpert(centre.id, { name: 'Persona Riservata', publicProfile: false });
const visible = buildExpert(centre.id, { name: 'Persona Pubblica' });

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(
    database.db,
    bundleStream({
      format: 'clock-bundle/1',
      organizations: [centre, company],
      services: [service],
      equipment: [equipment],
      experts: [hidden, visible],
    }),
  );
  app = await buildApp({ config: testConfig(), database, logger: false });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('route schemas', () => {
  it('are compiled on first use, not at start-up, and every one of them compiles', async () => {
    // Hundreds of validators and serializers wait for their route's first request; compiling them all must not throw.
    await app.ready();
    expect(compileDeferredSchemas()).toBeGreaterThan(100);
    expect(compileDeferredSchemas()).toBe(0);
    const r = await app.inject({ method: 'GET', url: '/api/v1/search?q=x&limit=nope' });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors?.length ?? r.json().invalidParams?.length).toBeGreaterThan(0);
  });
});

describe('the read API', () => {
  it('answers health once migrations are applied', async () => {
    const r = await get('/api/health');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'ok',
      database: { ok: true },
      search: { ready: true, documents: expect.any(Number) },
    });
  });

  it('lists records with their bundle ids, filters and pagination', async () => {
    const r = await get(`/api/v1/services?organization=${centre.id}&limit=5`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      total: 1,
      page: 1,
      limit: 5,
      items: [{ id: service.id, type: 'service', organization: centre.id }],
    });
    const bySector = await get('/api/v1/services?sector=C30');
    expect(bySector.json().items.map((i: { id: string }) => i.id)).toContain(service.id);
    const one = await get(`/api/v1/equipment/${equipment.id}`);
    expect(one.json()).toMatchObject({ id: equipment.id, bookable: true, access: 'network' });
    const org = await get(`/api/v1/organizations/${centre.id}`);
    expect(org.json()).toMatchObject({ id: centre.id, counts: { service: 1, equipment: 1, competence: 0, expert: 1 } });
  });

  it('shows experts only with consent to anonymous visitors', async () => {
    const list = await get(`/api/v1/experts?organization=${centre.id}`);
    expect(list.json().items.map((e: { id: string }) => e.id)).toEqual([visible.id]);
    expect((await get(`/api/v1/experts/${hidden.id}`)).statusCode).toBe(404);
    const found = await get('/api/v1/search?q=Persona');
    expect(found.json().hits.map((h: { id: string }) => h.id)).toEqual([visible.id]);
  });

  it.each([
    ['/api/v1/services?limit=abc', ['/querystring/limit']],
    ['/api/v1/services?limit=100000', ['/querystring/limit']],
    ['/api/v1/services?page=-5&limit=0', ['/querystring/page', '/querystring/limit']],
    ['/api/v1/search?type=gadget', ['/querystring/type']],
    [`/api/v1/search?q=${'a'.repeat(501)}`, ['/querystring/q']],
    ['/api/v1/search?lang=fr&page=0', ['/querystring/lang', '/querystring/page']],
    ['/api/v1/organizations?kind=shop&colour=red', ['/querystring/kind', '/querystring/colour']],
  ])('rejects %s with every invalid parameter listed', async (url, pointers) => {
    const r = await get(url);
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = r.json();
    expect(body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      type: expect.any(String),
      title: expect.any(String),
      instance: expect.any(String),
    });
    expect(body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([...pointers].sort());
  });

  it('answers unknown records and routes with a 404 problem', async () => {
    for (const url of ['/api/v1/services/nope', '/api/v1/organizations/nope', '/api/v1/nothing-here']) {
      const r = await get(url);
      expect(r.statusCode).toBe(404);
      expect(r.json()).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    }
  });

  it('refuses a body over the limit and malformed JSON with a 4xx problem', async () => {
    const big = await app.inject({
      method: 'POST',
      url: '/api/v1/search',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ q: 'x'.repeat(70000) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/search',
      headers: { 'content-type': 'application/json' },
      payload: '{"q":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const xml = await app.inject({
      method: 'POST',
      url: '/api/v1/search',
      headers: { 'content-type': 'text/xml' },
      payload: '<q/>',
    });
    expect(xml.statusCode).toBe(415);
    const ok = await app.inject({ method: 'POST', url: '/api/v1/search', payload: { q: 'fatica', limit: 5 } });
    expect(ok.statusCode).toBe(200);
  });

  it('searches across languages with facets', async () => {
    const r = await get('/api/v1/search?q=fatigue%20testing&lang=en');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const ids = body.hits.map((h: { id: string }) => h.id);
    expect(ids).toEqual(expect.arrayContaining([service.id, equipment.id]));
    expect(body.facets.organization).toContainEqual({ value: centre.id, count: 2 });
    const filtered = await get(`/api/v1/search?q=fatigue%20testing&type=equipment&organization=${centre.id}`);
    expect(filtered.json().hits.map((h: { id: string }) => h.id)).toEqual([equipment.id]);
    expect(filtered.json().facets.type).toEqual(
      expect.arrayContaining([
        { value: 'service', count: 1 },
        { value: 'equipment', count: 1 },
      ]),
    );
  });

  it('answers hostile search queries with a bounded answer, and a query past 500 characters with a 400', async () => {
    const hostile = [
      'a'.repeat(500),
      `${'ab.'.repeat(166)}c`,
      Array.from({ length: 120 }, (_, i) => `x${i}q`)
        .join(' ')
        .slice(0, 500),
      '😀e\u0301ж字'.repeat(100),
    ];
    for (const q of hostile) {
      const r = await get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(r.statusCode, q.slice(0, 20)).toBe(200);
      expect(typeof r.json().truncated).toBe('boolean');
      for (const c of r.json().interpretation.corrections) expect(c.from.length).toBeLessThanOrEqual(64);
    }
    const long = await get(`/api/v1/search?q=${'a'.repeat(501)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/querystring/q']);
  });

  it('sees catalogue changes made after start (by any process) within a second', async () => {
    const late = buildOffer(centre.id, { title: { it: 'Tomografia computerizzata industriale' } });
    await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [], equipment: [late] }));
    await new Promise((r) => setTimeout(r, 1100));
    const r = await get('/api/v1/search?q=tomografia');
    expect(r.json().hits.map((h: { id: string }) => h.id)).toEqual([late.id]);
    const renamed = { ...centre, name: 'Centro Rinominato' };
    await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [renamed] }));
    await new Promise((r) => setTimeout(r, 1100));
    const again = await get('/api/v1/search?q=tomografia');
    expect(again.json().total).toBe(1);
    expect((await get('/api/v1/search?q=rinominato&type=organization')).json().hits[0].id).toBe(centre.id);
  });

  it('sends the security headers on every kind of response', async () => {
    for (const url of ['/api/health', '/api/v1/organizations', '/api/v1/nope', '/api/v1/services?limit=abc']) {
      const r = await get(url);
      const csp = String(r.headers['content-security-policy']);
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toContain('unsafe-eval');
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
      expect(r.headers['referrer-policy'], url).toBeDefined();
      expect(r.headers['x-frame-options'], url).toBeDefined();
    }
  });

  it('publishes OpenAPI 3.1 and its documentation page, with security headers', async () => {
    const spec = await get('/api/openapi.json');
    expect(spec.json().openapi).toBe('3.1.0');
    expect(Object.keys(spec.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/search',
        '/api/v1/organizations/{id}',
        '/api/v1/competences',
        '/api/v1/experts/{id}',
      ]),
    );
    const docs = await get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(?! 'unsafe-inline')/);
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
  });
});
