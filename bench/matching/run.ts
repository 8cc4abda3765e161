/**
 * Quality benchmark of the matching engine (`npm run bench:matching`, or `npx tsx bench/matching/run.ts`).
 *
 * For each labelled set — the demo network (bench/matching/problems.json) and, when present, the blind sets
 * (bench/matching/second/ and third/, other regions' catalogues loaded with the platform's bundle import) — it loads the
 * catalogue into a fresh in-memory database and an in-process app, sends every problem to POST /api/v1/matching and
 * compares the answers with the judgements: nDCG@10 (with a bootstrap 95 % interval) and recall@10 of records, nDCG@5 of
 * organisations, the aspect coverage of the best team on multi-aspect problems; the hit@10 of GET /api/v1/search on the
 * set's keyword queries; the words "corrected" in its clean control texts; the bridge rate (problems sharing a specific
 * glossary concept with a grade-3 record). A plain BM25 baseline runs on the same problems and queries. Writes nothing.
 *
 * Options: --all           also print one line per problem (demo set only: the blind sets' problems stay unread).
 *          --json FILE     also write the per-problem figures as JSON (outside the repository).
 *          --set NAME      only this set (demo, second or third).
 *          --off a,b       run with these analysis settings turned back to their previous behaviour.
 *          --with k=v,k=v  run with these analysis settings set to these values (numbers or true/false).
 *          --ablate        also run once with each setting off, and print the ablation table.
 *          --variant k=v   also run with these settings (comma-separated; repeatable), paired with the first run in the
 *                          ablation table: several candidate changes measured side by side in one run.
 *          --aspects N     also print the aspect names the engine gives the first N problems of each set (names only).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import {
  ABLATION_SWITCHES,
  configureAnalysis,
  DEFAULT_ANALYSIS,
  withLegacy,
  type AnalysisSettings,
} from '../../apps/server/src/modules/search/analysis.policy.ts';
import { Bm25 } from './bm25.ts';
import { bridged, specificConcepts } from './bridge.ts';
import {
  bootstrapCi,
  mean,
  ndcgAtK,
  organizationNdcgAt5,
  pairedDifferenceCi,
  percentile,
  recallAtK,
  teamCoverage,
} from './metrics.ts';
import type { Catalogue, Problem } from './problems.ts';
import { demoSet, openApp, openDatabase, secondSet, thirdSet, type LabelledSet } from './sets.ts';

const LIMIT = 20;
const TARGETS = { ndcg: 0.7, ratio: 2.5, crossLanguage: 0.6, equipment: 0.75, coverage: 0.95 };

const { values: opts } = parseArgs({
  options: {
    all: { type: 'boolean' },
    json: { type: 'string' },
    set: { type: 'string' },
    off: { type: 'string' },
    with: { type: 'string' },
    ablate: { type: 'boolean' },
    variant: { type: 'string', multiple: true },
    aspects: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help) {
  console.log(
    `Usage: npm run bench:matching [-- --all] [-- --json FILE] [-- --set demo|second|third] [-- --off a,b] [-- --with k=v] [-- --ablate]\nSettings: ${ABLATION_SWITCHES.join(', ')}`,
  );
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------------
// Answers and figures

interface Answer {
  records: string[];
  organizations: string[];
  team: string[];
  concepts: string[];
  aspects?: { label: string; kind: string }[];
  ms?: number;
  error?: string;
}
interface Figures {
  ndcg10: number;
  recall10: number;
  orgNdcg5: number;
  coverage: number | null;
  bridged: boolean | null;
  bridgedByLinks: boolean | null;
}
interface RunResult {
  config: string;
  engine: Map<string, Figures>;
  answers: Map<string, Answer>;
  hits: number[]; // search hit@10 per keyword query (1/0)
  corrected: { from: string; to: string }[];
  times: number[];
}

const idOf = (x: unknown): string | undefined =>
  typeof x === 'string' ? x : ((x as { id?: string } | null)?.id ?? undefined);
const ids = (list: unknown): string[] =>
  Array.isArray(list) ? list.map(idOf).filter((v): v is string => typeof v === 'string') : [];

function score(p: Problem, a: Answer, set: LabelledSet, specific: Set<string> | null): Figures {
  const ownerOf = (id: string) => set.catalogue.records.get(id)?.organization;
  return {
    ndcg10: ndcgAtK(a.records, p.records, 10),
    recall10: recallAtK(a.records, p.records, 10),
    orgNdcg5: organizationNdcgAt5(a.organizations, p.organizations),
    coverage: p.kind === 'multi-aspect' ? teamCoverage(a.team, p.aspects, ownerOf) : null,
    bridged: specific ? bridged(p, a.concepts, set.catalogue, specific) : null,
    bridgedByLinks: specific ? bridged(p, a.concepts, set.catalogue, specific, true) : null,
  };
}

async function askEngine(app: FastifyInstance, p: Problem): Promise<Answer> {
  const t = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/matching',
    payload: { text: p.text, lang: p.lang, sector: p.sector, filiera: p.filiera, limit: LIMIT },
  });
  const ms = performance.now() - t;
  if (res.statusCode !== 200)
    return { records: [], organizations: [], team: [], concepts: [], ms, error: `HTTP ${res.statusCode}` };
  const b = res.json() as {
    results?: unknown;
    organizations?: unknown;
    teams?: { organizations?: unknown }[];
    aspects?: { concepts?: string[]; label: string; kind: string }[];
  };
  return {
    records: ids(b.results),
    organizations: ids(b.organizations),
    team: ids(b.teams?.[0]?.organizations),
    concepts: [...new Set((b.aspects ?? []).flatMap((a) => a.concepts ?? []))],
    aspects: (b.aspects ?? []).map((a) => ({ label: a.label, kind: a.kind })),
    ms,
  };
}

/** Pieces of a text under the search box's 500 characters, cut between sentences (or words). */
function pieces(text: string, max = 480): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of text.split(/\s+/)) {
    if (cur && cur.length + w.length + 1 > max) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) out.push(cur);
  return out;
}

