import { describe, expect, it } from 'vitest';
import { orderShared } from './search.shared.ts';

describe('orderShared', () => {
  let seed = 11;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };

  it('puts the best first, best first, and nothing after them scores above the last of them', () => {
    for (const [n, head] of [
      [0, 4],
      [3, 4],
      [4, 4],
      [50, 8],
      [2000, 100],
    ] as const) {
      const docs = Int32Array.from({ length: n }, (_, i) => i * 3 + 1);
      const scores = Float32Array.from({ length: n }, () => Math.floor(random() * 20) / 8);
      const m = orderShared(docs, scores, head);
      expect(m.docs).toBe(docs);
      expect(m.head).toBe(Math.min(n, head));
      // A permutation of the positions.
      expect([...m.order].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
      const headScores = [...m.order.subarray(0, m.head)].map((i) => scores[i]!);
      expect(headScores).toEqual([...headScores].sort((x, y) => y - x));
      expect(m.headMin).toBe(m.head ? headScores[m.head - 1] : 0);
      for (const i of m.order.subarray(m.head)) expect(scores[i]!).toBeLessThanOrEqual(m.headMin);
    }
  });
});
