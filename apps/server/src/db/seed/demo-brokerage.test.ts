import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { signInHeaders, testConfig } from '../../test/factories.ts';
import { freshDemoDatabase } from '../../test/db.ts';
import type { Database } from '../client.ts';
import { agreementsBetween, introductionsBetween } from '../../modules/brokerage/introductions.service.ts';

// The brokerage in the demo network, read through the API as visitors and demo people would.
let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await freshDemoDatabase();
  app = await buildApp({ config: testConfig(), database, logger: false });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the demo brokerage', () => {
  it('publishes opportunities of all five kinds across the filiere, anonymous ones without their company', async () => {
    const r = (await app.inject({ url: '/api/v1/opportunities?limit=100' })).json();
    expect(r.total).toBeGreaterThanOrEqual(14);
    expect(new Set(r.items.map((o: { kind: string }) => o.kind)).size).toBe(5);
    const filiere = new Set(r.items.flatMap((o: { filiere: string[] }) => o.filiere));
    for (const f of ['carta', 'nautica', 'lapideo', 'agrifood', 'geotermia', 'abbigliamento'])
      expect(filiere.has(f), f).toBe(true);
    const anonymous = r.items.filter((o: { anonymous: boolean }) => o.anonymous);
    expect(anonymous.length).toBeGreaterThanOrEqual(3);
    for (const o of anonymous) expect(o.company).toBeNull();
  });

  it('has introductions at each stage and two confirmed agreements, counted by the indicators', async () => {
    const year = { from: new Date(Date.now() - 366 * 86_400_000), to: new Date(Date.now() + 86_400_000) };
    expect((await introductionsBetween(database.db, year.from, year.to)).count).toBe(5);
    expect((await agreementsBetween(database.db, year.from, year.to)).count).toBe(2);
    const staff = await signInHeaders(app, 'irene.franchi@navigo.example.org', 'clock-demo');
    const intros = (await app.inject({ url: '/api/v1/introductions', headers: staff })).json().items;
    expect(intros.length).toBeGreaterThanOrEqual(2);
  });

  it('draws the paper and nautical filiera graphs, with the steps that have no local supplier', async () => {
    const region = await signInHeaders(app, 'giovanni.bartoli@regione.example.org', 'clock-demo');
    for (const code of ['carta', 'nautica']) {
      const map = (await app.inject({ url: `/api/v1/filiere/${code}/map`, headers: region })).json();
      expect(map.nodes.filter((n: { kind: string }) => n.kind === 'company').length, code).toBeGreaterThanOrEqual(4);
      expect(map.edges.length, code).toBeGreaterThanOrEqual(4);
      expect(
        map.steps.some((s: { gap: boolean }) => s.gap),
        code,
      ).toBe(true);
      expect(
        map.steps.some((s: { gap: boolean }) => !s.gap),
        code,
      ).toBe(true);
    }
  });

  it('has a scheduled matchmaking day with agendas', async () => {
    const person = await signInHeaders(app, 'silvia.puccinelli@cantiere-burlamacco.example.org', 'clock-demo');
    const staff = await signInHeaders(app, 'irene.franchi@navigo.example.org', 'clock-demo');
    const rows = await database.db.execute(sql`select id from matchmaking_days limit 1`);
    const dayId = (rows as unknown as { rows: { id: string }[] }).rows[0]!.id;
    const agenda = (await app.inject({ url: `/api/v1/matchmaking/${dayId}/agenda`, headers: person })).json();
    expect(agenda.items.length).toBeGreaterThanOrEqual(4);
    for (const m of agenda.items) expect([0, 1]).not.toContain(m.slot);
    expect(
      (await app.inject({ url: `/api/v1/matchmaking/${dayId}/participants`, headers: staff })).json().items.length,
    ).toBe(8);
  });

  it("belongs to the organiser's nautical B2B event of the same day, which lists it", async () => {
    const day = (await app.inject({ url: '/api/v1/matchmaking' })).json().items[0];
    expect(day.eventId).toBeTruthy();
    const event = (await app.inject({ url: `/api/v1/events/${day.eventId}` })).json();
    expect(event).toMatchObject({ kind: 'matchmaking', state: 'published' });
    expect(event.organizers.map((o: { id: string }) => o.id)).toContain(day.organizer);
    expect(event.filiere).toContain('nautica');
    // The same day in Italy, and the rounds within the event's hours.
    expect(event.start.slice(0, 10)).toBe(day.day);
    const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    expect(minutes(day.startTime)).toBeGreaterThanOrEqual(minutes(event.start.slice(11, 16)));
    expect(minutes(day.startTime) + day.slots * day.slotMinutes).toBeLessThanOrEqual(minutes(event.end.slice(11, 16)));
    const listed = (await app.inject({ url: `/api/v1/matchmaking?event=${day.eventId}` })).json().items;
    expect(listed.map((d: { id: string }) => d.id)).toEqual([day.id]);
  });
});
