/**
 * The matchmaking scheduler on a day the size of a large brokerage event: 1,000 accepted requests among 200
 * participants, 24 slots × 40 tables (960 places, so at most 96 % can be placed), 15 % of the participants with 1–4
 * unavailable slots. Prints the share placed, the time and the checks (no double booking, availability respected)
 * for the scheduler and, for comparison in the same run, a first-fit greedy in request order. Never asserts.
 *
 *   npm run bench:matchmaking [-- --runs 5 --seed 7]
 */
import { schedule, type ScheduleInput } from '../../apps/server/src/modules/brokerage/scheduler.rules.ts';
import { mulberry32 } from '../generate.ts';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const RUNS = arg('runs', 5);
const SEED = arg('seed', 20261205);
const PEOPLE = arg('people', 200);
const REQUESTS = arg('requests', 1000);
const SLOTS = arg('slots', 24);
const TABLES = arg('tables', 40);

function day(seed: number): ScheduleInput {
  const rnd = mulberry32(seed);
  const people = Array.from({ length: PEOPLE }, (_, i) => `p${String(i).padStart(3, '0')}`);
  // Some people are popular: a skewed choice of the person asked.
  const pick = () => people[Math.floor(people.length * rnd() ** 1.4)]!;
  const pairs = new Set<string>();
  const requests: ScheduleInput['requests'] = [];
  while (requests.length < REQUESTS) {
    const a = people[Math.floor(rnd() * people.length)]!;
    const b = pick();
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    requests.push({ id: `r${String(requests.length).padStart(4, '0')}-${Math.floor(rnd() * 1e6)}`, a, b });
  }
  const unavailable: Record<string, number[]> = {};
  for (const p of people) {
    if (rnd() >= 0.15) continue;
    const n = 1 + Math.floor(rnd() * 4);
    const start = Math.floor(rnd() * (SLOTS - n));
    unavailable[p] = Array.from({ length: n }, (_, i) => start + i);
  }
  return { slots: SLOTS, tables: TABLES, unavailable, requests };
}

/** First fit in request order: the first slot where both are free and a table is left. */
function firstFit(input: ScheduleInput) {
  const un = input.unavailable as Record<string, number[]>;
  const seat = new Set<string>();
  const used = new Array<number>(input.slots).fill(0);
  const placed: { request: string; slot: number; table: number }[] = [];
  for (const r of input.requests) {
    for (let s = 0; s < input.slots; s++) {
      if (used[s]! >= input.tables || un[r.a]?.includes(s) || un[r.b]?.includes(s)) continue;
      if (seat.has(`${r.a}@${s}`) || seat.has(`${r.b}@${s}`)) continue;
      seat.add(`${r.a}@${s}`);
      seat.add(`${r.b}@${s}`);
      placed.push({ request: r.id, slot: s, table: ++used[s]! });
      break;
    }
  }
  return { placed };
}

function check(input: ScheduleInput, placed: { request: string; slot: number; table: number }[]) {
  const un = input.unavailable as Record<string, number[]>;
  const byId = new Map(input.requests.map((r) => [r.id, r]));
  const seats = new Set<string>();
  const tables = new Set<string>();
  let doubleBooked = 0,
    unavailableUsed = 0;
  for (const p of placed) {
    const r = byId.get(p.request)!;
    for (const who of [r.a, r.b]) {
      const k = `${who}@${p.slot}`;
      if (seats.has(k)) doubleBooked++;
      seats.add(k);
      if (un[who]?.includes(p.slot)) unavailableUsed++;
    }
    const t = `${p.slot}#${p.table}`;
    if (tables.has(t) || p.table > input.tables) doubleBooked++;
    tables.add(t);
  }
  return { doubleBooked, unavailableUsed };
}

/**
 * An upper bound on what any schedule can place: the tables' capacity, and each person's meetings beyond the slots
 * they can attend (an unplaced request relieves at most two people).
 */
function upperBound(input: ScheduleInput) {
  const un = input.unavailable as Record<string, number[]>;
  const need = new Map<string, number>();
  for (const r of input.requests) for (const p of [r.a, r.b]) need.set(p, (need.get(p) ?? 0) + 1);
  let sum = 0,
    max = 0;
  for (const [p, n] of need) {
    const excess = Math.max(0, n - (input.slots - (un[p]?.length ?? 0)));
    sum += excess;
    max = Math.max(max, excess);
  }
  return Math.min(input.slots * input.tables, input.requests.length - Math.max(max, Math.ceil(sum / 2)));
}

const rows: string[][] = [];
for (let run = 0; run < RUNS; run++) {
  const input = day(SEED + run);
  for (const [name, fn] of [
    ['scheduler', (i: ScheduleInput) => schedule(i)],
    ['first fit', firstFit],
  ] as const) {
    const t0 = performance.now();
    const { placed } = fn(input);
    const ms = performance.now() - t0;
    const c = check(input, placed);
    rows.push([
      String(run + 1),
      name,
      `${placed.length} / ${input.requests.length}`,
      `${((100 * placed.length) / input.requests.length).toFixed(1)} %`,
      `${((100 * placed.length) / (input.slots * input.tables)).toFixed(1)} %`,
      String(upperBound(input)),
      `${ms.toFixed(0)} ms`,
      String(c.doubleBooked),
      String(c.unavailableUsed),
    ]);
  }
}
const head = [
  'run',
  'method',
  'placed',
  'share',
  'of capacity',
  'upper bound',
  'time',
  'double bookings',
  'unavailable used',
];
console.log(
  `matchmaking scheduler: ${REQUESTS} accepted requests, ${PEOPLE} participants, ${SLOTS} slots × ${TABLES} tables (capacity ${SLOTS * TABLES}); targets: ≥ 95 % placed in < 5 s`,
);
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
