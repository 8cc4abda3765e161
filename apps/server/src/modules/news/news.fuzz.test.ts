import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { freshDatabase } from '../../test/db.ts';
import {
  buildOrganization,
  bundleStream,
  PASSWORD,
  signInHeaders,
  testConfig,
  uniqueEmail,
} from '../../test/factories.ts';
import { hostileRequests, type FuzzRoute } from '../../test/fuzz.ts';
import { createUser } from '../identity/identity.service.ts';

// Every news and newsletter route with hostile input, as a centre's staff (so the checks past the permission run), as
// a company member and anonymously: answers are problem+json with a 4xx, never a 500.
let database: Database;
let app: FastifyInstance;
const centre = buildOrganization({ kind: 'centre' });
const company = buildOrganization({ kind: 'company' });
const H: Record<string, Record<string, string>> = {};
let item = '';

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [centre, company] }));
  app = await buildApp({ config: testConfig(), database, logger: false });
  for (const [who, role, org] of [
    ['staff', 'centre-staff', centre.id],
    ['company', 'company', company.id],
  ] as const) {
    const email = uniqueEmail(who);
    await createUser(database.db, { email, name: who, role, organization: org, password: PASSWORD });
    H[who] = await signInHeaders(app, email, PASSWORD);
  }
  H.anonymous = {};
  const n = await app.inject({
    method: 'POST',
    url: '/api/v1/news',
    headers: H.staff,
    payload: { organizations: [centre.id], title: { it: 'Notizia' }, summary: { it: 'Sommario' } },
  });
  item = n.json().id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const NEWS_FIELDS = ['organizations', 'title', 'summary', 'body', 'filiere', 'sectors', 's3'];
const ROUTES: FuzzRoute[] = [
  {
    method: 'GET',
    url: () => '/api/v1/news',
    query: ['q', 'organization', 'filiera', 'sector', 's3', 'from', 'to', 'state', 'page', 'limit'],
  },
  { method: 'POST', url: () => '/api/v1/news', fields: NEWS_FIELDS },
  { method: 'PATCH', url: () => `/api/v1/news/${item}`, fields: NEWS_FIELDS },
  { method: 'GET', url: () => '/feeds/news.xml', query: ['lang', 'organization', 'filiera'] },
  { method: 'POST', url: () => '/api/v1/newsletter/subscriptions', fields: ['email', 'lang', 'topics'] },
  { method: 'POST', url: () => '/api/v1/newsletter/confirm', fields: ['token'] },
  { method: 'GET', url: () => '/api/v1/newsletter/subscription', query: ['token'] },
  { method: 'POST', url: () => '/api/v1/newsletter/unsubscribe?token=0123456789abcdef0123', fields: ['token'] },
];
const ID_ROUTES = [
  ['GET', '/api/v1/news/:id'],
  ['PATCH', '/api/v1/news/:id'],
  ['POST', '/api/v1/news/:id/publish'],
  ['POST', '/api/v1/news/:id/withdraw'],
] as const;

describe('hostile input to the news and newsletter routes', () => {
  it('never answers 500', async () => {
    expect(await hostileRequests(app, H, ROUTES, ID_ROUTES, { summary: true })).toEqual([]);
  });

  it('answers a one-click unsubscribe with a strange body or token as a 4xx problem', async () => {
    for (const [type, payload] of [
      ['application/x-www-form-urlencoded', 'List-Unsubscribe=Two-Clicks'],
      ['application/x-www-form-urlencoded', '%zz=%'],
      ['application/x-www-form-urlencoded', 'x'.repeat(5000)],
    ] as const) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/newsletter/unsubscribe?token=0123456789abcdef0123',
        headers: { 'content-type': type },
        payload,
      });
      expect(r.statusCode, payload.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(r.statusCode).toBeLessThan(500);
      expect(r.headers['content-type']).toMatch(/problem\+json/);
    }
  });
});
