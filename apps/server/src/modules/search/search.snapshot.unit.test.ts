import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { configureAnalysis } from './analysis.policy.ts';
import { SearchEngine, type SearchParams } from './search.engine.ts';
import type { DocInput } from './search.index.ts';
import { readSnapshotHeader, SNAPSHOT_FORMAT } from './search.snapshot.ts';

// A snapshot of the index must answer every query exactly as the index it was written from, and anything but a whole
// file written by the same analysis for the same database must be refused (the server then builds from the database).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-snapshot-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const DB = 'test-database';
const base = new SearchEngine();

const words = ['saldatura', 'laser', 'prove', 'fatica', 'compositi', 'vetroresina', 'riciclo', 'nautica', 'carta'];
const en = ['welding', 'fatigue', 'testing', 'composites', 'recycling', 'paper', 'shipyard', 'moulded pulp'];
function docs(from: number, count: number): DocInput[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const pick = (list: string[], n: number) =>
      Array.from({ length: n }, (_, j) => list[(i * 7 + j * 3) % list.length]);
    return {
      type: (['competence', 'service', 'equipment', 'expert'] as const)[i % 4]!,
      id: `d${i}`,
      organization: `org-${i % 5}`,
      visibility: i % 9 === 0 ? 'network' : 'public',
      title: { it: `${pick(words, 3).join(' ')} ${i}`, en: i % 2 ? pick(en, 3).join(' ') : undefined },
      summary: { it: `Laboratorio di ${pick(words, 6).join(' e ')}à.` },
      fields: [
        { text: `${pick(words, 3).join(' ')} qualità`, lang: 'it', weight: 3 },
        { text: pick(en, 4).join(', '), lang: 'en', weight: 1 },
        { text: `keyword${i % 13}, ${pick(words, 2).join(', ')}`, lang: 'both', weight: 2 },
      ],
      sectors: [`C${10 + (i % 5)}.${i % 3}${i % 2}`],
      filiere: [`filiera-${i % 3}`],
      s3: i % 4 ? [`s3-${i % 2}`] : [],
    } satisfies DocInput;
  });
}

function engineWith(): SearchEngine {
  const e = base.sibling();
  e.applyNow({ full: true, first: true, final: true, upserts: docs(0, 300), removals: [], marker: 'm1' });
  // Replaced and retired documents leave dead entries behind: the snapshot keeps them as they are.
  e.applyNow({
    full: false,
    first: true,
    final: true,
    upserts: docs(10, 20).map((d) => ({ ...d, title: { it: `saldatura rinnovata ${d.id}` } })),
    removals: [{ type: 'service', id: 'd41' }],
    marker: 'm2',
  });
  return e;
}

const queries: Omit<SearchParams, 'page' | 'limit'>[] = [
  { q: 'saldatura laser', lang: 'it' },
  { q: 'welding fatigue' },
  { q: 'saldatrua' }, // a typo: corrected towards the index's words
  { q: 'qualita' }, // no accent
  { q: 'prove', type: 'service' },
  { q: 'carta', sector: 'C11' },
  { filiera: 'filiera-1' },
  { q: 'compositi riciclo nautica', organization: 'org-2', s3: 's3-1' },
];
const answers = (e: SearchEngine) =>
  queries.flatMap((q) => [e.search({ ...q, page: 1, limit: 20 }, false), e.search({ ...q, page: 2, limit: 5 }, true)]);

