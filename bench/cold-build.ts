/**
 * The cost of a cold full build of the search index, in this thread: the CPU time of building the index from a
 * generated catalogue's documents, as the analysis thread does on a first start, and a digest of the index it builds
 * (every JSON part and typed array of `toSnapshot()`), so that two revisions can be shown to build the same index.
 *
 *   tsx bench/cold-build.ts [--records 10000] [--seed 1] [--rounds 3] [--data DIR] [--base REV]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/cold-build.ts --data DIR   # then bench/profile-summary.ts
 *
 * DIR keeps the imported database (generated and imported on the first run, reused afterwards); without it a
 * temporary one is used and removed. `--base REV` also builds the base revision's index (its own sources, checked
 * out in a temporary git worktree) over the same documents in the same process, alternating which goes first round by
 * round so the load of the machine weighs on both alike, and says whether the two indexes are identical.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { prepareDatabase } from '../apps/server/src/db/prepare.ts';
import { importBundle } from '../apps/server/src/modules/catalogue/bundle.service.ts';
import type { SearchEngine } from '../apps/server/src/modules/search/search.engine.ts';
import type { DocInput } from '../apps/server/src/modules/search/search.index.ts';
import { checkoutBase, type BaseCheckout } from './base.ts';
import { catalogueDocuments } from './engine.ts';
import { generateBundleFile } from './generate.ts';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '3' },
    data: { type: 'string' },
    base: { type: 'string' },
  },
});
const RECORDS = Number(values.records);
const SEED = Number(values.seed);
const rounds = Math.max(1, Number(values.rounds));
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Revision {
  label: string;
  Engine: typeof SearchEngine;
  cpu: number[];
  digest: string;
}

/** SHA-256 of every part of an index's snapshot: its JSON parts and the bytes of its typed arrays, in order. */
function snapshotDigest(engine: SearchEngine): string {
  const { json, arrays } = engine.index.toSnapshot();
  const h = createHash('sha256');
  for (const [name, part] of Object.entries(json)) h.update(name).update(JSON.stringify(part));
  for (const [name, a] of Object.entries(arrays))
    for (const v of Array.isArray(a) ? a : [a])
      h.update(name).update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  return h.digest('hex');
}

/** Builds a full index from the documents; returns the CPU milliseconds (user + system) it took and the engine. */
function build(Engine: typeof SearchEngine, upserts: DocInput[]): { ms: number; engine: SearchEngine } {
  const engine = new Engine();
  const before = process.cpuUsage();
  engine.applyNow({ full: true, first: true, final: true, removals: [], upserts });
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, engine };
}

const keep = values.data ? path.resolve(values.data) : null;
const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'clock-cold-build-'));
const marker = path.join(dir, 'imported.json');
let base: BaseCheckout | null = null;
try {
  const reuse = fs.existsSync(marker)
    ? (JSON.parse(fs.readFileSync(marker, 'utf8')) as { records: number; seed: number })
    : null;
  if (reuse && (reuse.records !== RECORDS || reuse.seed !== SEED))
    throw new Error(`${dir} holds ${reuse.records} offers (seed ${reuse.seed}); use another --data directory`);
  fs.mkdirSync(dir, { recursive: true });
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') }, 'clock cold build bench');
  let upserts: DocInput[];
  try {
    if (!reuse) {
      const file = path.join(dir, 'bundle.json');
      console.log(`generating and importing ${RECORDS} offers (seed ${SEED})`);
      await generateBundleFile(file, { records: RECORDS, seed: SEED });
      await prepareDatabase(database, 'demo');
      await importBundle(database.db, fs.createReadStream(file));
      fs.rmSync(file, { force: true });
      fs.writeFileSync(marker, JSON.stringify({ records: RECORDS, seed: SEED }));
    }
    upserts = await catalogueDocuments(database.db, 'seq');
  } finally {
    await database.close();
  }
  const { SearchEngine: ThisEngine } = await import('../apps/server/src/modules/search/search.engine.ts');
  const revisions: Revision[] = [{ label: 'this', Engine: ThisEngine, cpu: [], digest: '' }];
  if (values.base) {
    base = checkoutBase(ROOT, values.base);
    const mod = (await import(path.join(base.dir, 'apps/server/src/modules/search/search.engine.ts'))) as {
      SearchEngine: typeof SearchEngine;
    };
    revisions.unshift({ label: base.label, Engine: mod.SearchEngine, cpu: [], digest: '' });
  }
  console.log(`${upserts.length} documents; ${rounds} round(s); load average ${os.loadavg()[0]!.toFixed(2)}`);
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? revisions : [...revisions].reverse();
    for (const rev of order) {
      const { ms, engine } = build(rev.Engine, upserts);
      rev.cpu.push(ms);
      if (!rev.digest) rev.digest = snapshotDigest(engine);
    }
  }
  const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  for (const rev of revisions) {
    const sorted = [...rev.cpu].sort((a, b) => a - b);
    console.log(
      `${rev.label}: build CPU min ${f(sorted[0]!)}, median ${f(sorted[Math.floor(sorted.length / 2)]!)} ` +
        `(${rev.cpu.map(f).join(', ')}); index digest ${rev.digest.slice(0, 16)}`,
    );
  }
  if (revisions.length > 1)
    console.log(revisions[0]!.digest === revisions[1]!.digest ? 'indexes identical' : 'INDEXES DIFFER');
} finally {
  base?.remove();
  if (!keep) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
