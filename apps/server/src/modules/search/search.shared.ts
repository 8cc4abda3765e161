import { TopK } from './search.lists.ts';

/**
 * The documents a query's shared alternatives (a matching problem's context words) match, with their scores, ordered
 * so that a ranking can stop early: the first `head` entries of `order` are the best by score, best first; the rest
 * follow in no particular order and none scores above `headMin`. Entries `0 .. n` of the arrays are used (they are
 * buffers kept by the index and reused for the next list).
 *
 * A document matched only by shared alternatives scores `sharing × its shared score` before the coordination factor,
 * which is the same for all of them: their ranking follows their shared score, so a top-k ranking can walk `order` and
 * stop at the first document that cannot enter (and skip the rest when `headMin` cannot).
 */
export interface SharedMatches {
  n: number;
  /** Document numbers. */
  docs: Int32Array;
  /** `scores[i]` is the shared score of `docs[i]`. */
  scores: Float32Array;
  /** Positions in `docs`: the `head` best first, best first; then the others. */
  order: Int32Array;
  head: number;
  /** The lowest score among the head (0 when the head is empty): no document after it scores more. */
  headMin: number;
}

/** How many of the best shared matches are sorted (a matching ranking keeps 200, some of them not visible). */
export const SHARED_HEAD = 1024;

/** Writes `order` (positions 0 .. n) for early stopping, and returns the size and lowest score of its sorted head. */
export function orderShared(
  scores: Float32Array,
  n: number,
  order: Int32Array,
  head = SHARED_HEAD,
): { head: number; headMin: number } {
  // Positions go through the heap (ties between equal scores in any order: the ranking breaks them itself).
  const best = new TopK(Math.min(head, n));
  for (let i = 0; i < n; i++) if (best.admits(i, scores[i]!)) best.add(i, scores[i]!);
  const top = best.sorted();
  const headMin = top.length ? top[top.length - 1]!.score : 0;
  let k = 0;
  // Positions scoring exactly the lowest of the head may be in it or not; every higher one is in it.
  const atMin = new Set<number>();
  for (const t of top) {
    order[k++] = t.d;
    if (t.score === headMin) atMin.add(t.d);
  }
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    if (s < headMin || (s === headMin && !atMin.has(i))) order[k++] = i;
  }
  return { head: top.length, headMin };
}
