/**
 * Matching at scale without HTTP or threads: a hand-run diagnostic next to `npm run bench:matching:scale`, for CPU
 * profiles and for checking that two revisions give the same answers.
 *
 *   tsx bench/matching/inprocess.ts --data DIR/pglite [--rounds 3] [--answers FILE] [--base REV] [--set second]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/matching/inprocess.ts --data DIR/pglite
 *
 * DIR is a database kept by `npm run bench:matching:scale -- --data DIR` (unlocked: no server on it). Builds the index
 * in this thread, then matches the 62 labelled problems of bench/matching/problems.json (with their sector and
 * filiera, limit 20) as a network member and anonymously, `--rounds` times, and prints the CPU time per matching
 * (p50, p95, max, mean; after two warm-up calls, and the first round is not counted when there are several). `--answers FILE`
 * writes one line per problem and audience with a digest of the whole answer (results, scores, explanations,
 * organisations, teams), and a digest of all of them at the end.
 *
 * `--base REV` also builds the base revision's engine (its own sources, checked out in a temporary git worktree) over
 * the same documents, in the same process, and matches every problem with both engines one after the other (which goes
 * first alternates), so that the load of the machine weighs on both alike; it prints both revisions' CPU times and
 * counts the answers that differ in any byte.
 *
 * `--set second` matches the problem texts of the second labelled set (bench/matching/second/) instead, on the same
 * catalogue: their labels do not apply there, but their answers are as good a check of identical rankings.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../apps/server/src/db/client.ts';
import { matchOnIndex, type MatchInput } from '../../apps/server/src/modules/matching/matching.engine.ts';
import type { SearchEngine } from '../../apps/server/src/modules/search/search.engine.ts';
import { checkoutBase, type BaseCheckout } from '../base.ts';
import { catalogueDocuments, engineFromCatalogue } from '../engine.ts';
import { mean, percentile } from './metrics.ts';
import { loadCatalogue, loadProblems } from './problems.ts';
import { SECOND_DIR } from './sets.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    answers: { type: 'string' },
    base: { type: 'string' },
    set: { type: 'string', default: 'demo' },
  },
});
if (!values.data) throw new Error('give --data DIR');
const rounds = Math.max(1, Number(values.rounds));
const { problems } =
  values.set === 'second'
    ? loadProblems(loadCatalogue(path.join(SECOND_DIR, 'bundle.json')), path.join(SECOND_DIR, 'problems.json'))
    : loadProblems(loadCatalogue());
const f1 = (n: number) => n.toFixed(1);
const summary = (cpu: number[]) =>
  `p50 ${f1(percentile(cpu, 50))} ms, p95 ${f1(percentile(cpu, 95))} ms, max ${f1(Math.max(...cpu))} ms, mean ${f1(mean(cpu))} ms`;

type Match = (input: MatchInput, network: boolean) => unknown;
interface Revision {
  label: string;
  match: Match;
  cpu: number[];
}
const revisions: Revision[] = [];
let base: BaseCheckout | null = null;

const database = await openDatabase({ kind: 'pglite', dataDir: path.resolve(values.data) }, 'clock bench');
try {
  let t = performance.now();
  const { engine } = await engineFromCatalogue(database.db);
  console.log(`index: ${engine.index.size} documents, built in ${f1((performance.now() - t) / 1000)} s`);
  revisions.push({ label: 'this', match: (input, network) => matchOnIndex(engine, input, network), cpu: [] });
  if (values.base) {
    base = checkoutBase(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'), values.base);
    const src = path.join(base.dir, 'apps/server/src/modules');
    const { SearchEngine: BaseEngine } = (await import(path.join(src, 'search/search.engine.ts'))) as {
      SearchEngine: typeof SearchEngine;
    };
    const baseMatching = (await import(path.join(src, 'matching/matching.engine.ts'))) as {
      matchOnIndex: typeof matchOnIndex;
    };
    t = performance.now();
    const other = new BaseEngine();
    other.applyNow({
      full: true,
      first: true,
      final: true,
      removals: [],
      upserts: await catalogueDocuments(database.db),
    });
    console.log(`base ${base.label}: index built in ${f1((performance.now() - t) / 1000)} s`);
    revisions.push({
      label: `base ${base.label}`,
      match: (input, network) => baseMatching.matchOnIndex(other, input, network),
      cpu: [],
    });
  }
} finally {
  await database.close();
}

try {
  // Warm-up, not counted or compared: the first call compiles the code, and the first misspelt word builds the typo
  // tables (a cold call on a loaded machine can run out of its time budget and answer a truncated result).
  for (const rev of revisions)
    for (const text of [problems[0]!.text, 'Cerchiamo un laboratorio per prove di resitenza meccanica'])
      rev.match({ text, limit: 20 }, true);
  const lines: string[] = [];
  const all = createHash('sha256');
  let differing = 0;
  let call = 0;
  for (let r = 0; r < rounds; r++) {
    for (const p of problems) {
      for (const network of [true, false]) {
        const input = { text: p.text, lang: p.lang, sector: p.sector, filiera: p.filiera, limit: 20 };
        const texts: string[] = [];
        // Which revision goes first alternates from one call to the next.
        const order = call++ % 2 ? [...revisions].reverse() : revisions;
        for (const rev of order) {
          const c0 = process.cpuUsage();
          const answer = rev.match(input, network);
          const c = process.cpuUsage(c0);
          if (rounds === 1 || r > 0) rev.cpu.push((c.user + c.system) / 1000);
          if (r === 0) texts[revisions.indexOf(rev)] = JSON.stringify(answer);
        }
        if (r > 0) continue;
        all.update(texts[0]!);
        lines.push(`${p.id} network=${network} ${createHash('sha256').update(texts[0]!).digest('hex').slice(0, 16)}`);
        if (texts.length > 1 && texts[1] !== texts[0]) {
          differing++;
          // An analysis that ran out of its time budget (a long pause on a loaded machine) answers a partial result.
          const cut = texts.map((x) => (JSON.parse(x) as { truncated?: boolean }).truncated === true);
          console.log(`differs from the base: ${p.id} network=${network}; truncated: this ${cut[0]}, base ${cut[1]}`);
        }
      }
    }
  }
  for (const rev of revisions)
    console.log(`${rev.label}: CPU per matching (${rev.cpu.length} calls): ${summary(rev.cpu)}`);
  if (revisions.length > 1) console.log(`answers differing from the base: ${differing} of ${lines.length}`);
  const digest = all.digest('hex');
  console.log(`answers: ${digest}`);
  if (values.answers) fs.writeFileSync(values.answers, `${lines.join('\n')}\nall ${digest}\n`);
} finally {
  base?.remove();
}
