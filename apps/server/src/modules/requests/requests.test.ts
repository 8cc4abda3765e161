import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { exportBundle, importBundle } from '../catalogue/bundle.service.ts';
import { freshDatabase } from '../../test/db.ts';
import { buildOffer, buildOrganization, bundleStream, testConfig } from '../../test/factories.ts';
import { signedInAccounts } from '../../test/member-app.ts';
import { startSmtp } from '../../test/smtp.ts';
import { createMailer } from '../../core/mailer.ts';
import { deliverOutbox, sendDigests } from '../notifications/notifications.service.ts';
import { TEXT_LIMITS } from '../search/budget.rules.ts';
import { sendReminders } from './reminders.job.ts';

// The front door through the API: a small network of three centres and two companies, one account per role.
let database: Database;
let app: FastifyInstance;
const centreA = buildOrganization({ kind: 'centre', name: 'Centro Alfa' });
const centreB = buildOrganization({ kind: 'centre', name: 'Centro Beta' });
const centreC = buildOrganization({ kind: 'centre', name: 'Centro Gamma' });
const companyX = buildOrganization({ kind: 'company', name: 'Cantiere Xenia' });
const companyY = buildOrganization({ kind: 'company', name: 'Officine Ypsilon' });
const universityU = buildOrganization({ kind: 'university', name: 'Università Upsilon' });
const ROLES = ['anonymous', 'admin', 'region', 'nucleus', 'managerB', 'staffC', 'company', 'otherCompany'] as const;
type Role = (typeof ROLES)[number];
const H: Partial<Record<Role, Record<string, string>>> = { anonymous: {} };
const EMAIL: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(
    database.db,
    bundleStream({
      format: 'clock-bundle/1',
      organizations: [centreA, centreB, centreC, companyX, companyY, universityU],
      services: [
        buildOffer(centreB.id, {
          title: { it: 'Prove di fatica su giunti saldati' },
          description: { it: 'Caratterizzazione a fatica di giunzioni saldate in acciaio per la nautica.' },
        }),
        buildOffer(centreC.id, {
          title: { it: 'Verniciatura e protezione dalla corrosione' },
          description: { it: 'Cicli di verniciatura anticorrosione e prove in nebbia salina.' },
        }),
      ],
      equipment: [
        buildOffer(centreB.id, { title: { it: 'Macchina servoidraulica per prove di fatica' }, bookable: true }),
        buildOffer(centreB.id, { title: { it: 'Banco prova per la traspirabilità delle mascherine' } }),
        buildOffer(universityU.id, {
          title: { it: 'Laboratorio prove di fatica su giunti saldati in acciaio' },
          description: { it: 'Prove di fatica su giunti saldati, analisi delle cricche e delle fratture.' },
        }),
      ],
    }),
  );
  app = await buildApp({ config: testConfig(), database, logger: false });
  const accounts: [Role, string, string | undefined][] = [
    ['admin', 'admin', undefined],
    ['region', 'region', undefined],
    ['nucleus', 'nucleus', centreA.id],
    ['managerB', 'centre-manager', centreB.id],
    ['staffC', 'centre-staff', centreC.id],
    ['company', 'company', companyX.id],
    ['otherCompany', 'company', companyY.id],
  ];
  const signedIn = await signedInAccounts(app, database, accounts);
  Object.assign(EMAIL, signedIn.email);
  Object.assign(H, signedIn.headers);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** Rows of a raw query, on PGlite and PostgreSQL alike. */
const rows = async <T = Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;

const call = (role: Role, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: H[role], ...(payload ? { payload } : {}) });

const PROBLEM = {
  title: 'Cricche sui giunti saldati dello scafo',
  description:
    'Le staffe in acciaio saldate si spezzano vicino al cordone dopo pochi mesi di navigazione e la vernice fa le bolle. Servono prove di fatica sui giunti.',
  summary: 'Rotture a fatica di giunti saldati e degrado della verniciatura su imbarcazioni da diporto.',
  confidentiality: 'network' as const,
};

async function submit(over: Record<string, unknown> = {}, as: Role = 'company') {
  const r = await call(as, 'POST', '/api/v1/requests', { ...PROBLEM, ...over });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; ref: string; state: string };
}

