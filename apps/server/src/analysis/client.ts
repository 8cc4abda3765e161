import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../core/errors.ts';
import { ANALYSIS_YOUNG_GENERATION_MB } from '../core/heap.ts';
import type { Call, Reply, Results, WorkerSettings } from './protocol.ts';

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/**
 * The main thread's side of the analysis thread: starts it, sends calls and resolves each with its reply. When the
 * thread dies (a bug, out of memory) every pending call fails, and `onExit` lets the owner start a new one.
 */
export class AnalysisWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private closing = false;
  private exited = false;

  constructor(
    settings: WorkerSettings,
    handlers: { onReady: (documents: number) => void; onExit: (error: Error) => void },
  ) {
    // No inherited flags (a profiler's or a loader's): the entry registers what the thread needs. A smaller nursery than
    // V8's default (decision 029).
    this.worker = new Worker(ENTRY, {
      workerData: settings,
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: ANALYSIS_YOUNG_GENERATION_MB },
    });
    this.worker.on('message', (m: Reply) => {
      if (m.kind === 'ready') {
        handlers.onReady(m.documents);
        return;
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else
        p.reject(
          m.error.code
            ? new AppError(m.error.code as ErrorCode, m.error.message, m.error.errors)
            : new Error(`analysis thread: ${m.error.message}`),
        );
    });
    const died = (error: Error) => {
      if (this.exited) return;
      this.exited = true;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      if (!this.closing) handlers.onExit(error);
    };
    this.worker.on('error', died);
    this.worker.on('exit', (code) => died(new Error(`the analysis thread stopped (exit code ${code})`)));
  }

  /** Sends a call; resolves with the thread's answer. */
  call<K extends Call['kind']>(call: Extract<Call, { kind: K }>): Promise<Results[K]> {
    if (this.exited) return Promise.reject(new Error('the analysis thread is not running'));
    const id = this.nextId++;
    return new Promise<Results[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...call, id });
    });
  }

  /** Calls still waiting for their answer. */
  get busy(): number {
    return this.pending.size;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }
}