async function search(app: FastifyInstance, q: string, lang: string, limit: number) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/search?q=${encodeURIComponent(q)}&lang=${lang}&limit=${limit}`,
  });
  if (res.statusCode !== 200) return { hits: [] as string[], corrections: [] as { from: string; to: string }[] };
  const b = res.json() as { hits: { id: string }[]; interpretation?: { corrections: { from: string; to: string }[] } };
  return { hits: b.hits.map((h) => h.id), corrections: b.interpretation?.corrections ?? [] };
}

async function runConfig(
  set: LabelledSet,
  database: Awaited<ReturnType<typeof openDatabase>>,
  config: string,
  analysis: Partial<AnalysisSettings>,
): Promise<RunResult> {
  // The bridge rate reads concepts with the same settings the engine runs with.
  configureAnalysis({ ...DEFAULT_ANALYSIS, ...analysis });
  const specific = specificConcepts(set.catalogue);
  const app = await openApp(database, analysis);
  try {
    await askEngine(app, set.problems[0]!); // warm-up, not timed
    const answers = new Map<string, Answer>();
    for (const p of set.problems) answers.set(p.id, await askEngine(app, p));
    const engine = new Map(set.problems.map((p) => [p.id, score(p, answers.get(p.id)!, set, specific)]));
    const hits: number[] = [];
    for (const q of set.queries) {
      const r = await search(app, q.query, q.lang, 10);
      hits.push(r.hits.slice(0, 10).some((id) => q.relevant.includes(id)) ? 1 : 0);
    }
    const corrected: { from: string; to: string }[] = [];
    for (const c of set.control)
      for (const piece of pieces(c.text)) corrected.push(...(await search(app, piece, c.lang, 1)).corrections);
    return {
      config,
      engine,
      answers,
      hits,
      corrected,
      times: [...answers.values()].map((a) => a.ms ?? 0),
    };
  } finally {
    await app.close();
  }
}

interface Baseline {
  figures: Map<string, Figures>;
  hits: number[];
}
function baseline(set: LabelledSet): Baseline {
  const bm25 = new Bm25(set.catalogue.documents);
  const figures = new Map<string, Figures>();
  for (const p of set.problems) {
    const results = bm25.search(p.text);
    const organizations = bm25.rankOrganizations(results).map((o) => o.id);
    const a: Answer = {
      records: results.slice(0, LIMIT).map((r) => r.id),
      organizations,
      team: organizations.slice(0, 4),
      concepts: [],
    };
    figures.set(p.id, score(p, a, set, null));
  }
  const hits = set.queries.map((q) =>
    bm25
      .search(q.query)
      .slice(0, 10)
      .some((r) => q.relevant.includes(r.id))
      ? 1
      : 0,
  );
  return { figures, hits };
}

// ---------------------------------------------------------------------------------------------------------------------
// Printing

const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');
const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(0)}%` : '–');
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const ci = (v: number[]) => {
  const [lo, hi] = bootstrapCi(v);
  return `${f2(mean(v))} [${f2(lo)}–${f2(hi)}]`;
};

