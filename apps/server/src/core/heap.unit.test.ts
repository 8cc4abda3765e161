import { describe, expect, it } from 'vitest';
import { collectGarbageNow } from './heap.ts';

describe('a full collection on demand', () => {
  it('runs, frees what is no longer referenced, and leaves no gc function behind', async () => {
    // Watched through a WeakRef, not the process's memory figures: those count every thread of the process (other test
    // files allocate at the same time), a collection here frees only this thread's heap.
    const ref = (() => new WeakRef(new ArrayBuffer(4 * 1024 * 1024)))();
    // A WeakRef keeps its target alive until the end of the task that made it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(collectGarbageNow()).toBe(true);
    expect(ref.deref()).toBeUndefined();
    // Again, with the function already found.
    expect(collectGarbageNow()).toBe(true);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
