/**
 * The CL.O.C.K. benchmark (`npm run bench`): for each catalogue size, generates a deterministic bundle, imports it into a
 * fresh embedded database (and into a fresh PostgreSQL database when CLOCK_BENCH_POSTGRES_URL is set), starts the server
 * as a child process and measures start-up, memory and search latency. Prints the results; writes nothing to the repo.
 *
 *   npm run bench                                   # 10,000 and 100,000 offers
 *   npm run bench -- --sizes 1000,10000             # other sizes
 *   npm run bench -- --sizes 100000 --profile /tmp/prof   # also CPU profiles of the import and of the server
 *
 *   npm run bench -- --sizes 100000 --base HEAD~1     # the same phases on another revision too, side by side
 *
 * Options: --sizes, --seed (1), --clients (4), --requests (2000), --seconds (30), --profile DIR, --base REV.
 * With --base, the base revision is checked out into a temporary git worktree (its node_modules linked to this one's);
 * each catalogue is imported once and both servers start on identical copies of the database.
 * Only 127.0.0.1 is contacted; every loop is bounded by count and time; temporary directories, child processes and the
 * PostgreSQL database are removed even when something fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../apps/server/src/db/client.ts';
import { prepareDatabase } from '../apps/server/src/db/prepare.ts';
import { importBundle } from '../apps/server/src/modules/catalogue/bundle.service.ts';
import { checkoutBase, type BaseCheckout } from './base.ts';
import {
  generateBundleFile,
  generateQueries,
  type BenchQuery,
  type BundleSummary,
  type QueryCategory,
} from './generate.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_IMPORT_S = 60; // 100,000 offers imported in under 60 s
const TARGET_P95_MS = 50; // search p95 under 50 ms at 100,000 offers
const READY_TIMEOUT_MS = 10 * 60_000;

// ---------------------------------------------------------------------------------------------------------------------
// Options

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    seed: { type: 'string', default: '1' },
    clients: { type: 'string', default: '4' },
    requests: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '30' },
    profile: { type: 'string' },
    base: { type: 'string' },
    data: { type: 'string' },
    'startup-only': { type: 'boolean' },
    'search-every': { type: 'string', default: '1000' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help) {
  console.log(
    'Usage: npm run bench -- [--sizes 10000,100000] [--seed 1] [--clients 4] [--requests 2000] [--seconds 30] [--profile DIR] [--base REV] [--data DIR] [--startup-only] [--search-every 1000]',
  );
  process.exit(0);
}
const int = (name: string, v: string, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min} (got "${v}")`);
  return n;
};
const SIZES = opts.sizes.split(',').map((s) => int('sizes', s.trim(), 1));
const SEED = int('seed', opts.seed, 0);
const CLIENTS = int('clients', opts.clients, 1);
const REQUESTS = int('requests', opts.requests, 1);
const SECONDS = int('seconds', opts.seconds, 1);
const PROFILE_DIR = opts.profile ? path.resolve(opts.profile) : null;
const PG_URL = process.env.CLOCK_BENCH_POSTGRES_URL || null;
const BASE_REV = opts.base ?? null;
/** Keeps the generated bundle and the imported embedded database here, and reuses them (one size only). */
const DATA_DIR = opts.data ? path.resolve(opts.data) : null;
if (DATA_DIR && SIZES.length !== 1) throw new Error('--data keeps one catalogue: give a single --sizes');
/** Only the first start of each server (no snapshot): first answer, searches while the index builds, index ready. */
const STARTUP_ONLY = opts['startup-only'] === true;
/** Milliseconds between two searches while the index builds (0: none, to time the build alone). */
const SEARCH_EVERY_MS = int('search-every', opts['search-every'], 0);

// ---------------------------------------------------------------------------------------------------------------------
// Clean-up of everything this run creates, even on failure or Ctrl-C

