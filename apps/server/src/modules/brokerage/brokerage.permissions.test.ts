import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { brokerageWorld, matchmakingEvent, techRequest } from '../../test/brokerage.ts';
import { followUp } from './followup.service.ts';

// The brokerage's permission matrix: every route (reads too) × every part — no one signed in, the opportunity's
// company, another company, the handling centre, another centre, the Region, an administrator — on fresh rows in the
// state each step needs. The main permission matrix (identity/permissions.test.ts) checks that every write route
// names a rule; this is the rule's table.
let w: Awaited<ReturnType<typeof brokerageWorld>>;
beforeAll(async () => {
  w = await brokerageWorld();
}, 60_000);
afterAll(async () => {
  await w?.app.close();
  await w?.database.close();
});

const ROLES = ['anonymous', 'owner', 'partner', 'staff', 'otherStaff', 'region', 'admin'] as const;
type Role = (typeof ROLES)[number];
const call = async (method: string, url: string, who: Role | 'unverified' | 'nucleus', payload?: unknown) => {
  const r = await w.app.inject({
    method: method as 'GET',
    url,
    headers: w.H[who],
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return r;
};
const ok = async (method: string, url: string, who: Role | 'unverified' | 'nucleus', payload?: unknown) => {
  const r = await call(method, url, who, payload);
  if (r.statusCode >= 300) throw new Error(`${method} ${url} as ${who}: ${r.statusCode} ${r.body}`);
  return r.json();
};
const SCORES = { clarity: 4, innovation: 4, partnerSought: 4, completeness: 4 };

async function opportunity(state: 'draft' | 'submitted' | 'published') {
  const o = await ok('POST', '/api/v1/opportunities', 'owner', techRequest(w.owner.id, w.centre.id));
  if (state === 'draft') return o.id as string;
  await ok('POST', `/api/v1/opportunities/${o.id}/submit`, 'owner');
  if (state === 'submitted') return o.id as string;
  await ok('POST', `/api/v1/opportunities/${o.id}/review`, 'staff', { scores: SCORES, decision: 'publish' });
  return o.id as string;
}
async function interest(accepted: boolean) {
  const id = await opportunity('published');
  const i = await ok('POST', `/api/v1/opportunities/${id}/interest`, 'partner', {
    organization: w.partner.id,
    note: 'Interessati',
  });
  if (accepted) await ok('POST', `/api/v1/interests/${i.id}/accept`, 'owner');
  return i.id as string;
}
async function introduction() {
  const i = await interest(true);
  const r = await ok('POST', `/api/v1/interests/${i}/introduction`, 'staff', {});
  await w.database.db.execute(
    sql`update introductions set created_at = now() - interval '100 days' where id = ${r.id}`,
  );
  await followUp({ db: w.database.db, publicUrl: 'http://localhost' }, new Date());
  return r.id as string;
}
async function day(past = false) {
  const when = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const d = await ok('POST', '/api/v1/matchmaking', 'staff', {
    organizer: w.centre.id,
    title: { it: 'Giornata di incontri' },
    day: when,
    startTime: '09:00',
    slotMinutes: 20,
    slots: 6,
    tables: 3,
  });
  const owner = await ok('POST', `/api/v1/matchmaking/${d.id}/participants`, 'owner', { organization: w.owner.id });
  const guest = await ok('POST', `/api/v1/matchmaking/${d.id}/participants`, 'unverified', {});
  const req = await ok('POST', `/api/v1/matchmaking/${d.id}/requests`, 'unverified', { to: owner.id });
  if (past) {
    await ok('POST', `/api/v1/meeting-requests/${req.id}/accept`, 'owner');
    const s = await ok('POST', `/api/v1/matchmaking/${d.id}/schedule`, 'staff');
    await w.database.db.execute(sql`update matchmaking_days set day = current_date - 1 where id = ${d.id}`);
    return {
      day: d.id as string,
      request: req.id as string,
      guest: guest.id as string,
      meeting: s.meetings[0].id as string,
    };
  }
  return { day: d.id as string, request: req.id as string, guest: guest.id as string, meeting: '' };
}

type Expect = Record<Role, number>;
const all = (n: number, over: Partial<Expect> = {}): Expect => ({
  anonymous: n,
  owner: n,
  partner: n,
  staff: n,
  otherStaff: n,
  region: n,
  admin: n,
  ...over,
});
interface Case {
  route: string;
  setup(role: Role): Promise<{ url: string; payload?: unknown }>;
  expect: Expect;
}
const companyOf = (role: Role) => (role === 'partner' ? w.partner.id : w.owner.id);

const CASES: Case[] = [
  {
    route: 'GET /api/v1/opportunities',
    setup: async () => ({ url: '/api/v1/opportunities?q=calore' }),
    expect: all(200),
  },
  {
    route: 'GET /api/v1/opportunities/:id',
    setup: async () => ({ url: `/api/v1/opportunities/${await opportunity('draft')}` }),
    expect: all(404, { owner: 200, staff: 200, admin: 200 }),
  },
  {
    route: 'POST /api/v1/opportunities',
    setup: async (role) => ({ url: '/api/v1/opportunities', payload: techRequest(companyOf(role), w.centre.id) }),
    expect: all(403, { anonymous: 401, owner: 201, partner: 201 }),
  },
  {
    route: 'PATCH /api/v1/opportunities/:id',
    setup: async () => ({
      url: `/api/v1/opportunities/${await opportunity('draft')}`,
      payload: { stage: 'prototype' },
    }),
    expect: all(404, { anonymous: 401, owner: 200, staff: 403, admin: 403 }),
  },
  {
    route: 'POST /api/v1/opportunities/:id/submit',
    setup: async () => ({ url: `/api/v1/opportunities/${await opportunity('draft')}/submit` }),
    expect: all(404, { anonymous: 401, owner: 200, staff: 403, admin: 403 }),
  },
  {
    route: 'POST /api/v1/opportunities/:id/review',
    setup: async () => ({
      url: `/api/v1/opportunities/${await opportunity('submitted')}/review`,
      payload: { scores: SCORES, decision: 'publish' },
    }),
    expect: all(404, { anonymous: 401, owner: 403, staff: 200, admin: 200 }),
  },
  {
    route: 'GET /api/v1/opportunities/:id/matches',
    setup: async () => ({ url: `/api/v1/opportunities/${await opportunity('published')}/matches` }),
    expect: all(403, { anonymous: 401, owner: 200, staff: 200, admin: 200 }),
  },
  {
    route: 'POST /api/v1/opportunities/:id/interest',
    setup: async (role) => ({
      url: `/api/v1/opportunities/${await opportunity('published')}/interest`,
      payload: { organization: companyOf(role), note: 'Interessati' },
    }),
    expect: all(403, { anonymous: 401, partner: 201 }),
  },
  {
    route: 'GET /api/v1/opportunities/:id/interests',
    setup: async () => ({ url: `/api/v1/opportunities/${await opportunity('published')}/interests` }),
    expect: all(200, { anonymous: 401 }),
  },
  ...(['accept', 'decline'] as const).map((a) => ({
    route: `POST /api/v1/interests/:id/${a}`,
    setup: async () => ({ url: `/api/v1/interests/${await interest(false)}/${a}` }),
    expect: all(404, { anonymous: 401, owner: 200, partner: 403, staff: 200, admin: 200 }),
  })),
  {
    route: 'POST /api/v1/interests/:id/introduction',
    setup: async () => ({ url: `/api/v1/interests/${await interest(true)}/introduction`, payload: {} }),
    expect: all(404, { anonymous: 401, owner: 403, partner: 403, staff: 201, admin: 201 }),
  },
  {
    route: 'GET /api/v1/introductions',
    setup: async () => ({ url: '/api/v1/introductions' }),
    expect: all(200, { anonymous: 401 }),
  },
  {
    route: 'POST /api/v1/introductions/:id/outcome',
    setup: async (role) => ({
      url: `/api/v1/introductions/${await introduction()}/outcome`,
      payload: { organization: companyOf(role), answer: 'in-discussion' },
    }),
    expect: all(404, { anonymous: 401, owner: 200, partner: 200, staff: 403, admin: 403 }),
  },
  {
    route: 'POST /api/v1/outcomes/:id/confirm',
    setup: async () => {
      const id = await introduction();
      const r = await ok('POST', `/api/v1/introductions/${id}/outcome`, 'partner', {
        organization: w.partner.id,
        answer: 'agreement',
        agreementKind: 'licence',
      });
      const o = r.outcomes.find((x: { company: string; round: number }) => x.company === w.partner.id && x.round === 3);
      return { url: `/api/v1/outcomes/${o.id}/confirm` };
    },
    expect: all(404, { anonymous: 401, owner: 403, partner: 403, staff: 200, admin: 200 }),
  },
  {
    route: 'POST /api/v1/company-relations',
    setup: async () => ({
      url: '/api/v1/company-relations',
      payload: { from: w.owner.id, to: w.partner.id, kind: 'customer-of', filiera: 'carta' },
    }),
    expect: all(403, { anonymous: 401, owner: 201, staff: 201, otherStaff: 201, admin: 201 }),
  },
  {
    route: 'POST /api/v1/company-relations/:id/verify',
    setup: async () => {
      const r = await ok('POST', '/api/v1/company-relations', 'owner', {
        from: w.owner.id,
        to: w.partner.id,
        kind: 'supplier-of',
        filiera: 'carta',
      });
      return { url: `/api/v1/company-relations/${r.id}/verify` };
    },
    expect: all(403, { anonymous: 401, staff: 200, otherStaff: 200, admin: 200 }),
  },
  {
    route: 'GET /api/v1/filiere/:code/map',
    setup: async () => ({ url: '/api/v1/filiere/carta/map' }),
    expect: all(200, { anonymous: 401 }),
  },
  {
    // With the event it belongs to, one the organising centre runs.
    route: 'POST /api/v1/matchmaking',
    setup: async () => ({
      url: '/api/v1/matchmaking',
      payload: {
        organizer: w.centre.id,
        title: { en: 'B2B day' },
        day: '2030-05-05',
        startTime: '10:00',
        slotMinutes: 15,
        slots: 8,
        tables: 4,
        eventId: await matchmakingEvent(w.app, w.H.staff, w.centre.id),
      },
    }),
    expect: all(403, { anonymous: 401, staff: 201, admin: 201 }),
  },
  {
    route: 'GET /api/v1/matchmaking/:id',
    setup: async () => ({ url: `/api/v1/matchmaking/${(await day()).day}` }),
    expect: all(200),
  },
  {
    route: 'POST /api/v1/matchmaking/:id/participants',
    setup: async () => ({
      url: `/api/v1/matchmaking/${(await day()).day}/participants`,
      payload: { unavailableSlots: [1] },
    }),
    expect: all(201, { anonymous: 401 }),
  },
  {
    route: 'GET /api/v1/matchmaking/:id/participants',
    setup: async () => ({ url: `/api/v1/matchmaking/${(await day()).day}/participants` }),
    expect: all(403, { anonymous: 401, owner: 200, staff: 200, admin: 200 }),
  },
  {
    route: 'POST /api/v1/matchmaking/:id/requests',
    setup: async () => {
      const d = await day();
      return { url: `/api/v1/matchmaking/${d.day}/requests`, payload: { to: d.guest } };
    },
    // Only participants ask; the owner is one (and has not asked the guest yet).
    expect: all(403, { anonymous: 401, owner: 201 }),
  },
  ...(['accept', 'decline'] as const).map((a) => ({
    route: `POST /api/v1/meeting-requests/:id/${a}`,
    setup: async () => ({ url: `/api/v1/meeting-requests/${(await day()).request}/${a}` }),
    expect: all(404, { anonymous: 401, owner: 200 }),
  })),
  {
    route: 'POST /api/v1/matchmaking/:id/schedule',
    setup: async () => ({ url: `/api/v1/matchmaking/${(await day()).day}/schedule` }),
    expect: all(403, { anonymous: 401, staff: 200, admin: 200 }),
  },
  {
    route: 'GET /api/v1/matchmaking/:id/agenda',
    setup: async () => ({ url: `/api/v1/matchmaking/${(await day()).day}/agenda` }),
    expect: all(403, { anonymous: 401, owner: 200 }),
  },
  {
    route: 'GET /api/v1/matchmaking/:id/agenda.ics',
    setup: async () => ({ url: `/api/v1/matchmaking/${(await day()).day}/agenda.ics` }),
    expect: all(403, { anonymous: 401, owner: 200 }),
  },
  {
    route: 'GET /api/v1/matchmaking',
    setup: async () => ({ url: '/api/v1/matchmaking?upcoming=true' }),
    expect: all(200),
  },
  {
    route: 'GET /api/v1/matchmaking/:id/mine',
    // Everyone signed in gets an answer: their registration and requests, or an empty one.
    setup: async () => ({ url: `/api/v1/matchmaking/${(await day()).day}/mine` }),
    expect: all(200, { anonymous: 401 }),
  },
  {
    route: 'GET /api/v1/matchmaking/:id/schedule',
    setup: async () => ({ url: `/api/v1/matchmaking/${(await day()).day}/schedule` }),
    expect: all(403, { anonymous: 401, staff: 200, admin: 200 }),
  },
  {
    route: 'GET /api/v1/matchmaking/:id/agenda.pdf',
    setup: async () => ({ url: `/api/v1/matchmaking/${(await day()).day}/agenda.pdf` }),
    expect: all(403, { anonymous: 401, owner: 200 }),
  },
  {
    route: 'POST /api/v1/matchmaking-meetings/:id/rating',
    setup: async () => ({
      url: `/api/v1/matchmaking-meetings/${(await day(true)).meeting}/rating`,
      payload: { score: 4 },
    }),
    expect: all(404, { anonymous: 401, owner: 201 }),
  },
];

describe('the brokerage permission matrix', () => {
  it('has a row for every brokerage route', () => {
    const routes = w.app.routeTable
      .filter(
        (r) =>
          r.permission === 'brokerage' ||
          /\/(opportunities|interests|introductions|outcomes|company-relations|filiere|matchmaking|meeting-requests|matchmaking-meetings)\b/.test(
            r.url,
          ),
      )
      .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/v1/meetings/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !CASES.some((c) => c.route === r))).toEqual([]);
  });

  it('gives every part the expected status on every route', async () => {
    const failures: string[] = [];
    for (const c of CASES) {
      const [method, route] = c.route.split(' ') as [string, string];
      for (const role of ROLES) {
        const { url, payload } = await c.setup(role);
        const r = await call(method, url, role, payload);
        if (r.statusCode !== c.expect[role])
          failures.push(`${c.route} as ${role}: ${r.statusCode}, expected ${c.expect[role]} — ${r.body.slice(0, 200)}`);
        if (r.statusCode >= 400) expect(r.headers['content-type'], `${route} as ${role}`).toMatch(/problem\+json/);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
