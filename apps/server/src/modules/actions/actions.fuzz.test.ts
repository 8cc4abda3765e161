import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { freshDatabase } from '../../test/db.ts';
import { buildOrganization, bundleStream, testConfig } from '../../test/factories.ts';
import { signedInAccounts } from '../../test/member-app.ts';

// Every joint-action and meeting route with hostile input, as the lead centre's member, a company partner and a
// nucleus member (so the checks past the permission run): answers are problem+json with a 4xx, never a 500.
let database: Database;
let app: FastifyInstance;
const centre = buildOrganization({ kind: 'centre' });
const company = buildOrganization({ kind: 'company' });
let H: Record<string, Record<string, string>> = {};
const ID: Record<string, string> = {};

const inject = (method: string, url: string, who: string, payload?: unknown) =>
  app.inject({
    method: method as 'POST',
    url,
    headers: H[who],
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [centre, company] }));
  app = await buildApp({ config: testConfig(), database, logger: false });
  H = (
    await signedInAccounts(app, database, [
      ['staff', 'centre-staff', centre.id],
      ['company', 'company', company.id],
      ['nucleus', 'nucleus', centre.id],
    ])
  ).headers;
  const a = (
    await inject('POST', '/api/v1/actions', 'staff', {
      title: { it: 'Azione' },
      lead: centre.id,
      start: '2026-01-01',
      end: '2026-12-31',
      partners: [{ organization: company.id, role: 'company' }],
    })
  ).json();
  ID.action = a.id;
  const m = (
    await inject('POST', `/api/v1/actions/${a.id}/milestones`, 'staff', { title: { it: 'T' }, due: '2026-06-01' })
  ).json();
  ID.milestone = m.milestones[0].id;
  const c = (
    await inject('POST', `/api/v1/actions/${a.id}/contributions`, 'staff', {
      organization: company.id,
      kind: 'money',
      planned: 1,
    })
  ).json();
  ID.contribution = c.contributions[0].id;
  const meeting = (
    await inject('POST', '/api/v1/meetings', 'nucleus', { startsAt: '2026-03-01T10:00:00+01:00' })
  ).json();
  ID.meeting = meeting.id;
  const o = (
    await inject('POST', `/api/v1/meetings/${meeting.id}/outcomes`, 'nucleus', { kind: 'decision', text: 'D' })
  ).json();
  ID.outcome = o.outcomes[0].id;
  ID.request = (
    (await database.db.execute(sql`insert into requests (title, description, confidentiality, state, company_name)
      values ('R', 'D', 'network', 'team_agreed', 'X') returning id`)) as unknown as { rows: { id: string }[] }
  ).rows[0]!.id;
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
  "'; drop table joint_actions; --",
  '2026-02-30',
  '0000-01-01',
  '9999-12-31',
  '2026-01-01T25:00:00Z',
  '2026-03-29T02:30:00+01:00',
  '-1',
  '1e309',
  'x'.repeat(5000),
  '😀',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
];
const value = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.array(fc.oneof(fc.string(), fc.constantFrom(...NASTY)), { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom('it', 'en', 'organization', 'role', 'user', 'present'),
    fc.oneof(fc.string(), fc.constant(null)),
    {
      maxKeys: 3,
    },
  ),
);
const body = (fields: string[]) =>
  fc.dictionary(fc.constantFrom(...fields, 'extra', '__proto__'), value, { maxKeys: fields.length + 1 });