/** A request brought to `state` through the API by the roles that may do each step. */
async function requestIn(state: string, over: Record<string, unknown> = {}, invite: string[] = []) {
  const { id } = await submit(over);
  const step = async (role: Role, path: string, body: object) => {
    const r = await call(role, 'POST', `/api/v1/requests/${id}/${path}`, body);
    expect(r.statusCode, `${path}: ${r.body}`).toBe(200);
  };
  if (state === 'submitted') return id;
  await step('nucleus', 'triage', {});
  if (state === 'triage') return id;
  await step('nucleus', 'open', invite.length ? { centres: invite } : {});
  if (state === 'open') return id;
  await step('managerB', 'interest', { proposal: 'Prove di fatica sui giunti e analisi delle fratture.' });
  if (state === 'open+interest') return id;
  await step('company', 'team', { lead: centreB.id, partners: [] });
  if (state === 'team_agreed') return id;
  await step('managerB', 'start', {});
  if (state === 'in_progress') return id;
  await step('managerB', 'close', { outcome: 'Giunti riprogettati; prove superate su 2 milioni di cicli.' });
  return id;
}

describe('submitting', () => {
  it('lists every invalid field at once and writes nothing', async () => {
    const before = await rows(sql`select count(*)::int as n from requests`);
    const r = await call('managerB', 'POST', '/api/v1/requests', {
      title: 'x',
      description: 'troppo corto',
      confidentiality: 'public',
      deadline: '2001-01-01',
    });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    const pointers = (r.json().errors as { pointer: string }[]).map((e) => e.pointer).sort();
    expect(pointers).toEqual([
      '/body/companyName',
      '/body/deadline',
      '/body/description',
      '/body/summary',
      '/body/title',
    ]);
    expect(await rows(sql`select count(*)::int as n from requests`)).toEqual(before);
  });

  it('needs a signed-in person, and a company submits only for itself', async () => {
    expect((await call('anonymous', 'POST', '/api/v1/requests', PROBLEM)).statusCode).toBe(401);
    const r = await call('otherCompany', 'POST', '/api/v1/requests', { ...PROBLEM, company: companyX.id });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].pointer).toBe('/body/company');
  });

  it('gives the company a receipt with a due date and tells the nucleus', async () => {
    const created = await submit();
    const view = (await call('company', 'GET', `/api/v1/requests/${created.id}`)).json();
    expect(view).toMatchObject({
      state: 'submitted',
      access: 'full',
      company: { id: companyX.id, name: 'Cantiere Xenia' },
      overdue: false,
    });
    expect(view.ref).toMatch(/^R-\d{4}$/);
    expect(new Date(view.dueAt).getTime()).toBeGreaterThan(Date.now() + 4 * 24 * 3600_000);
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted']);
    const nucleus = (await call('nucleus', 'GET', '/api/v1/notifications')).json();
    expect(
      nucleus.items.some(
        (n: { kind: string; request: string }) => n.kind === 'request-submitted' && n.request === created.id,
      ),
    ).toBe(true);
    const company = (await call('company', 'GET', '/api/v1/notifications')).json();
    expect(
      company.items.some(
        (n: { kind: string; request: string }) => n.kind === 'request-received' && n.request === created.id,
      ),
    ).toBe(true);
  });

  it('lets a centre submit on behalf of a company not yet in the network', async () => {
    const created = await submit(
      { companyName: 'Falegnameria Rossi', contactEmail: 'info@falegnameria.example' },
      'staffC',
    );
    const view = (await call('staffC', 'GET', `/api/v1/requests/${created.id}`)).json();
    expect(view).toMatchObject({
      company: { id: null, name: 'Falegnameria Rossi' },
      submittedVia: centreC.id,
      access: 'full',
    });
  });
});

describe('suggested teams', () => {
  it('of a confidential request hold only the network centres', async () => {
    const id = await requestIn('open', { confidentiality: 'confidential' }, [centreB.id]);
    const proposal = (await call('nucleus', 'GET', `/api/v1/requests/${id}/proposal`)).json();
    const centres = [centreA.id, centreB.id, centreC.id];
    expect(proposal.suggested.length).toBeGreaterThan(0);
    for (const team of proposal.suggested as { organizations: string[]; members: { organization: string }[] }[]) {
      expect(
        team.organizations.every((o) => centres.includes(o)),
        team.organizations.join(),
      ).toBe(true);
      expect(team.members.map((m) => m.organization)).toEqual(team.organizations);
    }
  });
});

