import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { signInHeaders, testConfig } from '../../test/factories.ts';
import { freshDemoDatabase } from '../../test/db.ts';
import type { Database } from '../client.ts';

// The demo's year of events, read through the API as visitors and demo people would.
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

interface Summary {
  id: string;
  kind: string;
  state: string;
  start: string;
  organizers: { id: string }[];
  availability: { capacity: number | null; free: number | null; waiting: number; open: boolean };
}
const DAY = 86_400_000;

describe('the demo events', () => {
  it('span a year for all six centres, past and upcoming, one full with a waiting list, one cancelled', async () => {
    const items = (await app.inject({ url: '/api/v1/events?limit=100' })).json().items as Summary[];
    const now = Date.now();
    const starts = items.map((e) => Date.parse(e.start));
    expect(Math.min(...starts)).toBeLessThan(now - 150 * DAY);
    expect(Math.max(...starts)).toBeGreaterThan(now + 120 * DAY);
    const organisers = new Set(items.flatMap((e) => e.organizers.map((o) => o.id)));
    for (const c of ['lucense', 'asev', 'cosvig', 'cptm', 'navigo', 'tls', 'regione-toscana'])
      expect(organisers).toContain(c);
    expect(items.filter((e) => e.availability.open).length).toBeGreaterThanOrEqual(5);
    expect(items.some((e) => e.availability.free === 0 && e.availability.waiting > 0 && e.availability.open)).toBe(
      true,
    );
    expect(items.filter((e) => e.state === 'cancelled')).toHaveLength(1);
    // The network-only meeting and the draft are not public.
    expect(items.some((e) => e.state === 'draft')).toBe(false);
    expect(new Set(items.map((e) => e.kind))).toEqual(
      new Set(['seminar', 'workshop', 'open-lab', 'course', 'webinar', 'matchmaking']),
    );
  });

  it('recorded attendance at past events, and the past course granted its qualification', async () => {
    const rows = (await database.db.execute(
      sql`select count(*)::int as n from event_attendance where present`,
    )) as unknown as {
      rows: { n: number }[];
    };
    expect(rows.rows[0]!.n).toBeGreaterThan(30);
    const grants = (await database.db.execute(
      sql`select count(*)::int as n from qualification_grants where source = 'event' and event_id is not null`,
    )) as unknown as { rows: { n: number }[] };
    expect(grants.rows[0]!.n).toBeGreaterThan(0);
    const staff = await signInHeaders(app, 'laura.baldini@cptm.example.org', 'clock-demo');
    const mine = (await app.inject({ url: '/api/v1/events?organization=cptm&limit=100', headers: staff })).json()
      .items as Summary[];
    const course = mine.find((e) => e.kind === 'course')!;
    const p = (await app.inject({ url: `/api/v1/events/${course.id}/participation`, headers: staff })).json();
    expect(p.attended).toBeGreaterThan(0);
  });
});