const ROUTES: { method: string; url: () => string; who: string; fields?: string[]; query?: string[] }[] = [
  {
    method: 'GET',
    url: () => '/api/v1/actions',
    who: 'staff',
    query: ['state', 'organization', 's3', 'filiera', 'late', 'q', 'page', 'limit'],
  },
  {
    method: 'POST',
    url: () => '/api/v1/actions',
    who: 'staff',
    fields: [
      'title',
      'description',
      'lead',
      's3',
      'filiere',
      'start',
      'end',
      'visibility',
      'parent',
      'partners',
      'objective',
    ],
  },
  {
    method: 'PATCH',
    url: () => `/api/v1/actions/${ID.action}`,
    who: 'staff',
    fields: ['title', 'description', 's3', 'filiere', 'start', 'end', 'visibility', 'parent', 'objective'],
  },
  { method: 'POST', url: () => `/api/v1/actions/${ID.action}/transition`, who: 'staff', fields: ['to', 'note'] },
  {
    method: 'POST',
    url: () => `/api/v1/actions/${ID.action}/partners`,
    who: 'staff',
    fields: ['organization', 'role'],
  },
  {
    method: 'POST',
    url: () => `/api/v1/actions/${ID.action}/milestones`,
    who: 'staff',
    fields: ['title', 'due', 'weight'],
  },
  {
    method: 'PATCH',
    url: () => `/api/v1/action-milestones/${ID.milestone}`,
    who: 'staff',
    fields: ['title', 'due', 'weight', 'done'],
  },
  {
    method: 'POST',
    url: () => `/api/v1/actions/${ID.action}/contributions`,
    who: 'company',
    fields: ['organization', 'kind', 'planned', 'actual', 'periodStart', 'periodEnd', 'note', 'booking'],
  },
  {
    method: 'PATCH',
    url: () => `/api/v1/action-contributions/${ID.contribution}`,
    who: 'company',
    fields: ['planned', 'actual', 'periodStart', 'periodEnd', 'note'],
  },
  { method: 'POST', url: () => `/api/v1/actions/${ID.action}/documents`, who: 'company', fields: ['title', 'url'] },
  {
    method: 'POST',
    url: () => `/api/v1/requests/${ID.request}/joint-action`,
    who: 'staff',
    fields: ['title', 'start', 'end', 'visibility'],
  },
  { method: 'GET', url: () => '/api/v1/meetings', who: 'nucleus', query: ['page', 'limit'] },
  { method: 'POST', url: () => '/api/v1/meetings', who: 'nucleus', fields: ['startsAt', 'place', 'onlineUrl'] },
  {
    method: 'PATCH',
    url: () => `/api/v1/meetings/${ID.meeting}`,
    who: 'nucleus',
    fields: ['startsAt', 'place', 'onlineUrl', 'minutes'],
  },
  { method: 'POST', url: () => `/api/v1/meetings/${ID.meeting}/agenda`, who: 'nucleus', fields: ['title'] },
  {
    method: 'POST',
    url: () => `/api/v1/meetings/${ID.meeting}/outcomes`,
    who: 'nucleus',
    fields: ['kind', 'text', 'agendaItem', 'owner', 'due', 'objective', 'action', 'request'],
  },
  {
    method: 'PATCH',
    url: () => `/api/v1/meeting-outcomes/${ID.outcome}`,
    who: 'nucleus',
    fields: ['done', 'owner', 'due', 'text'],
  },
  {
    method: 'POST',
    url: () => `/api/v1/meetings/${ID.meeting}/hold`,
    who: 'nucleus',
    fields: ['attendees', 'minutes'],
  },
];
const ID_ROUTES = [
  ['GET', '/api/v1/actions/:id'],
  ['DELETE', '/api/v1/action-partners/:id'],
  ['DELETE', '/api/v1/action-documents/:id'],
  ['GET', '/api/v1/meetings/:id'],
  ['POST', '/api/v1/meetings/:id/approve-minutes'],
] as const;

describe('hostile input to the joint-action and meeting routes', () => {
  it('never answers 500', async () => {
    const failures: string[] = [];
    const check = async (method: string, url: string, who: string, payload?: unknown) => {
      const r = await inject(method, url, who, payload);
      if (r.statusCode >= 500)
        failures.push(
          `${method} ${url} ${JSON.stringify(payload)?.slice(0, 200)} → ${r.statusCode} ${r.body.slice(0, 200)}`,
        );
      else if (r.statusCode >= 400) expect(r.headers['content-type']).toMatch(/problem\+json/);
    };
    for (const route of ROUTES) {
      for (const c of fc.sample(body(route.fields ?? route.query!), { numRuns: 30, seed: 20261205 })) {
        if (route.fields) await check(route.method, route.url(), route.who, c);
        else {
          const qs = Object.entries(c)
            .map(
              ([k, v]) =>
                `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`,
            )
            .join('&');
          await check(route.method, `${route.url()}?${qs}`, route.who);
        }
      }
    }
    for (const [method, template] of ID_ROUTES)
      for (const id of NASTY.filter((n) => n.trim() && !n.includes('/')).concat(['%2e%2e', 'a'.repeat(99)]))
        await check(
          method,
          template.replace(':id', encodeURIComponent(id)),
          method.startsWith('G') ? 'staff' : 'nucleus',
        );
    expect(failures).toEqual([]);
  });
});
