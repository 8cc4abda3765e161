/**
 * Matching at scale without HTTP or threads: a hand-run diagnostic next to `npm run bench:matching:scale`, for CPU
 * profiles and for checking that two revisions give the same answers. It uses only the engine's API, so the same file (with
 * bench/engine.ts) runs against an older checkout.
 *
 *   tsx bench/matching/inprocess.ts --data DIR/pglite [--rounds 3] [--answers FILE]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/matching/inprocess.ts --data DIR/pglite
 *
 * DIR is a database kept by `npm run bench:matching:scale -- --data DIR` (unlocked: no server on it). Builds the index
 * in this thread, then matches the 62 labelled problems of bench/matching/problems.json (with their sector and
 * filiera, limit 20) as a network member and anonymously, `--rounds` times, and prints the CPU time per matching
 * (p50, p95, max, mean; the first round is a warm-up and is not counted when there are several). `--answers FILE`
 * writes one line per problem and audience with a digest of the whole answer (results, scores, explanations,
 * organisations, teams), and a digest of all of them at the end.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../apps/server/src/db/client.ts';
import { matchOnIndex } from '../../apps/server/src/modules/matching/matching.engine.ts';
import type { SearchEngine } from '../../apps/server/src/modules/search/search.engine.ts';
import { engineFromCatalogue } from '../engine.ts';
import { mean, percentile } from './metrics.ts';
import { loadCatalogue, loadProblems } from './problems.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    answers: { type: 'string' },
  },
});
if (!values.data) throw new Error('give --data DIR');
const rounds = Math.max(1, Number(values.rounds));
const { problems } = loadProblems(loadCatalogue());
const f1 = (n: number) => n.toFixed(1);

const database = await openDatabase({ kind: 'pglite', dataDir: path.resolve(values.data) }, 'clock bench');
let engine: SearchEngine;
try {
  const t = performance.now();
  engine = (await engineFromCatalogue(database.db)).engine;
  console.log(`index: ${engine.index.size} documents, built in ${f1((performance.now() - t) / 1000)} s`);
} finally {
  await database.close();
}

const lines: string[] = [];
const all = createHash('sha256');
const cpu: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const p of problems) {
    for (const network of [true, false]) {
      const c0 = process.cpuUsage();
      const answer = matchOnIndex(
        engine,
        { text: p.text, lang: p.lang, sector: p.sector, filiera: p.filiera, limit: 20 },
        network,
      );
      const c = process.cpuUsage(c0);
      if (rounds === 1 || r > 0) cpu.push((c.user + c.system) / 1000);
      if (r === 0) {
        const text = JSON.stringify(answer);
        all.update(text);
        lines.push(`${p.id} network=${network} ${createHash('sha256').update(text).digest('hex').slice(0, 16)}`);
      }
    }
  }
}
console.log(
  `CPU per matching (${cpu.length} calls): p50 ${f1(percentile(cpu, 50))} ms, p95 ${f1(percentile(cpu, 95))} ms, max ${f1(Math.max(...cpu))} ms, mean ${f1(mean(cpu))} ms`,
);
const digest = all.digest('hex');
console.log(`answers: ${digest}`);
if (values.answers) fs.writeFileSync(values.answers, `${lines.join('\n')}\nall ${digest}\n`);
