import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { brokerageWorld, techRequest } from '../../test/brokerage.ts';
import { followUp } from './followup.service.ts';
import { brokerageJob } from './brokerage.job.ts';

// The brokerage's periodic work: unanswered interests are reminded, then expire; published opportunities are
// reminded before they expire, then expire; each once, whoever runs the job.
let w: Awaited<ReturnType<typeof brokerageWorld>>;
beforeAll(async () => {
  w = await brokerageWorld();
}, 60_000);
afterAll(async () => {
  await w?.app.close();
  await w?.database.close();
});
const post = async (url: string, who: 'owner' | 'partner' | 'staff', payload: object = {}) => {
  const r = await w.app.inject({ method: 'POST', url, headers: w.H[who], payload });
  if (r.statusCode >= 300) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
  return r.json();
};
const DAY = 86_400_000;
const notified = async (kind: string) =>
  Number(
    (
      (await w.database.db.execute(
        sql`select count(*)::int as n from notifications where kind = ${kind}`,
      )) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n,
  );

describe('the brokerage job', () => {
  it('reminds, then expires, unanswered interests and published opportunities', async () => {
    const o = await post('/api/v1/opportunities', 'owner', {
      ...techRequest(w.owner.id, w.centre.id),
      anonymous: false,
    });
    await post(`/api/v1/opportunities/${o.id}/submit`, 'owner');
    await post(`/api/v1/opportunities/${o.id}/review`, 'staff', {
      scores: { clarity: 3, innovation: 3, partnerSought: 3, completeness: 3 },
      decision: 'publish',
    });
    const i = await post(`/api/v1/opportunities/${o.id}/interest`, 'partner', {
      organization: w.partner.id,
      note: 'Sì',
    });
    const ctx = { db: w.database.db, publicUrl: 'http://localhost' };
    const now = Date.now();
    expect(await followUp(ctx, new Date(now))).toMatchObject({ interestsReminded: 0, interestsExpired: 0 });
    const soon = await followUp(ctx, new Date(now + 25 * DAY));
    expect(soon).toMatchObject({ interestsReminded: 1, interestsExpired: 0 });
    expect((await followUp(ctx, new Date(now + 26 * DAY))).interestsReminded).toBe(0);
    expect(await notified('interest-reminder')).toBeGreaterThan(0);
    expect((await followUp(ctx, new Date(now + 31 * DAY))).interestsExpired).toBe(1);
    const list = await w.app.inject({ url: `/api/v1/opportunities/${o.id}/interests`, headers: w.H.partner });
    expect(list.json().items.find((x: { id: string }) => x.id === i.id).state).toBe('expired');
    // The company may express interest again once the earlier one expired.
    await post(`/api/v1/opportunities/${o.id}/interest`, 'partner', { organization: w.partner.id, note: 'Ancora' });

    expect((await followUp(ctx, new Date(now + 340 * DAY))).opportunitiesReminded).toBe(1);
    expect(await notified('opportunity-expiring')).toBeGreaterThan(0);
    expect((await followUp(ctx, new Date(now + 367 * DAY))).opportunitiesExpired).toBe(1);
    const after = await w.app.inject({ url: `/api/v1/opportunities/${o.id}`, headers: w.H.owner });
    expect(after.json().state).toBe('expired');
    expect((await w.app.inject({ url: `/api/v1/opportunities/${o.id}`, headers: w.H.partner })).statusCode).toBe(404);
  });

  it('is one hourly job in the worker list', () => {
    const now = new Date();
    expect(brokerageJob.name).toBe('brokerage');
    expect(
      now.getTime() - brokerageJob.periodStart(now, { db: w.database.db, publicUrl: '', digestHour: 7 })!.getTime(),
    ).toBe(3_600_000);
  });
});
