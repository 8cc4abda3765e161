import { SnapshotRefused } from './search.snapshot.ts';

/** Strings as small integers in the order first seen (facet values, so counting is an array increment). */
export class Dictionary {
  ids = new Map<string, number>();
  values: string[] = [];
  static of(values: string[]): Dictionary {
    const d = new Dictionary();
    for (const v of values) d.id(v);
    if (d.values.length !== values.length) throw new SnapshotRefused('a dictionary repeats a value');
    return d;
  }
  id(v: string): number {
    let n = this.ids.get(v);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(v);
      this.ids.set(v, n);
    }
    return n;
  }
}

/**
 * One short list of small integers per document, all in two typed arrays (compressed sparse rows): the values of
 * document `d` are `values[start(d) .. end(d))`. Documents are appended in order and never rewritten (the index gives a
 * replaced document a new number), so the arrays only grow. A JavaScript array per document cost about 10 times the
 * memory and a pointer chase per read in the ranking loop.
 */
export class FlatLists {
  /** `offsets[d]` is where document d's values start; `offsets[d + 1]` where they end. */
  offsets = new Int32Array(1024);
  values = new Int32Array(1024);
  /** Number of documents. */
  length = 0;

  /** Appends the next document's values (duplicates are dropped, first occurrence kept). */
  push(list: Iterable<number>): number {
    const d = this.length;
    if (d + 2 > this.offsets.length) this.offsets = grown(this.offsets, d + 2);
    let end = this.offsets[d]!;
    const start = end;
    for (const v of list) {
      let dup = false;
      for (let i = start; i < end; i++)
        if (this.values[i] === v) {
          dup = true;
          break;
        }
      if (dup) continue;
      if (end === this.values.length) this.values = grown(this.values, end + 1);
      this.values[end++] = v;
    }
    this.offsets[d + 1] = end;
    this.length = d + 1;
    return d;
  }

  start(d: number): number {
    return this.offsets[d]!;
  }

  end(d: number): number {
    return this.offsets[d + 1]!;
  }

  /** Whether document d's list holds v. */
  has(d: number, v: number): boolean {
    const end = this.offsets[d + 1]!;
    for (let i = this.offsets[d]!; i < end; i++) if (this.values[i] === v) return true;
    return false;
  }

  /** Document d's values, as a plain array (for tests and diagnostics). */
  get(d: number): number[] {
    return Array.from(this.values.subarray(this.offsets[d]!, this.offsets[d + 1]!));
  }

  /** Drops the slack left by doubling (call after a bulk load; appending still works afterwards). */
  trim(): void {
    const used = this.offsets[this.length]!;
    if (this.values.length > used) this.values = this.values.slice(0, Math.max(1, used));
    if (this.offsets.length > this.length + 1) this.offsets = this.offsets.slice(0, this.length + 1);
  }
}

function grown(a: Int32Array, need: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(need, a.length * 2, 16));
  b.set(a);
  return b;
}

/**
 * The best `k` documents seen so far by score (then by lower number), in a binary min-heap over two typed arrays: the
 * root is the worst kept. `admits` tells, before any other work on a document, whether it could enter.
 */
export class TopK {
  private docs: Int32Array;
  private scores: Float64Array;
  size = 0;

  /** `capacity`: at most how many documents will be offered (the arrays never need more than min(k, capacity)). */
  constructor(
    readonly k: number,
    capacity = k,
  ) {
    const n = Math.max(0, Math.min(k, capacity));
    this.docs = new Int32Array(n);
    this.scores = new Float64Array(n);
  }

  /** Whether a document with this score and number would be kept now. */
  admits(d: number, score: number): boolean {
    if (this.size < this.k) return true;
    if (this.k === 0) return false;
    const s0 = this.scores[0]!;
    return score > s0 || (score === s0 && d < this.docs[0]!);
  }

  /** The score a document must reach to enter: the worst kept score once `k` are kept, -Infinity before. */
  floor(): number {
    return this.size < this.k ? -Infinity : this.k === 0 ? Infinity : this.scores[0]!;
  }

  /** Keeps a document that `admits` accepted (replacing the worst kept when full). */
  add(d: number, score: number): void {
    const { docs, scores } = this;
    if (this.size < this.k) {
      if (this.size === docs.length) this.grow();
      let i = this.size++;
      // Sift up: a parent worse than the new entry moves down.
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.worse(d, score, this.docs[p]!, this.scores[p]!)) break;
        this.docs[i] = this.docs[p]!;
        this.scores[i] = this.scores[p]!;
        i = p;
      }
      this.docs[i] = d;
      this.scores[i] = score;
      return;
    }
    // Sift down from the root.
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let m = l;
      if (l + 1 < n && this.worse(docs[l + 1]!, scores[l + 1]!, docs[l]!, scores[l]!)) m = l + 1;
      if (!this.worse(docs[m]!, scores[m]!, d, score)) break;
      docs[i] = docs[m]!;
      scores[i] = scores[m]!;
      i = m;
    }
    docs[i] = d;
    scores[i] = score;
  }

  /** The kept documents, best first. */
  sorted(): { d: number; score: number }[] {
    const out: { d: number; score: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ d: this.docs[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.d - b.d);
  }

  private worse(d1: number, s1: number, d2: number, s2: number): boolean {
    return s1 < s2 || (s1 === s2 && d1 > d2);
  }

  private grow() {
    const size = Math.min(this.k, Math.max(16, this.docs.length * 2));
    const docs = new Int32Array(size);
    docs.set(this.docs);
    const scores = new Float64Array(size);
    scores.set(this.scores);
    this.docs = docs;
    this.scores = scores;
  }
}
