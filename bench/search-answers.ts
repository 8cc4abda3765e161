/**
 * Writes what search answers for the benchmark's query mix, one line per query, so two revisions of the index can be
 * checked for identical answers (a hand-run check next to `bench/search-breakdown.ts`; it uses only the engine's API,
 * so the same file runs against an older checkout):
 *
 *   tsx bench/search-answers.ts --data DIR/pglite [--queries 1000] [--seed 1] [--order seq] > answers.txt
 *
 * Each query is asked anonymously and as a network member, then again with a filter on the first value of each facet
 * of its answer (so every filter path is taken), and every tenth query's text is also sent to matching. `--order seq`
 * indexes records in the order they were first written (the server's full load since decision 026) instead of the
 * order the table returns them in.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { matchOnIndex } from '../apps/server/src/modules/matching/matching.engine.ts';
import type { SearchEngine } from '../apps/server/src/modules/search/search.engine.ts';
import { engineFromCatalogue } from './engine.ts';
import { generateQueries } from './generate.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    seed: { type: 'string', default: '1' },
    queries: { type: 'string', default: '1000' },
    order: { type: 'string' },
  },
});
if (!values.data) throw new Error('give --data DIR');
const database = await openDatabase({ kind: 'pglite', dataDir: path.resolve(values.data) }, 'clock bench');
try {
  const { engine, organizationIds } = await engineFromCatalogue(database.db, values.order);
  const queries = generateQueries({
    seed: Number(values.seed),
    count: Number(values.queries),
    organizationIds,
  });
  const all = createHash('sha256');
  const line = (label: string, answer: unknown) => {
    const text = JSON.stringify(answer);
    all.update(text);
    console.log(`${label} ${createHash('sha256').update(text).digest('hex').slice(0, 16)}`);
  };
  let i = 0;
  for (const q of queries) {
    i++;
    const p = { ...q.params, page: Number(q.params.page ?? 1), limit: 20 } as never as Parameters<
      SearchEngine['search']
    >[0];
    for (const network of [false, true]) {
      const a = engine.search(p, network);
      line(`${i} ${q.category} network=${network}`, a);
      for (const f of ['type', 'organization', 'sector', 'filiera', 's3'] as const) {
        const v = a.facets[f][0]?.value;
        if (v && !(p as unknown as Record<string, unknown>)[f])
          line(`${i} ${f}=${v}`, engine.search({ ...p, [f]: v }, network));
      }
    }
    if (i % 10 === 0 && p.q) {
      const m = matchOnIndex(engine, { text: p.q }, false);
      line(`${i} matching`, m);
    }
  }
  console.log(`all ${all.digest('hex')}`);
} finally {
  await database.close();
}
