import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam, problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import type { Collection } from './bundle.rules.ts';
import * as editing from './editing.service.ts';

// Bodies are validated against the clock-bundle/1 record schemas inside the service (every invalid field listed under
// /body/...), so the HTTP schema only says "an object".
const RecordBody = (collection: Collection) =>
  Type.Object({}, { additionalProperties: true, description: `A ${collection} record as in the clock-bundle/1 format (packages/contracts/schemas/catalogue-bundle.schema.json)` });
const PatchBody = (collection: Collection) =>
  Type.Object({}, { additionalProperties: true, description: `Fields of a ${collection} record to change; null removes an optional field` });
const Any = Type.Object({}, { additionalProperties: true });
const History = Type.Array(Type.Object({
  at: Type.String(), action: Type.String(), actor: Type.Union([Type.String(), Type.Null()]), actorName: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(), after: Type.Unknown(),
}));

/** Write endpoints of the catalogue; each route names the permission rule that guards it (see docs/permissions.md). */
export const editingRoutes: FastifyPluginAsyncTypebox<{ db: Db; onChange: () => Promise<void> }> = async (app, { db, onChange }) => {
  const collections: Collection[] = ['competences', 'services', 'equipment', 'experts'];
  for (const c of collections) {
    app.post(`/${c}`, {
      config: { permission: 'organization-records' },
      schema: { tags: ['catalogue'], summary: `Add to ${c}`, body: RecordBody(c), response: { 201: Any, ...problems(400, 401, 403, 409, 413, 415) } },
    }, async (req, reply) => {
      const created = await editing.createRecord(db, { actor: req.actor, requestId: req.id }, c, req.body as Record<string, unknown>);
      await onChange();
      return reply.status(201).send(created);
    });
    app.patch(`/${c}/:id`, {
      config: { permission: 'organization-records' },
      schema: { tags: ['catalogue'], summary: `Change one of ${c}`, params: IdParam, body: PatchBody(c), response: { 200: Any, ...problems(400, 401, 403, 404) } },
    }, async (req) => {
      const updated = await editing.updateRecord(db, { actor: req.actor, requestId: req.id }, c, req.params.id, req.body as Record<string, unknown>);
      await onChange();
      return updated;
    });
    app.delete(`/${c}/:id`, {
      config: { permission: 'organization-records' },
      schema: { tags: ['catalogue'], summary: `Retire one of ${c} (soft delete; history kept)`, params: IdParam, response: { 204: Type.Null(), ...problems(401, 403, 404) } },
    }, async (req, reply) => {
      await editing.retireRecord(db, { actor: req.actor, requestId: req.id }, c, req.params.id);
      await onChange();
      return reply.status(204).send(null);
    });
  }
  for (const c of [...collections, 'organizations'] as Collection[]) {
    app.get(`/${c}/:id/history`, {
      schema: { tags: ['catalogue'], summary: `The change history of one of ${c}`, params: IdParam, response: { 200: History, ...problems(401, 403, 404) } },
    }, async (req) => editing.recordHistory(db, req.actor, c, req.params.id));
  }

  app.post('/organizations', {
    config: { permission: 'platform-admin' },
    schema: { tags: ['catalogue'], summary: 'Add an organisation (platform administrators)', body: RecordBody('organizations'), response: { 201: Any, ...problems(400, 401, 403, 409) } },
  }, async (req, reply) => {
    const created = await editing.createRecord(db, { actor: req.actor, requestId: req.id }, 'organizations', req.body as Record<string, unknown>);
    await onChange();
    return reply.status(201).send(created);
  });
  app.patch('/organizations/:id', {
    config: { permission: 'organization-profile' },
    schema: { tags: ['catalogue'], summary: 'Change an organisation\'s profile', params: IdParam, body: PatchBody('organizations'), response: { 200: Any, ...problems(400, 401, 403, 404) } },
  }, async (req) => {
    const updated = await editing.updateRecord(db, { actor: req.actor, requestId: req.id }, 'organizations', req.params.id, req.body as Record<string, unknown>);
    await onChange();
    return updated;
  });
  app.delete('/organizations/:id', {
    config: { permission: 'platform-admin' },
    schema: { tags: ['catalogue'], summary: 'Retire an organisation (platform administrators)', params: IdParam, response: { 204: Type.Null(), ...problems(401, 403, 404) } },
  }, async (req, reply) => {
    await editing.retireRecord(db, { actor: req.actor, requestId: req.id }, 'organizations', req.params.id);
    await onChange();
    return reply.status(204).send(null);
  });
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission rule guarding a write route; the permission-matrix test requires one on every write route. */
    permission?: 'public' | 'self' | 'manager' | 'organization-records' | 'organization-profile' | 'platform-admin' | 'request'
      | 'signed-in' | 'company-review' | 'company-profile' | 'company-admin';
  }
}
