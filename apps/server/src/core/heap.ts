import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * How far V8 lets a JavaScript heap grow past what its last full collection kept before it collects again, in percent
 * (decision 029). V8's own factor goes up to 4× under a high allocation rate, so both threads of a server that answers
 * searches kept 1.5-2× their live data; at 20% a server at 100,000 offers stays within 700 MiB after 4 clients search,
 * at the same search latency (docs/benchmarks.md, "Memory at 100,000 offers").
 */
export const HEAP_GROWING_PERCENT = 20;
/**
 * The analysis thread's young generation, in MiB (V8's default is 3 × 16): what a search allocates dies young, and a
 * smaller nursery is collected sooner. Given to the thread as a resource limit (only the size of its nursery).
 */
export const ANALYSIS_YOUNG_GENERATION_MB = 12;

/**
 * Sets the heap growth of the server process (every thread, including threads started later). V8 reads this flag each
 * time it sets a heap's next limit, so setting it at start-up takes effect; flags fixed when a heap is created (the
 * main thread's nursery) can only be given on the command line (`NODE_OPTIONS=--max-semi-space-size=4`).
 */
export function tuneServerHeap(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

let fullCollection: (() => void) | null | undefined;

/**
 * Runs a full garbage collection of the calling thread's heap now, and says whether it could. For the analysis thread
 * right after it built or loaded a whole index, or wrote its snapshot: the build's discarded buffers (postings grown
 * by doubling, then copied to their size) are memory outside the JavaScript heap that V8 frees only at its next full
 * collection, which an idle server may not run for a long time (decision 029). V8's `gc` is reached as
 * jest-leak-detector reaches it: the flag set for a moment, and the function taken from a new context's global.
 */
export function collectGarbageNow(): boolean {
  if (fullCollection === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      fullCollection = vm.runInNewContext('gc') as () => void;
    } catch {
      fullCollection = null;
    } finally {
      v8.setFlagsFromString('--no-expose-gc');
    }
  }
  fullCollection?.();
  return !!fullCollection;
}
