import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { importBundle } from '../catalogue/bundle.service.ts';
import { freshDatabase } from '../../test/db.ts';
import { buildOrganization, bundleStream, testConfig } from '../../test/factories.ts';
import { signedInAccounts } from '../../test/member-app.ts';
import { addDays, localDay } from '../../core/calendar.ts';
import { actionsOnTimeBetween, actionsS3 } from './action-kpis.service.ts';
import { remindDueMilestones } from './milestone-reminders.service.ts';

// Joint actions through the API, on PGlite and PostgreSQL: two centres that work together, a third that does not, a
// company partner, the Region, the nucleus and the public.
let database: Database;
let app: FastifyInstance;
const lead = buildOrganization({ kind: 'centre', name: 'Centro Guida' });
const partner = buildOrganization({ kind: 'centre', name: 'Centro Partner' });
const outsider = buildOrganization({ kind: 'centre', name: 'Centro Esterno' });
const company = buildOrganization({ kind: 'company', name: 'Cantiere Prova' });
let H: Record<string, Record<string, string>> = {};
const today = localDay(Date.now());

const req = (method: string, url: string, who: string, payload?: unknown) =>
  app.inject({
    method: method as 'GET',
    url,
    headers: H[who] ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const count = async (q: ReturnType<typeof sql>) =>
  Number(((await database.db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0]!.n);

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(
    database.db,
    bundleStream({
      format: 'clock-bundle/1',
      organizations: [lead, partner, outsider, company],
      taxonomies: {
        s3: [{ code: 's3-health', label: { it: 'Salute' } }],
        filiera: [{ code: 'nautica', label: { it: 'Nautica' } }],
      },
    }),
  );
  app = await buildApp({ config: testConfig(), database, logger: false });
  const accounts = await signedInAccounts(app, database, [
    ['lead', 'centre-staff', lead.id],
    ['partner', 'centre-staff', partner.id],
    ['outsider', 'centre-staff', outsider.id],
    ['company', 'company', company.id],
    ['nucleus', 'nucleus', outsider.id],
    ['region', 'region', undefined],
    ['admin', 'admin', undefined],
  ]);
  H = { ...accounts.headers, anonymous: {} };
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const body = (over: Record<string, unknown> = {}) => ({
  title: { it: 'Riciclo della vetroresina', en: 'Fibreglass recycling' },
  lead: lead.id,
  s3: ['s3-health'],
  filiere: ['nautica'],
  start: addDays(today, -60),
  end: addDays(today, 300),
  partners: [
    { organization: partner.id, role: 'partner' },
    { organization: company.id, role: 'company' },
  ],
  ...over,
});

describe('opening a joint action', () => {
  it('is for the lead centre’s members; partners are told', async () => {
    const before = await count(sql`select count(*)::int as n from notifications where kind = 'action-partner-added'`);
    const r = await req('POST', '/api/v1/actions', 'lead', body({ visibility: 'private' }));
    expect(r.statusCode, r.body).toBe(201);
    const a = r.json();
    expect(a.ref).toMatch(/^A-\d{4}$/);
    expect(a.progress).toBeNull();
    expect(a.state).toBe('planned');
    expect(a.partners.map((p: { role: string }) => p.role).sort()).toEqual(['company', 'lead', 'partner']);
    expect(a.abilities).toContain('milestones');
    // The partner centre's person and the company's person, not the lead who acted.
    expect(await count(sql`select count(*)::int as n from notifications where kind = 'action-partner-added'`)).toBe(
      before + 2,
    );
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where entity_type = 'joint-action' and entity_id = ${a.id}`,
      ),
    ).toBe(1);
    expect((await req('POST', '/api/v1/actions', 'outsider', body())).statusCode).toBe(403);
    expect((await req('POST', '/api/v1/actions', 'region', body())).statusCode).toBe(403);
    expect((await req('POST', '/api/v1/actions', 'anonymous', body())).statusCode).toBe(401);
  });

  it('lists every invalid field at once', async () => {
    const r = await req(
      'POST',
      '/api/v1/actions',
      'lead',
      body({
        s3: ['s3-nothing'],
        filiere: ['nope'],
        start: '2026-05-01',
        end: '2026-04-01',
        partners: [{ organization: 'nobody', role: 'partner' }],
        visibility: 'secret',
      }),
    );
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    const pointers = r.json().errors.map((e: { pointer: string }) => e.pointer);
    for (const p of ['/body/s3/0', '/body/filiere/0', '/body/end', '/body/partners/0/organization', '/body/visibility'])
      expect(pointers).toContain(p);
  });
});

describe('who sees an action', () => {
  it('shows public ones to everybody, network ones to members, private ones to partners, nucleus and Region', async () => {
    const make = async (visibility: string) =>
      (await req('POST', '/api/v1/actions', 'lead', body({ visibility, title: { it: `Azione ${visibility}` } }))).json()
        .id as string;
    const pub = await make('public');
    const net = await make('network');
    const priv = await make('private');
    const sees = async (who: string, id: string) => (await req('GET', `/api/v1/actions/${id}`, who)).statusCode;
    expect([await sees('anonymous', pub), await sees('anonymous', net), await sees('anonymous', priv)]).toEqual([
      200, 404, 404,
    ]);
    expect([await sees('outsider', net), await sees('outsider', priv)]).toEqual([200, 404]);
    expect([await sees('company', priv), await sees('nucleus', priv), await sees('region', priv)]).toEqual([
      200, 200, 200,
    ]);
    const list = (await req('GET', '/api/v1/actions?limit=100', 'anonymous')).json();
    expect(list.items.every((a: { visibility: string }) => a.visibility === 'public')).toBe(true);
    expect(list.items.map((a: { id: string }) => a.id)).toContain(pub);
    const mine = (await req('GET', '/api/v1/actions?limit=100', 'outsider')).json();
    expect(mine.items.some((a: { id: string }) => a.id === priv)).toBe(false);
    expect((await req('GET', '/api/v1/actions/not-a-uuid', 'admin')).statusCode).toBe(404);
  });
});

describe('milestones, lateness and progress', () => {
  it('computes late by rule and rolls progress up by weight, into the parent too', async () => {
    const parent = (await req('POST', '/api/v1/actions', 'lead', body({ title: { it: 'Programma' } }))).json();
    const child = (
      await req('POST', '/api/v1/actions', 'lead', body({ title: { it: 'Sotto-azione' }, parent: parent.id }))
    ).json();
    expect(child.parent.id).toBe(parent.id);
    let a = (
      await req('POST', `/api/v1/actions/${child.id}/milestones`, 'lead', {
        title: { it: 'Prototipo' },
        due: addDays(today, -5),
        weight: 3,
      })
    ).json();
    a = (
      await req('POST', `/api/v1/actions/${child.id}/milestones`, 'lead', {
        title: { it: 'Prova in cantiere' },
        due: addDays(today, 30),
      })
    ).json();
    expect(a.late).toBe(true);
    expect(a.state).toBe('planned');
    expect(a.progress).toBe(0);
    expect(a.milestones[0].overdue).toBe(true);
    expect(
      (await req('PATCH', `/api/v1/action-milestones/${a.milestones[0].id}`, 'partner', { done: true })).statusCode,
    ).toBe(403);
    a = (await req('PATCH', `/api/v1/action-milestones/${a.milestones[0].id}`, 'lead', { done: true })).json();
    expect(a.late).toBe(false);
    expect(a.progress).toBe(75);
    const p = (await req('GET', `/api/v1/actions/${parent.id}`, 'lead')).json();
    expect(p.progress).toBe(75);
    expect(p.children.map((c: { id: string }) => c.id)).toEqual([child.id]);
    const late = (await req('GET', '/api/v1/actions?late=true&limit=100', 'lead')).json();
    expect(late.items.every((x: { late: boolean }) => x.late)).toBe(true);
    // A parent cannot be put inside its own child.
    const loop = await req('PATCH', `/api/v1/actions/${parent.id}`, 'lead', { parent: child.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().errors[0].pointer).toBe('/body/parent');
  });

  it('follows the life-cycle table and stops changing once closed', async () => {
    const a = (await req('POST', '/api/v1/actions', 'lead', body())).json();
    expect((await req('POST', `/api/v1/actions/${a.id}/transition`, 'lead', { to: 'closed' })).statusCode).toBe(409);
    expect((await req('POST', `/api/v1/actions/${a.id}/transition`, 'partner', { to: 'running' })).statusCode).toBe(
      403,
    );
    expect((await req('POST', `/api/v1/actions/${a.id}/transition`, 'lead', { to: 'running' })).json().state).toBe(
      'running',
    );
    const closed = (await req('POST', `/api/v1/actions/${a.id}/transition`, 'lead', { to: 'closed' })).json();
    expect(closed.state).toBe('closed');
    expect(closed.abilities).toEqual([]);
    expect((await req('PATCH', `/api/v1/actions/${a.id}`, 'lead', { title: { it: 'Altro' } })).statusCode).toBe(409);
  });
});

describe('contributions', () => {
  it('are recorded by each partner for itself, by the lead for anyone', async () => {
    const a = (await req('POST', '/api/v1/actions', 'lead', body())).json();
    const own = await req('POST', `/api/v1/actions/${a.id}/contributions`, 'partner', {
      organization: partner.id,
      kind: 'person-days',
      planned: 20,
    });
    expect(own.statusCode, own.body).toBe(201);
    const c = own.json().contributions[0];
    expect(c).toMatchObject({ planned: 20, actual: null, editable: true });
    expect(
      (
        await req('POST', `/api/v1/actions/${a.id}/contributions`, 'partner', {
          organization: lead.id,
          kind: 'money',
          planned: 1000,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await req('POST', `/api/v1/actions/${a.id}/contributions`, 'company', {
          organization: company.id,
          kind: 'in-kind',
          planned: 5,
        })
      ).statusCode,
    ).toBe(201);
    expect((await req('PATCH', `/api/v1/action-contributions/${c.id}`, 'outsider', { actual: 3 })).statusCode).toBe(
      403,
    );
    const edited = await req('PATCH', `/api/v1/action-contributions/${c.id}`, 'lead', { actual: 18.5 });
    expect(edited.json().contributions.find((x: { id: string }) => x.id === c.id).actual).toBe(18.5);
    const bad = await req('POST', `/api/v1/actions/${a.id}/contributions`, 'lead', {
      organization: outsider.id,
      kind: 'money',
      planned: 1,
      periodStart: '2026-05-01',
      periodEnd: '2026-04-01',
    });
    expect(
      bad
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/body/organization', '/body/periodEnd']);
  });

  it('documents are links kept by the partners', async () => {
    const a = (await req('POST', '/api/v1/actions', 'lead', body())).json();
    const d = await req('POST', `/api/v1/actions/${a.id}/documents`, 'partner', {
      title: 'Piano di lavoro',
      url: 'https://example.org/piano.pdf',
    });
    expect(d.statusCode).toBe(201);
    const id = d.json().documents[0].id;
    expect((await req('DELETE', `/api/v1/action-documents/${id}`, 'outsider')).statusCode).toBe(403);
    expect((await req('DELETE', `/api/v1/action-documents/${id}`, 'lead')).statusCode).toBe(204);
  });
});

describe("a request's agreed team becomes a joint action", () => {
  async function requestIn(state: string) {
    const rows =
      (await database.db.execute(sql`insert into requests (title, description, confidentiality, state, company_name, company_organization_id)
      values ('Scafi a fine vita', 'Smontaggio e riciclo', 'network', ${state}, 'Cantiere Prova', ${company.id}) returning id`)) as unknown as {
        rows: { id: string }[];
      };
    const id = rows.rows[0]!.id;
    await database.db.execute(sql`insert into request_centres (request_id, organization_id, team_role, invited_at)
      values (${id}, ${lead.id}, 'lead', now()), (${id}, ${partner.id}, 'partner', now())`);
    return id;
  }
  it('by the lead centre only, in the agreed or in-progress states, once', async () => {
    const id = await requestIn('team_agreed');
    const payload = { end: addDays(today, 200) };
    expect((await req('POST', `/api/v1/requests/${id}/joint-action`, 'partner', payload)).statusCode).toBe(403);
    const r = await req('POST', `/api/v1/requests/${id}/joint-action`, 'lead', payload);
    expect(r.statusCode, r.body).toBe(201);
    const a = r.json();
    expect(a.sourceRequestId).toBe(id);
    expect(a.title.it).toBe('Scafi a fine vita');
    expect(a.filiere).toEqual([]);
    expect(
      a.partners.map((p: { organization: { id: string }; role: string }) => `${p.organization.id}:${p.role}`).sort(),
    ).toEqual([`${company.id}:company`, `${lead.id}:lead`, `${partner.id}:partner`].sort());
    expect((await req('POST', `/api/v1/requests/${id}/joint-action`, 'lead', payload)).statusCode).toBe(409);
    const open = await requestIn('open');
    expect((await req('POST', `/api/v1/requests/${open}/joint-action`, 'lead', payload)).statusCode).toBe(409);
    const running = await requestIn('in_progress');
    expect((await req('POST', `/api/v1/requests/${running}/joint-action`, 'lead', payload)).json().state).toBe(
      'running',
    );
  });
});

describe('the nucleus', () => {
  it('has one member per centre: a second is refused with a clear problem', async () => {
    const people = await signedInAccounts(app, database, [['second', 'centre-staff', outsider.id]]);
    const id = (
      (await database.db.execute(sql`select id from users where email = ${people.email.second}`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows[0]!.id;
    const r = await req('POST', `/api/v1/admin/people/${id}/roles`, 'admin', {
      role: 'nucleus',
      organization: outsider.id,
    });
    expect(r.statusCode).toBe(409);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    expect(r.json().errors[0]).toMatchObject({ pointer: '/role' });
    expect(r.json().detail).toMatch(/nucleus/);
  });
});

describe('what governance reads', () => {
  it('counts actions on time with the records, and lists S3 codes per organisation', async () => {
    const from = addDays(today, -30);
    const to = today;
    const kpi = await actionsOnTimeBetween(database.db, from, to);
    expect(kpi.denominator).toBe(kpi.records.length);
    expect(kpi.numerator).toBe(kpi.records.filter((r) => r.onTime).length);
    expect(kpi.value).toBe(Math.round((1000 * kpi.numerator) / kpi.denominator) / 10);
    // Per organisation: the lead's or a partner's actions only.
    expect((await actionsOnTimeBetween(database.db, from, to, outsider.id)).denominator).toBe(0);
    expect((await actionsOnTimeBetween(database.db, from, to, partner.id)).denominator).toBeGreaterThan(0);
    const none = await actionsOnTimeBetween(database.db, '2001-01-01', '2001-12-31');
    expect(none).toEqual({ value: null, numerator: 0, denominator: 0, records: [] });
    const s3 = await actionsS3(database.db);
    expect(s3.length).toBeGreaterThan(0);
    expect(s3.every((a) => a.organizations.includes(a.lead) && a.s3.includes('s3-health'))).toBe(true);
  });
  it('judges each action on time or not, traceably, and leaves cancelled ones out', async () => {
    const open = async (title: string) =>
      (
        await req(
          'POST',
          '/api/v1/actions',
          'outsider',
          body({ lead: outsider.id, partners: [], title: { it: title } }),
        )
      ).json().id as string;
    const milestone = async (id: string, due: string) =>
      (await req('POST', `/api/v1/actions/${id}/milestones`, 'outsider', { title: { it: 'Tappa' }, due })).json()
        .milestones[0].id as string;
    // Done today, ten days after its due day: not on time.
    const late = await open('Tardiva');
    await req('PATCH', `/api/v1/action-milestones/${await milestone(late, addDays(today, -10))}`, 'outsider', {
      done: true,
    });
    // Due in ten days, not done yet: on time.
    const onTrack = await open('In linea');
    await milestone(onTrack, addDays(today, 10));
    // Closed today, before its end, with its milestone done ahead of time: on time.
    const closed = await open('Chiusa');
    await req('PATCH', `/api/v1/action-milestones/${await milestone(closed, addDays(today, 5))}`, 'outsider', {
      done: true,
    });
    await req('POST', `/api/v1/actions/${closed}/transition`, 'outsider', { to: 'running' });
    await req('POST', `/api/v1/actions/${closed}/transition`, 'outsider', { to: 'closed' });
    // Cancelled: not counted.
    const cancelled = await open('Annullata');
    await req('POST', `/api/v1/actions/${cancelled}/transition`, 'outsider', { to: 'cancelled' });
    const kpi = await actionsOnTimeBetween(database.db, addDays(today, -30), today, outsider.id);
    expect(kpi).toMatchObject({ numerator: 2, denominator: 3, value: 66.7 });
    expect(Object.fromEntries(kpi.records.map((r) => [r.id, r.onTime]))).toEqual({
      [late]: false,
      [onTrack]: true,
      [closed]: true,
    });
  });

  it('reminds partners of milestones due soon, once', async () => {
    const a = (await req('POST', '/api/v1/actions', 'lead', body())).json();
    await req('POST', `/api/v1/actions/${a.id}/milestones`, 'lead', {
      title: { it: 'Consegna' },
      due: addDays(today, 2),
    });
    const deps = { db: database.db, publicUrl: 'http://localhost' };
    expect(await remindDueMilestones(deps)).toBeGreaterThanOrEqual(1);
    expect(await remindDueMilestones(deps)).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from notifications where kind = 'action-milestone-due' and params->>'ref' = ${a.ref}`,
      ),
    ).toBe(3);
  });
});
