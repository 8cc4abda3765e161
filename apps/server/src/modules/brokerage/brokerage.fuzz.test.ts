import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brokerageWorld, techRequest } from '../../test/brokerage.ts';

// Every brokerage route (found in the route table, so a new one is covered) with hostile bodies, query strings and
// path ids, as the handling centre and as a company member on real rows: answers are problem+json with a 4xx, never
// a 500.
let w: Awaited<ReturnType<typeof brokerageWorld>>;
const real: Record<string, string> = {};
beforeAll(async () => {
  w = await brokerageWorld();
  const post = async (url: string, who: 'owner' | 'partner' | 'staff' | 'unverified', payload: object = {}) => {
    const r = await w.app.inject({ method: 'POST', url, headers: w.H[who], payload });
    if (r.statusCode >= 300) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const o = await post('/api/v1/opportunities', 'owner', techRequest(w.owner.id, w.centre.id));
  await post(`/api/v1/opportunities/${o.id}/submit`, 'owner');
  await post(`/api/v1/opportunities/${o.id}/review`, 'staff', {
    scores: { clarity: 4, innovation: 4, partnerSought: 4, completeness: 4 },
    decision: 'publish',
  });
  const i = await post(`/api/v1/opportunities/${o.id}/interest`, 'partner', { organization: w.partner.id, note: 'Sì' });
  await post(`/api/v1/interests/${i.id}/accept`, 'owner');
  const intro = await post(`/api/v1/interests/${i.id}/introduction`, 'staff');
  const d = await post('/api/v1/matchmaking', 'staff', {
    organizer: w.centre.id,
    title: { it: 'Incontri' },
    day: '2031-03-03',
    startTime: '09:00',
    slotMinutes: 20,
    slots: 4,
    tables: 2,
  });
  const p = await post(`/api/v1/matchmaking/${d.id}/participants`, 'unverified', {});
  const rel = await post('/api/v1/company-relations', 'owner', {
    from: w.owner.id,
    to: w.partner.id,
    kind: 'supplier-of',
    filiera: 'carta',
  });
  Object.assign(real, {
    opportunity: o.id,
    interest: i.id,
    introduction: intro.id,
    day: d.id,
    participant: p.id,
    relation: rel.id,
  });
}, 60_000);
afterAll(async () => {
  await w?.app.close();
  await w?.database.close();
});

const NASTY = [
  '',
  ' ',
  'null',
  "'; drop table opportunities; --",
  '2026-02-30',
  '9999-12-31',
  '-1',
  '1e309',
  'x'.repeat(5000),
  '😀',
  '00000000-0000-0000-0000-000000000000',
  'carta',
  'C17.22',
  'info@example.org',
];
const value = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('it', 'en', 'clarity', 'x'), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), {
    maxKeys: 3,
  }),
);
const FIELDS = [
  'organization',
  'centre',
  'kind',
  'title',
  'description',
  'technology',
  'stage',
  'ipStatus',
  'partnerSought',
  'partnershipKinds',
  'filiere',
  'sectors',
  's3',
  'anonymous',
  'expiresAt',
  'scores',
  'decision',
  'comment',
  'note',
  'answer',
  'agreementKind',
  'from',
  'to',
  'filiera',
  'organizer',
  'day',
  'startTime',
  'slotMinutes',
  'slots',
  'tables',
  'offers',
  'seeks',
  'unavailableSlots',
  'score',
  'q',
  'page',
  'limit',
  'lang',
  'mine',
  'sector',
];
const body = fc.dictionary(fc.constantFrom(...FIELDS, '__proto__'), value, { maxKeys: 6 });
const idFor = (url: string) =>
  url.startsWith('/api/v1/opportunities')
    ? real.opportunity!
    : url.startsWith('/api/v1/interests')
      ? real.interest!
      : url.startsWith('/api/v1/introductions')
        ? real.introduction!
        : url.startsWith('/api/v1/company-relations')
          ? real.relation!
          : url.startsWith('/api/v1/matchmaking/')
            ? real.day!
            : '00000000-0000-0000-0000-000000000000';

describe('hostile input to the brokerage routes', () => {
  it('never answers 500', async () => {
    const routes = w.app.routeTable.filter(
      (r) =>
        r.method !== 'HEAD' &&
        /^\/api\/v1\/(opportunities|interests|introductions|outcomes|company-relations|filiere|matchmaking|meeting-requests|matchmaking-meetings)\b/.test(
          r.url,
        ),
    );
    expect(routes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    const check = async (method: string, url: string, who: 'staff' | 'owner' | 'partner', payload?: unknown) => {
      const r = await w.app.inject({
        method: method as 'POST',
        url,
        headers: { ...w.H[who], ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(payload === undefined ? {} : { payload: JSON.stringify(payload) ?? 'null' }),
      });
      if (r.statusCode >= 500)
        failures.push(
          `${method} ${url} ${JSON.stringify(payload)?.slice(0, 200)} → ${r.statusCode} ${r.body.slice(0, 200)}`,
        );
      else if (r.statusCode >= 400) expect(r.headers['content-type'], `${method} ${url}`).toMatch(/problem\+json/);
    };
    const samples = fc.sample(body, { numRuns: 20, seed: 20261205 });
    for (const route of routes) {
      const url = route.url.replace(':id', idFor(route.url)).replace(':code', 'carta');
      for (const c of samples)
        for (const who of ['staff', 'owner', 'partner'] as const) {
          if (route.method === 'GET') {
            const qs = Object.entries(c)
              .map(
                ([k, v]) =>
                  `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`,
              )
              .join('&');
            await check('GET', `${url}?${qs}`, who);
          } else await check(route.method, url, who, c);
        }
      // Hostile path ids.
      for (const id of NASTY.filter((n) => n.trim()).concat(['%2e%2e', 'a'.repeat(99)]))
        await check(
          route.method,
          route.url.replace(':id', encodeURIComponent(id)).replace(':code', encodeURIComponent(id)),
          'staff',
          route.method === 'GET' ? undefined : {},
        );
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
