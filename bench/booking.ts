/**
 * The bookings benchmark (`npm run bench:booking`). On a fresh embedded database (and on PostgreSQL when
 * CLOCK_BENCH_POSTGRES_URL is set) with N instruments (default 300) across the six centres, each with a booking
 * policy, weekday opening hours, tariffs and a few bookings, through the app in-process (`app.inject`):
 *
 * - 500 concurrent booking requests for one and the same slot: how many win (201) and how many get 409 slot-taken;
 * - the free-slot search over every instrument and 90 days (`GET /api/v1/slots`), p50/p95;
 * - one instrument's availability over 92 days (`GET /api/v1/equipment/:id/availability`), p50/p95.
 *
 * Prints figures, asserts nothing, writes nothing to the repository.
 *
 *   npm run bench:booking
 *   npm run bench:booking -- --instruments 300 --concurrent 500 --rounds 30
 */
import { parseArgs } from 'node:util';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { createPglite, wrapPglite, type Database } from '../apps/server/src/db/client.ts';
import { onPostgres } from './postgres.ts';
import { buildApp } from '../apps/server/src/app.ts';
import { importBundle } from '../apps/server/src/modules/catalogue/bundle.service.ts';
import { createUser } from '../apps/server/src/modules/identity/identity.service.ts';
import { testConfig, PASSWORD, signInHeaders } from '../apps/server/src/test/factories.ts';
import { addDays, localDay, zonedTime } from '../apps/server/src/core/calendar.ts';
import { loadSectorTaxonomy } from '../apps/server/src/db/seed/reference.ts';

const { values: opts } = parseArgs({
  options: {
    instruments: { type: 'string', default: '300' },
    concurrent: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '30' },
  },
});
const INSTRUMENTS = Number(opts.instruments);
const CONCURRENT = Number(opts.concurrent);
const ROUNDS = Number(opts.rounds);
const CENTRES = ['lucense', 'asev', 'cosvig', 'cptm', 'navigo', 'tls'];
const PEOPLE = 20;