const tempDirs = new Set<string>();
let baseCheckout: BaseCheckout | null = null;
const children = new Set<ChildProcess>();
/** A process that has exited (a zombie not yet reaped counts as gone). */
const gone = (pid: number) => {
  try {
    return /^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
};
const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const cleanupSync = () => {
  const pids = [...children].filter((c) => c.exitCode === null && c.signalCode === null && c.pid).map((c) => c.pid!);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  children.clear();
  // Wait (up to 5 s) for the children to die so that none still writes into a directory being removed.
  const deadline = Date.now() + 5000;
  for (const pid of pids) while (!gone(pid) && Date.now() < deadline) sleepSync(20);
  for (const d of tempDirs) {
    try {
      fs.rmSync(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch (e) {
      console.error(`could not remove ${d}: ${(e as Error).message}`);
    }
  }
  tempDirs.clear();
  if (baseCheckout) {
    baseCheckout.remove();
    baseCheckout = null;
  }
};
/** Drops the PostgreSQL database of the current run, if any (set by withPostgresDatabase). */
let dropPostgres: (() => Promise<void>) | null = null;
process.on('exit', cleanupSync);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: cleaning up`);
    cleanupSync();
    const drop = dropPostgres
      ? Promise.race([dropPostgres(), new Promise((r) => setTimeout(r, 5000))])
      : Promise.resolve();
    drop.catch(() => {}).finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = (bytes: number) => bytes / 1048576;
const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-GB');
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** VmRSS and VmHWM (peak) of a process, in bytes, from /proc (Linux). */
function procMemory(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** User + system CPU time of a process in ms, from /proc/<pid>/stat (Linux reports it in USER_HZ = 100 ticks/s). */
function procCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14 and 15 of the whole line)
  } catch {
    return NaN;
  }
}

/** The JavaScript heaps of a server's two threads (used / total bytes), from its `/metrics`; null where not reported. */
interface Heaps {
  main: { used: number; total: number } | null;
  analysis: { used: number; total: number } | null;
  /** The machine's 1-minute load average when they were read. */
  load: number;
}
async function serverHeaps(url: string): Promise<Heaps> {
  const load = os.loadavg()[0]!;
  try {
    const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
    const value = (name: string) => {
      const v = Number(new RegExp(`^${name.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
      return Number.isFinite(v) ? v : null;
    };
    const pair = (used: number | null, total: number | null) =>
      used === null || total === null ? null : { used, total };
    return {
      main: pair(value('clock_nodejs_heap_size_used_bytes'), value('clock_nodejs_heap_size_total_bytes')),
      analysis: pair(
        value('clock_analysis_thread_heap_bytes{space="used"}'),
        value('clock_analysis_thread_heap_bytes{space="total"}'),
      ),
      load,
    };
  } catch {
    return { main: null, analysis: null, load };
  }
}

function dirSize(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirSize(p) : fs.statSync(p).size;
  }
  return total;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

async function withCpuProfile<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return fn();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
    const file = path.join(PROFILE_DIR, `${name}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    log(`CPU profile: ${file}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Import

interface ImportResult {
  migrateMs: number;
  importMs: number;
  cpuMs: number;
  records: number;
  created: number;
  peakRssMiB: number;
  storeMiB: number | null;
}

async function runImport(database: Database, file: string, label: string): Promise<ImportResult> {
  const t0 = performance.now();
  await prepareDatabase(database, 'none');
  const migrateMs = performance.now() - t0;
  let peak = process.memoryUsage.rss();
  let lastLog = 0;
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const report = await withCpuProfile(`import-${label}`, () =>
    importBundle(database.db, fs.createReadStream(file), (p) => {
      const now = performance.now();
      if (now - lastLog > 200) {
        peak = Math.max(peak, process.memoryUsage.rss());
        if (now - lastLog > 5000) {
          log(`  import ${label}: ${p.records} records read`);
          lastLog = now;
        }
      }
    }),
  );
  const importMs = performance.now() - t1;
  const cpu = process.cpuUsage(cpu0);
  peak = Math.max(peak, process.memoryUsage.rss());
  return {
    migrateMs,
    importMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    records: report.records,
    created: report.created,
    peakRssMiB: MiB(peak),
    storeMiB: null,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// Server and load

interface LatencyStats {
  n: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  rps: number;
  seconds: number;
  avgKiB: number;
}
interface ServeResult {
  /** From spawn until /api/health answers 200 (the server answers requests). */
  listenMs: number;
  /** From spawn until the search index is built (health says so; a server without that field is ready when it answers). */
  readyMs: number;
  /**
   * Searches sent while the index was being built (one a second at most, from the query mix, the first as soon as the
   * server answered); null if the index was already ready when it first answered.
   */
  early: EarlySearches | null;
  /** Server CPU time (user + system) until ready, and per request in each load phase. */
  readyCpuMs: number;
  singleCpuMsPerRequest: number;
  concurrentCpuMsPerRequest: number;
  ready: { rss: number; hwm: number } | null;
  afterLoad: { rss: number; hwm: number } | null;
  heapsReady: Heaps;
  heapsAfterLoad: Heaps;
  cold: { label: string; ms: number }[];
  single: LatencyStats;
  concurrent: LatencyStats;
  byCategory: Map<QueryCategory, LatencyStats>;
  /**
   * A second start on the same database after the first server stopped cleanly (SIGTERM): a server with a search index
   * snapshot (decision 026) loads it; `snapshotMiB` is that file's size, if one was written.
   */
  restart: {
    listenMs: number;
    readyMs: number;
    readyCpuMs: number;
    ready: { rss: number; hwm: number } | null;
    heaps: Heaps;
    cold: { label: string; ms: number }[];
    snapshotMiB: number | null;
  } | null;
}

interface EarlySearches {
  /** Latency of each search, in order, and its query kind. */
  ms: number[];
  kinds: QueryCategory[];
  degraded: number;
  /** Answers other than 200. */
  failed: number;
}

/** Searches while the index builds: the query kinds a visitor types, in turn (no browse: it has no words). */
const EARLY_KINDS: QueryCategory[] = ['phrase', 'word', 'typo', 'long', 'facet', 'no-accent', 'acronym'];

function stats(samples: number[], errors: number, seconds: number, bytes: number): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  return {
    n,
    errors,
    seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[n - 1] ?? NaN,
    mean: n ? sorted.reduce((s, x) => s + x, 0) / n : NaN,
    rps: seconds > 0 ? n / seconds : NaN,
    avgKiB: n ? bytes / n / 1024 : NaN,
  };
}

/**
 * The code a server child runs: this checkout's, or the base's. bench/serve-child.mjs runs `clock serve`
 * (apps/server/src/cli.ts, like apps/server/bin/clock.mjs) under a bench-specific command line; older revisions had none.
 */
interface Code {
  root: string;
  label: string;
}
const HEAD: Code = { root: ROOT, label: 'this' };
const serverArgs = (code: Code) => {
  const child = path.join(code.root, 'bench/serve-child.mjs');
  return fs.existsSync(child) ? [child] : [path.join(code.root, 'apps/server/bin/clock.mjs'), 'serve'];
};

async function startChild(
  env: Record<string, string>,
  label: string,
  code: Code,
  queries: BenchQuery[],
): Promise<{
  child: ChildProcess;
  url: string;
  listenMs: number;
  readyMs: number;
  early: ServeResult['early'];
  output: () => string;
}> {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) childEnv[k] = v;
  for (const k of [
    'DATABASE_URL',
    'CLOCK_DATA_DIR',
    'PORT',
    'HOST',
    'CLOCK_SEED',
    'LOG_LEVEL',
    'CLOCK_WEB_DIST',
    'CLOCK_METRICS_TOKEN',
    'NODE_OPTIONS',
  ])
    delete childEnv[k];
  Object.assign(
    childEnv,
    // Metrics on: the heaps of both threads are read from /metrics.
    { PORT: '0', HOST: '127.0.0.1', CLOCK_SEED: 'none', LOG_LEVEL: 'warn', CLOCK_WEB_DIST: '', CLOCK_METRICS: 'on' },
    env,
  );
  const nodeArgs = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.join(PROFILE_DIR, `server-${label}`)}`] : [];
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, ...serverArgs(code)], {
    cwd: code.root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  const append = (c: Buffer) => {
    out = (out + c.toString()).slice(-20_000);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const deadline = started + READY_TIMEOUT_MS;
  let url: string | null = null;
  let listenMs: number | null = null;
  let early: ServeResult['early'] = null;
  let nextSearch = 0;
  const earlyQueries = EARLY_KINDS.flatMap((k) => queries.filter((q) => q.category === k).slice(0, 20));
  earlyQueries.sort((a, b) => queries.indexOf(a) - queries.indexOf(b));
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${out}`);
    url ??= /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? null;
    if (url) {
      try {
        const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
        const body = (await res.json().catch(() => ({}))) as { search?: { ready?: boolean } };
        if (res.status === 200) {
          const now = performance.now();
          listenMs ??= now - started;
          if (body.search?.ready !== false)
            return { child, url, listenMs, readyMs: now - started, early, output: () => out };
          if (SEARCH_EVERY_MS > 0 && now >= nextSearch) {
            // A search while the index is being built (answered from the database), at most one a second.
            early ??= { ms: [], kinds: [], degraded: 0, failed: 0 };
            const q = earlyQueries[early.ms.length % earlyQueries.length]!;
            nextSearch = now + SEARCH_EVERY_MS;
            const t = performance.now();
            const r = await fetch(`${url}/api/v1/search?${new URLSearchParams(q.params).toString()}`, {
              signal: AbortSignal.timeout(60_000),
            });
            const answer = (await r.json().catch(() => ({}))) as { degraded?: boolean };
            early.ms.push(performance.now() - t);
            early.kinds.push(q.category);
            if (answer.degraded === true) early.degraded++;
            if (r.status !== 200) early.failed++;
            continue;
          }
        }
      } catch {
        /* not yet */
      }
    }
    await sleep(50);
  }
  throw new Error(`the server was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${out}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const exited = once(child, 'exit');
    const timeout = sleep(15_000).then(() => 'timeout' as const);
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
  children.delete(child);
}

/** Runs `clients` concurrent fetch loops over the queries until `maxRequests` or `maxSeconds`, whichever comes first. */
async function load(
  url: string,
  queries: BenchQuery[],
  start: number,
  clients: number,
  maxRequests: number,
  maxSeconds: number,
  alive: () => boolean,
) {
  const samples: { category: QueryCategory; ms: number }[] = [];
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + maxSeconds * 1000;
  const worker = async () => {
    while (next < maxRequests && performance.now() < deadline && alive()) {
      const q = queries[(start + next++) % queries.length]!;
      const target = `${url}/api/v1/search?${new URLSearchParams(q.params).toString()}`;
      const t = performance.now();
      try {
        const res = await fetch(target, { signal: AbortSignal.timeout(30_000) });
        const body = await res.arrayBuffer();
        const ms = performance.now() - t;
        if (res.status !== 200) {
          errors++;
          if (errors <= 3) log(`  HTTP ${res.status} for ${target}: ${Buffer.from(body).toString().slice(0, 200)}`);
          continue;
        }
        bytes += body.byteLength;
        samples.push({ category: q.category, ms });
      } catch (e) {
        errors++;
        if (errors <= 3) log(`  request failed: ${(e as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const byCategory = new Map<QueryCategory, LatencyStats>();
  for (const c of [...new Set(samples.map((s) => s.category))].sort()) {
    byCategory.set(
      c,
      stats(
        samples.filter((s) => s.category === c).map((s) => s.ms),
        0,
        seconds,
        0,
      ),
    );
  }
  return {
    overall: stats(
      samples.map((s) => s.ms),
      errors,
      seconds,
      bytes,
    ),
    byCategory,
    used: next,
  };
}

async function serveAndMeasure(
  env: Record<string, string>,
  label: string,
  queries: BenchQuery[],
  code: Code = HEAD,
): Promise<ServeResult> {
  const { child, url, listenMs, readyMs, early, output } = await startChild(env, label, code, queries);
  const alive = () => child.exitCode === null && child.signalCode === null;
  const checkAlive = () => {
    if (!alive())
      throw new ServerExited(
        `the server (pid ${child.pid}) exited during the measurement (${child.exitCode ?? child.signalCode}):\n${output().slice(-3000)}`,
      );
  };
  try {
    const pid = child.pid!;
    const ready = procMemory(pid);
    const readyCpuMs = procCpuMs(pid);
    const heapsReady = await serverHeaps(url);
    const cold = await coldQueries(url, queries);
    let cursor = 0;
    const warm = await load(url, queries, cursor, 1, 100, 30, alive);
    cursor += warm.used;
    checkAlive();
    log(`  ${label}: single client`);
    const cpuA = procCpuMs(pid);
    const single = await load(url, queries, cursor, 1, Math.min(500, REQUESTS), Math.min(15, SECONDS), alive);
    const cpuB = procCpuMs(pid);
    cursor += single.used;
    checkAlive();
    log(`  ${label}: ${CLIENTS} clients`);
    const concurrent = await load(url, queries, cursor, CLIENTS, REQUESTS, SECONDS, alive);
    const cpuC = procCpuMs(pid);
    checkAlive();
    const afterLoad = procMemory(pid);
    const heapsAfterLoad = await serverHeaps(url);
    return {
      listenMs,
      readyMs,
      early,
      readyCpuMs,
      ready,
      afterLoad,
      heapsReady,
      heapsAfterLoad,
      cold,
      single: single.overall,
      concurrent: concurrent.overall,
      byCategory: concurrent.byCategory,
      singleCpuMsPerRequest: (cpuB - cpuA) / Math.max(1, single.used),
      concurrentCpuMsPerRequest: (cpuC - cpuB) / Math.max(1, concurrent.used),
      restart: null,
    };
  } finally {
    await stopChild(child);
  }
}

/** Cold requests: the first plain query, then the first misspelt one (typo correction builds its tables lazily). */
async function coldQueries(url: string, queries: BenchQuery[]) {
  const cold: { label: string; ms: number }[] = [];
  for (const category of ['phrase', 'typo'] as const) {
    const q = queries.find((x) => x.category === category)!;
    const t = performance.now();
    const res = await fetch(`${url}/api/v1/search?${new URLSearchParams(q.params).toString()}`, {
      signal: AbortSignal.timeout(120_000),
    });
    await res.arrayBuffer();
    cold.push({ label: `first ${category} query (${res.status})`, ms: performance.now() - t });
  }
  return cold;
}

/** Serves, measures, stops cleanly, then starts again on the same database and measures the start and cold queries. */
async function serveTwice(
  env: Record<string, string>,
  label: string,
  queries: BenchQuery[],
  code: Code = HEAD,
  snapshotFile: string | null = null,
): Promise<ServeResult> {
  const first = await withRetry(() => serveAndMeasure(env, label, queries, code));
  const snapshotMiB = snapshotFile && fs.existsSync(snapshotFile) ? MiB(fs.statSync(snapshotFile).size) : null;
  log(`  ${label}: restarting${snapshotMiB === null ? '' : ` (index snapshot ${fmt(snapshotMiB)} MiB)`}`);
  const { child, url, listenMs, readyMs } = await startChild(env, `${label}-restart`, code, queries);
  try {
    const ready = procMemory(child.pid!);
    const readyCpuMs = procCpuMs(child.pid!);
    const heaps = await serverHeaps(url);
    const cold = await coldQueries(url, queries);
    first.restart = { listenMs, readyMs, readyCpuMs, ready, heaps, cold, snapshotMiB };
  } finally {
    await stopChild(child);
  }
  return first;
}

/** A first start only: until the index is ready (with the searches meanwhile), then stopped. */
async function startOnly(
  env: Record<string, string>,
  label: string,
  queries: BenchQuery[],
  code: Code,
): Promise<ServeResult> {
  log(`  ${label}: first start`);
  const { child, url, listenMs, readyMs, early } = await startChild(env, label, code, queries);
  try {
    const none = stats([], 0, 0, 0);
    const readyCpuMs = procCpuMs(child.pid!);
    const ready = procMemory(child.pid!);
    const heapsReady = await serverHeaps(url);
    return {
      listenMs,
      readyMs,
      early,
      readyCpuMs,
      ready,
      heapsReady,
      heapsAfterLoad: { main: null, analysis: null, load: heapsReady.load },
      afterLoad: null,
      cold: [],
      single: none,
      concurrent: none,
      byCategory: new Map(),
      singleCpuMsPerRequest: NaN,
      concurrentCpuMsPerRequest: NaN,
      restart: null,
    };
  } finally {
    await stopChild(child);
  }
}

/** What `--data DIR` keeps beside the bundle and the database (imported.json). */
interface Kept {
  size: number;
  seed: number;
  bundle: BundleSummary;
  genMs: number;
  imp: ImportResult;
}

class ServerExited extends Error {}

/** Measures again (once) when the server was stopped from outside during a measurement, e.g. by another user's tools. */
async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof ServerExited)) throw e;
    log(`${e.message.split('\n')[0]!.replace(/:$/, '')}; measuring again`);
    return fn();
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// PostgreSQL: a fresh database per size, dropped afterwards

