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
      // Buffers longer than the list, as the index keeps them; scores with many ties.
      const scores = Float32Array.from({ length: n + 7 }, (_, i) => (i < n ? Math.floor(random() * 20) / 8 : 99));
      const order = new Int32Array(n + 7).fill(-1);
      const m = orderShared(scores, n, order, head);
      expect(m.head).toBe(Math.min(n, head));
      const used = [...order.subarray(0, n)];
      // A permutation of the positions 0 .. n, nothing written past them.
      expect([...used].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
      expect([...order.subarray(n)]).toEqual(Array(7).fill(-1));
      const headScores = used.slice(0, m.head).map((i) => scores[i]!);
      expect(headScores).toEqual([...headScores].sort((x, y) => y - x));
      expect(m.headMin).toBe(m.head ? headScores[m.head - 1] : 0);
      for (const i of used.slice(m.head)) expect(scores[i]!).toBeLessThanOrEqual(m.headMin);
    }
  });
});
