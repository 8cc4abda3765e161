import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { signInHeaders, testConfig } from '../../test/factories.ts';
import { freshDemoDatabase } from '../../test/db.ts';
import type { Database } from '../client.ts';

// Equipment sharing in the demo network, read through the API as visitors and demo people would.
let database: Database;
let app: FastifyInstance;
const CENTRES = ['lucense', 'asev', 'cosvig', 'cptm', 'navigo', 'tls'];
beforeAll(async () => {
  database = await freshDemoDatabase();
  app = await buildApp({ config: testConfig(), database, logger: false });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the demo bookings', () => {
  it('give each centre self-service, manual-approval and qualification instruments with tariffs for every category', async () => {
    for (const centre of CENTRES) {
      const items = (await app.inject({ url: `/api/v1/equipment?organization=${centre}&limit=100` })).json().items as {
        id: string;
        booking?: { approval: string; qualificationRequired: boolean; bookable: boolean };
      }[];
      const booked = items.filter((e) => e.booking?.bookable);
      expect(
        booked.some((e) => e.booking!.approval === 'manual'),
        centre,
      ).toBe(true);
      if (centre === 'navigo') continue; // no laboratory of its own: visits to its demonstrator only
      expect(
        booked.some((e) => e.booking!.approval === 'automatic' && !e.booking!.qualificationRequired),
        centre,
      ).toBe(true);
      expect(
        booked.some((e) => e.booking!.qualificationRequired),
        centre,
      ).toBe(true);
      for (const e of booked) {
        const t = (await app.inject({ url: `/api/v1/equipment/${e.id}/tariffs` })).json().items as {
          category: string;
        }[];
        expect(new Set(t.map((x) => x.category)).size, e.id).toBe(6);
      }
    }
  });

  it('has bookings in the coming weeks, closures, and qualified people', async () => {
    const headers = await signInHeaders(app, 'sara.pieri@lucense.example.org', 'clock-demo');
    const queue = (await app.inject({ url: '/api/v1/bookings?scope=centre', headers })).json();
    expect(queue.total).toBeGreaterThanOrEqual(3);
    const admin = await signInHeaders(app, 'elena.ferri@clock.example.org', 'clock-demo');
    const all = (await app.inject({ url: '/api/v1/bookings?scope=centre&limit=200', headers: admin })).json();
    const coming = all.items.filter((b: { state: string }) => b.state !== 'completed');
    expect(coming.length).toBeGreaterThanOrEqual(15);
    expect(coming.some((b: { state: string }) => b.state === 'requested')).toBe(true);
    expect(coming.every((b: { start: string }) => Date.parse(b.start) > Date.now())).toBe(true);
    const closures = (await app.inject({ url: '/api/v1/closures?organization=tls' })).json().items;
    expect(closures.length).toBeGreaterThanOrEqual(2);
    const marta = await signInHeaders(app, 'marta.vannucci@arbia-therapeutics.example.org', 'clock-demo');
    const mine = (await app.inject({ url: '/api/v1/me/qualifications', headers: marta })).json().items;
    expect(mine.some((g: { valid: boolean }) => g.valid)).toBe(true);
    const slots = (await app.inject({ url: '/api/v1/slots?minutes=120', headers: marta })).json().items;
    expect(new Set(slots.map((s: { organization: string }) => s.organization)).size).toBeGreaterThanOrEqual(4);
  });

  it('has two years of completed bookings by outside users, which the bookings KPIs count', async () => {
    const admin = await signInHeaders(app, 'elena.ferri@clock.example.org', 'clock-demo');
    const done: {
      start: string;
      end: string;
      actualStart: string;
      category: string;
      price: { amountCents: number } | null;
    }[] = [];
    for (let page = 1; ; page++) {
      const res = (
        await app.inject({
          url: `/api/v1/bookings?scope=centre&state=completed&limit=200&page=${page}`,
          headers: admin,
        })
      ).json();
      done.push(...res.items);
      if (done.length >= res.total) break;
    }
    const day = 86_400_000;
    const oldest = Math.min(...done.map((b) => Date.parse(b.start)));
    // Thirteen regular users of twelve instruments, every six weeks to eight months, over 730 days.
    expect(done.length).toBeGreaterThanOrEqual(100);
    expect(oldest).toBeGreaterThan(Date.now() - 731 * day);
    expect(oldest).toBeLessThan(Date.now() - 700 * day);
    expect(done.every((b) => Date.parse(b.end) < Date.now() && b.actualStart === b.start)).toBe(true);
    expect(done.every((b) => b.category !== 'centre-staff' && b.price!.amountCents > 0)).toBe(true);

    // The last twelve months as the KPIs count them: the hours and revenue of the completed bookings started then.
    const region = await signInHeaders(app, 'giovanni.bartoli@regione.example.org', 'clock-demo');
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 364 * day).toISOString().slice(0, 10);
    const kpis = (await app.inject({ url: `/api/v1/kpis?from=${from}&to=${to}`, headers: region })).json().items as {
      code: string;
      value: number | null;
    }[];
    const inYear = done.filter((b) => b.start.slice(0, 10) >= from);
    const hours = inYear.reduce((s, b) => s + (Date.parse(b.end) - Date.parse(b.start)) / 3_600_000, 0);
    const euros = inYear.reduce((s, b) => s + b.price!.amountCents / 100, 0);
    const value = (code: string) => kpis.find((k) => k.code === code)?.value;
    expect(value('bookings.outside-hours')).toBeCloseTo(hours, 1);
    expect(value('bookings.revenue')).toBeCloseTo(euros, 1);
    // Of the order of the network's yearly targets (300 hours, 12,000 euros).
    expect(hours).toBeGreaterThan(250);
    expect(euros).toBeGreaterThan(9000);
  });
});
