/**
 * Quality benchmark of the matching engine (`npm run bench:matching`, or `npx tsx bench/matching/run.ts`).
 *
 * Loads the demo catalogue into a fresh in-memory database and an in-process app, sends every labelled problem of
 * bench/matching/problems.json to POST /api/v1/matching, and compares the answers with the judgements: nDCG@10 and
 * recall@10 of records, nDCG@5 of organisations and, for multi-aspect problems, the aspect coverage of the best team.
 * The same figures are computed for a plain BM25 baseline (bench/matching/bm25.ts), which also runs when the endpoint
 * is missing (404) or the app cannot be built. Prints the table, the targets, the engine's time per problem and the
 * five worst problems with their first results. Writes nothing.
 *
 * Options: --all  also print one line per problem.
 *          --json FILE  also write the per-problem figures as JSON (outside the repository, e.g. /tmp/matching.json).
 *          --endpoint PATH  another route with the same contract (default /api/v1/matching).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { createPglite, wrapPglite, type Database } from '../../apps/server/src/db/client.ts';
import { seedDemo } from '../../apps/server/src/db/seed/demo.ts';
import { buildApp } from '../../apps/server/src/app.ts';
import { testConfig } from '../../apps/server/src/test/factories.ts';
import { Bm25 } from './bm25.ts';
import { mean, ndcgAtK, organizationNdcgAt5, percentile, recallAtK, teamCoverage } from './metrics.ts';
import { KINDS, loadCatalogue, loadProblems, type Catalogue, type Problem } from './problems.ts';

const LIMIT = 20;
const TARGET_NDCG = 0.6;
const TARGET_RATIO = 2;
const TARGET_COVERAGE = 0.9;

const { values: opts } = parseArgs({
  options: {
    all: { type: 'boolean' },
    json: { type: 'string' },
    endpoint: { type: 'string', default: '/api/v1/matching' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help) {
  console.log(
    'Usage: npm run bench:matching [-- --all] [-- --json /tmp/matching.json] [-- --endpoint /api/v1/matching]',
  );
  process.exit(0);
}
const ENDPOINT = opts.endpoint;

// ---------------------------------------------------------------------------------------------------------------------
// One system's answer to one problem, and its figures

interface Answer {
  records: string[];
  organizations: string[];
  team: string[];
  ms?: number;
  error?: string;
}
interface Figures {
  ndcg10: number;
  recall10: number;
  orgNdcg5: number;
  coverage: number | null; // multi-aspect problems only
}

function score(p: Problem, a: Answer, catalogue: Catalogue): Figures {
  const ownerOf = (id: string) => catalogue.records.get(id)?.organization;
  return {
    ndcg10: ndcgAtK(a.records, p.records, 10),
    recall10: recallAtK(a.records, p.records, 10),
    orgNdcg5: organizationNdcgAt5(a.organizations, p.organizations),
    coverage: p.kind === 'multi-aspect' ? teamCoverage(a.team, p.aspects, ownerOf) : null,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// The engine over HTTP (in-process) and the baseline

const idOf = (x: unknown): string | undefined =>
  typeof x === 'string'
    ? x
    : x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string'
      ? (x as { id: string }).id
      : undefined;
const ids = (list: unknown): string[] =>
  Array.isArray(list) ? list.map(idOf).filter((v): v is string => v !== undefined) : [];

/** Reads the answer contract: results and organisations best first; teams[0] is the best team. */
function readAnswer(body: unknown): Answer {
  const b = (body ?? {}) as { results?: unknown; organizations?: unknown; teams?: unknown };
  const problems: string[] = [];
  if (!Array.isArray(b.results)) problems.push('no results[]');
  if (!Array.isArray(b.organizations)) problems.push('no organizations[]');
  if (!Array.isArray(b.teams)) problems.push('no teams[]');
  const teams = Array.isArray(b.teams) ? b.teams : [];
  const first = teams[0] as { organizations?: unknown } | undefined;
  return {
    records: ids(b.results),
    organizations: ids(b.organizations),
    team: ids(first?.organizations),
    error: problems.length ? `answer shape: ${problems.join(', ')}` : undefined,
  };
}

