import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DemandBreakdown, DemandQuery } from '@clock/contracts';
import { problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import * as demand from './demand-breakdown.service.ts';

/** Demand from requests by filiera, sector and province, for the governance dashboard (aggregates, like the KPIs). */
export const demandBreakdownRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/demand',
    {
      schema: {
        tags: ['governance'],
        summary:
          'Requests submitted in a period by filiera, sector and province (counts; confidential ones for the nucleus, the Region and administrators only)',
        querystring: DemandQuery,
        response: { 200: DemandBreakdown, ...problems(400, 404) },
      },
    },
    async (req) => demand.demandBreakdown(db, req.actor, req.query),
  );
};
