import type { SearchResponse } from '@clock/contracts';
import type { FieldProblem } from '../core/errors.ts';
import type { AmongResult, MatchInput, MatchResult } from '../modules/matching/matching.engine.ts';
import type { AnalysisSettings } from '../modules/search/analysis.policy.ts';
import type { IndexBatch, SearchParams, SnapshotResult } from '../modules/search/search.engine.ts';
import type { DocInput } from '../modules/search/search.index.ts';

/**
 * Messages between the main thread and the analysis thread. Every call carries an id and gets one reply with that id;
 * the thread also says, unasked, when its first full index is ready. Everything is plain data (structured clone).
 */
export type Call =
  | { kind: 'apply'; batch: IndexBatch }
  /** Writes the index to a snapshot file once every batch sent before is applied (decision 026). */
  | { kind: 'save'; file: string; database: string }
  /** Replaces the index with a snapshot file, once every batch sent before is applied; it does not say `ready`. */
  | { kind: 'restore'; file: string; database: string }
  | { kind: 'search'; params: SearchParams; network: boolean }
  | { kind: 'match'; input: MatchInput; network: boolean }
  | { kind: 'among'; mode: 'search' | 'match'; input: MatchInput; candidates: DocInput[] }
  /** The thread's own JavaScript heap (`v8.getHeapStatistics()`), answered at once: for metrics and benchmarks. */
  | { kind: 'memory' };

/** One thread's JavaScript heap, in bytes (`v8.getHeapStatistics()`: used, reserved, external). */
export interface ThreadMemory {
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export interface Results {
  apply: { documents: number };
  save: SnapshotResult;
  restore: SnapshotResult & { marker?: string };
  search: SearchResponse;
  match: MatchResult;
  among: AmongResult;
  memory: ThreadMemory;
}

export type Request = Call & { id: number };
export type Reply =
  | { kind: 'reply'; id: number; ok: true; result: unknown }
  | { kind: 'reply'; id: number; ok: false; error: { message: string; code?: string; errors?: FieldProblem[] } }
  | { kind: 'ready'; documents: number };

/**
 * Data the thread starts with. `spinMs` makes every matching call also spin the CPU that long: tests only. `analysis`
 * changes analysis settings (the matching benchmark's ablation; the defaults otherwise).
 */
export interface WorkerSettings {
  spinMs?: number;
  analysis?: Partial<AnalysisSettings>;
}
