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

// Every events route with hostile input, as an organiser (so the checks past the permission run), as a company
// member and anonymously: answers are problem+json with a 4xx, never a 500.
let database: Database;
let app: FastifyInstance;
const centre = buildOrganization({ kind: 'centre' });
const company = buildOrganization({ kind: 'company' });
const H: Record<string, Record<string, string>> = {};
let event = '';

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
  const start = new Date(Date.now() + 10 * 86_400_000);
  const e = await app.inject({
    method: 'POST',
    url: '/api/v1/events',
    headers: H.staff,
    payload: {
      kind: 'seminar',
      title: { it: 'Seminario' },
      summary: { it: 'Un seminario' },
      mode: 'online',
      onlineUrl: 'https://meet.example.org/s',
      language: 'it',
      visibility: 'public',
      capacity: 1,
      organizers: [{ organization: centre.id, role: 'lead' }],
      sessions: [{ start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() }],
    },
  });
  event = e.json().id;
  await app.inject({ method: 'POST', url: `/api/v1/events/${event}/publish`, headers: H.staff });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const EVENT_FIELDS = [
  'kind',
  'title',
  'summary',
  'mode',
  'place',
  'onlineUrl',
  'language',
  'filiere',
  's3',
  'capacity',
  'registrationOpens',
  'registrationCloses',
  'questions',
  'visibility',
  'grantsQualification',
  'attendanceRequired',
  'organizers',
  'sessions',
];
const ROUTES: FuzzRoute[] = [
  {
    method: 'GET',
    url: () => '/api/v1/events',
    query: ['from', 'to', 'q', 'organization', 'filiera', 's3', 'kind', 'scope', 'page', 'limit'],
  },
  { method: 'POST', url: () => '/api/v1/events', fields: EVENT_FIELDS },
  { method: 'PATCH', url: () => `/api/v1/events/${event}`, fields: EVENT_FIELDS.filter((f) => f !== 'sessions') },
  { method: 'PUT', url: () => `/api/v1/events/${event}/sessions`, fields: ['items'] },
  { method: 'POST', url: () => `/api/v1/events/${event}/cancel`, fields: ['reason'] },
  {
    method: 'POST',
    url: () => `/api/v1/events/${event}/registrations`,
    fields: ['email', 'name', 'organization', 'organizationName', 'answers', 'lang'],
  },
  { method: 'GET', url: () => `/api/v1/events/${event}/registrations`, query: ['state'] },
  { method: 'PUT', url: () => `/api/v1/events/${event}/attendance`, fields: ['session', 'items'] },
  { method: 'POST', url: () => `/api/v1/events/${event}/messages`, fields: ['subject', 'body', 'states'] },
  { method: 'POST', url: () => '/api/v1/event-registrations/confirm', fields: ['token'] },
  { method: 'GET', url: () => '/feeds/events.ics', query: ['organization', 'filiera', 's3'] },
  { method: 'GET', url: () => '/feeds/events.xml', query: ['organization', 'filiera', 's3'] },
  { method: 'GET', url: () => `/api/v1/events/${event}/ics`, query: ['lang'] },
];
const ID_ROUTES = [
  ['GET', '/api/v1/events/:id'],
  ['PATCH', '/api/v1/events/:id'],
  ['POST', '/api/v1/events/:id/publish'],
  ['POST', '/api/v1/events/:id/cancel'],
  ['GET', '/api/v1/events/:id/ics'],
  ['GET', '/api/v1/events/:id/registrations'],
  ['GET', '/api/v1/events/:id/registrations.csv'],
  ['GET', '/api/v1/events/:id/attendance'],
  ['GET', '/api/v1/events/:id/participation'],
  ['POST', '/api/v1/events/:id/registrations'],
  ['GET', '/api/v1/event-registrations/:id'],
  ['POST', '/api/v1/event-registrations/:id/cancel'],
  ['GET', '/api/v1/event-registrations/:id/certificate'],
] as const;

describe('hostile input to the events routes', () => {
  it('never answers 500', async () => {
    expect(await hostileRequests(app, H, ROUTES, ID_ROUTES, { reason: true, token: true, summary: true })).toEqual([]);
  });
});
