/**
 * Ranking metrics of the matching benchmark (`npm run bench:matching`). Pure functions, no I/O.
 *
 *   npx tsx bench/matching/metrics.ts      # runs the self-test below and prints "metrics self-test passed"
 *
 * Conventions (also in docs/matching-quality.md):
 * - Judgements are graded 3 (exactly what is needed), 2 (clearly useful), 1 (partially related); an id that is not
 *   judged counts as 0.
 * - nDCG@k uses the grade itself as the gain and a log2 discount: DCG@k = Σ_{i=1..k} grade(i) / log2(i + 1). The ideal
 *   DCG sorts all the judgements of the problem by grade. An id repeated in a ranking counts only the first time.
 * - recall@k is the share of the ids graded ≥ 2 that appear in the first k.
 * - Team coverage is the share of a problem's aspects covered by a team: an aspect is covered when the team holds an
 *   organisation owning at least one record listed in the aspect's `relevant`.
 */
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';

export type Judgements = Readonly<Record<string, number>>;

export interface LabelledAspect {
  label: string;
  relevant: readonly string[];
}

/** Discounted cumulative gain of the first k ids of a ranking (grade as gain, log2 discount, repeats ignored). */
export function dcgAtK(ranking: readonly string[], judgements: Judgements, k: number): number {
  const seen = new Set<string>();
  let dcg = 0;
  for (let i = 0; i < ranking.length && i < k; i++) {
    const id = ranking[i]!;
    if (seen.has(id)) continue;
    seen.add(id);
    dcg += (judgements[id] ?? 0) / Math.log2(i + 2);
  }
  return dcg;
}

/** The best DCG@k any ranking could reach with these judgements. */
export function idealDcgAtK(judgements: Judgements, k: number): number {
  const grades = Object.values(judgements)
    .filter((g) => g > 0)
    .sort((a, b) => b - a);
  let dcg = 0;
  for (let i = 0; i < grades.length && i < k; i++) dcg += grades[i]! / Math.log2(i + 2);
  return dcg;
}

/** nDCG@k in [0, 1]; 0 when nothing is judged relevant (the benchmark's loader rejects such problems). */
export function ndcgAtK(ranking: readonly string[], judgements: Judgements, k: number): number {
  const ideal = idealDcgAtK(judgements, k);
  return ideal > 0 ? dcgAtK(ranking, judgements, k) / ideal : 0;
}

/** Share of the ids graded ≥ minGrade (2 by default) found among the first k of the ranking; 0 when there are none. */
export function recallAtK(ranking: readonly string[], judgements: Judgements, k: number, minGrade = 2): number {
  const wanted = Object.keys(judgements).filter((id) => (judgements[id] ?? 0) >= minGrade);
  if (wanted.length === 0) return 0;
  const top = new Set(ranking.slice(0, k));
  return wanted.filter((id) => top.has(id)).length / wanted.length;
}

/** Organisation nDCG@5: the same nDCG over the organisation ranking and the organisation judgements. */
export function organizationNdcgAt5(organizations: readonly string[], judgements: Judgements): number {
  return ndcgAtK(organizations, judgements, 5);
}

/** Which aspects (by index) a team covers; `ownerOf` maps a record id to its organisation id. */
export function coveredAspects(
  team: readonly string[],
  aspects: readonly LabelledAspect[],
  ownerOf: (recordId: string) => string | undefined,
): boolean[] {
  const members = new Set(team);
  return aspects.map((a) =>
    a.relevant.some((id) => {
      const owner = ownerOf(id);
      return owner !== undefined && members.has(owner);
    }),
  );
}

/** Share of the aspects covered by the team, in [0, 1]; 0 for a problem without aspects. */
export function teamCoverage(
  team: readonly string[],
  aspects: readonly LabelledAspect[],
  ownerOf: (recordId: string) => string | undefined,
): number {
  if (aspects.length === 0) return 0;
  return coveredAspects(team, aspects, ownerOf).filter(Boolean).length / aspects.length;
}

/** Arithmetic mean; NaN for an empty list (printed as "–"). */
export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : Number.NaN;
}

/** Nearest-rank percentile (p in (0, 100]); NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/**
 * Bootstrap 95 % confidence interval of the mean: `rounds` resamples of the values with replacement, by a seeded
 * generator so a run is repeatable; [NaN, NaN] for an empty list.
 */
export function bootstrapCi(values: readonly number[], rounds = 2000, seed = 1): [number, number] {
  if (!values.length) return [Number.NaN, Number.NaN];
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
  const means: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[Math.floor(next() * values.length)]!;
    means.push(sum / values.length);
  }
  means.sort((a, b) => a - b);
  return [means[Math.floor(0.025 * rounds)]!, means[Math.min(rounds - 1, Math.ceil(0.975 * rounds) - 1)]!];
}

