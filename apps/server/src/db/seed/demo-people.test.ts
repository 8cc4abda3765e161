import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { testConfig, signInHeaders } from '../../test/factories.ts';
import { freshDatabase } from '../../test/db.ts';
import type { Database } from '../client.ts';
import { prepareDatabase } from '../prepare.ts';
import { DEMO_PAST_REQUESTS } from './demo-governance.ts';
import { seedDemo } from './demo.ts';

// The demo people: created with the demo network, never with CLOCK_SEED=none; each role's pages have work at once.
interface Account {
  email: string;
  name: string;
  role: string;
  organization: { id: string; name: string } | null;
}

describe('a database prepared with CLOCK_SEED=none', () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await freshDatabase();
    await prepareDatabase(database, 'none');
    app = await buildApp({ config: testConfig(), database, logger: false });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('is not a demo: /api/v1/demo answers 404 and no demo account exists or signs in', async () => {
    const r = await app.inject({ url: '/api/v1/demo' });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toContain('application/problem+json');
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'giovanni.bartoli@regione.example.org', password: 'clock-demo' },
    });
    expect(login.statusCode).toBe(401);
  });
});

describe('a database prepared with CLOCK_SEED=demo', () => {
  let database: Database;
  let app: FastifyInstance;
  let demo: { demo: true; password: string; accounts: Account[] };
  const as = async (role: string, organization?: string) => {
    const a = demo.accounts.find((x) => x.role === role && (!organization || x.organization?.id === organization))!;
    return signInHeaders(app, a.email, demo.password);
  };
  beforeAll(async () => {
    database = await freshDatabase();
    await prepareDatabase(database, 'demo');
    app = await buildApp({ config: testConfig(), database, logger: false });
    const r = await app.inject({ url: '/api/v1/demo' });
    expect(r.statusCode).toBe(200);
    demo = r.json();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('has one person for every role: the Region, an admin, nucleus, manager and staff of each centre, company members', () => {
    const count = (role: string) => demo.accounts.filter((a) => a.role === role).length;
    expect(count('admin')).toBe(1);
    expect(count('region')).toBe(1);
    for (const role of ['nucleus', 'centre-manager', 'centre-staff']) {
      expect(
        demo.accounts
          .filter((a) => a.role === role)
          .map((a) => a.organization?.id)
          .sort(),
      ).toEqual(['asev', 'cosvig', 'cptm', 'lucense', 'navigo', 'tls']);
    }
    expect(count('company')).toBeGreaterThanOrEqual(3);
    for (const a of demo.accounts) expect(a.email).toMatch(/@([a-z-]+\.)?example\.org$/);
    expect(demo.password.length).toBeGreaterThanOrEqual(10);
  });

  it('lets every demo person sign in with the published password', async () => {
    for (const a of demo.accounts) await signInHeaders(app, a.email, demo.password);
  });

  it('links the demo requests to their people: a company member sees its own request, submitted by them', async () => {
    const company = demo.accounts.find((a) => a.organization?.id === 'cartiera-brancoli')!;
    const h = await signInHeaders(app, company.email, demo.password);
    const list = (await app.inject({ url: '/api/v1/requests?scope=mine', headers: h })).json();
    expect(list.items.length).toBeGreaterThanOrEqual(1);
    const detail = (await app.inject({ url: `/api/v1/requests/${list.items[0].id}`, headers: h })).json();
    const timeline = detail.timeline as { kind: string; to: string | null; actorName: string | null }[];
    expect(timeline.find((e) => e.kind === 'submitted')?.actorName).toBe(company.name);
    // The triage was done by a nucleus member, each step by a named person.
    const nucleusNames = demo.accounts.filter((a) => a.role === 'nucleus').map((a) => a.name);
    expect(nucleusNames).toContain(timeline.find((e) => e.to === 'triage')?.actorName);
  });

  it('gives each role notifications to read, never about a confidential request it may not see', async () => {
    for (const [role, org] of [
      ['nucleus', 'lucense'],
      ['centre-manager', 'navigo'],
      ['centre-staff', 'cptm'],
      ['company', 'cantiere-burlamacco'],
    ] as const) {
      const h = await as(role, org);
      const n = (await app.inject({ url: '/api/v1/notifications', headers: h })).json();
      expect(n.items.length, `${role} ${org}`).toBeGreaterThan(0);
      for (const item of n.items) {
        const r = await app.inject({ url: `/api/v1/requests/${item.request}`, headers: h });
        expect(r.statusCode, `${role} ${org} ${item.kind}`).toBe(200);
      }
    }
    // A nucleus member has a new request waiting to be reviewed, unread.
    const nucleus = (await app.inject({ url: '/api/v1/notifications', headers: await as('nucleus', 'asev') })).json();
    expect(nucleus.unread).toBeGreaterThan(0);
    expect(nucleus.items.map((i: { kind: string }) => i.kind)).toContain('request-submitted');
  });

  it('shows the nucleus every request on its board and the Region the network with its requests', async () => {
    const nucleus = (
      await app.inject({ url: '/api/v1/requests?scope=all&limit=50', headers: await as('nucleus', 'lucense') })
    ).json();
    expect(nucleus.total).toBe(8 + DEMO_PAST_REQUESTS); // the demo's requests and the governance history
    const region = await as('region');
    const network = (await app.inject({ url: '/api/v1/network', headers: region })).json();
    expect(network.centres).toHaveLength(6);
    const seen = (await app.inject({ url: '/api/v1/requests?scope=all&limit=50', headers: region })).json();
    expect(seen.total).toBeGreaterThan(0);
  });

  it('loads the people once: seeding again adds nobody and changes no notification', async () => {
    const before = (await app.inject({ url: '/api/v1/notifications', headers: await as('nucleus', 'lucense') })).json();
    await seedDemo(database.db);
    const again = (await app.inject({ url: '/api/v1/demo' })).json();
    expect(again.accounts).toHaveLength(demo.accounts.length);
    const after = (await app.inject({ url: '/api/v1/notifications', headers: await as('nucleus', 'lucense') })).json();
    expect(after.items).toHaveLength(before.items.length);
  });
});