interface SetRun {
  set: LabelledSet;
  bm25: Baseline;
  runs: RunResult[];
}

function groupsOf(set: LabelledSet): [string, Problem[]][] {
  const kinds = [...new Set(set.problems.map((p) => p.kind))];
  return [
    ['overall', set.problems],
    ...kinds.map((k): [string, Problem[]] => [k, set.problems.filter((p) => p.kind === k)]),
    ['lang it', set.problems.filter((p) => p.lang === 'it')],
    ['lang en', set.problems.filter((p) => p.lang === 'en')],
  ];
}

function mainTable(all: SetRun[]): void {
  const groups = new Set(all.flatMap((s) => groupsOf(s.set).map(([g]) => g)));
  const head = [
    'group',
    ...all.flatMap((s) => [`${s.set.name} n`, 'nDCG@10 eng [95% CI]', 'bm25', 'R@10', 'org@5', 'team']),
  ];
  const widths = [16, ...all.flatMap(() => [9, 21, 6, 6, 6, 6])];
  const line = (cells: string[]) =>
    console.log(cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : lpad(c, widths[i]!))).join(' '));
  line(head);
  line(widths.map((w) => '-'.repeat(w)));
  for (const g of groups) {
    const cells = [g];
    for (const s of all) {
      const ps = groupsOf(s.set).find(([name]) => name === g)?.[1] ?? [];
      const run = s.runs[0]!;
      const pick = (f: (x: Figures) => number | null, m: Map<string, Figures>) =>
        ps.map((p) => f(m.get(p.id)!)).filter((v): v is number => typeof v === 'number');
      cells.push(
        String(ps.length),
        ps.length ? ci(pick((x) => x.ndcg10, run.engine)) : '–',
        f2(mean(pick((x) => x.ndcg10, s.bm25.figures))),
        f2(mean(pick((x) => x.recall10, run.engine))),
        f2(mean(pick((x) => x.orgNdcg5, run.engine))),
        pct(mean(pick((x) => x.coverage, run.engine))),
      );
    }
    line(cells);
  }
}

function extras(s: SetRun): void {
  const run = s.runs[0]!;
  const figs = [...run.engine.values()];
  const bm = mean(s.set.problems.map((p) => s.bm25.figures.get(p.id)!.ndcg10));
  const eng = mean(figs.map((f) => f.ndcg10));
  const kind = (k: string) => mean(s.set.problems.filter((p) => p.kind === k).map((p) => run.engine.get(p.id)!.ndcg10));
  const multi = figs.map((f) => f.coverage).filter((v): v is number => v !== null);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(`\n${s.set.name}:`);
  console.log(
    `  nDCG@10 ${f2(eng)} (target ≥ ${TARGETS.ndcg}: ${verdict(eng >= TARGETS.ndcg)}), ${f2(eng / bm)}× BM25 ${f2(bm)} (target ≥ ${TARGETS.ratio}×: ${verdict(eng >= TARGETS.ratio * bm)})`,
  );
  console.log(
    `  cross-language ${f2(kind('cross-language'))} (≥ ${TARGETS.crossLanguage}: ${verdict(kind('cross-language') >= TARGETS.crossLanguage)}), equipment ${f2(kind('equipment'))} (≥ ${TARGETS.equipment}: ${verdict(kind('equipment') >= TARGETS.equipment)}), team coverage ${pct(mean(multi))} (≥ ${pct(TARGETS.coverage)}: ${verdict(mean(multi) >= TARGETS.coverage)})`,
  );
  if (s.set.queries.length)
    console.log(
      `  search hit@10 on ${s.set.queries.length} keyword queries: engine ${pct(mean(run.hits))}, BM25 ${pct(mean(s.bm25.hits))}`,
    );
  else console.log('  search hit@10: no keyword queries in this set');
  const words = s.set.control.reduce((n, c) => n + c.text.split(/\s+/).length, 0);
  console.log(
    `  real words corrected in ${s.set.control.length} clean control texts (${words} words): ${run.corrected.length}${s.set.showTexts && run.corrected.length ? ` (${run.corrected.map((c) => `${c.from}→${c.to}`).join(', ')})` : ''}`,
  );
  const bridges = figs.map((f) => f.bridged).filter((v): v is boolean => v !== null);
  const byLinks = figs.map((f) => f.bridgedByLinks).filter((v): v is boolean => v !== null);
  const kindRate = (kind: string) => {
    const known = s.set.problems
      .filter((p) => p.kind === kind)
      .map((p) => run.engine.get(p.id)?.bridgedByLinks)
      .filter((v): v is boolean => typeof v === 'boolean');
    return `${kind} ${known.filter(Boolean).length}/${known.length}`;
  };
  console.log(
    `  bridge rate (a specific concept shared with a grade-3 record): ${pct(mean(bridges.map(Number)))}; through one glossary link too: ${pct(mean(byLinks.map(Number)))} (${kindRate('symptom')}, ${kindRate('synonym')}, ${kindRate('equipment')})`,
  );
  console.log(
    `  time per problem (in-process, after a warm-up): mean ${mean(run.times).toFixed(1)} ms, p95 ${percentile(run.times, 95).toFixed(1)} ms`,
  );
}