async function openEngine(): Promise<{ app: FastifyInstance; database: Database } | { error: string }> {
  let database: Database | undefined;
  try {
    database = wrapPglite(await createPglite());
    await database.migrate();
    await seedDemo(database.db);
    const app = await buildApp({ config: testConfig(), database, logger: false });
    await app.ready();
    return { app, database };
  } catch (e) {
    await database?.close().catch(() => {});
    return {
      error: e instanceof Error ? `${e.message}\n${e.stack?.split('\n').slice(1, 4).join('\n') ?? ''}` : String(e),
    };
  }
}

const payloadOf = (p: Problem) => ({ text: p.text, lang: p.lang, sector: p.sector, filiera: p.filiera, limit: LIMIT });

async function askEngine(app: FastifyInstance, p: Problem): Promise<Answer & { status: number }> {
  const t = performance.now();
  const res = await app.inject({ method: 'POST', url: ENDPOINT, payload: payloadOf(p) });
  const ms = performance.now() - t;
  if (res.statusCode !== 200) {
    return {
      records: [],
      organizations: [],
      team: [],
      ms,
      status: res.statusCode,
      error: `HTTP ${res.statusCode}: ${res.body.slice(0, 200)}`,
    };
  }
  let body: unknown;
  try {
    body = res.json();
  } catch {
    return { records: [], organizations: [], team: [], ms, status: 200, error: 'answer is not JSON' };
  }
  return { ...readAnswer(body), ms, status: 200 };
}

function askBm25(bm25: Bm25, p: Problem): Answer {
  const results = bm25.search(p.text);
  const organizations = bm25.rankOrganizations(results).map((o) => o.id);
  // The baseline's "team" is simply its four best organisations.
  return { records: results.slice(0, LIMIT).map((r) => r.id), organizations, team: organizations.slice(0, 4) };
}

// ---------------------------------------------------------------------------------------------------------------------
// Printing