describe('the life cycle', () => {
  it('goes from submission through triage, interest of two centres and team agreement to closure and rating', async () => {
    const { id } = await submit();
    const post = (role: Role, path: string, body: object = {}) =>
      call(role, 'POST', `/api/v1/requests/${id}/${path}`, body);
    expect((await post('nucleus', 'triage', { message: 'Lo valutiamo in settimana.' })).json().state).toBe('triage');
    expect((await post('nucleus', 'open')).json().state).toBe('open');
    // Both centres see it in their inbox and express interest.
    const inbox = (await call('staffC', 'GET', '/api/v1/requests?scope=inbox')).json();
    expect(inbox.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(
      (
        await post('managerB', 'interest', {
          proposal: 'Prove di fatica sui giunti saldati con la nostra servoidraulica.',
        })
      ).statusCode,
    ).toBe(200);
    const c = await post('staffC', 'interest', {
      proposal: 'Ciclo di verniciatura anticorrosione e prove in nebbia salina.',
      aspects: ['verniciatura'],
    });
    expect(c.json().interestCount).toBe(2);
    expect(c.json().centres.find((x: { organization: string }) => x.organization === centreC.id).interest.by).toBe(
      'Persona staffC',
    );
    // The team proposal shows who covers what and the equipment involved.
    const proposal = (await call('company', 'GET', `/api/v1/requests/${id}/proposal`)).json();
    expect(proposal.centres.map((x: { organization: string }) => x.organization).sort()).toEqual(
      [centreB.id, centreC.id].sort(),
    );
    const b = proposal.centres.find((x: { organization: string }) => x.organization === centreB.id);
    expect(b.equipment.map((e: { title: string }) => e.title)).toContain('Macchina servoidraulica per prove di fatica');
    // Equipment that matches only a weak aspect of the problem is left out.
    expect(b.equipment.map((e: { title: string }) => e.title)).not.toContain(
      'Banco prova per la traspirabilità delle mascherine',
    );
    // Each suggested team names its lead and partners and what each covers; a request open to the network may
    // suggest a university.
    expect(proposal.suggested[0].members[0]).toMatchObject({ role: 'lead', organization: expect.any(String) });
    expect(proposal.suggested.flatMap((t: { organizations: string[] }) => t.organizations)).toContain(universityU.id);
    expect(proposal.centres.find((x: { organization: string }) => x.organization === centreC.id).claims).toEqual([
      'verniciatura',
    ]);
    // The company agrees the team; the lead centre runs and closes it; the company rates it.
    const team = await post('company', 'team', { lead: centreB.id, partners: [centreC.id] });
    expect(team.json()).toMatchObject({ state: 'team_agreed', lead: centreB.id });
    expect((await post('staffC', 'start')).statusCode).toBe(403); // a partner does not start it
    expect((await post('managerB', 'start')).json().state).toBe('in_progress');
    expect(
      (
        await post('managerB', 'close', { outcome: 'Giunti riprogettati e nuovo ciclo di verniciatura qualificato.' })
      ).json().state,
    ).toBe('closed');
    const rated = await post('company', 'rating', { rating: 5, comment: 'Risposta rapida e squadra completa.' });
    expect(rated.json()).toMatchObject({ rating: 5, actions: [] });
    expect((await post('company', 'rating', { rating: 1 })).statusCode).toBe(403);

    const view = rated.json();
    expect(view.timeline.map((e: { kind: string; to: string | null }) => e.to ?? e.kind)).toEqual([
      'submitted',
      'triage',
      'open',
      'interest',
      'interest',
      'team_agreed',
      'in_progress',
      'closed',
      'rated',
    ]);
    const audit = await rows<{ action: string }>(
      sql`select action from audit_log where entity_type = 'request' and entity_id = ${id} order by id`,
    );
    expect(audit.map((r) => r.action)).toEqual([
      'submit',
      'request-triage',
      'request-open',
      'request-interest',
      'request-interest',
      'request-team_agreed',
      'request-in_progress',
      'request-closed',
      'request-rate',
    ]);
    // The company heard of every step.
    const kinds = (await call('company', 'GET', '/api/v1/notifications'))
      .json()
      .items.filter((n: { request: string }) => n.request === id)
      .map((n: { kind: string }) => n.kind)
      .reverse();
    expect(kinds).toEqual([
      'request-received',
      'request-triage',
      'request-opened',
      'request-interest',
      'request-interest',
      'request-started',
      'request-closed',
    ]);
  });

  it('declines only with a reason, mailed to the company whatever its settings', async () => {
    await call('company', 'PUT', '/api/v1/notifications/preferences', { email: 'off' });
    const { id } = await submit();
    const short = await call('nucleus', 'POST', `/api/v1/requests/${id}/decline`, { reason: 'no' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].pointer).toBe('/body/reason');
    const r = await call('nucleus', 'POST', `/api/v1/requests/${id}/decline`, {
      reason: 'Il problema riguarda un prodotto fuori dagli ambiti della rete.',
    });
    expect(r.json()).toMatchObject({
      state: 'declined',
      declineReason: 'Il problema riguarda un prodotto fuori dagli ambiti della rete.',
    });
    const mails = await rows<{ to: string }>(
      sql`select "to", body from mail_outbox where body like ${'%fuori dagli ambiti%'}`,
    );
    expect(mails.map((m) => m.to)).toEqual([EMAIL.company]);
    await call('company', 'PUT', '/api/v1/notifications/preferences', { email: 'immediate' });
  });

  it('refuses actions the state does not allow (409) and keeps the state', async () => {
    const id = await requestIn('submitted');
    const r = await call('nucleus', 'POST', `/api/v1/requests/${id}/start`, {});
    expect(r.statusCode).toBe(409);
    expect(
      (await call('nucleus', 'POST', `/api/v1/requests/${id}/team`, { lead: centreB.id, partners: [] })).statusCode,
    ).toBe(409);
    expect((await call('nucleus', 'GET', `/api/v1/requests/${id}`)).json().state).toBe('submitted');
  });

  it('agrees a team only among the centres that expressed interest', async () => {
    const id = await requestIn('open+interest');
    const r = await call('company', 'POST', `/api/v1/requests/${id}/team`, {
      lead: centreC.id,
      partners: [centreA.id],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/lead', '/body/partners/0']);
  });

  it('lets the company withdraw its request until the work starts, telling the nucleus and the centres involved', async () => {
    const id = await requestIn('open+interest');
    const r = await call('company', 'POST', `/api/v1/requests/${id}/withdraw`, {
      reason: 'Abbiamo trovato una soluzione interna.',
    });
    expect(r.json()).toMatchObject({ state: 'withdrawn', actions: [] });
    expect(r.json().timeline.at(-1)).toMatchObject({
      to: 'withdrawn',
      message: 'Abbiamo trovato una soluzione interna.',
    });
    for (const role of ['nucleus', 'managerB'] as const) {
      const n = (await call(role, 'GET', '/api/v1/notifications'))
        .json()
        .items.find((x: { kind: string; request: string }) => x.kind === 'request-withdrawn' && x.request === id);
      expect(n?.params, role).toMatchObject({ reason: 'Abbiamo trovato una soluzione interna.' });
    }
    const running = await requestIn('in_progress');
    expect((await call('company', 'POST', `/api/v1/requests/${running}/withdraw`, {})).statusCode).toBe(409);
  });

  it('lets the company correct its request until it is opened, checked as on submission', async () => {
    const id = await requestIn('triage');
    const bad = await call('company', 'PATCH', `/api/v1/requests/${id}`, {
      confidentiality: 'public',
      summary: null,
      title: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/body/summary', '/body/title']);
    const ok = await call('company', 'PATCH', `/api/v1/requests/${id}`, {
      confidentiality: 'public',
      summary: 'Giunti saldati che si criccano sugli scafi da diporto.',
      deadline: null,
    });
    expect(ok.json()).toMatchObject({
      confidentiality: 'public',
      summary: 'Giunti saldati che si criccano sugli scafi da diporto.',
      state: 'triage',
    });
    expect(ok.json().timeline.at(-1)).toMatchObject({ kind: 'edited', message: 'summary, confidentiality' });
    const audit = await rows<{ before: unknown; after: unknown }>(
      sql`select before, after from audit_log where entity_id = ${id} and action = 'request-edit'`,
    );
    expect(audit).toEqual([
      {
        before: { summary: PROBLEM.summary, confidentiality: 'network' },
        after: { summary: 'Giunti saldati che si criccano sugli scafi da diporto.', confidentiality: 'public' },
      },
    ]);
    await call('nucleus', 'POST', `/api/v1/requests/${id}/open`, {});
    expect(
      (await call('company', 'PATCH', `/api/v1/requests/${id}`, { title: 'Un altro titolo per la richiesta' }))
        .statusCode,
    ).toBe(409);
  });

  it('orders by due date on request, overdue first', async () => {
    const list = (await call('nucleus', 'GET', '/api/v1/requests?sort=due&limit=200')).json().items as {
      dueAt: string | null;
    }[];
    const dues = list.map((i) => i.dueAt).filter((d): d is string => d !== null);
    expect(dues).toEqual([...dues].sort());
    expect(list.findIndex((i) => i.dueAt === null)).toBeGreaterThanOrEqual(dues.length);
  });

  it('lets a centre withdraw its interest', async () => {
    const id = await requestIn('open+interest');
    const r = await call('managerB', 'POST', `/api/v1/requests/${id}/interest/withdraw`, {});
    expect(r.json()).toMatchObject({ interestCount: 0 });
    expect(r.json().actions).not.toContain('withdraw-interest');
  });
});

describe('hostile request texts', () => {
  it('answers the team proposal of a request whose text holds a huge word and thousands of words, bounded and flagged', async () => {
    // Before: 12–18 s per view of such a request, the whole server waiting.
    const description =
      `${'x'.repeat(6000)} ${Array.from({ length: 800 }, (_, i) => `parola${i.toString(36)}`).join(' ')}`.slice(
        0,
        10_000,
      );
    const { id } = await submit({ description, desiredOutcome: `https://${'a.'.repeat(990)}it` });
    const r = await call('nucleus', 'GET', `/api/v1/requests/${id}/proposal`);
    expect(r.statusCode, r.body).toBe(200);
    const proposal = r.json();
    expect(proposal.truncated).toBe(true);
    expect(proposal.aspects.length).toBeLessThanOrEqual(TEXT_LIMITS.aspects);
    for (const a of proposal.aspects) expect(a.label.length).toBeLessThanOrEqual(80);
  });
});

describe('permissions: every request action × every role', () => {
  // For each action: the state to start from, the body, and the status each role gets.
  const ok =
    (roles: Role[], blocked: Partial<Record<Role, number>> = {}) =>
    (role: Role) =>
      role === 'anonymous' ? 401 : roles.includes(role) ? 200 : (blocked[role] ?? 403);
  const CASES: {
    path: string;
    method?: 'PATCH';
    state: string;
    body: object;
    invite?: string[];
    over?: Record<string, unknown>;
    expect: (r: Role) => number;
  }[] = [
    {
      path: 'triage',
      state: 'submitted',
      body: {},
      expect: ok(['nucleus'], { managerB: 404, staffC: 404, otherCompany: 404 }),
    },
    {
      path: 'open',
      state: 'triage',
      body: {},
      expect: ok(['nucleus'], { managerB: 404, staffC: 404, otherCompany: 404 }),
    },
    {
      path: 'decline',
      state: 'submitted',
      body: { reason: 'Fuori dagli ambiti della rete regionale.' },
      expect: ok(['nucleus'], { managerB: 404, staffC: 404, otherCompany: 404 }),
    },
    {
      path: 'interest',
      state: 'open',
      body: { proposal: 'Possiamo coprire le prove richieste.' },
      expect: ok(['nucleus', 'managerB', 'staffC'], { otherCompany: 404 }),
    },
    {
      path: 'interest',
      state: 'open',
      body: { proposal: 'Possiamo coprire le prove richieste.' },
      invite: [centreB.id],
      over: { confidentiality: 'confidential' },
      expect: ok(['managerB'], { staffC: 404, otherCompany: 404, admin: 404, region: 404 }),
    },
    { path: 'interest/withdraw', state: 'open+interest', body: {}, expect: ok(['managerB'], { otherCompany: 404 }) },
    {
      path: 'team',
      state: 'open+interest',
      body: { lead: centreB.id, partners: [] },
      expect: ok(['nucleus', 'company'], { otherCompany: 404 }),
    },
    { path: 'start', state: 'team_agreed', body: {}, expect: ok(['nucleus', 'managerB'], { otherCompany: 404 }) },
    {
      path: 'close',
      state: 'in_progress',
      body: { outcome: 'Lavoro concluso con successo.' },
      expect: ok(['nucleus', 'managerB'], { otherCompany: 404 }),
    },
    { path: 'rating', state: 'closed', body: { rating: 4 }, expect: ok(['company'], { otherCompany: 404 }) },
    {
      path: '',
      method: 'PATCH',
      state: 'submitted',
      body: { title: 'Cricche sui giunti saldati (corretto)' },
      expect: ok(['company', 'nucleus'], { managerB: 404, staffC: 404, otherCompany: 404 }),
    },
    {
      path: 'withdraw',
      state: 'open+interest',
      body: { reason: 'Abbiamo risolto internamente.' },
      expect: ok(['company'], { otherCompany: 404 }),
    },
  ];

  it('answers each role as the rules say, as problem+json when refused', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const c of CASES) {
      for (const role of ROLES) {
        const id = await requestIn(c.state, c.over ?? {}, c.invite ?? []);
        const r = await call(role, c.method ?? 'POST', `/api/v1/requests/${id}${c.path ? `/${c.path}` : ''}`, c.body);
        checked++;
        if (r.statusCode !== c.expect(role))
          failures.push(
            `${c.path} (${c.state}${c.over ? ', confidential' : ''}) as ${role}: ${r.statusCode}, expected ${c.expect(role)} — ${r.body.slice(0, 140)}`,
          );
        if (r.statusCode >= 400) expect(r.headers['content-type']).toMatch(/problem\+json/);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(CASES.length * ROLES.length);
  });

  it('lets only the nucleus and administrators change the response-time targets', async () => {
    const targets = { firstResponseDays: 5, triageDays: 5, teamDays: 10 };
    for (const role of ROLES) {
      const r = await call(role, 'PUT', '/api/v1/requests/targets', targets);
      expect(r.statusCode, role).toBe(role === 'anonymous' ? 401 : ['nucleus', 'admin'].includes(role) ? 200 : 403);
    }
  });

  it('covers every request write route', () => {
    const routes = app.routeTable.filter((r) => r.permission === 'request').map((r) => `${r.method} ${r.url}`);
    const tested = new Set([
      ...CASES.map((c) => `${c.method ?? 'POST'} /api/v1/requests/:id${c.path ? `/${c.path}` : ''}`),
      'POST /api/v1/requests',
      'PUT /api/v1/requests/targets',
    ]);
    expect(routes.filter((r) => !tested.has(r))).toEqual([]);
  });
});

describe('confidential requests leak nowhere', () => {
  const SECRET = 'Zirconolite';
  let id: string;
  const outsiders: Role[] = ['anonymous', 'admin', 'region', 'staffC', 'otherCompany'];
  const insiders: Role[] = ['company', 'nucleus', 'managerB'];

  beforeAll(async () => {
    id = await requestIn(
      'open',
      {
        confidentiality: 'confidential',
        title: `Brevetto ${SECRET} per scafi`,
        description: `Il nostro processo ${SECRET} segreto crea cricche nelle saldature dei giunti.`,
        desiredOutcome: `Proteggere il processo ${SECRET}.`,
        summary: undefined,
      },
      [centreB.id],
    );
    await call('managerB', 'POST', `/api/v1/requests/${id}/interest`, {
      proposal: `Analisi del processo ${SECRET} con prove di fatica.`,
    });
  });

  it('is invisible to everyone else: lists, search by text, the request, its proposal', async () => {
    for (const role of outsiders) {
      for (const scope of ['all', 'inbox', 'mine']) {
        const list = await call(role, 'GET', `/api/v1/requests?scope=${scope}&limit=200`);
        expect(list.statusCode).toBe(200);
        expect(list.body, `${role} ${scope}`).not.toContain(SECRET);
        expect(list.body).not.toContain(id);
      }
      expect((await call(role, 'GET', `/api/v1/requests?q=${SECRET}`)).json().total, role).toBe(0);
      expect((await call(role, 'GET', `/api/v1/requests/${id}`)).statusCode, role).toBe(404);
      expect((await call(role, 'GET', `/api/v1/requests/${id}/proposal`)).statusCode, role).toBe(404);
      for (const path of ['triage', 'open', 'decline', 'interest', 'team', 'start', 'close', 'rating', 'withdraw']) {
        const r = await call(role, 'POST', `/api/v1/requests/${id}/${path}`, {});
        expect([400, 401, 404], `${role} ${path}`).toContain(r.statusCode);
        expect(r.body).not.toContain(SECRET);
      }
    }
  });

  it('is readable by its company, the nucleus and the centre invited', async () => {
    for (const role of insiders) {
      const r = await call(role, 'GET', `/api/v1/requests/${id}`);
      expect(r.statusCode, role).toBe(200);
      expect(r.json().description).toContain(SECRET);
      expect((await call(role, 'GET', `/api/v1/requests?q=${SECRET}`)).json().total, role).toBe(1);
    }
  });

  it('never reaches the catalogue search, matching, exports, notifications or e-mail', async () => {
    for (const role of ROLES) {
      expect((await call(role, 'GET', `/api/v1/search?q=${SECRET}`)).json().total, role).toBe(0);
      const m = await call(role, 'POST', '/api/v1/matching', { text: `processo ${SECRET} per saldature` });
      expect(m.body).not.toContain(id);
      const n = await call(role, 'GET', '/api/v1/notifications');
      expect(n.body, role).not.toContain(SECRET);
    }
    const chunks: string[] = [];
    await exportBundle(database.db, {
      write: (s: string) => {
        chunks.push(s);
        return true;
      },
    } as never);
    expect(chunks.join('')).not.toContain(SECRET);
    expect(
      await rows(
        sql`select count(*)::int as n from mail_outbox where subject like ${`%${SECRET}%`} or body like ${`%${SECRET}%`}`,
      ),
    ).toEqual([{ n: 0 }]);
    expect(
      await rows(sql`select count(*)::int as n from notifications where params::text like ${`%${SECRET}%`}`),
    ).toEqual([{ n: 0 }]);
    // The outsiders were never notified at all.
    const reached = await rows<{ email: string }>(
      sql`select distinct u.email from notifications n join users u on u.id = n.user_id where n.request_id = ${id}`,
    );
    const emails = reached.map((r) => r.email).sort();
    expect(emails).toEqual(insiders.map((r) => EMAIL[r]!).sort());
  });
});

describe('public and network tiers', () => {
  it("shows a public request's summary to anyone once opened, and never its description", async () => {
    const id = await requestIn('open', {
      confidentiality: 'public',
      description: 'Dettaglio interno: lega Kappa-77 fornita da un concorrente, cricche dopo 3 mesi.',
    });
    const anon = await call('anonymous', 'GET', `/api/v1/requests/${id}`);
    expect(anon.json()).toMatchObject({
      access: 'summary',
      title: PROBLEM.title,
      summary: PROBLEM.summary,
      actions: [],
    });
    expect(anon.body).not.toContain('Kappa-77');
    expect(anon.json().company).toBeUndefined();
    expect((await call('anonymous', 'GET', '/api/v1/requests?q=Kappa-77')).json().total).toBe(0);
    expect((await call('otherCompany', 'GET', '/api/v1/requests?q=Kappa-77')).json().total).toBe(0);
    expect((await call('staffC', 'GET', '/api/v1/requests?q=Kappa-77')).json().total).toBe(1);
  });

  it('hides a request from everyone but the company and the nucleus until it is opened', async () => {
    const id = await requestIn('triage', { confidentiality: 'public' });
    expect((await call('anonymous', 'GET', `/api/v1/requests/${id}`)).statusCode).toBe(404);
    expect((await call('staffC', 'GET', `/api/v1/requests/${id}`)).statusCode).toBe(404);
    expect((await call('nucleus', 'GET', `/api/v1/requests/${id}`)).statusCode).toBe(200);
  });

  it('shows a network request to the centres but not to other companies', async () => {
    const id = await requestIn('open');
    expect((await call('staffC', 'GET', `/api/v1/requests/${id}`)).json().access).toBe('full');
    expect((await call('otherCompany', 'GET', `/api/v1/requests/${id}`)).statusCode).toBe(404);
    expect((await call('anonymous', 'GET', `/api/v1/requests/${id}`)).statusCode).toBe(404);
  });

  it('agrees in lists with what each role may open', async () => {
    for (const role of ROLES) {
      const list = (await call(role, 'GET', '/api/v1/requests?limit=200')).json();
      for (const item of list.items.slice(0, 15)) {
        const one = await call(role, 'GET', `/api/v1/requests/${item.id}`);
        expect(one.statusCode, `${role} ${item.ref}`).toBe(200);
        expect(one.json().access).toBe(item.access);
      }
      expect(list.total).toBe(list.items.length);
    }
  });
});

describe('response-time targets, reminders, digests and delivery', () => {
  it('marks overdue requests, reminds the nucleus once a day, and sends digests and mail for real', async () => {
    const smtp = await startSmtp();
    const mailer = createMailer({ url: smtp.url, from: 'CL.O.C.K. <no-reply@example.org>' });
    try {
      // Only this test's request is due: the earlier tests' requests and mail are set aside.
      await database.db.execute(sql`update requests set due_at = null`);
      await database.db.execute(sql`update mail_outbox set sent_at = now() where sent_at is null`);
      await database.db.execute(sql`update notifications set emailed_at = now() where emailed_at is null`);
      await call('nucleus', 'PUT', '/api/v1/notifications/preferences', { email: 'daily' });
      const { id } = await submit({ title: 'Richiesta da sollecitare' });
      const deps = { db: database.db, search: app.searchService, publicUrl: 'http://localhost' };
      const later = new Date(Date.now() + 10 * 24 * 3600_000);
      expect(
        (await call('nucleus', 'GET', '/api/v1/requests?overdue=true')).json().items.map((i: { id: string }) => i.id),
      ).not.toContain(id);
      const first = await sendReminders(deps, later);
      expect(first.reminded).toBeGreaterThan(0);
      expect((await sendReminders(deps, new Date(later.getTime() + 3600_000))).reminded).toBe(0);
      const overdueNote = (await call('nucleus', 'GET', '/api/v1/notifications'))
        .json()
        .items.find((n: { kind: string; request: string }) => n.kind === 'request-overdue' && n.request === id);
      expect(overdueNote.params).toMatchObject({ state: 'submitted' });
      // Reminders are urgent: mailed at once even to a digest reader. Other events wait for the digest.
      const digest = await sendDigests(database.db, 'http://localhost', new Date());
      expect(digest.mails).toBeGreaterThan(0);
      expect((await sendDigests(database.db, 'http://localhost', new Date())).mails).toBe(0);
      let sent = 0;
      for (let i = 0; i < 20; i++) {
        const r = await deliverOutbox(database.db, mailer, 200);
        sent += r.sent;
        if (!r.sent && !r.failed) break;
      }
      expect(sent).toBeGreaterThan(0);
      const toNucleus = smtp.inbox.filter((m) => m.to.includes(EMAIL.nucleus!));
      expect(toNucleus.some((m) => /Riepilogo giornaliero/.test(m.raw))).toBe(true);
      expect(toNucleus.some((m) => /in ritardo/.test(m.raw) && m.raw.includes(`/richieste/${id}`))).toBe(true);
    } finally {
      mailer.close();
      await smtp.close();
      await call('nucleus', 'PUT', '/api/v1/notifications/preferences', { email: 'immediate' });
    }
  });

  it('keeps mail it could not deliver and tries again later', async () => {
    await database.db.execute(sql`update mail_outbox set sent_at = now() where sent_at is null`);
    await submit({ title: 'Richiesta con posta in errore' });
    const failing = {
      send: async () => {
        throw new Error('SMTP down');
      },
      close() {},
    };
    const r = await deliverOutbox(database.db, failing);
    expect(r.failed).toBeGreaterThan(0);
    const pending = await rows(
      sql`select attempts, last_error, next_attempt_at > now() as later from mail_outbox where sent_at is null`,
    );
    for (const row of pending) expect(row).toMatchObject({ attempts: 1, last_error: 'SMTP down', later: true });
    expect((await deliverOutbox(database.db, failing)).failed).toBe(0); // not due yet
  });
});
