import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { type ConfigError, loadConfig, type RateLimitConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { createUser } from '../modules/identity/identity.service.ts';
import { SearchService } from '../modules/search/search.service.ts';
import { freshDatabase } from '../test/db.ts';
import { PASSWORD, testConfig, uniqueEmail } from '../test/factories.ts';

// Rate limits on one database: in memory on PGlite, shared through the rate_limits table on PostgreSQL.
let database: Database;
let search: SearchService;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  search = new SearchService(database.db);
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database.close();
});

let address = 0;
/** A fresh client address per test, so tests never share counters (the table outlives an app on PostgreSQL). */
const newAddress = () => `203.0.113.${++address}`;

async function appWith(limits: Partial<RateLimitConfig>) {
  const rateLimit = { windowSeconds: 60, anonymous: 1_000_000, member: 1_000_000, notFound: 1_000_000, ...limits };
  const app = await buildApp({ config: testConfig({ rateLimit }), database, search, logger: false });
  apps.push(app);
  return app;
}

const matching = (app: FastifyInstance, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/matching',
    remoteAddress,
    headers,
    payload: { text: "saldatura dell'acciaio" },
  });

function expectTooMany(r: Awaited<ReturnType<FastifyInstance['inject']>>) {
  expect(r.statusCode, r.body.slice(0, 200)).toBe(429);
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(r.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  const retryAfter = Number(r.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('rate limits', () => {
  it('limits anonymous POSTs per address with 429 problem+json and Retry-After', async () => {
    const app = await appWith({ anonymous: 3 });
    const ip = newAddress();
    for (let i = 0; i < 3; i++) expect((await matching(app, ip)).statusCode).toBe(200);
    expectTooMany(await matching(app, ip));
    // Sign-up and password reset share the same quota (every anonymous POST does).
    expectTooMany(
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        remoteAddress: ip,
        payload: { email: 'x@example.org' },
      }),
    );
    // Another address has its own quota; reading is not limited.
    expect((await matching(app, newAddress())).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/search?q=saldatura', remoteAddress: ip })).statusCode).toBe(
      200,
    );
  });

  it('gives signed-in members their own, higher quota per account', async () => {
    const app = await appWith({ anonymous: 2, member: 5 });
    const ip = newAddress();
    const email = uniqueEmail('admin').toLowerCase();
    await createUser(database.db, { email, name: 'Persona', role: 'admin', password: PASSWORD });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      payload: { email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'clock_session')!;
    const headers = { cookie: `clock_session=${cookie.value}`, 'x-csrf-token': login.json().csrfToken as string };
    for (let i = 0; i < 5; i++) expect((await matching(app, ip, headers)).statusCode).toBe(200);
    expectTooMany(await matching(app, ip, headers));
    // The member's quota is the account's: the same address, anonymous, still has one POST left of its two.
    expect((await matching(app, ip)).statusCode).toBe(200);
    expectTooMany(await matching(app, ip));
    // And from another address the account is still over its quota.
    expectTooMany(await matching(app, newAddress(), headers));
  });

  it('refuses an address after repeated 404s, everything but health, until the window ends', async () => {
    const app = await appWith({ notFound: 3 });
    const ip = newAddress();
    for (let i = 0; i < 4; i++)
      expect((await app.inject({ method: 'GET', url: `/api/v1/nothing-${i}`, remoteAddress: ip })).statusCode).toBe(
        404,
      );
    expectTooMany(await app.inject({ method: 'GET', url: '/api/v1/nothing-else', remoteAddress: ip }));
    expectTooMany(await app.inject({ method: 'GET', url: '/api/v1/taxonomies', remoteAddress: ip }));
    expect((await app.inject({ method: 'GET', url: '/api/health', remoteAddress: ip })).statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/taxonomies', remoteAddress: newAddress() })).statusCode,
    ).toBe(200);
  });

  it('shares the counters between two servers on one PostgreSQL database', async ({ skip }) => {
    if (database.kind !== 'postgres') skip('PGlite serves from one process: its counters stay in memory');
    const [a, b] = [await appWith({ anonymous: 4, notFound: 2 }), await appWith({ anonymous: 4, notFound: 2 })];
    const ip = newAddress();
    expect((await matching(a, ip)).statusCode).toBe(200);
    expect((await matching(b, ip)).statusCode).toBe(200);
    expect((await matching(a, ip)).statusCode).toBe(200);
    expect((await matching(b, ip)).statusCode).toBe(200);
    expectTooMany(await matching(a, ip));
    expectTooMany(await matching(b, ip));
    // 404s counted by both: the third one, on either server, passes the limit.
    expect((await a.inject({ method: 'GET', url: '/api/v1/nothing', remoteAddress: ip })).statusCode).toBe(404);
    expect((await b.inject({ method: 'GET', url: '/api/v1/nothing', remoteAddress: ip })).statusCode).toBe(404);
    expect((await b.inject({ method: 'GET', url: '/api/v1/nothing', remoteAddress: ip })).statusCode).toBe(404);
    expectTooMany(await b.inject({ method: 'GET', url: '/api/v1/taxonomies', remoteAddress: ip }));
  });

  it('reads its limits from the environment, listing invalid ones', () => {
    const config = loadConfig(
      { CLOCK_RATE_LIMIT_ANONYMOUS: '10', CLOCK_RATE_LIMIT_MEMBER: '0', CLOCK_RATE_LIMIT_WINDOW_S: '30' },
      '/tmp',
    );
    expect(config.rateLimit).toEqual({ windowSeconds: 30, anonymous: 10, member: 0, notFound: 60, downloads: 30 });
    expect(loadConfig({}, '/tmp').rateLimit).toEqual({
      windowSeconds: 60,
      anonymous: 60,
      member: 600,
      notFound: 60,
      downloads: 30,
    });
    let problems: string[] = [];
    try {
      loadConfig({ CLOCK_RATE_LIMIT_NOT_FOUND: '-1', CLOCK_RATE_LIMIT_WINDOW_S: 'soon' }, '/tmp');
    } catch (e) {
      problems = (e as ConfigError).problems;
    }
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['CLOCK_RATE_LIMIT_WINDOW_S', 'CLOCK_RATE_LIMIT_NOT_FOUND']);
  });
});
