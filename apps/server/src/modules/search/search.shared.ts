import { TopK } from './search.lists.ts';

/**
 * The documents a query's shared alternatives (a matching problem's context words) match, with their scores, ordered
 * so that a ranking can stop early: the first `head` entries of `order` are the best by score, best first; the rest follow in no particular order and none scores above `headMin`.
 *
 * A document matched only by shared alternatives scores `sharing × its shared score` before the coordination factor,
 * which is the same for all of them: their ranking follows their shared score, so a top-k ranking can walk `order` and
 * stop at the first document that cannot enter (and skip the rest when `headMin` cannot).
 */
export interface SharedMatches {
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

/** Orders shared matches for early stopping (`SharedMatches`); `docs` and `scores` are kept, not copied. */
export function orderShared(docs: Int32Array, scores: Float32Array, head = SHARED_HEAD): SharedMatches {
  const n = docs.length;
  // Positions go through the heap (ties between equal scores in any order: the ranking breaks them itself).
  const best = new TopK(Math.min(head, n));
  for (let i = 0; i < n; i++) if (best.admits(i, scores[i]!)) best.add(i, scores[i]!);
  const top = best.sorted();
  const order = new Int32Array(n);
  const chosen = new Uint8Array(n);
  let k = 0;
  for (const t of top) {
    order[k++] = t.d;
    chosen[t.d] = 1;
  }
  for (let i = 0; i < n; i++) if (!chosen[i]) order[k++] = i;
  return { docs, scores, order, head: top.length, headMin: top.length ? top[top.length - 1]!.score : 0 };
}
