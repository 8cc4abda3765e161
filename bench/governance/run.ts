/**
 * The governance benchmark (`npm run bench:governance`): a fresh embedded database with the demo network, a generated
 * catalogue of N offers (default 100,000; bench/generate.ts) and M requests (default 20,000, over two years, in every
 * state, with first answers, ratings, centres and agreed teams), then times
 *   - `GET /api/v1/kpis` for a year and for a half-year as the Region (every KPI, confidential requests included) and
 *     as the public, `GET /api/v1/kpis/requests.received/records` and `GET /api/v1/demand` (requests by filiera,
 *     sector and province) as the Region and as the public, through the app (in-process, `app.inject`);
 *   - the S3 coverage map: reading the centres' offers, computing the map from them (cold), the cached answer of
 *     `GET /api/v1/s3/coverage` while the catalogue is unchanged, and — the worst case — the map over every offer of
 *     every organisation.
 * Prints p50/p95 per call (target: under 500 ms each). Writes nothing to the repository; never asserts.
 *
 *   npm run bench:governance
 *   npm run bench:governance -- --offers 20000 --requests 5000 --rounds 10
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createPglite, wrapPglite } from '../../apps/server/src/db/client.ts';
import { prepareDatabase } from '../../apps/server/src/db/prepare.ts';
import { buildApp } from '../../apps/server/src/app.ts';
import { testConfig, PASSWORD, signInHeaders } from '../../apps/server/src/test/factories.ts';
import { createUser } from '../../apps/server/src/modules/identity/identity.service.ts';
import { importBundle } from '../../apps/server/src/modules/catalogue/bundle.service.ts';
import { computeCoverage, S3_SOURCES } from '../../apps/server/src/modules/governance/coverage.service.ts';
import { generateBundleFile } from '../generate.ts';

const { values: opts } = parseArgs({
  options: {
    offers: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '15' },
  },
});
const OFFERS = Number(opts.offers);
const REQUESTS = Number(opts.requests);
const ROUNDS = Number(opts.rounds);
const CENTRES = ['lucense', 'asev', 'cosvig', 'cptm', 'navigo', 'tls'];
const STATES = ['submitted', 'triage', 'open', 'team_agreed', 'in_progress', 'closed', 'closed', 'closed', 'declined'];
const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(',');

const database = wrapPglite(await createPglite());
await prepareDatabase(database, 'demo');
let t = performance.now();
const file = path.join(os.tmpdir(), `clock-governance-bench-${process.pid}.json`);
await generateBundleFile(file, { records: OFFERS, seed: 1 });
await importBundle(database.db, fs.createReadStream(file));
fs.rmSync(file, { force: true });
const catalogueMs = performance.now() - t;

t = performance.now();
for (let done = 0; done < REQUESTS; done += 5000) {
  const n = Math.min(5000, REQUESTS - done);
  await database.db.execute(
    sql.raw(`
    insert into requests (title, summary, description, confidentiality, state, company_organization_id, company_name,
      submitted_at, state_changed_at, first_response_at, opened_at, closed_at, decline_reason, outcome, rating)
    select 'Richiesta ' || g, 'Sintesi ' || g, 'Descrizione ' || g,
      case when g % 10 = 0 then 'confidential' when g % 3 = 0 then 'public' else 'network' end,
      s.state, case when g % 4 = 0 then null else 'cantiere-burlamacco' end, 'Impresa ' || (g % 3000),
      now() - (g % 730) * interval '1 day', now() - (g % 30) * interval '1 day',
      case when s.state = 'submitted' then null else now() - (g % 730) * interval '1 day' + (1 + g % 9) * interval '1 day' end,
      case when s.state in ('submitted','triage','declined') then null else now() - (g % 730) * interval '1 day' + (4 + g % 9) * interval '1 day' end,
      case when s.state in ('closed','declined') then now() - (g % 730) * interval '1 day' + (40 + g % 60) * interval '1 day' end,
      case when s.state = 'declined' then 'Fuori ambito' end,
      case when s.state = 'closed' then 'Concluso' end,
      case when s.state = 'closed' and g % 2 = 0 then 1 + g % 5 end
    from generate_series(${done + 1}, ${done + n}) g,
      lateral (select (array[${list(STATES)}])[1 + g % ${STATES.length}] as state) s`),
  );
}
await database.db.execute(
  sql.raw(`
  insert into request_centres (request_id, organization_id, invited_at, team_role)
  select r.id, (array[${list(CENTRES)}])[1 + (r.number + k) % 6], r.opened_at,
    case when r.state in ('team_agreed','in_progress','closed') and (k = 0 or r.number % 3 = 0) then (case when k = 0 then 'lead' else 'partner' end) end
  from requests r, generate_series(0, 1) k where r.opened_at is not null
  on conflict do nothing`),
);
await database.db.execute(
  sql.raw(`insert into request_events (request_id, at, kind, from_state, to_state)
  select r.id, r.opened_at + interval '5 days', 'state', 'open', 'team_agreed' from requests r
  where r.state in ('team_agreed','in_progress','closed') and r.opened_at is not null`),
);
await database.db.execute(sql.raw('analyze'));
const requestsMs = performance.now() - t;

const app = await buildApp({ config: testConfig(), database, logger: false });
await createUser(database.db, { email: 'region@bench.example', name: 'Regione', role: 'region', password: PASSWORD });
const region = await signInHeaders(app, 'region@bench.example', PASSWORD);
const offers = (await database.db.execute(sql`select count(*)::int as n from offers`)) as unknown as {
  rows: { n: number }[];
};
console.log(
  `Governance: ${offers.rows[0]!.n.toLocaleString('en')} offers (generated and imported in ${(catalogueMs / 1000).toFixed(1)} s), ` +
    `${REQUESTS.toLocaleString('en')} requests (${(requestsMs / 1000).toFixed(1)} s); ${ROUNDS} rounds each, PGlite, in-process`,
);
console.log(`${'what'.padEnd(52)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);

async function time(label: string, fn: () => Promise<unknown>, rounds = ROUNDS) {
  const times: number[] = [];
  for (let i = 0; i < rounds + 1; i++) {
    const s = performance.now();
    await fn();
    if (i > 0) times.push(performance.now() - s); // the first round warms caches and the JIT
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  console.log(`${label.padEnd(52)} ${q(0.5).toFixed(1).padStart(8)} ${q(0.95).toFixed(1).padStart(8)}`);
}
const get =
  (url: string, headers: Record<string, string> = {}) =>
  async () => {
    const r = await app.inject({ url, headers });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    return r;
  };
const today = new Date().toISOString().slice(0, 10);
const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
const halfAgo = new Date(Date.now() - 182 * 86_400_000).toISOString().slice(0, 10);
await time('GET /kpis, a year, as the Region', get(`/api/v1/kpis?from=${yearAgo}&to=${today}`, region));
await time('GET /kpis, a half-year, as the Region', get(`/api/v1/kpis?from=${halfAgo}&to=${today}`, region));
await time(
  'GET /kpis, a year, one centre, as the Region',
  get(`/api/v1/kpis?from=${yearAgo}&to=${today}&organization=cptm`, region),
);
await time('GET /kpis, a year, the public summary', get(`/api/v1/kpis?from=${yearAgo}&to=${today}`));
await time(
  'GET /kpis/requests.received/records, a year',
  get(`/api/v1/kpis/requests.received/records?from=${yearAgo}&to=${today}`, region),
);
await time(
  'GET /demand (filiera, sector, province), a year, Region',
  get(`/api/v1/demand?from=${yearAgo}&to=${today}`, region),
);
await time('GET /demand, a year, the public', get(`/api/v1/demand?from=${yearAgo}&to=${today}`));

const once = async (label: string, fn: () => Promise<unknown> | unknown) => {
  const s = performance.now();
  await fn();
  console.log(`${label.padEnd(52)} ${(performance.now() - s).toFixed(1).padStart(8)}   (once)`);
};
let records: Awaited<ReturnType<(typeof S3_SOURCES)[number]['load']>> = [];
await once('coverage: first read of the centres’ offers', async () => {
  records = await S3_SOURCES[0]!.load(database.db);
});
await once(`coverage: first map (analyses ${records.length.toLocaleString('en')} records)`, () =>
  computeCoverage(records),
);
await time(
  'coverage: read again (keys only, texts unchanged)',
  async () => {
    records = await S3_SOURCES[0]!.load(database.db);
  },
  5,
);
await time(
  `coverage: the map again (${records.length.toLocaleString('en')} records, terms kept)`,
  async () => computeCoverage(records),
  5,
);
await time('GET /s3/coverage, cached (catalogue unchanged)', get('/api/v1/s3/coverage'));
const one = records[0]!;
await time(
  'GET /s3/coverage after one record changed',
  async () => {
    await database.db.execute(
      sql`update offers set revision = nextval('catalogue_revision_seq') where type = ${one.type} and id = ${one.id}`,
    );
    await get('/api/v1/s3/coverage')();
  },
  5,
);
const all = (await database.db.execute(
  sql`select o.type, o.id, o.organization_id as organization, coalesce(o.s3, org.s3) as s3, o.title, o.description
      from offers o join organizations org on org.id = o.organization_id where o.retired_at is null`,
)) as unknown as {
  rows: {
    type: string;
    id: string;
    organization: string;
    s3: string[] | null;
    title: { it?: string; en?: string };
    description: { it?: string; en?: string } | null;
  }[];
};
const every = all.rows.map((r) => ({ ...r, s3: r.s3 ?? [], text: r.description ? [r.description] : [] }));
await time(
  `coverage worst case: every organisation (${every.length.toLocaleString('en')} records)`,
  async () => computeCoverage(every),
  3,
);
await app.close();
await database.close();
