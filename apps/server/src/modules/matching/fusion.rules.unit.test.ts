import { describe, expect, it } from 'vitest';
import { ABSENT, FirstSorted, firstSorted, labelSlots, rankVotes } from './fusion.rules.ts';

let seed = 7;
const random = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 4294967296;
};

describe('firstSorted', () => {
  it('gives the first k of a stable sort, ties in the order the items came', () => {
    const byScore = (a: { s: number }, b: { s: number }) => b.s - a.s;
    for (const [n, k] of [
      [0, 3],
      [2, 3],
      [3, 3],
      [50, 1],
      [500, 3],
      [500, 40],
      [20, 0],
    ] as const) {
      // Few distinct scores: many ties, which a stable sort keeps in their order.
      const items = Array.from({ length: n }, (_, i) => ({ i, s: Math.floor(random() * 6) }));
      expect(firstSorted(items, k, byScore)).toEqual([...items].sort(byScore).slice(0, k));
    }
  });

  it('keeps teams as a sort by value then size would, copying only the ones it keeps', () => {
    type Team = { members: number[]; value: number };
    const before = (a: Team, b: Team) => b.value - a.value || a.members.length - b.members.length;
    const teams: Team[] = Array.from({ length: 300 }, () => ({
      members: Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.floor(random() * 18)),
      value: Math.floor(random() * 10) / 4,
    }));
    const top = new FirstSorted<Team>(3, before);
    let copies = 0;
    for (const t of teams)
      top.offer(t, (x) => {
        copies++;
        return { members: [...x.members], value: x.value };
      });
    expect(top.items).toEqual([...teams].sort(before).slice(0, 3));
    expect(copies).toBeLessThan(teams.length);
    expect(top.keeps({ members: [1], value: -1 })).toBe(false);
  });
});

describe('labelSlots', () => {
  it('reads scores by label as an object written aspect by aspect would hold them', () => {
    // Two aspects share a label (the later one wins), and a label that looks like a number (such keys come first in
    // an object).
    const aspects = [{ label: 'welding' }, { label: '2024' }, { label: 'welding' }, { label: 'coatings' }];
    const slots = labelSlots(aspects);
    for (let round = 0; round < 200; round++) {
      const values = Float64Array.from(aspects, () => (random() < 0.4 ? ABSENT : Math.floor(random() * 8) / 8));
      const written: Record<string, number> = {};
      aspects.forEach((a, i) => {
        if (values[i] !== ABSENT) written[a.label] = values[i]!;
      });
      expect(Object.entries(slots.record(values))).toEqual(Object.entries(written));
      for (let i = 0; i < aspects.length; i++) expect(slots.score(values, i)).toBe(written[aspects[i]!.label] ?? 0);
    }
  });
});

describe('rankVotes', () => {
  const refs = (...ids: number[]) => ids.map((ref) => ({ ref }));
  it('gives 1 to the first of both rankings and counts each document once per side, by its best aspect rank', () => {
    const k = 60;
    const v = rankVotes(refs(1, 2, 3), [refs(2, 3, 4), refs(3)], k);
    expect(v.get(1)).toBeCloseTo(61 / 2 / 61, 12);
    expect(v.get(2)).toBeCloseTo((61 / 2) * (1 / 62 + 1 / 61), 12);
    // Document 3 is first on the second aspect: its best aspect rank counts, not the sum over aspects.
    expect(v.get(3)).toBeCloseTo((61 / 2) * (1 / 63 + 1 / 61), 12);
    // Only on an aspect.
    expect(v.get(4)).toBeCloseTo((61 / 2) * (1 / 63), 12);
    expect(rankVotes(refs(5), [refs(5)], k).get(5)).toBeCloseTo(1, 12);
  });
  it('says mostly whether a document is near the top of both rankings', () => {
    const whole = refs(...Array.from({ length: 30 }, (_, i) => i + 1));
    // Document 1 leads the whole problem but no aspect holds it; document 8 is eighth there and first on an aspect.
    const v = rankVotes(whole, [refs(8, 9)], 60);
    expect(v.get(8)!).toBeGreaterThan(v.get(1)!);
    expect(v.get(1)! - v.get(10)!).toBeLessThan(0.1);
  });
});
