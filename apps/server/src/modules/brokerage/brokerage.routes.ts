import type { FastifyPluginAsync } from 'fastify';
import type { BrokerageDeps } from './opportunities.service.ts';
import { opportunitiesRoutes } from './opportunities.routes.ts';
import { matchmakingRoutes } from './matchmaking.routes.ts';
import { relationsRoutes } from './relations.routes.ts';

/** The brokerage between companies: opportunities and introductions, matchmaking days, relations and filiera maps. */
export const brokerageRoutes: FastifyPluginAsync<{ deps: BrokerageDeps }> = async (app, { deps }) => {
  await app.register(opportunitiesRoutes, { deps });
  await app.register(matchmakingRoutes, { deps });
  await app.register(relationsRoutes, { deps });
};
