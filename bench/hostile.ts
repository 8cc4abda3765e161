/**
 * The hostile-input benchmark (`npm run bench:hostile`): starts the server on a fresh embedded database with the demo
 * network, then for a fixed time 4 clients send hostile texts — huge words, thousands of distinct words, repeated
 * phrases, mixed scripts with emoji and combining marks, long URL-like strings — to POST /api/v1/matching and
 * GET /api/v1/search, while a fifth loop probes /api/health. Prints per-endpoint p50/p95/p99/max, the 5xx, 429 and
 * timed-out answers, and the health probe's latency. Rate limits are raised for the run (it measures cost, not 429s).
 *
 *   npm run bench:hostile                          # this working tree
 *   npm run bench:hostile -- --base HEAD~3         # also a previous version, in the same run, side by side
 *   npm run bench:hostile -- --with-defaults       # also this tree with the default rate limits
 *
 * Options: --seconds (20), --clients (4), --seed (1), --timeout (60, seconds per request), --base REV,
 * --with-defaults, --profile DIR (CPU profile of this tree's server). `--base` checks REV out into a temporary git
 * worktree that uses this tree's node_modules; both servers run one after the other, never at once. Only 127.0.0.1 is
 * contacted; temporary directories, the worktree and child processes are removed even when something fails.
 */
import { checkoutBase, type BaseCheckout } from './base.ts';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const READY_TIMEOUT_MS = 5 * 60_000;

const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    clients: { type: 'string', default: '4' },
    seed: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '60' },
    base: { type: 'string' },
    'with-defaults': { type: 'boolean', default: false },
    profile: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help) {
  console.log(
    'Usage: npm run bench:hostile -- [--seconds 20] [--clients 4] [--seed 1] [--timeout 60] [--base REV] [--with-defaults] [--profile DIR]',
  );
  process.exit(0);
}
const int = (name: string, v: string, min: number) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min} (got "${v}")`);
  return n;
};
const SECONDS = int('seconds', opts.seconds, 1);
const CLIENTS = int('clients', opts.clients, 1);
const SEED = int('seed', opts.seed, 0);
const TIMEOUT_MS = int('timeout', opts.timeout, 1) * 1000;
const HEALTH_EVERY_MS = 25;
const IDLE_PROBE_MS = 3000;
/** Limits far above what the run sends, so that it measures the cost of the texts and not the rate limits. */
const NO_LIMITS = {
  CLOCK_RATE_LIMIT_ANONYMOUS: '1000000000',
  CLOCK_RATE_LIMIT_MEMBER: '1000000000',
  CLOCK_RATE_LIMIT_NOT_FOUND: '1000000000',
};

// ---------------------------------------------------------------------------------------------------------------------
// Clean-up of everything this run creates, even on failure or Ctrl-C

const tempDirs = new Set<string>();
const baseCheckouts = new Set<BaseCheckout>();
const children = new Set<ChildProcess>();
const cleanupSync = () => {
  for (const c of children)
    if (c.exitCode === null && c.signalCode === null) {
      try {
        c.kill('SIGKILL');
      } catch {
        /* gone */
      }
    }
  children.clear();
  for (const b of baseCheckouts) b.remove();
  baseCheckouts.clear();
  for (const d of tempDirs) {
    try {
      fs.rmSync(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      /* best effort */
    }
  }
  tempDirs.clear();
};
process.on('exit', cleanupSync);
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.once(sig, () => {
    console.error(`\n${sig}: cleaning up`);
    cleanupSync();
    process.exit(130);
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (m: string) => process.stderr.write(`[bench:hostile] ${m}\n`);
const tmp = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(d);
  return d;
};

// ---------------------------------------------------------------------------------------------------------------------
// Hostile texts (deterministic for a seed)

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const KINDS = ['huge word', 'distinct words', 'repeated phrase', 'mixed scripts', 'url-like'] as const;
type Kind = (typeof KINDS)[number];

/** A hostile text of a kind, at most `max` characters (UTF-16 units; the API counts code points, so this is safe). */
function hostileText(kind: Kind, random: () => number, max: number): string {
  const letters = (n: number) =>
    Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
  // Cut at `max` without splitting a surrogate pair (an emoji cut in two is not valid text to send).
  const cut = (s: string) =>
    s.length > max && /[\ud800-\udbff]/.test(s[max - 1]!) ? s.slice(0, max - 1) : s.slice(0, max);
  const fill = (piece: () => string, sep = ' ') => {
    let s = '';
    while (s.length < max) s += (s ? sep : '') + piece();
    return cut(s);
  };
  switch (kind) {
    case 'huge word':
      return letters(Math.min(max, 1200 + Math.floor(random() * 1200)));
    case 'distinct words':
      return fill(() => letters(4 + Math.floor(random() * 9)));
    case 'repeated phrase': {
      const phrases = [
        'prove di fatica su giunti saldati in acciaio',
        'riciclo della vetroresina degli scafi, la vernice fa le bolle;',
        'energy audit of the kiln and heat recovery.',
      ];
      const p = phrases[Math.floor(random() * phrases.length)]!;
      return fill(() => p);
    }
    case 'mixed scripts': {
      const pieces = [
        'e\u0301\u0301\u0301',
        '😀🚢',
        'жидкость',
        '材料試験',
        'اختبار',
        'qualità',
        'Ωμέγα',
        '\u200d\u200d',
        'a\u0308o\u0308u\u0308',
      ];
      return fill(
        () => pieces[Math.floor(random() * pieces.length)]!.repeat(1 + Math.floor(random() * 20)),
        random() < 0.5 ? ' ' : '',
      );
    }
    case 'url-like': {
      const host = Array.from({ length: 400 }, () => letters(2 + Math.floor(random() * 4))).join('.');
      return cut(`https://${host}/${Array.from({ length: 400 }, () => letters(3)).join('-')}?q=${letters(500)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The server: this tree, or a previous version checked out into a temporary worktree

