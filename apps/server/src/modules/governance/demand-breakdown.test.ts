import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { DemandBreakdown, DemandGroup } from '@clock/contracts';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { freshDemoDatabase } from '../../test/db.ts';
import { signInHeaders, testConfig } from '../../test/factories.ts';

// Demand by filiera, sector and province on the demo's two years of requests, against the rows it counts: everything
// for the Region and the nucleus, the non-confidential requests for everyone else.
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

const from = new Date(Date.now() - 2 * 365 * 86_400_000).toISOString().slice(0, 10);
const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
// The same instants the service uses: from midnight of `from` to the midnight after `to`, in Europe/Rome.
const rome = (day: string) => sql`(${day}::date::timestamp at time zone 'Europe/Rome')`;

async function expected(column: string, confidential: boolean, organization?: string) {
  const rows = await database.db.execute(sql`
    select ${sql.raw(column)} as key, count(*)::int as requests,
      count(*) filter (where r.confidentiality = 'confidential')::int as confidential
    from requests r left join organizations o on o.id = r.company_organization_id
    where r.submitted_at >= ${rome(from)} and r.submitted_at < ${rome(to)} + interval '1 day'
      ${confidential ? sql`` : sql`and r.confidentiality <> 'confidential'`}
      ${
        organization
          ? sql`and (r.submitted_via_organization_id = ${organization} or exists (select 1 from request_centres rc
              where rc.request_id = r.id and rc.organization_id = ${organization}))`
          : sql``
      }
    group by 1`);
  return (rows as unknown as { rows: DemandGroup[] }).rows;
}
const sorted = (g: DemandGroup[]) => [...g].sort((a, b) => String(a.key).localeCompare(String(b.key)));

async function read(headers: Record<string, string>, organization?: string): Promise<DemandBreakdown> {
  const r = await app.inject({
    url: `/api/v1/demand?from=${from}&to=${to}${organization ? `&organization=${organization}` : ''}`,
    headers,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

describe('GET /demand', () => {
  it('counts every request for the Region and agrees with the rows, by filiera, sector and province', async () => {
    const region = await signInHeaders(app, 'giovanni.bartoli@regione.example.org', 'clock-demo');
    const d = await read(region);
    expect(d.scope).toBe('full');
    expect(sorted(d.byFiliera)).toEqual(sorted(await expected('r.filiera', true)));
    expect(sorted(d.bySector)).toEqual(sorted(await expected('r.sector', true)));
    expect(sorted(d.byProvince)).toEqual(sorted(await expected('o.province', true)));
    const total = await database.db.execute(
      sql`select count(*)::int as n from requests where submitted_at >= ${rome(from)} and submitted_at < ${rome(to)} + interval '1 day'`,
    );
    expect(d.total).toBe((total as unknown as { rows: { n: number }[] }).rows[0]!.n);
    expect(d.total).toBeGreaterThan(0);
    expect(d.byFiliera.some((g) => g.confidential > 0)).toBe(true);
    // Every demo request names its sector (an ATECO class of the taxonomy): none is counted as "not stated".
    expect(d.bySector.some((g) => g.key === null)).toBe(false);
    const unknown = await database.db.execute(
      sql`select count(*)::int as n from requests r
        where not exists (select 1 from taxonomy_terms t where t.scheme = 'sector' and t.code = r.sector)`,
    );
    expect((unknown as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    expect(d.bySector.length).toBeGreaterThanOrEqual(9);
    // largest first
    expect(d.bySector.map((g) => g.requests)).toEqual([...d.bySector.map((g) => g.requests)].sort((a, b) => b - a));
  });

  it("counts one centre's share as its KPIs do", async () => {
    const nucleus = await signInHeaders(app, 'chiara.lombardi@lucense.example.org', 'clock-demo');
    const d = await read(nucleus, 'lucense');
    expect(d.organization).toBe('lucense');
    expect(sorted(d.byFiliera)).toEqual(sorted(await expected('r.filiera', true, 'lucense')));
    const received = await app.inject({
      url: `/api/v1/kpis?from=${from}&to=${to}&organization=lucense`,
      headers: nucleus,
    });
    const kpi = received.json().items.find((k: { code: string }) => k.code === 'requests.received');
    expect(d.total).toBe(kpi.value);
  });

  it('leaves confidential requests out for everyone else, and says so', async () => {
    const anonymous = await read({});
    expect(anonymous.scope).toBe('public');
    expect(sorted(anonymous.bySector)).toEqual(sorted(await expected('r.sector', false)));
    expect(anonymous.byProvince.every((g) => g.confidential === 0)).toBe(true);
    const full = await read(await signInHeaders(app, 'giovanni.bartoli@regione.example.org', 'clock-demo'));
    expect(anonymous.total).toBeLessThan(full.total);
  });

  it('answers problem+json for a bad period or an unknown organisation', async () => {
    const bad = await app.inject({ url: '/api/v1/demand?from=2025-13-01&to=N/A' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const unknown = await app.inject({ url: `/api/v1/demand?from=${from}&to=${to}&organization=nobody` });
    expect(unknown.statusCode).toBe(404);
  });
});
