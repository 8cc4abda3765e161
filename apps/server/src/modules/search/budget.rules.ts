/**
 * Limits on the analysis of user text, so that what a request costs grows at most linearly with its length, with a
 * small constant, whatever the text holds. The figures and why: docs/decisions/006-bounded-text-analysis.md.
 */
export const TEXT_LIMITS = {
  /** Characters of one word used for analysis: a longer "word" (a URL, a hash, a run of letters) counts by its start. */
  tokenChars: 64,
  /** Typo correction (and so edit distance) only for unknown words of 5 to this many letters (the longest known: 24). */
  correctableChars: 25,
  /** Unknown words one query tries to correct; the rest are searched as written. */
  corrections: 8,
  /** Parts of a hyphenated or dotted word ("icp-ms") that are searched on their own. */
  compoundParts: 6,
  /** Content words of one text taken into a query; the rest of the text is not analysed (the answer says truncated). */
  queryWords: 300,
  /** Aspects of one problem (concept aspects first, then clauses in text order). */
  aspects: 12,
  /** Wall-clock time for one analysis: past it, the remaining steps are skipped and the answer says truncated. */
  timeMs: 1500,
} as const;

/**
 * The work one analysis may still do: a deadline, and counters of the costly steps (read by tests, which count work
 * instead of timing it). `truncated` tells the caller its answer is partial, because a limit cut the input or the time
 * ran out.
 */
export class WorkBudget {
  truncated = false;
  /** Cells of the edit-distance tables computed. */
  editCells = 0;
  /** Unknown words typo correction was tried on. */
  corrections = 0;
  /** Lookups of the correction index (a word with some letters deleted). */
  probes = 0;
  private readonly deadline: number;
  private outOfTime = false;

  constructor(
    timeMs: number = TEXT_LIMITS.timeMs,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.deadline = now() + timeMs;
  }

  /** Whether there is time left. Once the time is out the answer is marked truncated and this stays false. */
  left(): boolean {
    if (!this.outOfTime && this.now() > this.deadline) {
      this.outOfTime = true;
      this.truncated = true;
    }
    return !this.outOfTime;
  }
}
