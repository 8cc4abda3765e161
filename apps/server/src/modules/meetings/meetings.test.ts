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
import { meetingsBetween, openActionItems } from './meetings.service.ts';

// The coordination nucleus at work, on PGlite and PostgreSQL: two centres' representatives, the Region, and people who
// are not in the nucleus.
let database: Database;
let app: FastifyInstance;
const alpha = buildOrganization({ kind: 'centre', name: 'Centro Alfa' });
const beta = buildOrganization({ kind: 'centre', name: 'Centro Beta' });
let H: Record<string, Record<string, string>> = {};
const ID: Record<string, string> = {};
const today = localDay(Date.now());

const req = (method: string, url: string, who: string, payload?: unknown) =>
  app.inject({
    method: method as 'GET',
    url,
    headers: H[who] ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

beforeAll(async () => {
  database = await freshDatabase();
  await importBundle(database.db, bundleStream({ format: 'clock-bundle/1', organizations: [alpha, beta] }));
  app = await buildApp({ config: testConfig(), database, logger: false });
  const accounts = await signedInAccounts(app, database, [
    ['nucleusA', 'nucleus', alpha.id],
    ['nucleusB', 'nucleus', beta.id],
    ['staff', 'centre-staff', alpha.id],
    ['region', 'region', undefined],
  ]);
  H = { ...accounts.headers, anonymous: {} };
  for (const [k, email] of Object.entries(accounts.email)) {
    const r = (await database.db.execute(sql`select id from users where email = ${email}`)) as unknown as {
      rows: { id: string }[];
    };
    ID[k] = r.rows[0]!.id;
  }
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('who takes part', () => {
  it('is the nucleus, the Region and administrators', async () => {
    expect((await req('GET', '/api/v1/meetings', 'anonymous')).statusCode).toBe(401);
    expect((await req('GET', '/api/v1/meetings', 'staff')).statusCode).toBe(403);
    expect((await req('POST', '/api/v1/meetings', 'staff', { startsAt: `${today}T10:00:00+01:00` })).statusCode).toBe(
      403,
    );
    expect((await req('GET', '/api/v1/meetings', 'region')).statusCode).toBe(200);
  });
});

describe('a meeting, its outcomes and the next one', () => {
  it('carries open action items over, approves minutes at the next held meeting, and locks them', async () => {
    const first = await req('POST', '/api/v1/meetings', 'nucleusA', {
      startsAt: `${addDays(today, -40)}T10:00:00+01:00`,
      place: 'Lucca, sede di Lucense',
    });
    expect(first.statusCode, first.body).toBe(201);
    const m1 = first.json();
    expect(m1.ref).toMatch(/^N-\d{4}$/);
    expect(m1.agenda).toEqual([]);
    expect(m1.members.map((x: { user: { id: string } }) => x.user.id).sort()).toEqual(
      [ID.nucleusA, ID.nucleusB].sort(),
    );

    await req('POST', `/api/v1/meetings/${m1.id}/agenda`, 'nucleusA', { title: 'Piano delle azioni congiunte' });
    const incomplete = await req('POST', `/api/v1/meetings/${m1.id}/outcomes`, 'nucleusA', {
      kind: 'action',
      text: 'Preparare la scheda del progetto',
    });
    expect(incomplete.statusCode).toBe(400);
    expect(
      incomplete
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/body/due', '/body/owner']);
    const withOwner = await req('POST', `/api/v1/meetings/${m1.id}/outcomes`, 'nucleusA', {
      kind: 'action',
      text: 'Preparare la scheda del progetto',
      owner: ID.nucleusB,
      due: addDays(today, -10),
    });
    expect(withOwner.statusCode, withOwner.body).toBe(201);
    // The owner is told the item is theirs.
    const told = (await database.db.execute(
      sql`select count(*)::int as n from notifications where user_id = ${ID.nucleusB} and kind = 'meeting-action-assigned'`,
    )) as unknown as { rows: { n: number }[] };
    expect(told.rows[0]!.n).toBe(1);
    await req('POST', `/api/v1/meetings/${m1.id}/outcomes`, 'nucleusA', {
      kind: 'action',
      text: 'Raccogliere i dati delle richieste',
      owner: ID.nucleusA,
      due: addDays(today, 20),
    });
    await req('POST', `/api/v1/meetings/${m1.id}/outcomes`, 'nucleusA', {
      kind: 'decision',
      text: 'Si adotta il piano',
    });
    const held = await req('POST', `/api/v1/meetings/${m1.id}/hold`, 'nucleusB', {
      attendees: [
        { user: ID.nucleusA, present: true },
        { user: ID.nucleusB, present: false },
      ],
      minutes: 'Presenti i rappresentanti dei centri. Si adotta il piano.',
    });
    expect(held.statusCode, held.body).toBe(200);
    const h = held.json();
    expect(h.state).toBe('held');
    expect(h.attendees.find((a: { user: { id: string } }) => a.user.id === ID.nucleusA).organization.id).toBe(alpha.id);
    expect(h.outcomes.find((o: { text: string }) => o.text.startsWith('Preparare')).overdue).toBe(true);
    expect((await req('POST', `/api/v1/meetings/${m1.id}/hold`, 'nucleusB', { attendees: [] })).statusCode).toBe(409);

    const done = h.outcomes.find((o: { text: string }) => o.text.startsWith('Raccogliere'));
    // The second meeting: the first's minutes to approve and both open items on its agenda.
    const m2 = (
      await req('POST', '/api/v1/meetings', 'region', {
        startsAt: `${addDays(today, -5)}T15:00:00+01:00`,
        onlineUrl: 'https://meet.example.org/nucleo',
      })
    ).json();
    expect(m2.agenda.map((a: { position: number }) => a.position)).toEqual([1, 2, 3]);
    expect(m2.agenda[0].title).toContain(m1.ref);
    expect(
      m2.agenda.slice(1).map((a: { carriedOutcome: { meetingRef: string } }) => a.carriedOutcome.meetingRef),
    ).toEqual([m1.ref, m1.ref]);
    expect(m2.previousToApprove.id).toBe(m1.id);

    expect((await req('POST', `/api/v1/meetings/${m2.id}/approve-minutes`, 'nucleusA')).statusCode).toBe(409);
    await req('POST', `/api/v1/meetings/${m2.id}/hold`, 'nucleusA', {
      attendees: [{ user: ID.nucleusA, present: true }],
    });
    const approved = await req('POST', `/api/v1/meetings/${m2.id}/approve-minutes`, 'nucleusA');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(
      approved
        .json()
        .outcomes.some((o: { kind: string; text: string }) => o.kind === 'decision' && o.text.includes(m1.ref)),
    ).toBe(true);
    const locked = (await req('GET', `/api/v1/meetings/${m1.id}`, 'nucleusB')).json();
    expect(locked.state).toBe('minutes-approved');
    expect(locked.approvedIn.id).toBe(m2.id);
    expect((await req('PATCH', `/api/v1/meetings/${m1.id}`, 'nucleusA', { minutes: 'altro' })).statusCode).toBe(409);
    expect((await req('POST', `/api/v1/meetings/${m2.id}/approve-minutes`, 'nucleusA')).statusCode).toBe(409);

    // An action item is done whenever it is done, even after the minutes are approved; then it is no longer carried.
    const marked = await req('PATCH', `/api/v1/meeting-outcomes/${done.id}`, 'nucleusA', { done: true });
    expect(marked.statusCode, marked.body).toBe(200);
    const decision = h.outcomes.find((o: { kind: string }) => o.kind === 'decision');
    expect((await req('PATCH', `/api/v1/meeting-outcomes/${decision.id}`, 'nucleusA', { done: true })).statusCode).toBe(
      400,
    );
    const m3 = (
      await req('POST', '/api/v1/meetings', 'nucleusB', { startsAt: `${addDays(today, 30)}T10:00:00+01:00` })
    ).json();
    expect(m3.agenda.map((a: { carriedOutcome: { id: string } | null }) => a.carriedOutcome?.id ?? null)).toEqual([
      null,
      h.outcomes.find((o: { text: string }) => o.text.startsWith('Preparare')).id,
    ]);

    const open = await openActionItems(database.db);
    expect(open.map((o) => o.text)).toEqual(['Preparare la scheda del progetto']);
    const between = await meetingsBetween(database.db, addDays(today, -60), today);
    expect(between.map((m) => m.ref)).toEqual([m1.ref, m2.ref]);
    expect(between[0]).toMatchObject({ decisions: 1, actions: 2, openActions: 1 });
    const audits = (await database.db.execute(
      sql`select count(*)::int as n from audit_log where entity_type = 'meeting'`,
    )) as unknown as { rows: { n: number }[] };
    expect(audits.rows[0]!.n).toBeGreaterThanOrEqual(10);
  });
});
