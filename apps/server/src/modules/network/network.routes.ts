import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NetworkOverview } from '@clock/contracts';
import type { Db } from '../../db/client.ts';
import { describeNetwork } from './network.service.ts';

export const networkRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/network',
    {
      config: { public: true },
      schema: {
        tags: ['network'],
        summary: 'The network at a glance: protocol, Region, centres with their districts, totals',
        response: { 200: NetworkOverview },
      },
    },
    async (req) => describeNetwork(db, req.actor),
  );
};