const pct = (times: number[], q: number) => {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

async function run(label: string, database: Database) {
  const t0 = performance.now();
  await database.migrate();
  await loadSectorTaxonomy(database.db);
  const equipment = Array.from({ length: INSTRUMENTS }, (_, i) => ({
    id: `bench-eq-${i}`,
    organization: CENTRES[i % CENTRES.length],
    title: { it: `Strumento di prova ${i}`, en: `Test instrument ${i}` },
    bookable: true,
  }));
  await importBundle(
    database.db,
    Readable.from([
      JSON.stringify({
        format: 'clock-bundle/1',
        organizations: [
          ...CENTRES.map((id) => ({ id, kind: 'centre', name: id.toUpperCase() })),
          { id: 'bench-company', kind: 'company', name: 'Impresa di prova' },
        ],
        equipment,
      }),
    ]),
  );
  // Policies, opening hours (weekdays 08:00–18:00), tariffs and three bookings a week per instrument, in SQL.
  await database.db.execute(sql`
    insert into booking_policies (equipment_id, organization_id, bookable, approval, slot_minutes, min_minutes, max_minutes, buffer_after_minutes, lead_hours, horizon_days)
    select id, organization_id, true, case when seq % 3 = 0 then 'manual' else 'automatic' end, 30, 60, 600, 15, 0, 120
    from offers where type = 'equipment'`);
  await database.db.execute(sql`
    insert into opening_rules (equipment_id, rrule, start_date, start_minute, minutes)
    select equipment_id, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2026-01-01', 480, 600 from booking_policies`);
  await database.db.execute(sql`
    insert into tariffs (equipment_id, category, unit, amount_cents)
    select p.equipment_id, c, 'hour', 2000 + (length(p.equipment_id) * 137) % 9000
    from booking_policies p, unnest(array['centre-staff','network-centre','sme','company','university','public-body']) c`);
  const today = localDay(Date.now());
  for (let week = 0; week < 13; week++)
    for (const [d, from, to] of [
      [1, 540, 720],
      [2, 600, 960],
      [4, 480, 600],
    ] as const) {
      const day = addDays(today, week * 7 + d);
      const s = new Date(zonedTime(day, from)).toISOString(),
        e = new Date(zonedTime(day, to)).toISOString();
      await database.db.execute(sql`
        insert into bookings (equipment_id, owner_organization_id, during, blocked, state, purpose)
        select equipment_id, organization_id, tstzrange(${s}::timestamptz, ${e}::timestamptz), tstzrange(${s}::timestamptz, ${e}::timestamptz + interval '15 minutes'), 'confirmed', 'bench'
        from booking_policies where (extract(dow from ${s}::timestamptz) between 1 and 5)`);
    }
  const setupMs = performance.now() - t0;

  const app = await buildApp({ config: testConfig(), database, logger: false });
  const headers: Record<string, string>[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const email = `booker-${i}@bench.example`;
    await createUser(database.db, {
      email,
      name: `Booker ${i}`,
      role: 'company',
      organization: 'bench-company',
      password: PASSWORD,
    });
    headers.push(await signInHeaders(app, email, PASSWORD));
  }
  console.log(`\n${label}: ${INSTRUMENTS} instruments, ready in ${(setupMs / 1000).toFixed(1)} s`);

  // 1. Many people, one slot, all at once.
  let day = addDays(today, 8);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
  const slot = {
    equipment: 'bench-eq-1',
    start: new Date(zonedTime(day, 14 * 60)).toISOString(),
    end: new Date(zonedTime(day, 15 * 60)).toISOString(),
    purpose: 'Corsa allo stesso turno',
  };
  let t = performance.now();
  const answers = await Promise.all(
    Array.from({ length: CONCURRENT }, (_, i) =>
      app.inject({ method: 'POST', url: '/api/v1/bookings', headers: headers[i % PEOPLE], payload: slot }),
    ),
  );
  const concurrentMs = performance.now() - t;
  const byStatus = new Map<string, number>();
  for (const a of answers) {
    const key = a.statusCode === 409 ? `409 ${a.json().type.split(':').pop()}` : String(a.statusCode);
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  }
  const rows = (await database.db.execute(
    sql`select count(*)::int as n from bookings where equipment_id = 'bench-eq-1' and state in ('requested','confirmed') and during && tstzrange(${slot.start}::timestamptz, ${slot.end}::timestamptz)`,
  )) as unknown as { rows: { n: number }[] };
  console.log(
    `  ${CONCURRENT} concurrent requests for one slot: ${[...byStatus].map(([k, v]) => `${v} × ${k}`).join(', ')}; rows holding the slot: ${rows.rows[0]!.n}; ${(concurrentMs / 1000).toFixed(2)} s in all`,
  );

  // 2. The free-slot search over every instrument, 90 days; 3. one instrument's availability over 92 days.
  const from = new Date().toISOString();
  const to90 = new Date(Date.now() + 90 * 86_400_000).toISOString();
  const to92 = new Date(Date.now() + 92 * 86_400_000).toISOString();
  const calls: [string, string][] = [
    [
      `slots: ${INSTRUMENTS} instruments × 90 days, 8 h`,
      `/api/v1/slots?minutes=480&limit=500&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to90)}`,
    ],
    [
      `slots: ${INSTRUMENTS} × 90 days, 1 h, 3 each`,
      `/api/v1/slots?minutes=60&perEquipment=3&limit=500&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to90)}`,
    ],
    [
      'availability: one instrument, 92 days',
      `/api/v1/equipment/bench-eq-7/availability?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to92)}`,
    ],
  ];
  console.log(`  ${'call'.padEnd(42)} ${'items'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
  for (const [name, url] of calls) {
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < ROUNDS + 2; i++) {
      t = performance.now();
      const r = await app.inject({ method: 'GET', url, headers: headers[0] });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      if (i >= 2) times.push(performance.now() - t);
      items = r.json().items.length;
    }
    console.log(
      `  ${name.padEnd(42)} ${String(items).padStart(6)} ${pct(times, 0.5).toFixed(1).padStart(8)} ${pct(times, 0.95).toFixed(1).padStart(8)}`,
    );
  }
  await app.close();
  await database.close();
}

console.log(`Bookings benchmark (in-process, app.inject; ${ROUNDS} calls per timing after 2 warm-up calls)`);
await run('PGlite', wrapPglite(await createPglite()));
await onPostgres('clock_bench_booking', (database) => run('PostgreSQL', database));
