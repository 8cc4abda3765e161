import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { freshDemoDatabase } from '../../test/db.ts';
import { signInHeaders, testConfig } from '../../test/factories.ts';

// The KPIs of the other parts of the protocol, read on the demo network as the Region reads them, against the rows
// they count: events held and their participants, introductions and agreements, joint actions on time.
let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await freshDemoDatabase();
  app = await buildApp({ config: testConfig(), database, logger: false });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const rows = async <T>(q: ReturnType<typeof sql>) => (await database.db.execute(q)) as unknown as { rows: T[] };

describe('the network KPIs', () => {
  it('agree with the events, introductions and actions they count', async () => {
    const region = await signInHeaders(app, 'giovanni.bartoli@regione.example.org', 'clock-demo');
    const year = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const r = await app.inject({ url: `/api/v1/kpis?from=${year}&to=${today}`, headers: region });
    expect(r.statusCode, r.body).toBe(200);
    const kpi = (code: string) => r.json().items.find((i: { code: string }) => i.code === code);
    for (const code of [
      'events.held',
      'events.participants',
      'introductions.made',
      'introductions.agreements',
      'actions.on-time',
    ])
      expect(kpi(code), code).toBeDefined();

    const attended = await rows<{ n: number; e: number }>(sql`
      select count(*)::int as n, count(distinct r.event_id)::int as e from event_registrations r join events e on e.id = r.event_id
      where r.state = 'attended' and e.state <> 'draft' and e.starts_at >= ${`${year}T00:00:00+01:00`}::timestamptz`);
    expect(kpi('events.participants').value).toBe(attended.rows[0]!.n);
    expect(kpi('events.held').value).toBe(attended.rows[0]!.e);
    expect(attended.rows[0]!.n).toBeGreaterThan(0);

    const agreements = await rows<{ n: number }>(sql`
      select count(distinct introduction_id)::int as n from introduction_outcomes where confirmed_at is not null`);
    expect(kpi('introductions.agreements').value).toBe(agreements.rows[0]!.n);
    expect(kpi('introductions.agreements').value).toBeGreaterThan(0);

    const onTime = kpi('actions.on-time');
    expect(onTime.value === null || (onTime.value >= 0 && onTime.value <= 100)).toBe(true);
    const records = await app.inject({
      url: `/api/v1/kpis/events.participants/records?from=${year}&to=${today}`,
      headers: region,
    });
    expect(records.json().total).toBe(attended.rows[0]!.n);
  });

  it('name the records they count, and keep a confidential request a number for whoever may not see it', async () => {
    const region = await signInHeaders(app, 'giovanni.bartoli@regione.example.org', 'clock-demo');
    const nucleus = await signInHeaders(app, 'chiara.lombardi@lucense.example.org', 'clock-demo');
    const from = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const read = async (code: string, headers: Record<string, string>) => {
      const r = await app.inject({ url: `/api/v1/kpis/${code}/records?from=${from}&to=${to}`, headers });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as {
        items: string[];
        labels: Record<string, { ref: string; title?: { it?: string; en?: string }; day?: string; page?: string }>;
      };
    };
    for (const [code, ref] of [
      ['bookings.outside-hours', /^B-\d{4}$/],
      ['events.held', /^E-\d{4}$/],
      ['events.participants', /^E-\d{4}$/],
      ['introductions.made', /^IN-\d{4}$/],
      ['actions.on-time', /^A-\d{4}$/],
    ] as const) {
      const r = await read(code, region);
      expect(r.items.length, code).toBeGreaterThan(0);
      for (const id of r.items.slice(0, 500)) {
        expect(r.labels[id]?.ref, code).toMatch(ref);
        // Titles in the language they were written in (some instruments are named in English only).
        expect(r.labels[id]?.title?.it ?? r.labels[id]?.title?.en, code).toBeTruthy();
        expect(r.labels[id]?.day, code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    // A registration opens on its event's page.
    const participants = await read('events.participants', region);
    const first = participants.items[0]!;
    const event = await rows<{ event_id: string }>(sql`select event_id from event_registrations where id = ${first}`);
    expect(participants.labels[first]!.page).toBe(event.rows[0]!.event_id);

    // Requests: the nucleus reads every title; the Region reads a confidential one as its number only.
    const confidential = await rows<{ id: string; title: string }>(
      sql`select id::text, title from requests where confidentiality = 'confidential'`,
    );
    expect(confidential.rows.length).toBeGreaterThan(0);
    const secret = new Set(confidential.rows.map((c) => c.id));
    const asRegion = await read('requests.received', region);
    const asNucleus = await read('requests.received', nucleus);
    expect(asRegion.items).toEqual(asNucleus.items);
    const counted = asRegion.items.filter((id) => secret.has(id));
    expect(counted.length).toBeGreaterThan(0);
    for (const id of asRegion.items) {
      expect(asRegion.labels[id]?.ref).toMatch(/^R-\d{4}$/);
      expect(asNucleus.labels[id]?.title?.it).toBeTruthy();
      if (secret.has(id)) expect(asRegion.labels[id]!.title).toBeUndefined();
      else expect(asRegion.labels[id]!.title?.it).toBe(asNucleus.labels[id]!.title?.it);
    }
  });
});
