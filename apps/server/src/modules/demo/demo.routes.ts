import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DemoInfo } from '@clock/contracts';
import { problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import { describeDemo } from './demo.service.ts';

export const demoRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/demo',
    {
      schema: {
        tags: ['system'],
        summary: 'Demo mode: the demo accounts and their published password (404 when the installation is not a demo)',
        response: { 200: DemoInfo, ...problems(404) },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return describeDemo(db);
    },
  );
};
