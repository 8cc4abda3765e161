/**
 * Where the wall time of `POST /api/v1/matching` goes with several concurrent callers: a hand-run diagnostic next to
 * `npm run bench:matching:scale`, on a database it kept (`--data DIR`, the directory, not its `pglite` folder).
 *
 *   tsx bench/matching/threads.ts --data DIR [--clients 4] [--rounds 2]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/matching/threads.ts --data DIR   # the main thread
 *
 * Builds the app in-process (the analysis thread as the server runs it), warms it up, then sends the 62 labelled
 * problems with one caller and with `--clients` callers and prints, for each:
 * - the wall time of a call (`app.inject`), and its part spent waiting for the analysis thread (from `postMessage`
 *   to the reply), the rest being the main thread's work (routing, validation, the index freshness check, the
 *   response's serialisation) and waits for the main thread;
 * - how busy each thread was: its event-loop utilisation (`eventLoopUtilization`: the time it was running a task,
 *   descheduled time included) per call, against the CPU time of the whole process per call;
 * - the main thread's event-loop delay (`monitorEventLoopDelay`) and its garbage-collection pauses;
 * - the time spent in the index freshness check (the database query `SearchService.refresh` runs at most once a
 *   second, which the call that triggers it waits for);
 * - the size of the answers.
 * Writes nothing; prints the load average with the figures.
 */
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver, performance, type EventLoopUtilization } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Worker } from 'node:worker_threads';
import { buildApp } from '../../apps/server/src/app.ts';
import { openDatabase } from '../../apps/server/src/db/client.ts';
import { testConfig } from '../../apps/server/src/test/factories.ts';
import { mean, percentile } from './metrics.ts';
import { loadCatalogue, loadProblems } from './problems.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    clients: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '2' },
  },
});
if (!values.data) throw new Error('give --data DIR (a directory kept by bench:matching:scale -- --data DIR)');
const CLIENTS = Math.max(1, Number(values.clients));
const ROUNDS = Math.max(1, Number(values.rounds));
const { problems } = loadProblems(loadCatalogue());
const f1 = (n: number) => n.toFixed(1);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const dist = (xs: number[]) =>
  `p50 ${f1(percentile(xs, 50))} / p95 ${f1(percentile(xs, 95))} / max ${f1(Math.max(...xs))} / mean ${f1(mean(xs))} ms`;

/** The analysis thread's `Worker` and its `call`, reached through the service's private fields (a diagnostic only). */
interface Internals {
  worker: { worker: Worker; call: (call: unknown) => Promise<unknown> };
  doRefresh: () => Promise<void>;
}

const database = await openDatabase({ kind: 'pglite', dataDir: path.resolve(values.data, 'pglite') }, 'clock bench');
const t0 = performance.now();
const app = await buildApp({ config: testConfig(), database, logger: false });
await app.ready();
console.log(`Matching: where the time goes — ${new Date().toISOString()}, load average ${load()}`);
console.log(`app and index built in ${f1((performance.now() - t0) / 1000)} s`);
const search = app.searchService as unknown as Internals;
const thread = search.worker.worker;

// Time from postMessage to the reply, per call (the order of sending is the order of answering: one thread).
let roundTrips: number[] = [];
const call = search.worker.call.bind(search.worker);
search.worker.call = async (c: unknown) => {
  const t = performance.now();
  try {
    return await call(c);
  } finally {
    roundTrips.push(performance.now() - t);
  }
};
let refreshes: number[] = [];
const doRefresh = search.doRefresh.bind(search);
search.doRefresh = async () => {
  const t = performance.now();
  try {
    return await doRefresh();
  } finally {
    refreshes.push(performance.now() - t);
  }
};
let gcs: number[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push(e.duration);
}).observe({ entryTypes: ['gc'] });

let bytes: number[] = [];
const ask = async (p: (typeof problems)[number]) => {
  const t = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/matching',
    payload: { text: p.text, lang: p.lang, sector: p.sector, filiera: p.filiera, limit: 20 },
  });
  if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}: ${res.body.slice(0, 300)}`);
  bytes.push(res.rawPayload.length);
  return performance.now() - t;
};

for (const p of problems.slice(0, 2)) await ask(p);
await ask({ ...problems[0]!, text: 'Cerchiamo un laboratorio per prove di resitenza meccanica' });

for (const clients of CLIENTS > 1 ? [1, CLIENTS] : [1]) {
  roundTrips = [];
  refreshes = [];
  gcs = [];
  bytes = [];
  const list = Array.from({ length: ROUNDS }, () => problems).flat();
  const walls: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const elMain0: EventLoopUtilization = performance.eventLoopUtilization();
  const elThread0: EventLoopUtilization = thread.performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const loadBefore = load();
  delay.enable();
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < list.length) walls.push(await ask(list[next++]!));
    }),
  );
  delay.disable();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const elMain = performance.eventLoopUtilization(elMain0);
  const elThread = thread.performance.eventLoopUtilization(elThread0);
  const n = walls.length;
  const mainSide = walls.map((w, i) => w - (roundTrips[i] ?? 0));
  console.log(
    `\n${clients} caller(s), ${n} calls in ${f1(wall / 1000)} s (${f1(n / (wall / 1000))} calls/s), load ${loadBefore} → ${load()}`,
  );
  console.log(`  wall per call:                          ${dist(walls)}`);
  console.log(`  of which waiting for the analysis thread: ${dist(roundTrips)}`);
  console.log(`  the rest (main thread and its queue):   ${dist(mainSide)}`);
  console.log(
    `  analysis thread busy: ${f1(elThread.utilization * 100)} % of the run, ${f1(elThread.active / n)} ms per call; main thread busy: ${f1(elMain.utilization * 100)} %, ${f1(elMain.active / n)} ms per call`,
  );
  console.log(`  CPU of the process per call: ${f1((cpu.user + cpu.system) / 1000 / n)} ms (both threads, GC helpers)`);
  console.log(
    `  main event-loop delay: p50 ${f1(delay.percentile(50) / 1e6)} / p99 ${f1(delay.percentile(99) / 1e6)} / max ${f1(delay.max / 1e6)} ms; main GC: ${gcs.length} pauses, ${f1(gcs.reduce((s, x) => s + x, 0))} ms in all, longest ${f1(Math.max(0, ...gcs))} ms`,
  );
  console.log(
    `  index freshness checks: ${refreshes.length}${refreshes.length ? `, ${dist(refreshes)}` : ''}; answers ${f1(mean(bytes) / 1024)} KiB on average`,
  );
  // Little's law: with every caller always waiting, the mean time of a call is callers / throughput.
  console.log(
    `  callers / throughput = ${f1((clients / n) * wall)} ms (the mean wall time when the callers queue at one thread)`,
  );
}
await app.close();
await database.close();
