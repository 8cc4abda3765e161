import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { freshDatabase } from '../test/db.ts';
import { testConfig } from '../test/factories.ts';
import { routePattern } from './cors.ts';

// Cross-origin reads, checked on every route of the application: public reads answer any origin without credentials;
// nothing else — anything that depends on a session, every write — carries any CORS header.
let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await freshDatabase();
  app = await buildApp({ config: testConfig(), database, logger: false });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const ORIGIN = 'https://elsewhere.example';
const sample = (url: string) => url.replace(/:[A-Za-z]+/g, 'x').replace(/\*$/, 'x');

describe('CORS', () => {
  it('marks the public reads, and only GET routes', () => {
    const pub = app.routeTable.filter((r) => r.public);
    for (const url of [
      '/api/v1/organizations',
      '/api/v1/services/:id',
      '/api/v1/search',
      '/api/v1/changes',
      '/opendata/catalog.ttl',
      '/opendata/:file',
      '/.well-known/clock',
      '/id/:type/:id',
    ])
      expect(
        pub.some((r) => r.url === url),
        url,
      ).toBe(true);
    expect(pub.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
    for (const url of ['/api/v1/me', '/api/v1/notifications', '/api/v1/requests', '/api/v1/bookings'])
      expect(
        app.routeTable.some((r) => r.url === url && r.public),
        url,
      ).toBe(false);
  });

  it('answers public reads to any origin, without credentials, and gives nothing else any CORS header', async () => {
    const failures: string[] = [];
    const routes = app.routeTable.filter((r) => r.method !== 'OPTIONS');
    expect(routes.length).toBeGreaterThan(60);
    for (const r of routes) {
      const res = await app.inject({
        method: r.method as 'GET',
        url: sample(r.url),
        headers: { origin: ORIGIN },
        ...(['POST', 'PUT', 'PATCH'].includes(r.method) ? { payload: {} } : {}),
      });
      const allow = res.headers['access-control-allow-origin'];
      const credentials = res.headers['access-control-allow-credentials'];
      if (credentials !== undefined) failures.push(`${r.method} ${r.url}: allows credentials`);
      if (r.public && allow !== '*') failures.push(`${r.method} ${r.url}: public but answers ${String(allow)}`);
      if (!r.public && allow !== undefined) failures.push(`${r.method} ${r.url}: not public but answers ${allow}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers a preflight for a public read, and refuses one for anything else without CORS headers', async () => {
    const preflight = (url: string, method = 'GET') =>
      app.inject({
        method: 'OPTIONS',
        url,
        headers: {
          origin: ORIGIN,
          'access-control-request-method': method,
          'access-control-request-headers': 'if-none-match',
        },
      });
    const ok = await preflight('/api/v1/organizations?limit=5');
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('*');
    expect(ok.headers['access-control-allow-methods']).toBe('GET, HEAD');
    expect(ok.headers['access-control-allow-headers']).toBe('if-none-match');
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();
    expect((await preflight('/opendata/services.csv')).statusCode).toBe(204);
    for (const [url, method] of [
      ['/api/v1/me', 'GET'],
      ['/api/v1/notifications', 'GET'],
      ['/api/v1/requests', 'POST'],
      ['/api/v1/organizations', 'POST'],
      ['/api/v1/auth/login', 'POST'],
    ] as const) {
      const r = await preflight(url, method);
      // 404, or 405 where the path exists for other methods: a problem either way, never a CORS header.
      expect([404, 405], url).toContain(r.statusCode);
      expect(r.headers['access-control-allow-origin'], url).toBeUndefined();
      expect(r.headers['content-type'], url).toMatch(/problem\+json/);
    }
  });

  it('turns route URLs into path patterns', () => {
    expect(routePattern('/api/v1/services/:id').test('/api/v1/services/abc')).toBe(true);
    expect(routePattern('/api/v1/services/:id').test('/api/v1/services/abc/edit')).toBe(false);
    expect(routePattern('/opendata/catalog.ttl').test('/opendata/catalogxttl')).toBe(false);
    expect(routePattern('/assets/*').test('/assets/a/b.js')).toBe(true);
  });
});
