import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { seedDemo } from '../../db/seed/demo.ts';
import { freshDatabase } from '../../test/db.ts';
import { signInHeaders, testConfig } from '../../test/factories.ts';

// The KPIs of the other parts of the protocol, read on the demo network as the Region reads them, against the rows
// they count: events held and their participants, introductions and agreements, joint actions on time.
let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await freshDatabase();
  await seedDemo(database.db);
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
});