/** Checks `rev` out (bench/base.ts) and removes it with the rest; its server is started with this tree's launcher if it lacks one. */
function checkoutBaseTree(rev: string): { dir: string; label: string } {
  const base = checkoutBase(ROOT, rev);
  baseCheckouts.add(base);
  // Older versions may lack the benchmark's server launcher: use this tree's (it loads the tree's own cli.ts).
  if (!fs.existsSync(path.join(base.dir, 'bench/serve-child.mjs')))
    fs.copyFileSync(path.join(ROOT, 'bench/serve-child.mjs'), path.join(base.dir, 'bench/serve-child.mjs'));
  return { dir: base.dir, label: `base ${base.rev.slice(0, 7)}` };
}

async function startServer(tree: string, env: Record<string, string>, profileDir: string | null) {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (
      v !== undefined &&
      !k.startsWith('CLOCK_') &&
      !['DATABASE_URL', 'PORT', 'HOST', 'LOG_LEVEL', 'NODE_OPTIONS'].includes(k)
    )
      childEnv[k] = v;
  Object.assign(
    childEnv,
    {
      PORT: '0',
      HOST: '127.0.0.1',
      CLOCK_SEED: 'demo',
      LOG_LEVEL: 'warn',
      CLOCK_WEB_DIST: '',
      CLOCK_WORKER_INTERVAL_MS: '0',
      CLOCK_DATA_DIR: path.join(tmp('clock-hostile-data-'), 'data'),
    },
    env,
  );
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(tree, 'bench/serve-child.mjs')], {
    cwd: tree,
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
  const deadline = performance.now() + READY_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited before it was ready:\n${out}`);
    const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    if (url) {
      try {
        const r = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
        await r.arrayBuffer();
        if (r.ok) return { child, url };
      } catch {
        /* not yet */
      }
    }
    await sleep(100);
  }
  throw new Error(`the server was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${out}`);
}

/** SIGINT (a clean exit writes the CPU profile); a server still stuck in a request gets SIGKILL after 10 s. */
async function stopServer(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGINT');
    const deadline = Date.now() + 10_000;
    while (child.exitCode === null && child.signalCode === null && Date.now() < deadline) await sleep(50);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.delete(child);
}

// ---------------------------------------------------------------------------------------------------------------------
// Load

interface Sample {
  ms: number;
  status: number;
}
interface RunResult {
  label: string;
  idleHealth: Sample[];
  matching: Sample[];
  search: Sample[];
  health: Sample[];
  byKind: Map<Kind, number[]>;
  /** Server CPU time (user + system) during the load: on a shared machine a steadier figure than wall-clock latency. */
  serverCpuMs: number;
}

/** User + system CPU time of a process in ms, from /proc/<pid>/stat (Linux: USER_HZ = 100 ticks a second). */
function procCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

async function timed(url: string, init: RequestInit): Promise<Sample> {
  const t = performance.now();
  try {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    await r.arrayBuffer();
    return { ms: performance.now() - t, status: r.status };
  } catch {
    return { ms: performance.now() - t, status: 0 }; // timed out or the connection failed
  }
}

async function load(label: string, url: string, pid: number): Promise<RunResult> {
  const result: RunResult = {
    label,
    idleHealth: [],
    matching: [],
    search: [],
    health: [],
    byKind: new Map(),
    serverCpuMs: NaN,
  };
  // The probe alone first: what /api/health costs on this (shared, noisy) machine with no load from the benchmark.
  for (const idleEnd = performance.now() + IDLE_PROBE_MS; performance.now() < idleEnd; ) {
    result.idleHealth.push(await timed(`${url}/api/health`, {}));
    await sleep(HEALTH_EVERY_MS);
  }
  const end = performance.now() + SECONDS * 1000;
  let done = false;
  const client = async (n: number) => {
    const random = prng(SEED * 1000 + n);
    for (let i = 0; performance.now() < end; i++) {
      const kind = KINDS[(i + n) % KINDS.length]!;
      if (i % 2 === 0) {
        const text = hostileText(kind, random, 9000);
        const s = await timed(`${url}/api/v1/matching`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
        });
        result.matching.push(s);
        result.byKind.set(kind, [...(result.byKind.get(kind) ?? []), s.ms]);
      } else {
        const q = hostileText(kind, random, 500);
        result.search.push(await timed(`${url}/api/v1/search?q=${encodeURIComponent(q)}`, {}));
      }
    }
  };
  const health = async () => {
    while (!done) {
      result.health.push(await timed(`${url}/api/health`, {}));
      await sleep(HEALTH_EVERY_MS);
    }
  };
  const cpu0 = procCpuMs(pid);
  const probe = health();
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  done = true;
  await probe;
  result.serverCpuMs = procCpuMs(pid) - cpu0;
  return result;
}

// ---------------------------------------------------------------------------------------------------------------------
// Report

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
const ms = (n: number) => (Number.isNaN(n) ? '—' : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

function rows(samples: Sample[]): [string, string][] {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return [
    ['answers', String(samples.length)],
    ['p50', ms(percentile(sorted, 0.5))],
    ['p95', ms(percentile(sorted, 0.95))],
    ['p99', ms(percentile(sorted, 0.99))],
    ['max', ms(sorted.at(-1) ?? NaN)],
    ['over 2 s', String(sorted.filter((x) => x > 2000).length)],
    ['5xx', String(samples.filter((s) => s.status >= 500).length)],
    ['429', String(samples.filter((s) => s.status === 429).length)],
    ['other 4xx', String(samples.filter((s) => s.status >= 400 && s.status < 500 && s.status !== 429).length)],
    ['timed out / failed', String(samples.filter((s) => s.status === 0).length)],
  ];
}

function report(results: RunResult[]) {
  const width = 22;
  const col = (s: string) => s.padStart(width);
  console.log(
    `\nHostile input: ${CLIENTS} clients for ${SECONDS} s (matching and search alternately; ${KINDS.join(', ')}),`,
  );
  console.log(
    `/api/health probed every ${HEALTH_EVERY_MS} ms (and for ${IDLE_PROBE_MS / 1000} s alone before the load: "idle"); demo network;`,
  );
  console.log(
    `request timeout ${TIMEOUT_MS / 1000} s; ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  console.log(`${''.padEnd(48)}${results.map((r) => col(r.label)).join('')}`);
  const section = (title: string, pick: (r: RunResult) => Sample[], only?: string[]) => {
    const per = results.map((r) => rows(pick(r)));
    per[0]!.forEach(([name], i) => {
      if (only && !only.includes(name)) return;
      console.log(`${(i === 0 ? title : '').padEnd(28)}${name.padEnd(20)}${per.map((p) => col(p[i]![1])).join('')}`);
    });
  };
  section('POST /api/v1/matching', (r) => r.matching);
  section('GET /api/v1/search', (r) => r.search);
  section('GET /api/health', (r) => r.health, ['answers', 'p50', 'p99', 'max', '5xx', 'timed out / failed']);
  section('GET /api/health, idle', (r) => r.idleHealth, ['answers', 'p50', 'p99', 'max']);
  const cpu = (r: RunResult) => {
    const n = r.matching.length + r.search.length;
    return n ? `${Math.round(r.serverCpuMs / n)} ms` : '—';
  };
  console.log(`${'server CPU per answer'.padEnd(48)}${results.map((r) => col(cpu(r))).join('')}`);
  console.log(`${'server CPU, whole load'.padEnd(48)}${results.map((r) => col(ms(r.serverCpuMs))).join('')}`);
  console.log('\nMatching, slowest answer per kind of text');
  for (const kind of KINDS)
    console.log(
      `${''.padEnd(28)}${kind.padEnd(20)}${results.map((r) => col(ms(Math.max(...(r.byKind.get(kind) ?? [NaN]))))).join('')}`,
    );
}

// ---------------------------------------------------------------------------------------------------------------------

async function measure(
  label: string,
  tree: string,
  env: Record<string, string>,
  profileDir: string | null,
): Promise<RunResult> {
  log(`${label}: starting the server (demo network)`);
  const { child, url } = await startServer(tree, env, profileDir);
  try {
    log(`${label}: ${CLIENTS} clients for ${SECONDS} s`);
    return await load(label, url, child.pid!);
  } finally {
    await stopServer(child);
  }
}

const head = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['-C', ROOT, 'status', '--porcelain'], { encoding: 'utf8' }).trim() ? '+changes' : '';
const results: RunResult[] = [];
if (opts.base) {
  const base = checkoutBaseTree(opts.base);
  results.push(await measure(base.label, base.dir, NO_LIMITS, null));
}
results.push(await measure(`this ${head}${dirty}`, ROOT, NO_LIMITS, opts.profile ? path.resolve(opts.profile) : null));
if (opts['with-defaults']) results.push(await measure(`this, default limits`, ROOT, {}, null));
report(results);
if (opts.profile)
  console.log(
    `\nCPU profile of this tree's server in ${path.resolve(opts.profile)} (summarise with: npx tsx bench/profile-summary.ts FILE)`,
  );
