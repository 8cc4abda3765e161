import { describe, expect, it } from 'vitest';
import { FlatLists, TopK } from './search.lists.ts';

describe('FlatLists', () => {
  it('keeps one list per document, without duplicates, across growth and trimming', () => {
    const l = new FlatLists();
    const expected: number[][] = [];
    for (let d = 0; d < 3000; d++) {
      const list = Array.from({ length: d % 5 }, (_, i) => (d * 7 + i * 3) % 11);
      l.push([...list, ...list]);
      expected.push([...new Set(list)]);
      if (d === 1500) l.trim();
    }
    expect(l.length).toBe(3000);
    l.trim();
    l.push([4, 2, 4]);
    expected.push([4, 2]);
    for (let d = 0; d < expected.length; d++) {
      expect(l.get(d)).toEqual(expected[d]);
      expect(l.end(d) - l.start(d)).toBe(expected[d]!.length);
      for (let v = 0; v < 11; v++) expect(l.has(d, v)).toBe(expected[d]!.includes(v));
    }
  });

  it('takes empty lists', () => {
    const l = new FlatLists();
    l.push([]);
    l.push([1]);
    l.push([]);
    expect([l.get(0), l.get(1), l.get(2)]).toEqual([[], [1], []]);
    expect(l.has(0, 0)).toBe(false);
  });
});

describe('TopK', () => {
  // Best first: higher score, then lower document number.
  const reference = (entries: { d: number; score: number }[], k: number) =>
    [...entries].sort((a, b) => b.score - a.score || a.d - b.d).slice(0, k);

  it('keeps the k best documents, ties broken by the lower number, whatever the order they come in', () => {
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    for (const k of [0, 1, 2, 5, 20, 100, 500]) {
      const entries = Array.from({ length: 300 }, (_, d) => ({ d, score: Math.floor(random() * 40) / 4 }));
      entries.sort(() => random() - 0.5);
      const top = new TopK(k, 3);
      for (const { d, score } of entries) if (top.admits(d, score)) top.add(d, score);
      expect(top.sorted()).toEqual(reference(entries, k));
    }
  });

  it('admits a document only when it would be kept', () => {
    const top = new TopK(2);
    top.add(5, 1);
    top.add(3, 2);
    expect(top.admits(9, 0.5)).toBe(false);
    expect(top.admits(6, 1)).toBe(false);
    expect(top.admits(4, 1)).toBe(true);
    expect(top.admits(9, 1.5)).toBe(true);
    expect(new TopK(0).admits(1, 100)).toBe(false);
  });

  it('tells the score a document must reach once full', () => {
    const top = new TopK(2);
    expect(top.floor()).toBe(-Infinity);
    top.add(5, 1);
    expect(top.floor()).toBe(-Infinity);
    top.add(3, 2);
    expect(top.floor()).toBe(1);
    top.add(4, 3);
    expect(top.floor()).toBe(2);
    expect(new TopK(0).floor()).toBe(Infinity);
  });
});
