/**
 * Small pieces of a matching's fusion of its rankings (`matching.engine.ts`), written to allocate little per record:
 * a record's score in each aspect's ranking is a number in an array by aspect position, read and written as the
 * label-keyed objects they replace would be.
 */

/**
 * The first `k` items in the order a stable sort by `compare` would give (`[...items].sort(compare).slice(0, k)`),
 * without sorting them all: an item enters after every kept item it does not come before.
 */
export class FirstSorted<T> {
  readonly items: T[] = [];
  constructor(
    private readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** Whether `x`, offered now, would be kept. */
  keeps(x: T): boolean {
    return this.k > 0 && (this.items.length < this.k || !(this.compare(this.items[this.k - 1]!, x) <= 0));
  }

  /** Offers `x` (or what `make` builds for it, when it is kept). */
  offer(x: T, make: (x: T) => T = (v) => v): void {
    if (!this.keeps(x)) return;
    const { items } = this;
    let i = items.length;
    while (i > 0 && this.compare(items[i - 1]!, x) > 0) i--;
    items.splice(i, 0, make(x));
    if (items.length > this.k) items.pop();
  }
}

/** `[...items].sort(compare).slice(0, k)`, without sorting them all. */
export function firstSorted<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const top = new FirstSorted(k, compare);
  for (const x of items) top.offer(x);
  return top.items;
}

/** A record's score in a ranking that does not hold it (scores are never negative; NaN is kept as a score). */
export const ABSENT = -1;

/**
 * Reads a record's per-aspect scores (`values[i]`: its score in the ranking of aspect `i`, -1 when that ranking does not
 * hold it: `ABSENT`) by label, as an object keyed by label and written aspect by aspect would hold them: when two aspects share
 * a label, the later one's score wins.
 */
export function labelSlots(aspects: readonly { label: string }[]) {
  // For each position, the positions with its label, last first.
  const same = aspects.map((a) => {
    const out: number[] = [];
    for (let j = aspects.length - 1; j >= 0; j--) if (aspects[j]!.label === a.label) out.push(j);
    return out;
  });
  return {
    /** The score under the label of aspect `i` (0 when no aspect with that label holds the record). */
    score(values: ArrayLike<number>, i: number): number {
      for (const j of same[i]!) if (values[j] !== ABSENT) return values[j]!;
      return 0;
    },
    /** The scores as an object by label, its keys in the order they were first written. */
    record(values: ArrayLike<number>): Record<string, number> {
      const out: Record<string, number> = {};
      for (let i = 0; i < aspects.length; i++) if (values[i] !== ABSENT) out[aspects[i]!.label] = values[i]!;
      return out;
    },
  };
}

/**
 * Reciprocal rank fusion of a whole problem's ranking and its aspects' rankings, as an agreement vote by document
 * number: (k + 1) / 2 × (1/(k + its rank on the whole problem) + 1/(k + its best rank on any aspect)), ranks from 1, a
 * ranking that does not hold the document adding nothing. The first in both gets 1; with k = 60 (the usual constant)
 * ranks 1 and 10 differ little, so the vote mostly says whether a document is near the top of both.
 */
export function rankVotes(
  whole: readonly { ref: number }[],
  aspects: readonly (readonly { ref: number }[])[],
  k: number,
): Map<number, number> {
  const byAspect = new Map<number, number>();
  for (const ranked of aspects)
    ranked.forEach((h, i) => {
      const v = 1 / (k + i + 1);
      if (v > (byAspect.get(h.ref) ?? 0)) byAspect.set(h.ref, v);
    });
  const half = (k + 1) / 2;
  const votes = new Map<number, number>();
  whole.forEach((h, i) => {
    votes.set(h.ref, half * (1 / (k + i + 1) + (byAspect.get(h.ref) ?? 0)));
  });
  for (const [ref, v] of byAspect) if (!votes.has(ref)) votes.set(ref, half * v);
  return votes;
}
