import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../core/errors.ts';
import { collectGarbageNow } from '../core/heap.ts';
import { matchAmong, matchOnIndex } from '../modules/matching/matching.engine.ts';
import { configureAnalysis } from '../modules/search/analysis.policy.ts';
import { SearchEngine } from '../modules/search/search.engine.ts';
import type { Reply, Request, WorkerSettings } from './protocol.ts';

/**
 * The analysis thread: holds the search index and runs search, matching and index builds, so that the main thread's
 * event loop (HTTP, sessions, the database) never waits for them. Index changes are applied in the order they come;
 * a full rebuild is applied in slices while queries keep being answered from the current index.
 */
const port = parentPort!;
const settings = (workerData ?? {}) as WorkerSettings;
// Before anything is loaded: the glossary and the index read them.
configureAnalysis(settings.analysis);
const engine = new SearchEngine();
let queued = 0;
let chain: Promise<void> = Promise.resolve();

const send = (m: Reply) => port.postMessage(m);
const fail = (id: number, e: unknown) => {
  const error =
    e instanceof AppError
      ? { message: e.message, code: e.code, errors: e.errors }
      : { message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  send({ kind: 'reply', id, ok: false, error });
};
const applied = (id: number, wasLoaded: boolean) => {
  send({ kind: 'reply', id, ok: true, result: { documents: engine.index.size } });
  if (!wasLoaded && engine.loaded) send({ kind: 'ready', documents: engine.index.size });
};
const spin = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* tests: a long matching */
  }
};

port.on('message', (m: Request) => {
  try {
    if (m.kind === 'apply') {
      const wasLoaded = engine.loaded;
      // An incremental change with nothing queued is applied at once, so the next query already sees it.
      if (queued === 0 && !m.batch.full) {
        engine.applyNow(m.batch);
        applied(m.id, wasLoaded);
        return;
      }
      queued++;
      chain = chain
        .then(() => engine.applyInSlices(m.batch))
        .then(
          () => {
            applied(m.id, wasLoaded);
            // A whole index built: what the build discarded is freed now rather than at some later collection.
            if (m.batch.full && m.batch.final) collectGarbageNow();
          },
          (e) => fail(m.id, e),
        )
        .finally(() => {
          queued--;
        });
    } else if (m.kind === 'save' || m.kind === 'restore') {
      // After every batch already queued, so the file holds them (or they apply on top of what it held); batches that
      // come meanwhile queue behind it (queued > 0), so the index does not change while it is written.
      queued++;
      chain = chain
        .then(async () => {
          const result = m.kind === 'save' ? await engine.save(m.file, m.database) : engine.restore(m.file, m.database);
          send({ kind: 'reply', id: m.id, ok: true, result });
          // Writing or reading the whole index leaves its buffers behind (see above).
          collectGarbageNow();
        })
        .catch((e) => fail(m.id, e))
        .finally(() => {
          queued--;
        });
    } else if (m.kind === 'search') {
      send({ kind: 'reply', id: m.id, ok: true, result: engine.search(m.params, m.network) });
    } else if (m.kind === 'match') {
      if (settings.spinMs) spin(settings.spinMs);
      send({ kind: 'reply', id: m.id, ok: true, result: matchOnIndex(engine, m.input, m.network) });
    } else if (m.kind === 'among') {
      send({ kind: 'reply', id: m.id, ok: true, result: matchAmong(engine, m.mode, m.input, m.candidates) });
    } else if (m.kind === 'memory') {
      const h = v8.getHeapStatistics();
      const result = { heapUsed: h.used_heap_size, heapTotal: h.total_heap_size, external: h.external_memory };
      send({ kind: 'reply', id: m.id, ok: true, result });
    }
  } catch (e) {
    fail(m.id, e);
  }
});
