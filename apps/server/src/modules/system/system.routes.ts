import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../core/errors.ts';
import { checkHealth, metricsAllowed, type HealthDeps, type Metrics } from './system.service.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  database: Type.Object({ ok: Type.Boolean(), ms: Type.Number() }),
  worker: Type.Optional(
    Type.Object({
      running: Type.Boolean(),
      intervalMs: Type.Integer(),
      lastRunAt: Type.Union([Type.String(), Type.Null()]),
      lastRunOk: Type.Union([Type.Boolean(), Type.Null()]),
    }),
  ),
  jobs: Type.Optional(Type.Record(Type.String(), Type.String())),
  outbox: Type.Optional(
    Type.Object({
      queued: Type.Integer(),
      failing: Type.Integer(),
      oldestQueuedAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  search: Type.Optional(
    Type.Object({
      ready: Type.Boolean({
        description:
          'false while the index is first built: searches are answered from the database (marked `degraded`), matching with 503',
      }),
      documents: Type.Integer({ description: 'documents in the index' }),
    }),
  ),
});

/** /api/health for everyone; /metrics (Prometheus text) when enabled, behind a bearer token when one is set. */
export const systemRoutes: FastifyPluginAsyncTypebox<{
  health: HealthDeps;
  metrics: Metrics | null;
  metricsToken: string | null;
}> = async (app, o) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Ready once migrations are applied: the database (a round trip), the worker, the outbox, the index',
        response: { 200: Health, 503: Health },
      },
    },
    async (_req, reply) => {
      const h = await checkHealth(o.health);
      return reply
        .code(h.status === 'ok' ? 200 : 503)
        .header('cache-control', 'no-store')
        .send(h);
    },
  );

  const metrics = o.metrics;
  if (!metrics) return;
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!metricsAllowed(o.metricsToken, req.headers.authorization)) {
      reply.header('www-authenticate', 'Bearer');
      throw new AppError('UNAUTHENTICATED', 'The metrics need the bearer token set in CLOCK_METRICS_TOKEN');
    }
    return reply
      .header('content-type', metrics.contentType)
      .header('cache-control', 'no-store')
      .send(await metrics.text());
  });
};