function ablationTable(all: SetRun[]): void {
  console.log(
    '\nAblation: each setting back to its previous behaviour, one at a time, and the --variant runs (Δ nDCG@10 vs the first run, 95% CI)',
  );
  for (const s of all) {
    const base = s.runs[0]!;
    const kinds = groupsOf(s.set)
      .map(([g]) => g)
      .filter((g) => !g.startsWith('lang'));
    console.log(`\n${s.set.name}`);
    const widths = [26, ...kinds.map(() => 9), 25, 7, 6];
    const line = (cells: string[]) =>
      console.log(cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : lpad(c, widths[i]!))).join(' '));
    line(['config', ...kinds.map((k) => k.slice(0, 9)), 'Δ overall [95% CI]', 'team', 'fixes']);
    for (const run of s.runs) {
      const cells = [run.config];
      for (const k of kinds) {
        const ps = groupsOf(s.set).find(([g]) => g === k)![1];
        cells.push(f2(mean(ps.map((p) => run.engine.get(p.id)!.ndcg10))));
      }
      const a = s.set.problems.map((p) => run.engine.get(p.id)!.ndcg10);
      const b = s.set.problems.map((p) => base.engine.get(p.id)!.ndcg10);
      const [lo, hi] = pairedDifferenceCi(a, b);
      const d = mean(a) - mean(b);
      cells.push(
        run === base ? '–' : `${d >= 0 ? '+' : ''}${f3(d)} [${f3(lo)}…${f3(hi)}]`,
        pct(mean([...run.engine.values()].map((f) => f.coverage).filter((v): v is number => v !== null))),
        String(run.corrected.length),
      );
      line(cells);
    }
  }
  console.log('(fixes: real words corrected in the clean control texts)');
}

function perProblem(s: SetRun): void {
  if (!s.set.showTexts) return;
  const run = s.runs[0]!;
  console.log(`\nPer problem (${s.set.name}): nDCG@10 / R@10 / org nDCG@5 / team cov, engine | BM25`);
  for (const p of s.set.problems) {
    const show = (f: Figures) =>
      `${f2(f.ndcg10)} / ${f2(f.recall10)} / ${f2(f.orgNdcg5)}${f.coverage != null ? ` / ${pct(f.coverage)}` : ''}`;
    console.log(
      `  ${pad(p.id, 4)} ${pad(p.kind, 14)} ${p.lang}  ${pad(show(run.engine.get(p.id)!), 30)} | ${show(s.bm25.figures.get(p.id)!)}`,
    );
  }
}

