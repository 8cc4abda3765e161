import { describe, expect, it } from 'vitest';
import { collectGarbageNow } from './heap.ts';

describe('a full collection on demand', () => {
  it('runs, frees what is no longer referenced, and leaves no gc function behind', () => {
    let garbage: ArrayBuffer[] | null = Array.from({ length: 16 }, () => new ArrayBuffer(4 * 1024 * 1024));
    const before = process.memoryUsage().arrayBuffers;
    expect(before).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    garbage = null;
    expect(collectGarbageNow()).toBe(true);
    expect(process.memoryUsage().arrayBuffers).toBeLessThan(before - 32 * 1024 * 1024);
    expect(garbage).toBeNull();
    // Again, with the function already found.
    expect(collectGarbageNow()).toBe(true);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
