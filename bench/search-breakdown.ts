/**
 * Where search time goes, in-process (no HTTP): a hand-run diagnostic next to `npm run bench`.
 *
 *   tsx bench/search-breakdown.ts --records 10000 [--seed 1] [--queries 1000]   # generates and imports into a temp dir
 *   tsx bench/search-breakdown.ts --data /path/to/pglite-dir [--queries 1000]     # an existing (unlocked) data dir
 *   ... --same-shape    # experiment: rebuild the index's document objects with one shared hidden class first
 *
 * Times the start-up steps of the search index (glossary, vocabularies, database read, index build) and, for the
 * benchmark's query mix, each step of a search: parsing the query, ranking (SearchIndex.search), building snippets,
 * and the whole SearchEngine.search call (what the analysis thread runs per query), by query kind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { prepareDatabase } from '../apps/server/src/db/prepare.ts';
import { importBundle } from '../apps/server/src/modules/catalogue/bundle.service.ts';
import * as repo from '../apps/server/src/modules/catalogue/catalogue.repo.ts';
import { Glossary, Translator } from '../apps/server/src/modules/search/concepts.ts';
import {
  SearchIndex,
  sectorAncestors,
  type ParsedQuery,
  type SearchFilters,
} from '../apps/server/src/modules/search/search.index.ts';
import { expertDoc, offerDoc, organizationDoc } from '../apps/server/src/modules/search/search.service.ts';
import { SearchEngine } from '../apps/server/src/modules/search/search.engine.ts';
import { highlight } from '../apps/server/src/modules/search/search.snippet.ts';
import { generateBundleFile, generateQueries, type QueryCategory } from './generate.ts';

const { values } = parseArgs({
  options: {
    'same-shape': { type: 'boolean' },
    data: { type: 'string' },
    records: { type: 'string' },
    seed: { type: 'string', default: '1' },
    queries: { type: 'string', default: '1000' },
  },
});
const seed = Number(values.seed);
const nQueries = Number(values.queries);
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
const MiB = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;

/**
 * A step-by-step timing of SearchIndex.search (apps/server/src/modules/search/search.index.ts), mirroring its code as of
 * this benchmark's writing: scoring the postings, the candidate loop (filters and facet counts), sorting the results,
 * and building the sorted facet lists. Reads the index's private fields; keep in step with search.index.ts.
 */