function worst(s: SetRun, catalogue: Catalogue): void {
  if (!s.set.showTexts) return;
  const run = s.runs[0]!;
  const sorted = [...s.set.problems].sort((a, b) => run.engine.get(a.id)!.ndcg10 - run.engine.get(b.id)!.ndcg10);
  console.log(`\nFive worst problems (${s.set.name}) by nDCG@10, with their first five results`);
  for (const p of sorted.slice(0, 5)) {
    const f = run.engine.get(p.id)!;
    const a = run.answers.get(p.id)!;
    console.log(`\n${p.id} [${p.kind}, ${p.lang}] nDCG@10 ${f2(f.ndcg10)}  R@10 ${f2(f.recall10)}`);
    console.log(`  "${p.text.length > 160 ? `${p.text.slice(0, 157)}...` : p.text}"`);
    a.records.slice(0, 5).forEach((id, i) => {
      const rec = catalogue.records.get(id);
      console.log(`  ${i + 1}. [${p.records[id] ?? 0}] ${id}${rec ? ` — ${rec.title}` : ''}`);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  const settingsOf = (list: string) =>
    Object.fromEntries(
      list
        .split(',')
        .filter(Boolean)
        .map((kv) => {
          const [k, v] = kv.split('=');
          if (!k || !(k in DEFAULT_ANALYSIS)) throw new Error(`unknown analysis setting "${k}"`);
          return [k, v === 'true' ? true : v === 'false' ? false : Number(v)];
        }),
    ) as Partial<AnalysisSettings>;
  const given = settingsOf(opts.with ?? '');
  const base = { ...(opts.off ? withLegacy(opts.off.split(',').filter(Boolean)) : {}), ...given };
  const named = [opts.off ? `off: ${opts.off}` : '', opts.with ? `with ${opts.with}` : ''].filter(Boolean).join('; ');
  const configs: { name: string; analysis: Partial<AnalysisSettings> }[] = [
    { name: named || 'current', analysis: base },
  ];
  if (opts.ablate) {
    for (const sw of ABLATION_SWITCHES) configs.push({ name: `${sw} off`, analysis: { ...base, ...withLegacy([sw]) } });
    configs.push({ name: 'all off (previous engine)', analysis: withLegacy([...ABLATION_SWITCHES]) });
  }
  for (const v of opts.variant ?? []) configs.push({ name: v, analysis: { ...base, ...settingsOf(v) } });
  const sets: LabelledSet[] = [];
  for (const make of [demoSet, secondSet, thirdSet]) {
    const s = make();
    if (typeof s === 'string') console.log(`!! ${s}`);
    else if (!opts.set || opts.set === s.name) sets.push(s);
  }
  const all: SetRun[] = [];
  for (const set of sets) {
    const kinds = [
      ...set.problems.reduce((m, p) => m.set(p.kind, (m.get(p.kind) ?? 0) + 1), new Map<string, number>()),
    ];
    console.log(
      `${set.name}: ${set.problems.length} problems (${kinds.map(([k, n]) => `${k} ${n}`).join(', ')}), ${set.catalogue.records.size} records, ${set.queries.length} keyword queries, ${set.control.length} control texts`,
    );
    const database = await openDatabase(set);
    const runs: RunResult[] = [];
    try {
      for (const c of configs) {
        runs.push(await runConfig(set, database, c.name, c.analysis));
        if (configs.length > 1) console.log(`  ${set.name}: ${c.name} done`);
      }
    } finally {
      await database.close();
    }
    all.push({ set, bm25: baseline(set), runs });
  }
  console.log(
    '\nRecords: nDCG@10 (bootstrap 95% interval over problems) and recall@10; organisations: nDCG@5; team: aspect coverage of the best team on multi-aspect problems.\n',
  );
  mainTable(all);
  for (const s of all) extras(s);
  if (opts.ablate || opts.variant?.length) ablationTable(all);
  if (opts.aspects)
    for (const s of all) {
      console.log(`\nAspects as the engine names them (${s.set.name}, first ${opts.aspects} problems):`);
      for (const p of s.set.problems.slice(0, Number(opts.aspects))) {
        const a = s.runs[0]!.answers.get(p.id)?.aspects ?? [];
        console.log(
          `  ${p.id} [${p.kind}, ${p.lang}]: ${a.map((x) => `${x.label} (${x.kind})`).join(' · ') || '(none)'}`,
        );
      }
    }
  for (const s of all) {
    if (opts.all) perProblem(s);
    worst(s, s.set.catalogue);
  }
  if (opts.json) {
    const out = all.map((s) => ({
      set: s.set.name,
      runs: s.runs.map((r) => ({
        config: r.config,
        problems: s.set.problems.map((p) => ({
          id: p.id,
          kind: p.kind,
          lang: p.lang,
          engine: r.engine.get(p.id),
          bm25: s.bm25.figures.get(p.id),
          top: r.answers.get(p.id)?.records.slice(0, 10),
        })),
      })),
    }));
    fs.writeFileSync(opts.json, `${JSON.stringify(out, null, 2)}\n`);
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