const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');
const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(0)}%` : '–');
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

interface Row {
  problem: Problem;
  engine: Figures | null;
  bm25: Figures;
  engineAnswer: Answer | null;
  bm25Answer: Answer;
}

function table(rows: Row[], engineOn: boolean): void {
  const groups: [string, Row[]][] = [
    ['overall', rows],
    ...KINDS.map((k): [string, Row[]] => [k, rows.filter((r) => r.problem.kind === k)]),
    ['lang it', rows.filter((r) => r.problem.lang === 'it')],
    ['lang en', rows.filter((r) => r.problem.lang === 'en')],
  ];
  const cols = [
    'group',
    'n',
    'nDCG@10 eng',
    'bm25',
    'R@10 eng',
    'bm25',
    'org nDCG@5 eng',
    'bm25',
    'team cov eng',
    'bm25',
  ];
  const widths = [16, 4, 12, 6, 9, 6, 15, 6, 13, 6];
  const line = (cells: string[]) =>
    console.log(cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : lpad(c, widths[i]!))).join(' '));
  line(cols);
  line(widths.map((w) => '-'.repeat(w)));
  for (const [name, rs] of groups) {
    if (!rs.length) continue;
    const avg = (pick: (r: Row) => number | null | undefined) =>
      mean(rs.map(pick).filter((v): v is number => typeof v === 'number'));
    line([
      name,
      String(rs.length),
      engineOn ? f2(avg((r) => r.engine?.ndcg10)) : '–',
      f2(avg((r) => r.bm25.ndcg10)),
      engineOn ? f2(avg((r) => r.engine?.recall10)) : '–',
      f2(avg((r) => r.bm25.recall10)),
      engineOn ? f2(avg((r) => r.engine?.orgNdcg5)) : '–',
      f2(avg((r) => r.bm25.orgNdcg5)),
      engineOn ? pct(avg((r) => r.engine?.coverage)) : '–',
      pct(avg((r) => r.bm25.coverage)),
    ]);
  }
}

function targets(rows: Row[], engineOn: boolean): void {
  const bm25Ndcg = mean(rows.map((r) => r.bm25.ndcg10));
  const multi = rows.filter((r) => r.problem.kind === 'multi-aspect');
  const verdict = (ok: boolean) => (engineOn ? (ok ? 'PASS' : 'FAIL') : 'n/a (no engine)');
  const engNdcg = engineOn ? mean(rows.map((r) => r.engine?.ndcg10 ?? 0)) : Number.NaN;
  const engCov = engineOn ? mean(multi.map((r) => r.engine?.coverage ?? 0)) : Number.NaN;
  console.log('\nTargets');
  console.log(`  nDCG@10 of records ≥ ${TARGET_NDCG}: engine ${f2(engNdcg)} → ${verdict(engNdcg >= TARGET_NDCG)}`);
  console.log(
    `  nDCG@10 ≥ ${TARGET_RATIO}× BM25 (${f2(bm25Ndcg)} → ≥ ${f2(TARGET_RATIO * bm25Ndcg)}): engine ${engineOn ? `${f2(engNdcg / bm25Ndcg)}×` : '–'} → ${verdict(engNdcg >= TARGET_RATIO * bm25Ndcg)}`,
  );
  console.log(
    `  team coverage on multi-aspect problems ≥ ${pct(TARGET_COVERAGE)}: engine ${pct(engCov)} (BM25 top-4 organisations ${pct(mean(multi.map((r) => r.bm25.coverage ?? 0)))}) → ${verdict(engCov >= TARGET_COVERAGE)}`,
  );
}

function worst(rows: Row[], catalogue: Catalogue, who: 'engine' | 'bm25'): void {
  const fig = (r: Row) => (who === 'engine' ? r.engine : r.bm25);
  const answer = (r: Row) => (who === 'engine' ? r.engineAnswer : r.bm25Answer);
  const sorted = [...rows].sort(
    (a, b) => (fig(a)?.ndcg10 ?? 0) - (fig(b)?.ndcg10 ?? 0) || (a.problem.id < b.problem.id ? -1 : 1),
  );
  console.log(
    `\nFive worst problems (${who === 'engine' ? 'engine' : 'BM25 baseline, no engine answers'}) by nDCG@10, with their first five results`,
  );
  for (const r of sorted.slice(0, 5)) {
    const p = r.problem;
    const f = fig(r);
    const a = answer(r);
    console.log(
      `\n${p.id} [${p.kind}, ${p.lang}] nDCG@10 ${f2(f?.ndcg10 ?? 0)}  R@10 ${f2(f?.recall10 ?? 0)}  org nDCG@5 ${f2(f?.orgNdcg5 ?? 0)}${f?.coverage != null ? `  team cov ${pct(f.coverage)}` : ''}`,
    );
    console.log(`  "${p.text.length > 160 ? `${p.text.slice(0, 157)}...` : p.text}"`);
    if (a?.error) console.log(`  error: ${a.error}`);
    (a?.records ?? []).slice(0, 5).forEach((id, i) => {
      const rec = catalogue.records.get(id);
      console.log(
        `  ${i + 1}. [${p.records[id] ?? 0}] ${id}${rec ? ` — ${rec.title} (${rec.organization})` : ' (not a catalogue record)'}`,
      );
    });
    if (!a?.records.length) console.log('  (no results)');
    const top10 = new Set((a?.records ?? []).slice(0, 10));
    const missed = Object.entries(p.records)
      .filter(([id, g]) => g === 3 && !top10.has(id))
      .map(([id]) => id);
    if (missed.length) console.log(`  grade-3 records missing from the first 10: ${missed.join(', ')}`);
    if (a && p.kind === 'multi-aspect') console.log(`  best team: ${a.team.join(', ') || '(none)'}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  const catalogue = loadCatalogue();
  const { problems, errors } = loadProblems(catalogue);
  if (errors.length) {
    console.error(
      `problems.json has ${errors.length} labelling error(s):\n${errors.map((e) => `  - ${e}`).join('\n')}`,
    );
    return 1;
  }
  const count = (pick: (p: Problem) => string) =>
    [...problems.reduce((m, p) => m.set(pick(p), (m.get(pick(p)) ?? 0) + 1), new Map<string, number>())]
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  console.log(
    `Matching quality benchmark: ${problems.length} problems (${count((p) => p.kind)}; ${count((p) => p.lang)}), ${catalogue.records.size} records, ${catalogue.organizations.size} organisations.`,
  );

  const bm25 = new Bm25(catalogue.documents);
  const bm25Answers = new Map(problems.map((p) => [p.id, askBm25(bm25, p)]));

  // The engine
  let engineOn = false;
  const engineAnswers = new Map<string, Answer>();
  const opened = await openEngine();
  if ('error' in opened) {
    console.log(
      `\n!! The app could not be built, so the engine is not measured (BM25 baseline only):\n   ${opened.error.replace(/\n/g, '\n   ')}`,
    );
  } else {
    const { app, database } = opened;
    try {
      const probe = await askEngine(app, problems[0]!); // warm-up, not timed
      if (probe.status === 404) {
        console.log(
          `\n!! POST ${ENDPOINT} answers 404: the matching endpoint does not exist yet. Only the BM25 baseline is measured.`,
        );
      } else {
        engineOn = true;
        for (const p of problems) engineAnswers.set(p.id, await askEngine(app, p));
        const failed = [...engineAnswers].filter(([, a]) => a.error);
        if (failed.length) {
          console.log(`\n!! ${failed.length} problem(s) got no usable answer (scored as empty):`);
          for (const [id, a] of failed.slice(0, 10)) console.log(`   ${id}: ${a.error}`);
        }
        const unknown = new Set(
          [...engineAnswers.values()].flatMap((a) => a.records.filter((id) => !catalogue.records.has(id))),
        );
        if (unknown.size)
          console.log(
            `\n!! results hold ${unknown.size} id(s) that are not catalogue records (scored 0), e.g. ${[...unknown].slice(0, 5).join(', ')}`,
          );
      }
    } finally {
      await app.close();
      await database.close();
    }
  }

  const rows: Row[] = problems.map((p) => {
    const e = engineAnswers.get(p.id) ?? null;
    const b = bm25Answers.get(p.id)!;
    return {
      problem: p,
      engine: engineOn && e ? score(p, e, catalogue) : null,
      bm25: score(p, b, catalogue),
      engineAnswer: e,
      bm25Answer: b,
    };
  });

  console.log(
    '\nRecords: nDCG@10 and recall@10 (grade ≥ 2); organisations: nDCG@5; team coverage: multi-aspect problems only, best team (BM25: its top 4 organisations).\n',
  );
  table(rows, engineOn);
  targets(rows, engineOn);
  if (engineOn) {
    const times = [...engineAnswers.values()].map((a) => a.ms ?? 0);
    console.log(
      `\nEngine time per problem (in-process inject, after one warm-up call): mean ${mean(times).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
    );
  }

  if (opts.all) {
    console.log('\nPer problem (nDCG@10 / R@10 / org nDCG@5 / team cov), engine | BM25');
    for (const r of rows) {
      const show = (f: Figures | null) =>
        f
          ? `${f2(f.ndcg10)} / ${f2(f.recall10)} / ${f2(f.orgNdcg5)}${f.coverage != null ? ` / ${pct(f.coverage)}` : ''}`
          : '–';
      console.log(
        `  ${pad(r.problem.id, 4)} ${pad(r.problem.kind, 14)} ${r.problem.lang}  ${pad(show(r.engine), 30)} | ${show(r.bm25)}`,
      );
    }
  }
  worst(rows, catalogue, engineOn ? 'engine' : 'bm25');

  if (opts.json) {
    fs.writeFileSync(
      opts.json,
      `${JSON.stringify(
        rows.map((r) => ({
          id: r.problem.id,
          kind: r.problem.kind,
          lang: r.problem.lang,
          engine: r.engine,
          bm25: r.bm25,
          engineMs: r.engineAnswer?.ms ?? null,
          engineTop: r.engineAnswer?.records.slice(0, 10) ?? null,
          engineTeam: r.engineAnswer?.team ?? null,
          bm25Top: r.bm25Answer.records.slice(0, 10),
        })),
        null,
        2,
      )}\n`,
    );
    console.log(`\nPer-problem figures written to ${opts.json}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