async function withPostgresDatabase<T>(size: number, fn: (url: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: PG_URL!, connectionTimeoutMillis: 5000 });
  await admin.connect();
  const name = `clock_bench_${size}_${process.pid}_${Date.now()}`;
  let dropped: Promise<void> | null = null;
  const drop = () =>
    (dropped ??= admin.query(`drop database if exists ${name} with (force)`).then(
      () => {},
      (e) => {
        log(`could not drop database ${name}: ${(e as Error).message}`);
      },
    ));
  try {
    await admin.query(`create database ${name}`);
    dropPostgres = drop;
    const url = new URL(PG_URL!);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await drop();
    dropPostgres = null;
    await admin.end().catch(() => {});
  }
}

async function postgresSize(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query('select pg_database_size(current_database()) as s')).rows[0].s);
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Report

interface Run {
  backend: 'PGlite' | 'PostgreSQL';
  code: string;
  imp: ImportResult;
  serve: ServeResult;
}
interface SizeResult {
  size: number;
  bundle: BundleSummary;
  genMs: number;
  runs: Run[];
}

function table(rows: string[][], header: string[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function earlyLine(e: EarlySearches | null): string {
  if (!e?.ms.length) return 'n/a';
  const sorted = [...e.ms].sort((a, b) => a - b);
  const marks = `${e.degraded === e.ms.length ? 'degraded' : `${e.degraded} degraded`}${e.failed ? `, ${e.failed} failed` : ''}`;
  const median = fmtInt(percentile(sorted, 0.5));
  const slowest = e.ms.indexOf(sorted[sorted.length - 1]!);
  return `${e.ms.length}: ${median} / ${fmtInt(e.ms[slowest]!)} ms (${e.kinds[slowest]}; first ${fmtInt(e.ms[0]!)} ms), ${marks}`;
}

function printStartup(r: SizeResult) {
  console.log(
    `\n=== ${fmtInt(r.size)} offers: first start of each server (no index snapshot), load average ${machine().load}`,
  );
  const rows: string[][] = [];
  const add = (name: string, f: (x: Run) => string) => rows.push([name, ...r.runs.map(f)]);
  add('import (importBundle), when imported', (x) => `${fmt(x.imp.importMs / 1000)} s`);
  add('server: time to answer (health 200)', (x) => `${fmt(x.serve.listenMs / 1000)} s`);
  add('searches while the index builds: n, p50 / max', (x) => earlyLine(x.serve.early));
  add('server: time to index ready', (x) => `${fmt(x.serve.readyMs / 1000)} s`);
  add('server CPU time until ready', (x) => `${fmt(x.serve.readyCpuMs / 1000)} s`);
  add(
    'server RSS / peak when ready',
    (x) => `${fmtInt(MiB(x.serve.ready?.rss ?? NaN))} / ${fmtInt(MiB(x.serve.ready?.hwm ?? NaN))} MiB`,
  );
  console.log(table(rows, ['', ...r.runs.map((x) => `${x.backend} ${x.code}`)]));
}

/** "main 120 / 180, analysis 90 / 110 MiB (load 9.5)": each thread's heap used / total, and the load average. */
function fmtHeaps(h: Heaps): string {
  const one = (x: { used: number; total: number } | null) =>
    x ? `${fmtInt(MiB(x.used))} / ${fmtInt(MiB(x.total))}` : 'n/a';
  return `main ${one(h.main)}, analysis ${one(h.analysis)} MiB (load ${fmt(h.load)})`;
}

function printSize(r: SizeResult) {
  const b = r.bundle;
  console.log(
    `\n=== ${fmtInt(r.size)} offers: ${fmtInt(b.total)} records (${fmtInt(b.organizations)} organisations, ${fmtInt(b.competences)} competences, ` +
      `${fmtInt(b.services)} services, ${fmtInt(b.equipment)} equipment, ${fmtInt(b.experts)} experts), ${fmt(MiB(b.bytes))} MiB JSON, generated in ${fmt(r.genMs / 1000)} s`,
  );
  const big = r.size >= 100_000;
  const importTarget = (ms: number) => (big ? (ms / 1000 < TARGET_IMPORT_S ? 'ok' : 'MISSED') : '');
  const p95Target = (ms: number) => (big ? (ms < TARGET_P95_MS ? 'ok' : 'MISSED') : '');
  const rows: string[][] = [];
  const add = (name: string, f: (x: Run) => string, target = '') => rows.push([name, ...r.runs.map(f), target]);
  add('migrate + reference data', (x) => `${fmt(x.imp.migrateMs / 1000)} s`);
  add(
    'import (importBundle)',
    (x) => `${fmt(x.imp.importMs / 1000)} s ${importTarget(x.imp.importMs)}`,
    big ? `< ${TARGET_IMPORT_S} s` : `(100k: < ${TARGET_IMPORT_S} s)`,
  );
  add('import rate', (x) => `${fmtInt(x.imp.records / (x.imp.importMs / 1000))} rec/s`);
  add('import CPU time (importing process)', (x) => `${fmt(x.imp.cpuMs / 1000)} s`);
  add('importing process peak RSS', (x) => `${fmtInt(x.imp.peakRssMiB)} MiB`);
  add('database size on disk', (x) => (x.imp.storeMiB === null ? 'n/a' : `${fmtInt(x.imp.storeMiB)} MiB`));
  add('server: time to answer (health 200)', (x) => `${fmt(x.serve.listenMs / 1000)} s`);
  add('searches while the index builds: n, p50 / max', (x) => earlyLine(x.serve.early));
  add('server: time to index ready', (x) => `${fmt(x.serve.readyMs / 1000)} s`);
  add('server CPU time until ready', (x) => `${fmt(x.serve.readyCpuMs / 1000)} s`);
  add('server RSS when ready (index built)', (x) => `${fmtInt(MiB(x.serve.ready?.rss ?? NaN))} MiB`);
  add('server peak RSS (VmHWM) at ready', (x) => `${fmtInt(MiB(x.serve.ready?.hwm ?? NaN))} MiB`);
  add('server RSS after load', (x) => `${fmtInt(MiB(x.serve.afterLoad?.rss ?? NaN))} MiB`);
  add('server peak RSS after load', (x) => `${fmtInt(MiB(x.serve.afterLoad?.hwm ?? NaN))} MiB`);
  add('JS heaps used / total when ready', (x) => fmtHeaps(x.serve.heapsReady));
  add('JS heaps used / total after load', (x) => fmtHeaps(x.serve.heapsAfterLoad));
  for (let i = 0; i < 2; i++)
    add(`cold: ${r.runs[0]?.serve.cold[i]?.label ?? ''}`, (x) => `${fmt(x.serve.cold[i]?.ms ?? NaN)} ms`);
  add('1 client: p50 / p95', (x) => `${fmt(x.serve.single.p50)} / ${fmt(x.serve.single.p95)} ms`);
  add('1 client: throughput', (x) => `${fmt(x.serve.single.rps)} req/s (${x.serve.single.n})`);
  add('1 client: server CPU per request', (x) => `${fmt(x.serve.singleCpuMsPerRequest)} ms`);
  const c = `${CLIENTS} clients`;
  add(`${c}: p50`, (x) => `${fmt(x.serve.concurrent.p50)} ms`);
  add(
    `${c}: p95`,
    (x) => `${fmt(x.serve.concurrent.p95)} ms ${p95Target(x.serve.concurrent.p95)}`,
    big ? `< ${TARGET_P95_MS} ms` : `(100k: < ${TARGET_P95_MS} ms)`,
  );
  add(`${c}: p99`, (x) => `${fmt(x.serve.concurrent.p99)} ms`);
  add(`${c}: max`, (x) => `${fmt(x.serve.concurrent.max)} ms`);
  add(`${c}: throughput`, (x) => `${fmt(x.serve.concurrent.rps)} req/s`);
  add(
    `${c}: requests / errors / seconds`,
    (x) => `${x.serve.concurrent.n} / ${x.serve.concurrent.errors} / ${fmt(x.serve.concurrent.seconds)}`,
  );
  add(`${c}: server CPU per request`, (x) => `${fmt(x.serve.concurrentCpuMsPerRequest)} ms`);
  add(`${c}: mean response size`, (x) => `${fmt(x.serve.concurrent.avgKiB)} KiB`);
  const again = (f: (r: NonNullable<ServeResult['restart']>) => string) => (x: Run) =>
    x.serve.restart ? f(x.serve.restart) : 'n/a';
  add(
    'restart: index snapshot',
    again((r) => (r.snapshotMiB === null ? 'none' : `${fmt(r.snapshotMiB)} MiB`)),
  );
  add(
    'restart: time to answer / index ready',
    again((r) => `${fmt(r.listenMs / 1000)} / ${fmt(r.readyMs / 1000)} s`),
  );
  add(
    'restart: server CPU until ready',
    again((r) => `${fmt(r.readyCpuMs / 1000)} s`),
  );
  add(
    'restart: RSS / peak when ready',
    again((r) => `${fmtInt(MiB(r.ready?.rss ?? NaN))} / ${fmtInt(MiB(r.ready?.hwm ?? NaN))} MiB`),
  );
  add(
    'restart: JS heaps used / total when ready',
    again((r) => fmtHeaps(r.heaps)),
  );
  for (let i = 0; i < 2; i++)
    add(
      `restart cold: ${r.runs[0]?.serve.cold[i]?.label ?? ''}`,
      again((x) => `${fmt(x.cold[i]?.ms ?? NaN)} ms`),
    );
  console.log(table(rows, ['', ...r.runs.map((x) => `${x.backend} ${x.code}`), 'target']));

  for (const run of r.runs) {
    const cats = [...run.serve.byCategory].map(([cat, s]) => [cat, String(s.n), fmt(s.p50), fmt(s.p95), fmt(s.max)]);
    console.log(`\n${run.backend} ${run.code}, ${CLIENTS} clients, latency by query kind (ms):`);
    console.log(table(cats, ['kind', 'n', 'p50', 'p95', 'max']));
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Main

async function main() {
  const m = machine();
  console.log(`CL.O.C.K. benchmark — ${new Date().toISOString()}`);
  console.log(
    `Machine: ${m.cpu}, ${m.cores} cores, ${fmt(m.ramGiB)} GiB RAM, Node ${m.node}, ${m.os}; load average at start ${m.load}`,
  );
  console.log(
    `Sizes ${SIZES.join(', ')} offers; seed ${SEED}; load: ${CLIENTS} clients, at most ${REQUESTS} requests or ${SECONDS} s; single client: at most ${Math.min(500, REQUESTS)} requests or ${Math.min(15, SECONDS)} s`,
  );
  if (BASE_REV) {
    baseCheckout = checkoutBase(ROOT, BASE_REV);
    console.log(
      `Base for comparison: ${baseCheckout.label}, checked out in a temporary worktree; "this" is the working tree`,
    );
  }
  const base: Code | null = baseCheckout ? { root: baseCheckout.dir, label: `base ${BASE_REV}` } : null;
  if (!PG_URL)
    console.log(
      'PostgreSQL: skipped (set CLOCK_BENCH_POSTGRES_URL=postgres://user:pass@127.0.0.1:5432/postgres to include it; a fresh database is created and dropped).',
    );
  const results: SizeResult[] = [];
  for (const size of SIZES) {
    const dir = DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'clock-bench-'));
    if (!DATA_DIR) tempDirs.add(dir);
    try {
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'bundle.json');
      const dataDir = path.join(dir, 'pglite');
      const keptFile = path.join(dir, 'imported.json');
      const kept = DATA_DIR && fs.existsSync(keptFile) ? (JSON.parse(fs.readFileSync(keptFile, 'utf8')) as Kept) : null;
      if (kept && (kept.size !== size || kept.seed !== SEED))
        throw new Error(`${dir} holds ${kept.size} offers (seed ${kept.seed}); use another --data directory`);
      let bundle: BundleSummary;
      let genMs: number;
      let imp: ImportResult;
      if (kept) {
        ({ bundle, genMs, imp } = kept);
        // Migrations added since the import apply to the kept database, before any server starts on a copy.
        log(`${size} offers: reusing ${dataDir}; applying any new migrations`);
        const database = await openDatabase({ kind: 'pglite', dataDir }, 'clock bench');
        try {
          const t0 = performance.now();
          await prepareDatabase(database, 'none');
          log(`  migrations and reference data: ${fmt((performance.now() - t0) / 1000)} s`);
        } finally {
          await database.close();
        }
      } else {
        log(`${size} offers: generating ${file}`);
        const g0 = performance.now();
        bundle = await generateBundleFile(file, { records: size, seed: SEED });
        genMs = performance.now() - g0;
        log(`${size} offers: importing into PGlite`);
        const database = await openDatabase({ kind: 'pglite', dataDir }, 'clock bench');
        try {
          imp = await runImport(database, file, `${size}-pglite`);
        } finally {
          await database.close();
        }
        imp.storeMiB = MiB(dirSize(dataDir));
        if (DATA_DIR)
          fs.writeFileSync(keptFile, JSON.stringify({ size, seed: SEED, bundle, genMs, imp } satisfies Kept));
      }
      const queries = generateQueries({ seed: SEED, count: 5000, organizationIds: bundle.organizationIds });
      const runs: Run[] = [];
      // Each server starts on its own copy of the imported database (the original one, without --data).
      const copyFor = (name: string) => {
        if (!DATA_DIR && name === 'this') return dataDir;
        const copy = path.join(dir, `pglite-${name}`);
        fs.rmSync(copy, { recursive: true, force: true });
        fs.cpSync(dataDir, copy, { recursive: true });
        return copy;
      };
      const done = (copy: string) => copy !== dataDir && fs.rmSync(copy, { recursive: true, force: true });
      const serve = STARTUP_ONLY
        ? (env: Record<string, string>, label: string, code: Code) => startOnly(env, label, queries, code)
        : (env: Record<string, string>, label: string, code: Code, snapshot: string | null) =>
            serveTwice(env, label, queries, code, snapshot);
      if (base) {
        // The base server starts on an identical copy, before this one touches its own.
        const baseDir = copyFor('base');
        log(`${size} offers: PGlite import ${fmt(imp.importMs / 1000)} s; starting the base server`);
        runs.push({
          backend: 'PGlite',
          code: base.label,
          imp,
          serve: await serve({ CLOCK_DATA_DIR: baseDir }, `${size}-pglite-base`, base, null),
        });
        done(baseDir);
      }
      log(`${size} offers: PGlite import ${fmt(imp.importMs / 1000)} s; starting the server`);
      const thisDir = copyFor('this');
      runs.push({
        backend: 'PGlite',
        code: HEAD.label,
        imp,
        serve: await serve(
          { CLOCK_DATA_DIR: thisDir },
          `${size}-pglite`,
          HEAD,
          path.join(thisDir, 'search-index.snapshot'),
        ),
      });
      done(thisDir);

      if (PG_URL && !STARTUP_ONLY) {
        await withPostgresDatabase(size, async (url) => {
          log(`${size} offers: importing into PostgreSQL`);
          const pgDb = await openDatabase({ kind: 'postgres', url }, 'clock bench');
          let pimp: ImportResult;
          try {
            pimp = await runImport(pgDb, file, `${size}-postgres`);
          } finally {
            await pgDb.close();
          }
          pimp.storeMiB = MiB(await postgresSize(url));
          log(`${size} offers: PostgreSQL import ${fmt(pimp.importMs / 1000)} s; starting the server`);
          if (base)
            runs.push({
              backend: 'PostgreSQL',
              code: base.label,
              imp: pimp,
              serve: await withRetry(() =>
                serveAndMeasure({ DATABASE_URL: url }, `${size}-postgres-base`, queries, base),
              ),
            });
          runs.push({
            backend: 'PostgreSQL',
            code: HEAD.label,
            imp: pimp,
            serve: await withRetry(() => serveAndMeasure({ DATABASE_URL: url }, `${size}-postgres`, queries)),
          });
        });
      }
      const r = { size, bundle, genMs, runs };
      results.push(r);
      if (STARTUP_ONLY) printStartup(r);
      else printSize(r);
    } finally {
      if (!DATA_DIR) {
        fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
        tempDirs.delete(dir);
      }
    }
  }
  if (STARTUP_ONLY) {
    console.log(`Load average at end: ${machine().load}`);
    return;
  }

  console.log('\n=== Summary');
  const rows = results.flatMap((r) =>
    r.runs.map((x) => [
      fmtInt(r.size),
      `${x.backend} ${x.code}`,
      fmt(x.imp.importMs / 1000),
      fmtInt(x.imp.records / (x.imp.importMs / 1000)),
      fmt(x.serve.readyMs / 1000),
      fmt(x.serve.readyCpuMs / 1000),
      fmtInt(MiB(x.serve.ready?.rss ?? NaN)),
      fmtInt(MiB(x.serve.afterLoad?.hwm ?? NaN)),
      fmt(x.serve.single.p50),
      fmt(x.serve.single.p95),
      fmt(x.serve.concurrent.p50),
      fmt(x.serve.concurrent.p95),
      fmt(x.serve.concurrent.p99),
      fmt(x.serve.concurrent.max),
      fmt(x.serve.concurrent.rps),
      fmt(x.serve.concurrentCpuMsPerRequest),
    ]),
  );
  console.log(
    table(rows, [
      'offers',
      'backend',
      'import s',
      'rec/s',
      'ready s',
      'ready CPU s',
      'RSS MiB',
      'peak MiB',
      '1c p50',
      '1c p95',
      `${CLIENTS}c p50`,
      `${CLIENTS}c p95`,
      `${CLIENTS}c p99`,
      `${CLIENTS}c max`,
      'req/s',
      'CPU ms/req',
    ]),
  );
  console.log(
    `Targets: ${fmtInt(100_000)} offers imported in under ${TARGET_IMPORT_S} s; search p95 under ${TARGET_P95_MS} ms at ${fmtInt(100_000)} offers (${CLIENTS} clients). Latencies in ms, measured by the client over HTTP on 127.0.0.1.`,
  );
  console.log(
    'CPU times (server process from /proc, importing process from process.cpuUsage) depend much less on other load on the machine than wall times.',
  );
  console.log(`Load average at end: ${machine().load}`);
}

main().then(
  () => {
    cleanupSync();
    process.exit(0);
  },
  (e) => {
    console.error(e);
    cleanupSync();
    process.exit(1);
  },
);