interface IndexInternals {
  docs: {
    alive: boolean;
    length: number;
    type: string;
    organization: string;
    sectors: string[];
    filiere: string[];
    s3: string[];
    sectorSet: Set<string>;
  }[];
  postings: Map<string, { docs: Int32Array; tf: Float32Array; n: number }>;
  totalLength: number;
  aliveCount: number;
}
function phases(index: SearchIndex, query: ParsedQuery, filters: SearchFilters) {
  const ix = index as unknown as IndexInternals;
  const t0 = performance.now();
  const n = ix.docs.length;
  const scratch = new Float32Array(n),
    total = new Float32Array(n),
    matched = new Uint8Array(n);
  const avgdl = ix.aliveCount ? ix.totalLength / ix.aliveCount : 1;
  const N = Math.max(1, ix.aliveCount);
  const touched: number[] = [];
  let postingsScanned = 0;
  const browse = query.units.length === 0;
  const t1 = performance.now(); // (allocation not counted: the index reuses its scratch arrays)
  for (const unit of query.units) {
    const unitTouched: number[] = [];
    for (const alt of unit.alts) {
      const p = ix.postings.get(alt.term);
      if (!p) continue;
      postingsScanned += p.n;
      const w = alt.weight * Math.log(1 + (N - p.n + 0.5) / (p.n + 0.5));
      for (let i = 0; i < p.n; i++) {
        const d = p.docs[i]!;
        const doc = ix.docs[d]!;
        if (!doc.alive) continue;
        const tf = p.tf[i]!;
        const s = (w * tf * 2.2) / (tf + 1.2 * (1 - 0.75 + (0.75 * doc.length) / avgdl));
        if (scratch[d] === 0) unitTouched.push(d);
        if (s > scratch[d]!) scratch[d] = s;
      }
    }
    for (const d of unitTouched) {
      if (matched[d] === 0) touched.push(d);
      total[d]! += scratch[d]!;
      matched[d]! += 1;
      scratch[d] = 0;
    }
  }
  const t2 = performance.now();
  const candidates = browse ? ix.docs.map((_, i) => i) : touched;
  const facetCounts = {
    type: new Map<string, number>(),
    organization: new Map<string, number>(),
    sector: new Map<string, number>(),
    filiera: new Map<string, number>(),
    s3: new Map<string, number>(),
  };
  const bump = (f: keyof typeof facetCounts, v: string) => facetCounts[f].set(v, (facetCounts[f].get(v) ?? 0) + 1);
  const division = (code: string) => sectorAncestors(code).slice(0, 2).pop()!;
  const results: { d: number; score: number }[] = [];
  for (const d of candidates) {
    const doc = ix.docs[d]!;
    const score = browse ? 0 : total[d]! * (matched[d]! / query.units.length);
    if (!doc.alive) continue;
    const okType = !filters.type || doc.type === filters.type;
    const okOrg = !filters.organization || doc.organization === filters.organization;
    const okSector = !filters.sector || doc.sectorSet.has(filters.sector.toUpperCase());
    const okFiliera = !filters.filiera || doc.filiere.includes(filters.filiera);
    const okS3 = !filters.s3 || doc.s3.includes(filters.s3);
    if (okOrg && okSector && okFiliera && okS3) bump('type', doc.type);
    if (okType && okSector && okFiliera && okS3) bump('organization', doc.organization);
    if (okType && okOrg && okFiliera && okS3) for (const s of new Set(doc.sectors.map(division))) bump('sector', s);
    if (okType && okOrg && okSector && okS3) for (const f of doc.filiere) bump('filiera', f);
    if (okType && okOrg && okSector && okFiliera) for (const s of doc.s3) bump('s3', s);
    if (okType && okOrg && okSector && okFiliera && okS3) results.push({ d, score });
  }
  const t3 = performance.now();
  if (!browse) results.sort((a, b) => b.score - a.score || a.d - b.d);
  const t4 = performance.now();
  let facetValues = 0;
  for (const m of Object.values(facetCounts)) {
    facetValues += m.size;
    [...m]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  const t5 = performance.now();
  void t0;
  return {
    score: t2 - t1,
    facetLoop: t3 - t2,
    sort: t4 - t3,
    facetLists: t5 - t4,
    postingsScanned,
    candidates: candidates.length,
    facetValues,
  };
}

let tmp: string | null = null;
let dataDir = values.data ? path.resolve(values.data) : null;
try {
  if (!dataDir) {
    if (!values.records) throw new Error('give --data DIR or --records N');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-breakdown-'));
    dataDir = path.join(tmp, 'pglite');
    const file = path.join(tmp, 'bundle.json');
    await generateBundleFile(file, { records: Number(values.records), seed });
    const d = await openDatabase({ kind: 'pglite', dataDir }, 'clock bench');
    try {
      await prepareDatabase(d, 'none');
      const t = performance.now();
      await importBundle(d.db, fs.createReadStream(file));
      console.log(`import: ${ms(t)}`);
    } finally {
      await d.close();
    }
  }

  const database = await openDatabase({ kind: 'pglite', dataDir }, 'clock bench');
  try {
    const db = database.db;
    let t = performance.now();
    const glossary = Glossary.load();
    console.log(`Glossary.load: ${ms(t)} (${glossary.concepts.size} concepts)`);
    t = performance.now();
    const translator = Translator.load();
    console.log(`Translator.load: ${ms(t)}`);

    // The same steps as SearchService.doRefresh, timed one by one.
    t = performance.now();
    const orgRows = await repo.organizationsChangedAfter(db, null);
    const offerRows = await repo.offersChangedAfter(db, null);
    const expertRows = await repo.expertsChangedAfter(db, null);
    console.log(
      `read ${orgRows.length} organisations, ${offerRows.length} offers, ${expertRows.length} experts from the database: ${ms(t)}`,
    );
    const heap0 = process.memoryUsage().heapUsed;
    t = performance.now();
    const index = new SearchIndex(glossary, translator);
    const orgs = new Map(orgRows.map((o) => [o.id, o]));
    for (const o of orgRows) index.upsert(organizationDoc(o));
    for (const r of offerRows) index.upsert(offerDoc(r, orgs.get(r.organizationId)));
    for (const e of expertRows) index.upsert(expertDoc(e, orgs.get(e.organizationId)));
    console.log(
      `index build (${index.size} documents): ${ms(t)}; heap +${MiB(process.memoryUsage().heapUsed - heap0)}`,
    );
    t = performance.now();
    index.correct('zzzzzzzz');
    console.log(`typo-correction tables (built on the first unknown word): ${ms(t)}`);

    console.log(`process RSS ${MiB(process.memoryUsage.rss())}`);

    if (values['same-shape']) {
      // Experiment: give every document object the same hidden class (an explicit object literal instead of
      // `{ ...input, key, length, alive, sectorSet }` in SearchIndex.upsert) and measure the queries again.
      const ix = index as unknown as { docs: Record<string, unknown>[] };
      ix.docs = ix.docs.map((d) => ({
        type: d.type,
        id: d.id,
        organization: d.organization,
        visibility: d.visibility,
        title: d.title,
        summary: d.summary,
        fields: d.fields,
        sectors: d.sectors,
        filiere: d.filiere,
        s3: d.s3,
        key: d.key,
        length: d.length,
        alive: d.alive,
        sectorSet: d.sectorSet,
      }));
      console.log('--same-shape: document objects rebuilt with one shared hidden class');
    }
    // The engine the analysis thread runs, over the index just built, here in-process.
    const service = new SearchEngine(glossary, translator);
    service.index = index;

    const queries = generateQueries({ seed, count: nQueries, organizationIds: orgRows.map((o) => o.id) });
    type Row = { parse: number[]; rank: number[]; snippets: number[]; total: number[]; candidates: number[] };
    const by = new Map<QueryCategory | 'all', Row>();
    const row = (k: QueryCategory | 'all') => {
      let r = by.get(k);
      if (!r) {
        r = { parse: [], rank: [], snippets: [], total: [], candidates: [] };
        by.set(k, r);
      }
      return r;
    };
    // Warm-up so that JIT and caches do not count.
    for (const q of queries.slice(0, 50))
      service.search({ ...q.params, page: Number(q.params.page ?? 1), limit: 20 } as never, false);
    for (const q of queries) {
      const p = { ...q.params, page: Number(q.params.page ?? 1), limit: 20 } as SearchFilters & {
        page: number;
        limit: number;
        q?: string;
        lang?: 'it' | 'en';
      };
      const t0 = performance.now();
      const parsed = service.index.parse(p.q ?? '', p.lang ?? null);
      const t1 = performance.now();
      const result = service.index.search(parsed, p, () => true, (p.page - 1) * p.limit, p.limit);
      const t2 = performance.now();
      for (const h of result.hits)
        highlight(h.doc.summary.it ?? h.doc.summary.en ?? '', h.doc.summary.it ? 'it' : 'en', parsed, glossary);
      const t3 = performance.now();
      service.search(p as never, false);
      const t4 = performance.now();
      for (const r of [row(q.category), row('all')]) {
        r.parse.push(t1 - t0);
        r.rank.push(t2 - t1);
        r.snippets.push(t3 - t2);
        r.total.push(t4 - t3);
        r.candidates.push(result.total);
      }
    }
    // Steps of SearchIndex.search for the same queries.
    const steps = new Map<
      string,
      Record<'score' | 'facetLoop' | 'sort' | 'facetLists' | 'postingsScanned' | 'candidates' | 'facetValues', number[]>
    >();
    for (const q of queries) {
      const parsed = service.index.parse(q.params.q ?? '', (q.params.lang as 'it' | 'en' | undefined) ?? null);
      const r = phases(service.index, parsed, q.params);
      for (const k of [q.category, 'all']) {
        let acc = steps.get(k);
        if (!acc) {
          acc = {
            score: [],
            facetLoop: [],
            sort: [],
            facetLists: [],
            postingsScanned: [],
            candidates: [],
            facetValues: [],
          };
          steps.set(k, acc);
        }
        for (const f of Object.keys(acc) as (keyof typeof acc)[]) acc[f].push(r[f]);
      }
    }
    const pc = (xs: number[], p: number) => {
      const s = [...xs].sort((a, b) => a - b);
      return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? NaN;
    };
    const f = (x: number) => x.toFixed(1).padStart(7);
    console.log(`\nIn-process search, ${queries.length} queries (ms; p50 / p95), ${index.size} documents:`);
    console.log(
      `${'kind'.padEnd(10)} ${'n'.padStart(5)}   ${'parse'.padStart(15)}   ${'rank'.padStart(15)}   ${'snippets'.padStart(15)}   ${'engine.search'.padStart(15)}   ${'matches p50'.padStart(11)}`,
    );
    for (const [k, r] of [...by].sort((a, b) => String(a[0]).localeCompare(String(b[0])))) {
      console.log(
        `${String(k).padEnd(10)} ${String(r.total.length).padStart(5)}   ${f(pc(r.parse, 0.5))} /${f(pc(r.parse, 0.95))}   ${f(pc(r.rank, 0.5))} /${f(pc(r.rank, 0.95))}   ${f(pc(r.snippets, 0.5))} /${f(pc(r.snippets, 0.95))}   ${f(pc(r.total, 0.5))} /${f(pc(r.total, 0.95))}   ${String(pc(r.candidates, 0.5)).padStart(11)}`,
      );
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(`\nSteps of SearchIndex.search (mirror; mean ms per query, and mean counts):`);
    console.log(
      `${'kind'.padEnd(10)} ${'score'.padStart(8)} ${'facetLoop'.padStart(10)} ${'sort'.padStart(8)} ${'facetLists'.padStart(11)}   ${'postings'.padStart(9)} ${'candidates'.padStart(10)} ${'facetValues'.padStart(11)}`,
    );
    for (const [k, r] of [...steps].sort((a, b) => a[0].localeCompare(b[0]))) {
      console.log(
        `${k.padEnd(10)} ${f(mean(r.score)).padStart(8)} ${f(mean(r.facetLoop)).padStart(10)} ${f(mean(r.sort)).padStart(8)} ${f(mean(r.facetLists)).padStart(11)}   ${String(Math.round(mean(r.postingsScanned))).padStart(9)} ${String(Math.round(mean(r.candidates))).padStart(10)} ${String(Math.round(mean(r.facetValues))).padStart(11)}`,
      );
    }
  } finally {
    await database.close();
  }
} finally {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}
