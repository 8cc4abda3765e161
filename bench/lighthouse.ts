/**
 * Pages on a phone (`npm run bench:lighthouse`): builds the web app, starts the real server (a fresh embedded database
 * under the system's temporary directory, the demo network, a random port on 127.0.0.1) and runs Lighthouse with its
 * mobile defaults (Moto G Power screen, simulated slow 4G and 4x CPU slowdown) on the home page, a search, an
 * organisation, an equipment page and an event, each page several times (default 3). Prints the median of each category score and of the key metrics
 * (FCP, LCP, TBT, CLS, Speed Index) and what was transferred (total, script, stylesheet, font, document), plus the LCP
 * element. Prints only; writes nothing into the repository.
 *
 *   npm run bench:lighthouse
 *   npm run bench:lighthouse -- --base HEAD~3     # the same for an earlier commit, side by side in one run
 *   npm run bench:lighthouse -- --runs 5
 *   npm run bench:lighthouse -- --save /tmp/lh     # also keep every run's Lighthouse report (JSON) there
 *
 * With `--base <rev>` the revision is checked out into a temporary git worktree, installed (`npm ci`) and built there;
 * the worktree is removed at the end. Chromium: CHROMIUM_PATH or /usr/bin/chromium.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import lighthouse, { type Result } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const { values: opts } = parseArgs({
  options: { base: { type: 'string' }, runs: { type: 'string', default: '3' }, save: { type: 'string' } },
});
const RUNS = Math.max(1, Number(opts.runs));
const LIGHTHOUSE_VERSION = (createRequire(import.meta.url)('lighthouse/package.json') as { version: string }).version;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const METRICS = [
  ['FCP ms', 'first-contentful-paint'],
  ['LCP ms', 'largest-contentful-paint'],
  ['TBT ms', 'total-blocking-time'],
  ['CLS', 'cumulative-layout-shift'],
  ['SI ms', 'speed-index'],
] as const;
const RESOURCES = ['total', 'script', 'stylesheet', 'font', 'document'] as const;

const cleanups: (() => void)[] = [];
function cleanup() {
  while (cleanups.length) {
    try {
      cleanups.pop()!();
    } catch (e) {
      console.error(e);
    }
  }
}
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${r.stderr}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `clock serve` of the tree at `root` (through bench/serve-child.mjs) and waits for /api/health. */
async function startServer(root: string): Promise<{ baseUrl: string; stop: () => void }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-lighthouse-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bench/serve-child.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      CLOCK_BENCH_ROOT: root,
      CLOCK_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      CLOCK_SEED: 'demo',
      LOG_LEVEL: 'warn',
      CLOCK_WORKER_INTERVAL_MS: '0',
      CLOCK_PUBLIC_URL: `http://127.0.0.1:${port}`,
      CLOCK_WEB_DIST: path.join(root, 'apps/web/dist'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  cleanups.push(stop);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server of ${root} stopped (exit ${child.exitCode})`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, stop };
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server of ${root} was not ready within 180 s`);
}

interface Sample {
  scores: Record<string, number>;
  metrics: Record<string, number>;
  bytes: Record<string, number>;
  lcpElement: string;
  shifts: string[];
  benchmarkIndex: number;
}

function sampleOf(lhr: Result): Sample {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? NaN]));
  const metrics = Object.fromEntries(METRICS.map(([, id]) => [id, lhr.audits[id]?.numericValue ?? NaN]));
  const items =
    (
      lhr.audits['resource-summary']?.details as
        | { items?: { resourceType: string; transferSize: number }[] }
        | undefined
    )?.items ?? [];
  const bytes = Object.fromEntries(
    RESOURCES.map((t) => [t, items.find((i) => i.resourceType === t)?.transferSize ?? 0]),
  );
  const lcpItems = (
    lhr.audits['largest-contentful-paint-element']?.details as
      | { items?: { items?: { node?: { snippet?: string } }[] }[] }
      | undefined
  )?.items;
  const lcpElement = lcpItems?.[0]?.items?.[0]?.node?.snippet ?? '?';
  const shiftItems =
    (lhr.audits['layout-shifts']?.details as { items?: { node?: { snippet?: string }; score?: number }[] } | undefined)
      ?.items ?? [];
  const shifts = shiftItems.map((i) => `${(i.score ?? 0).toFixed(3)} ${i.node?.snippet ?? '?'}`);
  return { scores, metrics, bytes, lcpElement, shifts, benchmarkIndex: lhr.environment.benchmarkIndex };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};

async function measure(port: number, url: string, label: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let i = 0, failures = 0; i < RUNS; i++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    // On a busy machine Chromium now and then loses the trace (NO_NAVSTART): that run is repeated, twice at most.
    if (result.lhr.runtimeError && ++failures <= 2) {
      console.error(`again: ${url} (${result.lhr.runtimeError.code})`);
      i--;
      continue;
    }
    if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
    if (opts.save) {
      fs.mkdirSync(opts.save, { recursive: true });
      fs.writeFileSync(path.join(opts.save, `${label}-${i + 1}.json`), String(result.report));
    }
    samples.push(sampleOf(result.lhr));
  }
  return samples;
}

/**
 * The pages measured on a running server: the home page, a search, an organisation, a piece of equipment and an
 * upcoming event of the demo network (the public pages issue 13 and issue 8 name).
 */
