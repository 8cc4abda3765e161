/**
 * Speed of the matching engine on a large catalogue (`npm run bench:matching:scale`, or
 * `npx tsx bench/matching/scale.ts`).
 *
 * Generates a deterministic catalogue with the search benchmark's generator (bench/generate.ts, 100,000 offers by
 * default, plus about 5,000 experts and 1,000 organisations), imports it into a fresh embedded database in a temporary
 * directory together with the demo network (so the labelled problems still find their real answers among the
 * generated records), builds the app in-process and sends the 62 labelled problem texts of bench/matching/problems.json
 * to POST /api/v1/matching, as bench/matching/run.ts does. Prints the time per problem (p50, p95, max, mean; after one
 * untimed warm-up call), the slowest problems, and the matching time by kind of problem. Quality is not scored here
 * (the generated records are not judged). Writes nothing to the repository; the temporary directory is removed.
 *
 *   npm run bench:matching:scale                       # 100,000 offers
 *   npm run bench:matching:scale -- --records 10000    # another size
 *   npm run bench:matching:scale -- --rounds 3         # each problem three times (the figures use every call)
 *   npm run bench:matching:scale -- --data /tmp/m100k  # keep the imported database there, and reuse it next time
 *   npm run bench:matching:scale -- --clients 4        # also 4 concurrent callers (after the one-at-a-time round)
 *   npm run bench:matching:scale -- --base HEAD~1      # the base revision's own scale.ts on a copy of the same database
 *                                                      # (with the same --rounds and --clients)
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/matching/scale.ts   # CPU profile (bench/profile-summary.ts)
 *
 * Timings are wall-clock times of in-process `app.inject` calls: they vary with the load of the machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkoutBase } from '../base.ts';
import { openDatabase } from '../../apps/server/src/db/client.ts';
import { prepareDatabase } from '../../apps/server/src/db/prepare.ts';
import { buildApp } from '../../apps/server/src/app.ts';
import { importBundle } from '../../apps/server/src/modules/catalogue/bundle.service.ts';
import { testConfig } from '../../apps/server/src/test/factories.ts';
import { generateBundleFile } from '../generate.ts';
import { mean, percentile } from './metrics.ts';
import { KINDS, loadCatalogue, loadProblems } from './problems.ts';

const TARGET_MS = 300;

const { values: opts } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '1' },
    data: { type: 'string' },
    clients: { type: 'string', default: '1' },
    base: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help) {
  console.log(
    'Usage: npm run bench:matching:scale [-- --records 100000] [-- --seed 1] [-- --rounds 1] [-- --data DIR] [-- --clients 4] [-- --base REV]',
  );
  process.exit(0);
}
const RECORDS = Number(opts.records);
const SEED = Number(opts.seed);
const ROUNDS = Number(opts.rounds);
const CLIENTS = Number(opts.clients);
if (
  !Number.isInteger(RECORDS) ||
  RECORDS < 1 ||
  !Number.isInteger(SEED) ||
  !Number.isInteger(ROUNDS) ||
  ROUNDS < 1 ||
  !Number.isInteger(CLIENTS) ||
  CLIENTS < 1
) {
  console.error('--records, --seed, --rounds and --clients must be positive integers');
  process.exit(2);
}

const log = (m: string) => process.stderr.write(`[matching-scale] ${m}\n`);
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const f1 = (ms: number) => ms.toFixed(1);

async function main(): Promise<number> {
  const catalogue = loadCatalogue();
  const { problems, errors } = loadProblems(catalogue);
  if (errors.length) {
    console.error(`problems.json has ${errors.length} labelling error(s); run npm run bench:matching for the list`);
    return 1;
  }
  const cpus = os.cpus();
  console.log(`Matching speed benchmark — ${new Date().toISOString()}`);
  console.log(
    `Machine: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores, Node ${process.version}; load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  // A temporary directory (removed at the end), or --data DIR: kept, and reused when it already holds an import.
  const keep = opts.data ? path.resolve(opts.data) : null;
  // With --base the import is kept (in the temporary directory) so the base can run on a copy of it.
  const baseRun = opts.base ? { rev: opts.base, output: '' } : null;
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'clock-matching-scale-'));
  const dataDir = path.join(dir, 'pglite');
  const marker = path.join(dir, 'imported.json');
  const cleanup = () => {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    let genMs = 0,
      importMs = 0;
    let summary: { total: number; experts: number; organizations: number; records: number };
    const reuse =
      keep && fs.existsSync(marker)
        ? (JSON.parse(fs.readFileSync(marker, 'utf8')) as typeof summary & { offers: number; seed: number })
        : null;
    if (reuse && (reuse.offers !== RECORDS || reuse.seed !== SEED))
      throw new Error(`${dir} holds ${reuse.offers} offers (seed ${reuse.seed}); use another --data directory`);
    if (!reuse) fs.mkdirSync(dir, { recursive: true });
    let database = await openDatabase({ kind: 'pglite', dataDir }, 'clock matching bench');
    try {
      if (reuse) {
        log(`reusing the database in ${dir}`);
        summary = reuse;
      } else {
        const file = path.join(dir, 'bundle.json');
        log(`generating ${RECORDS} offers (seed ${SEED})`);
        let t = performance.now();
        const bundle = await generateBundleFile(file, { records: RECORDS, seed: SEED });
        genMs = performance.now() - t;
        log('importing into PGlite (with the demo network)');
        t = performance.now();
        await prepareDatabase(database, 'demo');
        const report = await importBundle(database.db, fs.createReadStream(file));
        importMs = performance.now() - t;
        fs.rmSync(file, { force: true });
        summary = {
          total: bundle.total,
          experts: bundle.experts,
          organizations: bundle.organizations,
          records: report.records,
        };
        if (keep || baseRun) fs.writeFileSync(marker, JSON.stringify({ ...summary, offers: RECORDS, seed: SEED }));
      }
      if (baseRun) {
        // Closed while it is copied, so the copy is consistent; then opened again for this run.
        await database.close();
        baseRun.output = runBase(baseRun.rev, dir);
        database = await openDatabase({ kind: 'pglite', dataDir }, 'clock matching bench');
      }

      log('building the app and the search index');
      const t = performance.now();
      const app = await buildApp({ config: testConfig(), database, logger: false });
      await app.ready();
      const buildMs = performance.now() - t;
      try {
        const ask = async (text: string, lang: string, sector?: string, filiera?: string) => {
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          const res = await app.inject({
            method: 'POST',
            url: '/api/v1/matching',
            payload: { text, lang, sector, filiera, limit: 20 },
          });
          const ms = performance.now() - t0;
          const cpu = process.cpuUsage(c0);
          if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}: ${res.body.slice(0, 300)}`);
          return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
        };
        // Warm-up, not timed: the first call compiles the code, and the first misspelt word builds the typo tables
        // (a one-time cost of a new index, which the search benchmark reports as its cold typo query).
        log('warm-up calls (JIT, typo tables)');
        const p0 = problems[0]!;
        const warmMs = (await ask(p0.text, p0.lang, p0.sector, p0.filiera)).ms;
        const typoWarmMs = (
          await ask('Cerchiamo un laboratorio per prove di resitenza meccanica su componenti in aluminio', 'it')
        ).ms;
        const samples: { id: string; kind: string; ms: number; cpuMs: number }[] = [];
        for (let r = 0; r < ROUNDS; r++) {
          log(`matching ${problems.length} problems${ROUNDS > 1 ? ` (round ${r + 1} of ${ROUNDS})` : ''}`);
          for (const p of problems)
            samples.push({ id: p.id, kind: p.kind, ...(await ask(p.text, p.lang, p.sector, p.filiera)) });
        }
        const times = samples.map((s) => s.ms);
        let concurrentLine = '';
        const p95 = percentile(times, 95);
        console.log(
          `\nCatalogue: ${summary.total.toLocaleString('en-GB')} generated records (${RECORDS.toLocaleString('en-GB')} offers, ${summary.experts.toLocaleString('en-GB')} experts, ${summary.organizations.toLocaleString('en-GB')} organisations; ${summary.records.toLocaleString('en-GB')} imported) + the demo network (${catalogue.records.size} records)`,
        );
        console.log(
          `${reuse ? 'Database reused' : `Generated in ${s1(genMs)}, imported in ${s1(importMs)}`}; app and index built in ${s1(buildMs)}; warm-up calls: first ${f1(warmMs)} ms, first with a misspelt word ${f1(typoWarmMs)} ms`,
        );
        console.log(
          `\nTime per problem (${samples.length} calls, in-process inject): p50 ${f1(percentile(times, 50))} ms, p95 ${f1(p95)} ms, max ${f1(Math.max(...times))} ms, mean ${f1(mean(times))} ms`,
        );
        const cpu = samples.map((s) => s.cpuMs);
        console.log(
          `CPU time of this process per problem (less sensitive to other load): p50 ${f1(percentile(cpu, 50))} ms, p95 ${f1(percentile(cpu, 95))} ms, max ${f1(Math.max(...cpu))} ms`,
        );
        console.log(
          `Target: under ${TARGET_MS} ms per problem → p95 ${p95 < TARGET_MS ? 'PASS' : 'FAIL'}, max ${Math.max(...times) < TARGET_MS ? 'PASS' : 'FAIL'}`,
        );
        console.log('\nBy kind of problem (ms): kind, n, p50, p95, max');
        for (const k of KINDS) {
          const ks = samples.filter((s) => s.kind === k).map((s) => s.ms);
          if (ks.length)
            console.log(
              `  ${k.padEnd(15)} ${String(ks.length).padStart(3)} ${f1(percentile(ks, 50)).padStart(7)} ${f1(percentile(ks, 95)).padStart(7)} ${f1(Math.max(...ks)).padStart(7)}`,
            );
        }
        console.log('\nSlowest calls:');
        for (const s of [...samples].sort((a, b) => b.ms - a.ms).slice(0, 5))
          console.log(`  ${s.id} [${s.kind}] ${f1(s.ms)} ms`);
        if (CLIENTS > 1) {
          log(`matching ${problems.length * ROUNDS} problems with ${CLIENTS} concurrent callers`);
          const list = Array.from({ length: ROUNDS }, () => problems).flat();
          const concurrent: number[] = [];
          let next = 0;
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          await Promise.all(
            Array.from({ length: CLIENTS }, async () => {
              while (next < list.length) {
                const p = list[next++]!;
                concurrent.push((await ask(p.text, p.lang, p.sector, p.filiera)).ms);
              }
            }),
          );
          const wall = performance.now() - t0;
          const c = process.cpuUsage(c0);
          concurrentLine = `${CLIENTS} concurrent callers (${concurrent.length} calls): p50 ${f1(percentile(concurrent, 50))} ms, p95 ${f1(percentile(concurrent, 95))} ms, max ${f1(Math.max(...concurrent))} ms; ${f1(concurrent.length / (wall / 1000))} calls/s; CPU of the process per call ${f1((c.user + c.system) / 1000 / concurrent.length)} ms`;
          console.log(`\n${concurrentLine}`);
        }
        if (baseRun) {
          const pick = (re: RegExp) => re.exec(baseRun.output)?.[1] ?? 'n/a';
          console.log(`\nSide by side (the base ran first, on a copy of the same database):`);
          console.log(`  base ${baseRun.rev}: ${pick(/^(Time per problem.*)$/m)}`);
          console.log(`  base ${baseRun.rev}: ${pick(/^(CPU time of this process per problem.*)$/m)}`);
          if (CLIENTS > 1) console.log(`  base ${baseRun.rev}: ${pick(/^(\d+ concurrent callers.*)$/m)}`);
          console.log(
            `  this: Time per problem (${samples.length} calls): p50 ${f1(percentile(times, 50))} ms, p95 ${f1(p95)} ms, max ${f1(Math.max(...times))} ms, mean ${f1(mean(times))} ms`,
          );
          console.log(
            `  this: CPU time of this process per problem: p50 ${f1(percentile(cpu, 50))} ms, p95 ${f1(percentile(cpu, 95))} ms, max ${f1(Math.max(...cpu))} ms`,
          );
          if (concurrentLine) console.log(`  this: ${concurrentLine}`);
        }
        console.log(
          `\nLoad average at end: ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')} (wall-clock timings vary with other work on the machine)`,
        );
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  } finally {
    cleanup();
  }
  return 0;
}

/**
 * Runs the base revision's own bench/matching/scale.ts on a copy of the imported database, with the same rounds and
 * callers; returns its output, also echoed.
 */
function runBase(rev: string, dir: string): string {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const base = checkoutBase(root, rev);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-matching-base-'));
  try {
    fs.cpSync(dir, copy, { recursive: true });
    log(`running the base ${base.label} on a copy of the database`);
    const r = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/tsx/dist/cli.mjs'),
        path.join(base.dir, 'bench/matching/scale.ts'),
        '--data',
        copy,
        '--records',
        String(RECORDS),
        '--seed',
        String(SEED),
        '--rounds',
        String(ROUNDS),
        '--clients',
        String(CLIENTS),
      ],
      { cwd: base.dir, encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    console.log(
      `\n--- base ${base.label} ---\n${r.stdout}${r.status ? `(exit ${r.status}) ${r.stderr.slice(-2000)}` : ''}--- end of base ---`,
    );
    return r.stdout;
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
    base.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
