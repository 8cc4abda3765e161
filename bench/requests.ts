/**
 * The requests benchmark (`npm run bench:requests`): loads N requests (default 20,000; a tenth confidential, a third
 * public, the rest network-wide; in every state, with invited and interested centres) into a fresh embedded database
 * with the demo network, then times the list a person opens every day — `GET /api/v1/requests` as the nucleus, a
 * centre's inbox, a company's own requests, the anonymous public list, a text search and the board ordered by due
 * date — through the app (in-process, `app.inject`); a third of them started from an equipment record, so the demand per
 * record (the nucleus's list, one record's count) is timed too. Prints p50/p95 per call. Writes nothing to the repository.
 *
 *   npm run bench:requests
 *   npm run bench:requests -- --count 50000 --rounds 50
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createPglite, wrapPglite } from '../apps/server/src/db/client.ts';
import { prepareDatabase } from '../apps/server/src/db/prepare.ts';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig, PASSWORD, signInHeaders } from '../apps/server/src/test/factories.ts';
import { createUser } from '../apps/server/src/modules/identity/identity.service.ts';

const { values: opts } = parseArgs({
  options: { count: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '30' } },
});
const COUNT = Number(opts.count);
const ROUNDS = Number(opts.rounds);
const CENTRES = ['lucense', 'asev', 'cosvig', 'cptm', 'navigo', 'tls'];
const COMPANIES = [
  'cartiera-brancoli',
  'cantiere-burlamacco',
  'pietre-del-frigido',
  'cantina-colle-sorbaio',
  'arbia-therapeutics',
  'conceria-usciana',
  'cristallerie-badia',
  'mobilificio-staggia',
  'calzaturificio-segromigno',
];
const STATES = [
  'submitted',
  'triage',
  'open',
  'open',
  'open',
  'team_agreed',
  'in_progress',
  'closed',
  'closed',
  'declined',
];
const WORDS = [
  'fatica',
  'saldature',
  'vernice',
  'riciclo',
  'vetroresina',
  'carta',
  'geotermia',
  'olio',
  'polifenoli',
  'marmo',
  'RFID',
  'tessuto',
  'idrogeno',
  'fanghi',
  'anticorpi',
];

const database = wrapPglite(await createPglite());
await prepareDatabase(database, 'demo');
const equipmentRows = (await database.db.execute(
  sql`select id, organization_id as org from offers where type = 'equipment' order by id`,
)) as unknown as { rows: { id: string; org: string }[] };
const EQUIPMENT = equipmentRows.rows.map((r) => r.id);
const cptmEquipment = equipmentRows.rows.find((r) => r.org === 'cptm')!.id;
let t = performance.now();
// Generated in SQL, in batches: the benchmark is about reading them.
for (let done = 0; done < COUNT; done += 5000) {
  const n = Math.min(5000, COUNT - done);
  await database.db.execute(
    sql.raw(`
    insert into requests (title, summary, description, confidentiality, state, company_organization_id, company_name, submitted_at, state_changed_at, opened_at, due_at, decline_reason, outcome, source_type, source_id)
    select
      'Richiesta ' || g || ': ' || (array[${WORDS.map((w) => `'${w}'`).join(',')}])[1 + g % ${WORDS.length}] || ' nella produzione',
      'Sintesi pubblica della richiesta ' || g,
      'Descrizione dettagliata del problema numero ' || g || ' con ' || (array[${WORDS.map((w) => `'${w}'`).join(',')}])[1 + (g * 7) % ${WORDS.length}],
      case when g % 10 = 0 then 'confidential' when g % 3 = 0 then 'public' else 'network' end,
      (array[${STATES.map((s) => `'${s}'`).join(',')}])[1 + g % ${STATES.length}],
      (array[${COMPANIES.map((c) => `'${c}'`).join(',')}])[1 + g % ${COMPANIES.length}],
      'Impresa', now() - (g % 400) * interval '1 day', now() - (g % 30) * interval '1 day',
      case when (array[${STATES.map((s) => `'${s}'`).join(',')}])[1 + g % ${STATES.length}] in ('submitted','triage') then null else now() - (g % 30) * interval '1 day' end,
      case when (array[${STATES.map((s) => `'${s}'`).join(',')}])[1 + g % ${STATES.length}] in ('submitted','triage','open') then now() + ((g % 20) - 6) * interval '1 day' else null end,
      case when (array[${STATES.map((s) => `'${s}'`).join(',')}])[1 + g % ${STATES.length}] = 'declined' then 'Fuori ambito' else null end,
      case when (array[${STATES.map((s) => `'${s}'`).join(',')}])[1 + g % ${STATES.length}] = 'closed' then 'Concluso' else null end,
      case when g % 3 = 1 then 'equipment' end,
      case when g % 3 = 1 then (array[${EQUIPMENT.map((e) => `'${e}'`).join(',')}])[1 + (g / 3) % ${EQUIPMENT.length}] end
    from generate_series(${done + 1}, ${done + n}) g`),
  );
}
await database.db.execute(
  sql.raw(`
  insert into request_centres (request_id, organization_id, invited_at, interest_at, proposal)
  select r.id, (array[${CENTRES.map((c) => `'${c}'`).join(',')}])[1 + (r.number + k) % 6], r.opened_at, case when k = 0 then r.opened_at end, case when k = 0 then 'Proposta' end
  from requests r, generate_series(0, 1) k where r.opened_at is not null
  on conflict do nothing`),
);
const loadMs = performance.now() - t;

const app = await buildApp({ config: testConfig(), database, logger: false });
const people = {
  nucleus: ['nucleus', 'lucense'],
  centre: ['centre-staff', 'cptm'],
  company: ['company', 'cantiere-burlamacco'],
} as const;
const headers: Record<string, Record<string, string>> = { anonymous: {} };
for (const [who, [role, organization]] of Object.entries(people)) {
  const email = `${who}@bench.example`;
  await createUser(database.db, { email, name: who, role, organization, password: PASSWORD });
  headers[who] = await signInHeaders(app, email, PASSWORD);
}
const calls: [string, string, string][] = [
  ['nucleus: all, newest first', 'nucleus', '/api/v1/requests?limit=50'],
  ['nucleus: board (sort=due, 200)', 'nucleus', '/api/v1/requests?sort=due&limit=200'],
  ['nucleus: only overdue', 'nucleus', '/api/v1/requests?overdue=true&sort=due&limit=50'],
  ['centre: inbox', 'centre', '/api/v1/requests?scope=inbox&limit=50'],
  ['centre: text search', 'centre', '/api/v1/requests?q=vetroresina&limit=50'],
  ['company: mine', 'company', '/api/v1/requests?scope=mine&limit=50'],
  ['anonymous: public list', 'anonymous', '/api/v1/requests?limit=50'],
  ['anonymous: text search', 'anonymous', '/api/v1/requests?q=fatica&limit=50'],
  ['nucleus: demand per record', 'nucleus', '/api/v1/requests/demand'],
  ["centre: its records' demand", 'centre', '/api/v1/requests/demand'],
  ["centre: one record's demand", 'centre', `/api/v1/requests/demand/equipment/${encodeURIComponent(cptmEquipment)}`],
];
console.log(
  `Requests: ${COUNT.toLocaleString('en')} generated in ${(loadMs / 1000).toFixed(1)} s; ${ROUNDS} calls each (in-process, PGlite)`,
);
console.log(`${'call'.padEnd(34)} ${'total'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
for (const [label, who, url] of calls) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < ROUNDS + 2; i++) {
    t = performance.now();
    const r = await app.inject({ method: 'GET', url, headers: headers[who] });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    if (i >= 2) times.push(performance.now() - t); // two warm-up calls
    const body = r.json();
    total = Array.isArray(body) ? body.length : (body.total ?? body.requests);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  console.log(
    `${label.padEnd(34)} ${String(total).padStart(7)} ${at(0.5).toFixed(1).padStart(8)} ${at(0.95).toFixed(1).padStart(8)}`,
  );
}
await app.close();
await database.close();
