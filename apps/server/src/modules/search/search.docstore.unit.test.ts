import { describe, expect, it } from 'vitest';
import { DocStore } from './search.docstore.ts';
import type { DocInput } from './search.index.ts';
import { SnapshotRefused, type TypedArray } from './search.snapshot.ts';

const doc = (over: Partial<DocInput>): DocInput => ({
  type: 'service',
  id: 'a',
  organization: 'org-1',
  visibility: 'public',
  title: { it: 'Prove di fatica', en: 'Fatigue testing' },
  summary: { it: 'Prove su giunti saldati.', en: 'Tests on welded joints.' },
  fields: [{ text: 'ignored', lang: 'it', weight: 1 }],
  sectors: ['C25.11'],
  filiere: ['meccanica'],
  s3: ['manifattura'],
  ...over,
});

const expectAll = (s: DocStore) => {
  for (const [i, d] of DOCS.entries()) expect(s.get(i)).toStrictEqual(kept(d));
};

/** Every shape a kept document can have: languages missing or empty, accents and non-Latin text, repeated values. */
const DOCS: DocInput[] = [
  doc({}),
  doc({ id: 'b', type: 'expert', visibility: 'network', title: { it: 'Perché così' }, summary: {} }),
  doc({ id: 'c', title: { en: '' }, summary: { it: '', en: 'Ünïcödé — 测试 🙂 <b>&amp;' }, organization: 'org-2' }),
  doc({ id: 'd', sectors: [], filiere: ['meccanica', 'meccanica', 'nautica'], s3: [] }),
  doc({ id: 'e', sectors: ['c17.12 ', 'C17.12', 'A'], title: {}, summary: { en: 'x'.repeat(5000) } }),
];
const kept = (d: DocInput): DocInput => ({ ...d, fields: [] });

function filled(): DocStore {
  const s = new DocStore();
  for (const d of DOCS) s.push(d);
  return s;
}

describe('DocStore', () => {
  it('gives back every document as it was given, without its fields', () => {
    const s = filled();
    expect(s.length).toBe(DOCS.length);
    expectAll(s);
    for (const [i, d] of DOCS.entries()) expect(s.key(i)).toBe(`${d.type}:${d.id}`);
  });

  it('keeps answering after trimming, and grows again after it', () => {
    const s = filled();
    s.trim();
    expectAll(s);
    for (let i = 0; i < 3000; i++) s.push(doc({ id: `n${i}`, title: { it: `titolo ${i} è` } }));
    expect(s.get(DOCS.length + 2999)).toStrictEqual(kept(doc({ id: 'n2999', title: { it: 'titolo 2999 è' } })));
    expectAll(s);
  });

  it('hands out a new object each time, so a caller changing one changes nothing kept', () => {
    const s = filled();
    const first = s.get(0);
    first.title.it = 'changed';
    first.filiere.push('other');
    expect(s.get(0)).toStrictEqual(kept(DOCS[0]!));
  });

  it('comes back whole from its snapshot sections, and can be appended to afterwards', () => {
    const { json, arrays } = filled().toSnapshot();
    // As read from a file: every array a copy of its own.
    const copies = Object.fromEntries(Object.entries(arrays).map(([k, a]) => [k, a.slice()])) as Record<
      string,
      TypedArray
    >;
    const back = DocStore.fromSnapshot(JSON.parse(JSON.stringify(json)), copies);
    expectAll(back);
    back.push(doc({ id: 'z' }));
    expect(back.get(DOCS.length)).toStrictEqual(kept(doc({ id: 'z' })));
  });

  it('refuses sections that do not fit together', () => {
    const { json, arrays } = filled().toSnapshot();
    const withArray = (name: string, a: TypedArray) => () => DocStore.fromSnapshot(json, { ...arrays, [name]: a });
    const textAt = arrays['store.textAt']!.slice() as Int32Array;
    textAt[3] = 1 << 30;
    expect(withArray('store.textAt', textAt)).toThrow(SnapshotRefused);
    const tags = arrays['store.tags']!.slice() as Int32Array;
    tags[0] = 99;
    expect(withArray('store.tags', tags)).toThrow(SnapshotRefused);
    expect(withArray('store.org', new Int32Array(2))).toThrow(SnapshotRefused);
    expect(withArray('store.present', new Int32Array(DOCS.length))).toThrow(SnapshotRefused);
    expect(() => DocStore.fromSnapshot({}, arrays)).toThrow(SnapshotRefused);
  });
});
