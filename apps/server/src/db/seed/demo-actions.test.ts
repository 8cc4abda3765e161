import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { signInHeaders, testConfig } from '../../test/factories.ts';
import { freshDemoDatabase } from '../../test/db.ts';
import type { Database } from '../client.ts';
import { actionsOnTimeBetween } from '../../modules/actions/action-kpis.service.ts';
import { addDays, localDay } from '../../core/calendar.ts';

// Joint actions and the nucleus's meetings in the demo network, read through the API as the demo people would.
let database: Database;
let app: FastifyInstance;
let nucleus: Record<string, string> = {};
beforeAll(async () => {
  database = await freshDemoDatabase();
  app = await buildApp({ config: testConfig(), database, logger: false });
  const demo = (await app.inject({ url: '/api/v1/demo' })).json();
  nucleus = await signInHeaders(app, 'chiara.lombardi@lucense.example.org', demo.password);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the demo joint actions', () => {
  it('are on time, late, closed, from a request, and show "no data" where nothing is measured', async () => {
    const list = (await app.inject({ url: '/api/v1/actions?limit=100', headers: nucleus })).json();
    const items = list.items as {
      id: string;
      state: string;
      visibility: string;
      late: boolean;
      progress: number | null;
      title: { en?: string };
    }[];
    expect(items.length).toBeGreaterThanOrEqual(9);
    expect(items.filter((a) => a.state === 'closed')).toHaveLength(1);
    expect(items.filter((a) => a.late).length).toBe(1);
    expect(items.find((a) => a.title.en?.startsWith('Nanostructured'))!.progress).toBeNull();
    const programme = items.find((a) => a.title.en?.startsWith('Sustainability of the Lucca'))!;
    const detail = (await app.inject({ url: `/api/v1/actions/${programme.id}`, headers: nucleus })).json();
    expect(detail.children).toHaveLength(2);
    expect(detail.milestones).toEqual([]);
    expect(detail.progress).toBeGreaterThan(0);
    const fromRequest = await Promise.all(
      items.map(async (a) => (await app.inject({ url: `/api/v1/actions/${a.id}`, headers: nucleus })).json()),
    );
    expect(fromRequest.filter((a) => a.sourceRequestId)).toHaveLength(1);
    const anonymous = (await app.inject({ url: '/api/v1/actions?limit=100' })).json();
    expect(anonymous.items.length).toBeGreaterThan(0);
    expect(anonymous.items.length).toBeLessThan(items.length);
    // The public reads exactly the public actions: a count of visible records, not a measure of time.
    expect(anonymous.items.every((a: { visibility: string }) => a.visibility === 'public')).toBe(true);
    expect(anonymous.items.length).toBe(items.filter((a) => a.visibility === 'public').length);
    const today = localDay(Date.now());
    const kpi = await actionsOnTimeBetween(database.db, addDays(today, -365), today);
    expect(kpi.denominator).toBeGreaterThan(kpi.numerator);
    expect(kpi.numerator).toBeGreaterThan(0);
  });
});

describe('the demo nucleus meetings', () => {
  it('span two years, with minutes approved at the next meeting and open action items carried over', async () => {
    const list = (await app.inject({ url: '/api/v1/meetings', headers: nucleus })).json();
    expect(list.total).toBe(6);
    const states = list.items.map((m: { state: string }) => m.state);
    expect(states[0]).toBe('held');
    expect(states.slice(1).every((s: string) => s === 'minutes-approved')).toBe(true);
    const last = (await app.inject({ url: `/api/v1/meetings/${list.items[0].id}`, headers: nucleus })).json();
    expect(last.agenda.some((a: { carriedOutcome: unknown }) => a.carriedOutcome)).toBe(true);
    expect(last.attendees.length).toBe(7);
    expect(
      last.outcomes.some((o: { kind: string; owner: unknown; due: string }) => o.kind === 'action' && o.owner && o.due),
    ).toBe(true);
    expect(last.previousToApprove).toBeNull();
    // The next meeting, when the nucleus plans it, starts with the last minutes and the items still open.
    const next = await app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: nucleus,
      payload: { startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString() },
    });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().agenda[0].title).toContain(last.ref);
    expect(
      next.json().agenda.filter((a: { carriedOutcome: unknown }) => a.carriedOutcome).length,
    ).toBeGreaterThanOrEqual(3);
  });
});