async function pagesOf(baseUrl: string): Promise<[string, string][]> {
  const list = (await (await fetch(`${baseUrl}/api/v1/equipment?limit=1`)).json()) as { items: { id: string }[] };
  const equipment = list.items[0]?.id;
  if (!equipment) throw new Error('the demo network has no equipment');
  const today = new Date().toISOString().slice(0, 10);
  const events = (await (await fetch(`${baseUrl}/api/v1/events?from=${today}&limit=1`)).json()) as {
    items: { id: string }[];
  };
  const event = events.items[0]?.id;
  return [
    ['home', `${baseUrl}/`],
    ['search', `${baseUrl}/cerca?q=prove+di+fatica+saldature`],
    ['organisation', `${baseUrl}/organizzazioni/lucense`],
    ['equipment', `${baseUrl}/attrezzature/${encodeURIComponent(equipment)}`],
    ...(event ? ([['event', `${baseUrl}/eventi/${event}`]] as [string, string][]) : []),
  ];
}

/** Prepares a tree (the working tree, or `rev` in a temporary worktree) and measures its three pages. */
async function measureTree(label: string, rev: string | null, chromePort: number): Promise<Map<string, Sample[]>> {
  let root = ROOT;
  if (rev) {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-lighthouse-base-'));
    run('git', ['worktree', 'add', '--detach', root, rev], ROOT);
    cleanups.push(() => {
      run('git', ['worktree', 'remove', '--force', root], ROOT);
    });
    console.error(`${label}: installing ${rev} in a temporary worktree…`);
    run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], root);
  }
  console.error(`${label}: building the web app…`);
  run('npm', ['run', 'build', '-w', 'apps/web'], root);
  const server = await startServer(root);
  try {
    const out = new Map<string, Sample[]>();
    for (const [page, url] of await pagesOf(server.baseUrl)) {
      console.error(`${label}: ${page} ×${RUNS}`);
      out.set(page, await measure(chromePort, url, `${label}-${page}`));
    }
    return out;
  } finally {
    server.stop();
  }
}

const fmt = {
  score: (x: number) => x.toFixed(2),
  ms: (x: number) => Math.round(x).toLocaleString('en'),
  cls: (x: number) => x.toFixed(3),
  kb: (x: number) => (x / 1024).toFixed(1),
};

function printTable(versions: [string, Map<string, Sample[]>][]) {
  const pages = [...versions[0]![1].keys()];
  const rows: [string, (s: Sample[]) => string][] = [
    ...CATEGORIES.map((c): [string, (s: Sample[]) => string] => [
      c,
      (s) => fmt.score(median(s.map((x) => x.scores[c]!))),
    ]),
    ...METRICS.map(([name, id]): [string, (s: Sample[]) => string] => [
      name,
      (s) => (id === 'cumulative-layout-shift' ? fmt.cls : fmt.ms)(median(s.map((x) => x.metrics[id]!))),
    ]),
    ...RESOURCES.map((t): [string, (s: Sample[]) => string] => [
      `${t} KiB`,
      (s) => fmt.kb(median(s.map((x) => x.bytes[t]!))),
    ]),
  ];
  const cols = pages.flatMap((p) => versions.map(([v]) => `${p} ${v}`));
  const width = Math.max(12, ...cols.map((c) => c.length));
  console.log(`\nLighthouse ${LIGHTHOUSE_VERSION} mobile (simulated throttling), median of ${RUNS} runs per page`);
  console.log(`${''.padEnd(16)}${cols.map((c) => c.padStart(width + 2)).join('')}`);
  for (const [name, f] of rows) {
    console.log(
      `${name.padEnd(16)}${pages.flatMap((p) => versions.map(([, m]) => f(m.get(p)!).padStart(width + 2))).join('')}`,
    );
  }
  const indexes = versions.flatMap(([, m]) => [...m.values()].flat().map((x) => x.benchmarkIndex));
  // Lighthouse's CPU slowdown (4x) assumes a fast desktop (benchmark index about 1500 or more); on a slower or busy
  // machine the CPU-bound figures (TBT above all) come out worse than a phone would see.
  console.log(
    `Benchmark index (Lighthouse's CPU speed measure): median ${Math.round(median(indexes))}, ${Math.round(Math.min(...indexes))}-${Math.round(Math.max(...indexes))}; load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log('\nLCP element (last run):');
  for (const p of pages)
    for (const [v, m] of versions) console.log(`  ${p} ${v}: ${m.get(p)!.at(-1)!.lcpElement.slice(0, 140)}`);
  console.log('\nLayout shifts (last run; score, element):');
  for (const p of pages) {
    for (const [v, m] of versions)
      for (const shift of m.get(p)!.at(-1)!.shifts.slice(0, 3)) console.log(`  ${p} ${v}: ${shift.slice(0, 140)}`);
  }
}

try {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  cleanups.push(() => {
    chrome.kill();
  });
  const versions: [string, Map<string, Sample[]>][] = [];
  if (opts.base) versions.push(['base', await measureTree('base', opts.base, chrome.port)]);
  versions.push(['now', await measureTree('now', null, chrome.port)]);
  printTable(versions);
} finally {
  cleanup();
}
