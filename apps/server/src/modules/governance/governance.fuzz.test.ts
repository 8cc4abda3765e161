import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { governanceNetwork, type GovernanceNetwork } from '../../test/governance-fixture.ts';

// Every governance route with hostile input, as the Region (so the checks past the permission run), a nucleus member
// and a company member: answers are problem+json with a 4xx, never a 500.
let net: GovernanceNetwork;
let objective = '';
let report = '';
let target = '';

beforeAll(async () => {
  net = await governanceNetwork();
  objective = (
    await net.app.inject({
      method: 'POST',
      url: '/api/v1/objectives',
      headers: net.h.region,
      payload: { from: '2025-01-01', to: '2025-06-30', text: { it: 'Obiettivo' }, kpis: ['requests.received'] },
    })
  ).json().id;
  report = (
    await net.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: net.h.region,
      payload: { from: '2025-01-01', to: '2025-06-30' },
    })
  ).json().id;
  target = (
    await net.app.inject({
      method: 'PUT',
      url: '/api/v1/kpi-targets',
      headers: net.h.region,
      payload: { kpi: 'requests.received', from: '2025-01-01', to: '2025-12-31', target: 10 },
    })
  ).json().id;
});
afterAll(() => net?.close());

const NASTY = [
  '',
  ' ',
  'N/A',
  'n.d.',
  'circa 10',
  '10%',
  '1,5',
  'null',
  '../../etc/passwd',
  "'; drop table objectives; --",
  '2025-02-30',
  '0000-01-01',
  '9999-12-31',
  '2025-13-01',
  '-1',
  '1e309',
  'x'.repeat(5000),
  '😀',
  'javascript:alert(1)',
  'https://',
  '00000000-0000-0000-0000-000000000000',
  'requests.received',
  's3-advanced-materials×s3-health',
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
    fc.constantFrom('it', 'en', 'objective', 'status', 'comment', 'text', 'organization'),
    fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    { maxKeys: 3 },
  ),
);
const body = (fields: string[]) =>
  fc.dictionary(fc.constantFrom(...fields, 'extra', '__proto__'), value, { maxKeys: fields.length + 1 });

const ROUTES: { method: string; url: () => string; fields?: string[]; query?: string[] }[] = [
  { method: 'GET', url: () => '/api/v1/kpis', query: ['from', 'to', 'organization', 'lang'] },
  { method: 'GET', url: () => '/api/v1/kpis/requests.received/records', query: ['from', 'to', 'organization'] },
  { method: 'GET', url: () => '/api/v1/objectives', query: ['from', 'to', 'organization', 'page', 'limit'] },
  { method: 'GET', url: () => '/api/v1/kpi-targets', query: ['kpi', 'organization'] },
  { method: 'GET', url: () => '/api/v1/kpi-values', query: ['kpi', 'organization'] },
  { method: 'GET', url: () => '/api/v1/reports', query: ['page', 'limit'] },
  { method: 'GET', url: () => '/api/v1/demand', query: ['from', 'to', 'organization'] },
  {
    method: 'POST',
    url: () => '/api/v1/objectives',
    fields: ['from', 'to', 'organization', 'text', 's3', 'kpis', 'public'],
  },
  {
    method: 'PATCH',
    url: () => `/api/v1/objectives/${objective}`,
    fields: ['from', 'to', 'text', 's3', 'kpis', 'organization'],
  },
  {
    method: 'PUT',
    url: () => '/api/v1/kpi-targets',
    fields: ['kpi', 'from', 'to', 'organization', 'baseline', 'target'],
  },
  {
    method: 'PUT',
    url: () => '/api/v1/kpi-values',
    fields: ['kpi', 'from', 'to', 'organization', 'value', 'numerator', 'denominator', 'evidenceUrl', 'note'],
  },
  {
    method: 'POST',
    url: () => '/api/v1/kpi-definitions',
    fields: ['code', 'label', 'unit', 'kind', 'direction', 'aggregation'],
  },
  { method: 'POST', url: () => '/api/v1/protocols', fields: ['title', 'signedOn', 'termMonths', 'parties', 'place'] },
  {
    method: 'POST',
    url: () => `/api/v1/protocols/${net.protocolId}/renewals`,
    fields: ['renewedOn', 'termMonths', 'note'],
  },
  { method: 'POST', url: () => '/api/v1/reports', fields: ['from', 'to'] },
  {
    method: 'PATCH',
    url: () => `/api/v1/reports/${report}`,
    fields: ['conclusions', 'adjustments', 'overrides', 'comment', 'refresh'],
  },
  { method: 'POST', url: () => `/api/v1/reports/${report}/reopen`, fields: ['reason'] },
];
const ID_ROUTES = [
  ['GET', '/api/v1/objectives/:id'],
  ['PATCH', '/api/v1/objectives/:id'],
  ['DELETE', '/api/v1/objectives/:id'],
  ['DELETE', '/api/v1/kpi-targets/:id'],
  ['GET', '/api/v1/reports/:id'],
  ['PATCH', '/api/v1/reports/:id'],
  ['POST', '/api/v1/reports/:id/sign'],
  ['POST', '/api/v1/reports/:id/reopen'],
  ['GET', '/api/v1/reports/:id/pdf'],
  ['GET', '/api/v1/reports/:id/csv'],
  ['GET', '/api/v1/kpis/:id/records'],
  ['POST', '/api/v1/protocols/:id/renewals'],
] as const;

describe('hostile input to the governance routes', () => {
  it('never answers 500', async () => {
    const failures: string[] = [];
    const check = async (method: string, url: string, who: string, payload?: unknown) => {
      const r = await net.app.inject({
        method: method as 'POST',
        url,
        headers: net.h[who],
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      if (r.statusCode >= 500)
        failures.push(
          `${method} ${url} ${JSON.stringify(payload)?.slice(0, 200)} → ${r.statusCode} ${r.body.slice(0, 200)}`,
        );
      else if (r.statusCode >= 400) expect(r.headers['content-type']).toMatch(/problem\+json/);
    };
    for (const route of ROUTES) {
      const cases = fc.sample(route.fields ? body(route.fields) : body(route.query!), { numRuns: 25, seed: 20261205 });
      for (const c of cases)
        for (const who of ['region', 'nucleus', 'company']) {
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
      for (const id of NASTY.filter((n) => n.trim() && !n.includes('/')).concat(['%2e%2e', 'a'.repeat(99), target]))
        await check(
          method,
          template.replace(':id', encodeURIComponent(id)),
          'region',
          method === 'GET' || method === 'DELETE'
            ? undefined
            : { reason: id, conclusions: id, renewedOn: id, termMonths: 12 },
        );
    expect(failures).toEqual([]);
  });
});
