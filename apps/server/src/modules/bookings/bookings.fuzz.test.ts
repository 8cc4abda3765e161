import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { freshDatabase } from '../../test/db.ts';
import {
  buildOffer,
  buildOrganization,
  bundleStream,
  PASSWORD,
  signInHeaders,
  testConfig,
  uniqueEmail,
} from '../../test/factories.ts';
import { createUser } from '../identity/identity.service.ts';

// Every bookings route with hostile input, as the instrument's centre (so the checks past the permission run) and as
// a company member: answers are problem+json with a 4xx, never a 500.
let database: Database;
let app: FastifyInstance;
const centre = buildOrganization({ kind: 'centre' });
const company = buildOrganization({ kind: 'company' });
const equipment = buildOffer(centre.id, { title: { it: 'Spettrometro' }, bookable: true });
const H: Record<string, Record<string, string>> = {};
let qualification = '';

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(
    database.db,
    bundleStream({ format: 'clock-bundle/1', organizations: [centre, company], equipment: [equipment] }),
  );
  app = await buildApp({ config: testConfig(), database, logger: false });
  for (const [who, role, org] of [
    ['staff', 'centre-staff', centre.id],
    ['company', 'company', company.id],
  ] as const) {
    const email = uniqueEmail(who);
    await createUser(database.db, { email, name: who, role, organization: org, password: PASSWORD });
    H[who] = await signInHeaders(app, email, PASSWORD);
  }
  const q = await app.inject({
    method: 'POST',
    url: '/api/v1/qualifications',
    headers: H.staff,
    payload: { organization: centre.id, name: { it: 'Abilitazione' } },
  });
  qualification = q.json().id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const NASTY = [
  '',
  ' ',
  'null',
  '../../etc/passwd',
  '%00',
  "'; drop table bookings; --",
  '2026-02-30',
  '2026-03-29T02:30:00+01:00',
  '9999-12-31T23:59:59Z',
  '0000-01-01',
  '2026-01-01T25:00:00Z',
  '-1',
  '1e309',
  'FREQ=SECONDLY',
  'FREQ=DAILY;COUNT=999999999',
  'RRULE:FREQ=WEEKLY;BYDAY=XX',
  'x'.repeat(5000),
  '😀',
  '00000000-0000-0000-0000-000000000000',
];
const value = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
);
/** A body with the route's field names (and strangers), each given a hostile value. */
const body = (fields: string[]) =>
  fc.dictionary(fc.constantFrom(...fields, 'extra', '__proto__'), value, { maxKeys: fields.length + 1 });

const ROUTES: { method: string; url: () => string; fields?: string[]; query?: string[] }[] = [
  {
    method: 'PUT',
    url: () => `/api/v1/equipment/${equipment.id}/booking-policy`,
    fields: [
      'bookable',
      'approval',
      'slotMinutes',
      'minMinutes',
      'maxMinutes',
      'leadHours',
      'horizonDays',
      'qualification',
      'bufferAfterMinutes',
    ],
  },
  { method: 'PUT', url: () => `/api/v1/equipment/${equipment.id}/opening-rules`, fields: ['items'] },
  { method: 'PUT', url: () => `/api/v1/equipment/${equipment.id}/tariffs`, fields: ['items'] },
  { method: 'POST', url: () => `/api/v1/equipment/${equipment.id}/blocks`, fields: ['start', 'end', 'reason'] },
  { method: 'GET', url: () => `/api/v1/equipment/${equipment.id}/availability`, query: ['from', 'to'] },
  {
    method: 'GET',
    url: () => `/api/v1/equipment/${equipment.id}/quote`,
    query: ['start', 'end', 'organization', 'samples'],
  },
  { method: 'GET', url: () => '/api/v1/closures', query: ['organization', 'equipment', 'from', 'to'] },
  { method: 'POST', url: () => '/api/v1/closures', fields: ['organization', 'equipment', 'start', 'end', 'reason'] },
  { method: 'POST', url: () => '/api/v1/qualifications', fields: ['organization', 'name', 'validityMonths'] },
  {
    method: 'PATCH',
    url: () => `/api/v1/qualifications/${qualification}`,
    fields: ['name', 'validityMonths', 'howToObtain'],
  },
  {
    method: 'POST',
    url: () => `/api/v1/qualifications/${qualification}/grants`,
    fields: ['user', 'email', 'validUntil'],
  },
  { method: 'POST', url: () => `/api/v1/qualifications/${qualification}/training-requests`, fields: ['message'] },
  {
    method: 'POST',
    url: () => '/api/v1/bookings',
    fields: ['equipment', 'start', 'end', 'purpose', 'organization', 'samples'],
  },
  {
    method: 'GET',
    url: () => '/api/v1/bookings',
    query: ['scope', 'state', 'equipment', 'from', 'to', 'page', 'limit'],
  },
  {
    method: 'GET',
    url: () => '/api/v1/slots',
    query: ['q', 'from', 'to', 'minutes', 'organization', 'maxPrice', 'equipment'],
  },
  { method: 'GET', url: () => `/api/v1/organizations/${centre.id}/usage`, query: ['from', 'to', 'equipment'] },
  { method: 'GET', url: () => `/api/v1/organizations/${centre.id}/usage.csv`, query: ['from', 'to'] },
];
const ID_ROUTES = [
  ['GET', '/api/v1/bookings/:id'],
  ['POST', '/api/v1/bookings/:id/approve'],
  ['POST', '/api/v1/bookings/:id/decline'],
  ['POST', '/api/v1/bookings/:id/cancel'],
  ['POST', '/api/v1/bookings/:id/usage'],
  ['POST', '/api/v1/bookings/:id/no-show'],
  ['POST', '/api/v1/qualification-grants/:id/revoke'],
  ['DELETE', '/api/v1/closures/:id'],
  ['GET', '/api/v1/qualifications/:id'],
  ['GET', '/api/v1/equipment/:id/calendar.ics'],
  ['GET', '/api/v1/equipment/:id/booking-policy'],
  ['GET', '/api/v1/calendar-feeds/:id/bookings.ics'],
] as const;

describe('hostile input to the bookings routes', () => {
  it('never answers 500', async () => {
    const failures: string[] = [];
    const check = async (method: string, url: string, who: string, payload?: unknown) => {
      const r = await app.inject({
        method: method as 'POST',
        url,
        headers: H[who],
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      if (r.statusCode >= 500)
        failures.push(
          `${method} ${url} ${JSON.stringify(payload)?.slice(0, 200)} → ${r.statusCode} ${r.body.slice(0, 200)}`,
        );
      else if (r.statusCode >= 400) expect(r.headers['content-type']).toMatch(/problem\+json/);
    };
    for (const route of ROUTES) {
      const cases = fc.sample(route.fields ? body(route.fields) : body(route.query!), 25);
      for (const c of cases)
        for (const who of ['staff', 'company']) {
          if (route.fields) await check(route.method, route.url(), who, c);
          else {
            const qs = Object.entries(c)
              .map(
                ([k, v]) =>
                  `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`,
              )
              .join('&');
            await check(route.method, `${route.url()}?${qs}`, who);
          }
        }
    }
    for (const [method, template] of ID_ROUTES)
      for (const id of NASTY.filter((n) => n.trim() && !n.includes('/')).concat(['%2e%2e', 'a'.repeat(99)]))
        await check(
          method,
          template.replace(':id', encodeURIComponent(id)),
          'staff',
          method === 'GET' || method === 'DELETE' ? undefined : { reason: id, actualStart: id, actualEnd: id },
        );
    expect(failures).toEqual([]);
  });
});
