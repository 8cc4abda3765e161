import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Objective,
  ObjectiveEdit,
  ObjectiveList,
  ObjectiveListQuery,
  ObjectiveWrite,
  Protocol,
  ProtocolCreate,
  ProtocolList,
  RenewalCreate,
  S3Coverage,
} from '@clock/contracts';
import { IdParam, problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import * as objectives from './objectives.service.ts';
import * as protocols from './protocols.service.ts';
import { coverage } from './coverage.service.ts';

/** Objectives, the protocol and the S3 coverage map. */
export const objectivesRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const tags = ['governance'];
  const steer = { permission: 'governance' as const };
  const region = { permission: 'protocol' as const };

  app.get(
    '/objectives',
    {
      schema: {
        tags,
        summary: 'Objectives agreed per period (public ones for everyone; all for the nucleus and the Region)',
        querystring: ObjectiveListQuery,
        response: { 200: ObjectiveList, ...problems(400) },
      },
    },
    async (req) => objectives.listObjectives(db, req.actor, req.query),
  );
  app.post(
    '/objectives',
    {
      config: steer,
      schema: {
        tags,
        summary: 'Agree an objective (network-wide or for one centre)',
        body: ObjectiveWrite,
        response: { 201: Objective, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await objectives.createObjective(db, { actor: req.actor, requestId: req.id }, req.body)),
  );
  app.get(
    '/objectives/:id',
    { schema: { tags, summary: 'One objective', params: IdParam, response: { 200: Objective, ...problems(404) } } },
    async (req) => objectives.getObjective(db, req.actor, req.params.id),
  );
  app.patch(
    '/objectives/:id',
    {
      config: steer,
      schema: {
        tags,
        summary: 'Change an objective',
        params: IdParam,
        body: ObjectiveEdit,
        response: { 200: Objective, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => objectives.editObjective(db, { actor: req.actor, requestId: req.id }, req.params.id, req.body),
  );
  app.delete(
    '/objectives/:id',
    {
      config: steer,
      schema: {
        tags,
        summary: 'Remove an objective',
        params: IdParam,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await objectives.deleteObjective(db, { actor: req.actor, requestId: req.id }, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/protocols',
    {
      schema: {
        tags,
        summary: 'The protocol, its parties in signing order and its renewals',
        response: { 200: ProtocolList },
      },
    },
    async () => protocols.listProtocols(db),
  );
  app.post(
    '/protocols',
    {
      config: region,
      schema: {
        tags,
        summary: 'Record a protocol (the Region, administrators)',
        body: ProtocolCreate,
        response: { 201: Protocol, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await protocols.createProtocol(db, { actor: req.actor, requestId: req.id }, req.body)),
  );
  app.post(
    '/protocols/:id/renewals',
    {
      config: region,
      schema: {
        tags,
        summary: 'Record a renewal of the protocol',
        params: IdParam,
        body: RenewalCreate,
        response: { 201: Protocol, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await protocols.renewProtocol(db, { actor: req.actor, requestId: req.id }, req.params.id, req.body)),
  );

  app.get(
    '/s3/coverage',
    {
      schema: {
        tags,
        summary: "The centres' offer on the S3 2021-2027 matrix: cells, gaps and overlaps between centres",
        response: { 200: S3Coverage },
      },
    },
    async () => coverage(db),
  );
};
