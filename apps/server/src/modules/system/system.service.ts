import crypto from 'node:crypto';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ThreadMemory } from '../../analysis/protocol.ts';
import type { Db } from '../../db/client.ts';
import * as repo from './system.repo.ts';

/** What the background worker of this process last did (null when this process runs none). */
export interface WorkerState {
  lastTickAt: Date | null;
  lastTickOk: boolean | null;
  intervalMs: number;
}

export interface HealthDeps {
  db: Db;
  worker: () => WorkerState | null;
  search: () => { ready: boolean; documents: number };
}

/**
 * The process's health for a load balancer or an operator: a database round trip (503 when it fails), the worker's
 * last run in this process and the periodic jobs' last runs in any process, the e-mail outbox's depth, and the
 * search index's size. No message texts or addresses: the answer is public.
 */
export async function checkHealth(deps: HealthDeps) {
  const started = performance.now();
  try {
    await repo.ping(deps.db);
  } catch {
    return { status: 'unavailable' as const, database: { ok: false, ms: Math.round(performance.now() - started) } };
  }
  const database = { ok: true, ms: Math.round((performance.now() - started) * 10) / 10 };
  const [outbox, jobs] = await Promise.all([repo.outboxDepth(deps.db), repo.jobRuns(deps.db)]);
  const w = deps.worker();
  return {
    status: 'ok' as const,
    database,
    worker: w
      ? {
          running: true,
          intervalMs: w.intervalMs,
          lastRunAt: w.lastTickAt?.toISOString() ?? null,
          lastRunOk: w.lastTickOk,
        }
      : { running: false, intervalMs: 0, lastRunAt: null, lastRunOk: null },
    jobs: Object.fromEntries(jobs.map((j) => [j.name, new Date(j.at).toISOString()])),
    outbox,
    search: deps.search(),
  };
}

/**
 * Prometheus metrics of one process: request latency by route, the outbox's depth and the search index's size
 * (read when scraped), and Node's process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly latency: Histogram<'method' | 'route' | 'status'>;

  constructor(deps: {
    db: Db;
    search: () => { documents: number };
    /** The analysis thread's heap (the main thread's is in Node's default metrics). */
    analysisMemory?: () => Promise<ThreadMemory | null>;
  }) {
    collectDefaultMetrics({ register: this.registry, prefix: 'clock_' });
    this.latency = new Histogram({
      name: 'clock_http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    new Gauge({
      name: 'clock_mail_outbox_queued',
      help: 'E-mail waiting in the outbox (failing: failed at least once)',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        const o = await repo.outboxDepth(deps.db);
        this.set({ state: 'all' }, o.queued);
        this.set({ state: 'failing' }, o.failing);
      },
    });
    new Gauge({
      name: 'clock_search_index_documents',
      help: "Documents in this process's search index",
      registers: [this.registry],
      collect() {
        this.set(deps.search().documents);
      },
    });
    const analysisMemory = deps.analysisMemory;
    if (analysisMemory)
      new Gauge({
        name: 'clock_analysis_thread_heap_bytes',
        help: "The analysis thread's JavaScript heap: used, total (reserved) and external (typed arrays)",
        labelNames: ['space'],
        registers: [this.registry],
        async collect() {
          const m = await analysisMemory();
          if (!m) return;
          this.set({ space: 'used' }, m.heapUsed);
          this.set({ space: 'total' }, m.heapTotal);
          this.set({ space: 'external' }, m.external);
        },
      });
  }

  /** Records one answered request; `route` is the route's pattern (never the raw URL, so labels stay few). */
  observe(method: string, route: string, status: number, seconds: number) {
    this.latency.observe({ method, route, status: String(status) }, seconds);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
  get contentType(): string {
    return this.registry.contentType;
  }
}

/** True when the Authorization header carries the configured bearer token (or none is configured). */
export function metricsAllowed(token: string | null, authorization: string | undefined): boolean {
  if (!token) return true;
  const given = Buffer.from(/^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '');
  const want = Buffer.from(token);
  return given.length === want.length && crypto.timingSafeEqual(given, want);
}
