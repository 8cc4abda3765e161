import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { RequestSource } from '@clock/contracts';
import { problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import * as demand from './demand.service.ts';

const Demand = Type.Object({
  type: Type.String(),
  id: Type.String(),
  organization: Type.Union([Type.String(), Type.Null()]),
  title: Type.Object({ it: Type.Optional(Type.String()), en: Type.Optional(Type.String()) }),
  requests: Type.Integer(),
  open: Type.Integer(),
  lastAt: Type.String(),
});

/** Demand per record: requests that started from each competence, service, equipment or expert. */
export const demandRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/requests/demand',
    {
      schema: {
        tags: ['requests'],
        summary: 'Requests per catalogue record they started from (nucleus, Region: all; centres: their own records)',
        response: { 200: Type.Array(Demand), ...problems(401, 403) },
      },
    },
    async (req) => demand.demandList(db, req.actor),
  );

  app.get(
    '/requests/demand/:type/:id',
    {
      schema: {
        tags: ['requests'],
        summary: 'How many requests started from one record (its centre, the nucleus, the Region)',
        params: RequestSource,
        response: {
          200: Type.Object({
            type: Type.String(),
            id: Type.String(),
            requests: Type.Integer(),
            open: Type.Integer(),
            lastAt: Type.Union([Type.String(), Type.Null()]),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => demand.recordDemand(db, req.actor, req.params.type, req.params.id),
  );
};