describe('the index snapshot', () => {
  it('gives the same answers after a round trip, and after further changes to both', async () => {
    const built = engineWith();
    const file = path.join(dir, 'round-trip');
    const saved = await built.save(file, DB);
    expect(saved).toMatchObject({ done: true, documents: 299 });
    expect(readSnapshotHeader(file)).toMatchObject({ marker: 'm2', database: DB, documents: 299 });
    const restored = base.sibling();
    expect(restored.restore(file, DB)).toMatchObject({ done: true, marker: 'm2', documents: 299 });
    expect(restored.loaded).toBe(true);
    expect(answers(restored)).toEqual(answers(built));
    // Postings read from the file grow like built ones.
    const more = {
      full: false,
      first: true,
      final: true,
      upserts: docs(280, 40),
      removals: [{ type: 'expert' as const, id: 'd3' }],
    };
    built.applyNow(more);
    restored.applyNow(more);
    expect(answers(restored)).toEqual(answers(built));
    // Unchanged since it was read: nothing to write.
    const again = base.sibling();
    again.restore(file, DB);
    expect(await again.save(file, DB)).toMatchObject({ done: false });
  });

  it('is not written while incomplete or without a marker', async () => {
    const e = base.sibling();
    e.applyNow({ full: true, first: true, final: false, upserts: docs(0, 10), removals: [] });
    expect((await e.save(path.join(dir, 'never'), DB)).done).toBe(false);
    expect(fs.existsSync(path.join(dir, 'never'))).toBe(false);
  });

  it('is refused when missing, truncated, corrupt, of another format, analysis or database', async () => {
    const file = path.join(dir, 'checked');
    await engineWith().save(file, DB);
    const bytes = fs.readFileSync(file);
    const refused = (content: Buffer | null, database = DB) => {
      const f = path.join(dir, `variant-${Math.random()}`);
      if (content) fs.writeFileSync(f, content);
      const e = base.sibling();
      const r = e.restore(f, database);
      expect(e.loaded).toBe(false);
      return r;
    };
    expect(refused(null).done).toBe(false);
    expect(refused(bytes.subarray(0, bytes.length - 100)).done).toBe(false);
    expect(refused(bytes.subarray(0, 40)).done).toBe(false);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 3)]! ^= 0xff;
    expect(refused(flipped).reason).toMatch(/corrupt|unreadable|section/);
    const text = bytes.toString('latin1');
    const otherFormat = Buffer.from(text.replace(`{"format":${SNAPSHOT_FORMAT},`, '{"format":9,'), 'latin1');
    expect(refused(otherFormat).done).toBe(false);
    // A file of the format before the kept documents were stored as bytes (2) is rebuilt, never misread.
    const previous = Buffer.from(text.replace(`{"format":${SNAPSHOT_FORMAT},`, '{"format":1,'), 'latin1');
    expect(refused(previous).reason).toMatch(/format 1/);
    expect(refused(bytes, 'another-database').reason).toMatch(/another database/);
    const before = configureAnalysis().translationWeight;
    try {
      configureAnalysis({ translationWeight: before + 0.1 });
      expect(refused(bytes).reason).toMatch(/another analysis/);
    } finally {
      configureAnalysis({ translationWeight: before });
    }
    // The original is still good.
    expect(base.sibling().restore(file, DB).done).toBe(true);
  });

  it('is replaced whole: a failed write leaves the previous file', async () => {
    const file = path.join(dir, 'atomic');
    await engineWith().save(file, DB);
    const before = fs.readFileSync(file);
    const e = engineWith();
    e.applyNow({ full: false, first: true, final: true, upserts: docs(500, 5), removals: [], marker: 'm3' });
    // A directory where the temporary file would go: the write fails before the rename.
    fs.mkdirSync(`${file}.${process.pid}-${threadId}.tmp`, { recursive: true });
    try {
      await expect(e.save(file, DB)).rejects.toThrow();
    } finally {
      fs.rmSync(`${file}.${process.pid}-${threadId}.tmp`, { recursive: true, force: true });
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // What a process killed while writing left behind goes with the next write.
    const dead = `${file}.999999999-1.tmp`;
    fs.writeFileSync(dead, 'partial');
    expect((await e.save(file, DB)).done).toBe(true);
    expect(fs.existsSync(dead)).toBe(false);
    expect(readSnapshotHeader(file)?.marker).toBe('m3');
  });
});