/**
 * Bootstrap 95 % interval of the mean difference of paired values (the same problems under two systems): a change is
 * beyond noise when the interval leaves 0 out.
 */
export function pairedDifferenceCi(a: readonly number[], b: readonly number[], rounds = 2000): [number, number] {
  return bootstrapCi(
    a.map((v, i) => v - (b[i] ?? 0)),
    rounds,
  );
}

// ---------------------------------------------------------------------------------------------------------------------
// Self-test (run by hand: npx tsx bench/matching/metrics.ts)

export function selfTest(): void {
  const close = (actual: number, expected: number, what: string) =>
    assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);
  const j = { a: 3, b: 2, c: 1 };

  // Perfect order → 1; reversed order → hand-computed value.
  close(ndcgAtK(['a', 'b', 'c'], j, 10), 1, 'perfect ranking');
  const ideal = 3 + 2 / Math.log2(3) + 1 / 2;
  close(idealDcgAtK(j, 10), ideal, 'ideal DCG');
  close(ndcgAtK(['c', 'b', 'a'], j, 10), (1 + 2 / Math.log2(3) + 3 / 2) / ideal, 'reversed ranking');
  // Unjudged ids are 0, and they push relevant ids down.
  close(ndcgAtK(['x', 'a'], { a: 3 }, 10), 3 / Math.log2(3) / 3, 'unjudged first');
  // Cut at k: a relevant id at rank 3 does not count at k = 2; the ideal is cut at k too.
  close(ndcgAtK(['x', 'y', 'a'], { a: 3 }, 2), 0, 'outside k');
  close(ndcgAtK(['b', 'a'], j, 1), 2 / 3, 'k = 1');
  // A repeated id counts once.
  close(dcgAtK(['a', 'a'], j, 10), 3, 'repeat ignored');
  // Nothing judged relevant → 0; grade 0 entries ignored by the ideal.
  close(ndcgAtK(['a'], {}, 10), 0, 'no judgements');
  close(ndcgAtK(['a'], { a: 3, z: 0 }, 10), 1, 'zero grade ignored');

  // recall@k counts only grade ≥ 2.
  close(recallAtK(['a', 'x', 'c'], j, 10), 1 / 2, 'recall a of {a, b}');
  close(recallAtK(['b', 'a'], j, 1), 1 / 2, 'recall at 1');
  close(recallAtK(['c'], j, 10), 0, 'grade 1 does not count');
  close(recallAtK(['c'], j, 10, 1), 1 / 3, 'recall with minGrade 1');

  close(
    organizationNdcgAt5(['o2', 'o1'], { o1: 3, o2: 1 }),
    (1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)),
    'organisation nDCG@5',
  );

  // Team coverage: aspect 1 needs r1 (org A) or r2 (org B); aspect 2 needs r3 (org C).
  const owners: Record<string, string> = { r1: 'A', r2: 'B', r3: 'C' };
  const ownerOf = (id: string) => owners[id];
  const aspects = [
    { label: 'one', relevant: ['r1', 'r2'] },
    { label: 'two', relevant: ['r3'] },
  ];
  close(teamCoverage(['B'], aspects, ownerOf), 1 / 2, 'one of two aspects');
  close(teamCoverage(['A', 'C'], aspects, ownerOf), 1, 'both aspects');
  close(teamCoverage(['D'], aspects, ownerOf), 0, 'no aspect');
  close(teamCoverage([], [{ label: 'x', relevant: ['unknown'] }], ownerOf), 0, 'unknown record');
  assert.deepEqual(coveredAspects(['C'], aspects, ownerOf), [false, true]);

  const [lo, hi] = bootstrapCi([0, 1, 0, 1, 0, 1, 0, 1]);
  assert.ok(lo < 0.5 && hi > 0.5 && lo >= 0 && hi <= 1, `bootstrap interval ${lo}–${hi}`);
  for (const v of bootstrapCi([0.4, 0.4, 0.4])) close(v, 0.4, 'bootstrap of a constant');
  close(mean([1, 2, 3, 4]), 2.5, 'mean');
  assert.ok(Number.isNaN(mean([])));
  close(percentile([5, 1, 4, 2, 3], 95), 5, 'p95 of 5');
  close(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50), 5, 'p50 of 10');
  close(
    percentile(
      Array.from({ length: 20 }, (_, i) => i + 1),
      95,
    ),
    19,
    'p95 of 20',
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  selfTest();
  console.log('metrics self-test passed');
}
