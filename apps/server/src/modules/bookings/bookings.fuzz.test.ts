import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
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
import { hostileRequests, type FuzzRoute } from '../../test/fuzz.ts';

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

const ROUTES: FuzzRoute[] = [
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
    expect(
      await hostileRequests(app, H, ROUTES, ID_ROUTES, { reason: true, actualStart: true, actualEnd: true }),
    ).toEqual([]);
  });
});
