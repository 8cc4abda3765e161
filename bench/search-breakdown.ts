/**
 * Where search time goes, in-process (no HTTP): a hand-run diagnostic next to `npm run bench`.
 *
 *   tsx bench/search-breakdown.ts --records 10000 [--seed 1] [--queries 1000]   # generates and imports into a temp dir
 *   tsx bench/search-breakdown.ts --records 100000 --keep DIR    # ... and keeps the imported data in DIR/pglite
 *   tsx bench/search-breakdown.ts --data /path/to/pglite-dir [--queries 1000]     # an existing (unlocked) data dir
 *   node --expose-gc --import tsx bench/search-breakdown.ts ...    # heap figures after a full collection
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
import { SearchIndex, type SearchFilters } from '../apps/server/src/modules/search/search.index.ts';
import { expertDoc, offerDoc, organizationDoc } from '../apps/server/src/modules/search/search.service.ts';
import { SearchEngine } from '../apps/server/src/modules/search/search.engine.ts';
import { highlight } from '../apps/server/src/modules/search/search.snippet.ts';
import { generateBundleFile, generateQueries, type QueryCategory } from './generate.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    records: { type: 'string' },
    keep: { type: 'string' },
    seed: { type: 'string', default: '1' },
    queries: { type: 'string', default: '1000' },
  },
});
const seed = Number(values.seed);
const nQueries = Number(values.queries);
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
const MiB = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;

let tmp: string | null = null;
let dataDir = values.data ? path.resolve(values.data) : null;
try {
  if (!dataDir) {
    if (!values.records) throw new Error('give --data DIR or --records N');
    // --keep DIR: import into DIR and leave it there, for later runs with --data DIR/pglite.
    const dir = values.keep ? path.resolve(values.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'clock-breakdown-'));
    if (values.keep) fs.mkdirSync(dir, { recursive: true });
    else tmp = dir;
    dataDir = path.join(dir, 'pglite');
    const file = path.join(dir, 'bundle.json');
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
    // With `node --expose-gc`, heap figures are taken after a full collection (otherwise they include garbage).
    const heapNow = () => {
      (globalThis as { gc?: () => void }).gc?.();
      return process.memoryUsage().heapUsed;
    };
    const heap0 = heapNow();
    t = performance.now();
    const index = new SearchIndex(glossary, translator);
    const orgs = new Map(orgRows.map((o) => [o.id, o]));
    for (const o of orgRows) index.upsert(organizationDoc(o));
    for (const r of offerRows) index.upsert(offerDoc(r, orgs.get(r.organizationId)));
    for (const e of expertRows) index.upsert(expertDoc(e, orgs.get(e.organizationId)));
    console.log(
      `index build (${index.size} documents): ${ms(t)}; heap used ${MiB(heapNow())} (rows and index; ${MiB(heap0)} before)`,
    );
    t = performance.now();
    index.correct('zzzzzzzz');
    console.log(`typo-correction tables (built on the first unknown word): ${ms(t)}`);

    console.log(
      `heap used with the typo tables: ${MiB(heapNow())}; process RSS ${MiB(process.memoryUsage.rss())} (with the database)`,
    );

    // The engine the analysis thread runs, over the index just built, here in-process.
    const service = new SearchEngine(glossary, translator);
    service.index = index;

    const queries = generateQueries({ seed, count: nQueries, organizationIds: orgRows.map((o) => o.id) });
    type Row = {
      parse: number[];
      rank: number[];
      snippets: number[];
      total: number[];
      cpu: number[];
      candidates: number[];
    };
    const by = new Map<QueryCategory | 'all', Row>();
    const row = (k: QueryCategory | 'all') => {
      let r = by.get(k);
      if (!r) {
        r = { parse: [], rank: [], snippets: [], total: [], cpu: [], candidates: [] };
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
      const result = service.index.search(parsed, p, 'public', (p.page - 1) * p.limit, p.limit);
      const t2 = performance.now();
      for (const h of result.hits)
        highlight(h.doc.summary.it ?? h.doc.summary.en ?? '', h.doc.summary.it ? 'it' : 'en', parsed, glossary);
      // The process's CPU time too: unlike wall time, it does not grow with the machine's load.
      const c3 = process.cpuUsage();
      const t3 = performance.now();
      service.search(p as never, false);
      const t4 = performance.now();
      const c4 = process.cpuUsage(c3);
      for (const r of [row(q.category), row('all')]) {
        r.parse.push(t1 - t0);
        r.rank.push(t2 - t1);
        r.snippets.push(t3 - t2);
        r.total.push(t4 - t3);
        r.cpu.push((c4.user + c4.system) / 1000);
        r.candidates.push(result.total);
      }
    }
    const pc = (xs: number[], p: number) => {
      const s = [...xs].sort((a, b) => a - b);
      return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? NaN;
    };
    const f = (x: number) => x.toFixed(1).padStart(7);
    console.log(`\nIn-process search, ${queries.length} queries (ms; p50 / p95), ${index.size} documents:`);
    console.log(
      `${'kind'.padEnd(10)} ${'n'.padStart(5)}   ${'parse'.padStart(15)}   ${'rank'.padStart(15)}   ${'snippets'.padStart(15)}   ${'engine.search'.padStart(15)}   ${'its CPU'.padStart(15)}   ${'matches p50'.padStart(11)}`,
    );
    for (const [k, r] of [...by].sort((a, b) => String(a[0]).localeCompare(String(b[0])))) {
      console.log(
        `${String(k).padEnd(10)} ${String(r.total.length).padStart(5)}   ${f(pc(r.parse, 0.5))} /${f(pc(r.parse, 0.95))}   ${f(pc(r.rank, 0.5))} /${f(pc(r.rank, 0.95))}   ${f(pc(r.snippets, 0.5))} /${f(pc(r.snippets, 0.95))}   ${f(pc(r.total, 0.5))} /${f(pc(r.total, 0.95))}   ${f(pc(r.cpu, 0.5))} /${f(pc(r.cpu, 0.95))}   ${String(pc(r.candidates, 0.5)).padStart(11)}`,
      );
    }
  } finally {
    await database.close();
  }
} finally {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}
