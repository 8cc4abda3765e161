import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { freshDatabase } from '../../test/db.ts';
import { buildOffer, buildOrganization, bundleStream, testConfig } from '../../test/factories.ts';
import { importBundle } from '../catalogue/bundle.service.ts';

// What an operator (or a load balancer, or Prometheus) reads from a running server.
let database: Database;
let app: FastifyInstance;
const TOKEN = 'a-long-metrics-token';
beforeAll(async () => {
  database = await freshDatabase();
  const org = buildOrganization();
  await importBundle(
    database.db,
    bundleStream({
      format: 'clock-bundle/1',
      organizations: [org],
      services: [buildOffer(org.id), buildOffer(org.id)],
    }),
  );
  app = await buildApp({
    config: testConfig({ worker: { intervalMs: 3_600_000, digestHour: 7 }, metrics: { enabled: true, token: TOKEN } }),
    database,
    logger: false,
    mailer: { async send() {}, close() {} },
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('/api/health', () => {
  it('reports the database round trip, the worker, the outbox and the index', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'ok',
      database: { ok: true },
      worker: { running: true, intervalMs: 3_600_000, lastRunAt: null },
      outbox: { queued: expect.any(Number), failing: 0 },
      search: { ready: true, documents: 3 },
    });
  });

  it('answers 503 when the database does not', async () => {
    const other = await freshDatabase();
    const broken = await buildApp({ config: testConfig(), database: other, logger: false });
    await other.close();
    try {
      const r = await broken.inject({ method: 'GET', url: '/api/health' });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toMatchObject({ status: 'unavailable', database: { ok: false } });
    } finally {
      await broken.close();
    }
  });
});

describe('/metrics', () => {
  it('needs the bearer token when one is set', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${TOKEN}`]) {
      const r = await app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(r.statusCode, authorization).toBe(401);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('gives request latency by route, the outbox depth and the index size in Prometheus text', async () => {
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.inject({ method: 'GET', url: '/api/v1/organizations?limit=1' });
    const r = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain');
    expect(r.body).toMatch(
      /clock_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/v1\/organizations",status="200"\}/,
    );
    expect(r.body).toMatch(
      /clock_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} \d+/,
    );
    expect(r.body).toMatch(/clock_mail_outbox_queued\{state="all"\} \d+/);
    expect(r.body).toMatch(/clock_search_index_documents 3/);
    expect(r.body).toContain('clock_process_resident_memory_bytes');
    // Both threads' heaps: the main thread's in Node's own metrics, the analysis thread's read from it.
    expect(r.body).toMatch(/clock_nodejs_heap_size_used_bytes \d+/);
    for (const space of ['used', 'total', 'external'])
      expect(r.body).toMatch(new RegExp(`clock_analysis_thread_heap_bytes\\{space="${space}"\\} [1-9]\\d*`));
  });

  it('is not there unless switched on', async () => {
    const plain = await buildApp({ config: testConfig(), database, logger: false });
    try {
      expect((await plain.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
