import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { FilieraMap, RelationCreate, RelationView } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import { IdParam, problems } from '../../core/http.ts';
import type { BrokerageDeps } from './opportunities.service.ts';
import * as relations from './relations.service.ts';

/** Relations between companies and the filiera map. */
export const relationsRoutes: FastifyPluginAsyncTypebox<{ deps: BrokerageDeps }> = async (app, { deps }) => {
  const tags = ['brokerage'];
  const config = { permission: 'brokerage' as const };
  const ctx = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

  app.post(
    '/company-relations',
    {
      config,
      schema: {
        tags,
        summary: "A company declares one of its relations; a centre's member records a verified one",
        body: RelationCreate,
        response: { 201: RelationView, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await relations.declareRelation(deps, ctx(req), req.body)),
  );
  app.post(
    '/company-relations/:id/verify',
    {
      config,
      schema: {
        tags,
        summary: "A centre's member verifies a declared relation",
        params: IdParam,
        response: { 200: RelationView, ...problems(401, 403, 404) },
      },
    },
    async (req) => relations.verifyRelation(deps, ctx(req), req.params.id),
  );
  app.get(
    '/filiere/:code/map',
    {
      schema: {
        tags,
        summary:
          'A filiera as a graph: companies, centres, relations, introductions, and the steps with no local supplier',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) }),
        response: { 200: FilieraMap, ...problems(401, 403, 404) },
      },
    },
    async (req) => relations.filieraMap(deps, req.actor, req.params.code),
  );
};
