import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TObject, type TSchema } from 'typebox';
import { CompetenceWrite, EquipmentWrite, ExpertWrite, OrganizationWrite, ServiceWrite } from '@clock/contracts';
import { IdParam, problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import type { Collection } from './bundle.rules.ts';
import * as editing from './editing.service.ts';

// The body schemas document the limits (packages/contracts); the service validates the body itself against the
// clock-bundle/1 record schema, those limits and the taxonomies, so that every problem is listed at once under
// /body/... (the route's own validation would stop at the first layer).
const WRITE: Record<Collection, TSchema> = {
  competences: CompetenceWrite,
  services: ServiceWrite,
  equipment: EquipmentWrite,
  experts: ExpertWrite,
  organizations: OrganizationWrite,
};
const RecordBody = (collection: Collection) => WRITE[collection];
// Every field optional and nullable (null removes an optional field): validation never turns a null into something else.
const PatchBody = (collection: Collection) =>
  Type.Object(
    Object.fromEntries(
      Object.entries((WRITE[collection] as TObject).properties).map(([k, v]) => [
        k,
        Type.Optional(Type.Union([v, Type.Null()])),
      ]),
    ),
    {
      additionalProperties: false,
      description: `Fields of a ${collection} record to change; null removes an optional field`,
    },
  );
const documentedOnly = { attachValidation: true };
/** Parameters are still checked by the route; only the body is left to the service. */
function paramsChecked(req: FastifyRequest) {
  const e = req.validationError as (Error & { validationContext?: string }) | undefined;
  if (e && e.validationContext !== 'body') throw e;
}
const Any = Type.Object({}, { additionalProperties: true });
const History = Type.Array(
  Type.Object({
    at: Type.String(),
    action: Type.String(),
    actor: Type.Union([Type.String(), Type.Null()]),
    actorName: Type.Union([Type.String(), Type.Null()]),
    before: Type.Unknown(),
    after: Type.Unknown(),
  }),
);

/** Write endpoints of the catalogue; each route names the permission rule that guards it (see docs/permissions.md). */
export const editingRoutes: FastifyPluginAsyncTypebox<{ db: Db; onChange: () => Promise<void> }> = async (
  app,
  { db, onChange },
) => {
  const collections: Collection[] = ['competences', 'services', 'equipment', 'experts'];
  for (const c of collections) {
    app.post(
      `/${c}`,
      {
        ...documentedOnly,
        config: { permission: 'organization-records' },
        schema: {
          tags: ['catalogue'],
          summary: `Add to ${c}`,
          body: RecordBody(c),
          response: { 201: Any, ...problems(400, 401, 403, 409, 413, 415) },
        },
      },
      async (req, reply) => {
        paramsChecked(req);
        const created = await editing.createRecord(
          db,
          { actor: req.actor, requestId: req.id },
          c,
          req.body as Record<string, unknown>,
        );
        await onChange();
        return reply.status(201).send(created);
      },
    );
    app.patch(
      `/${c}/:id`,
      {
        ...documentedOnly,
        config: { permission: 'organization-records' },
        schema: {
          tags: ['catalogue'],
          summary: `Change one of ${c}`,
          params: IdParam,
          body: PatchBody(c),
          response: { 200: Any, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) => {
        paramsChecked(req);
        const updated = await editing.updateRecord(
          db,
          { actor: req.actor, requestId: req.id },
          c,
          req.params.id,
          req.body as Record<string, unknown>,
        );
        await onChange();
        return updated;
      },
    );
    app.delete(
      `/${c}/:id`,
      {
        config: { permission: 'organization-records' },
        schema: {
          tags: ['catalogue'],
          summary: `Retire one of ${c} (soft delete; history kept)`,
          params: IdParam,
          response: { 204: Type.Null(), ...problems(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await editing.retireRecord(db, { actor: req.actor, requestId: req.id }, c, req.params.id);
        await onChange();
        return reply.status(204).send(null);
      },
    );
  }
  for (const c of [...collections, 'organizations'] as Collection[]) {
    app.get(
      `/${c}/:id/history`,
      {
        schema: {
          tags: ['catalogue'],
          summary: `The change history of one of ${c}`,
          params: IdParam,
          response: { 200: History, ...problems(401, 403, 404) },
        },
      },
      async (req) => editing.recordHistory(db, req.actor, c, req.params.id),
    );
  }

  app.post(
    '/organizations',
    {
      ...documentedOnly,
      config: { permission: 'administration' },
      schema: {
        tags: ['catalogue'],
        summary: 'Add an organisation (platform administrators and Region officers)',
        body: RecordBody('organizations'),
        response: { 201: Any, ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      paramsChecked(req);
      const created = await editing.createRecord(
        db,
        { actor: req.actor, requestId: req.id },
        'organizations',
        req.body as Record<string, unknown>,
      );
      await onChange();
      return reply.status(201).send(created);
    },
  );
  app.patch(
    '/organizations/:id',
    {
      ...documentedOnly,
      config: { permission: 'organization-profile' },
      schema: {
        tags: ['catalogue'],
        summary: "Change an organisation's profile",
        params: IdParam,
        body: PatchBody('organizations'),
        response: { 200: Any, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      paramsChecked(req);
      const updated = await editing.updateRecord(
        db,
        { actor: req.actor, requestId: req.id },
        'organizations',
        req.params.id,
        req.body as Record<string, unknown>,
      );
      await onChange();
      return updated;
    },
  );
  app.delete(
    '/organizations/:id',
    {
      config: { permission: 'platform-admin' },
      schema: {
        tags: ['catalogue'],
        summary: 'Retire an organisation (platform administrators)',
        params: IdParam,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await editing.retireRecord(db, { actor: req.actor, requestId: req.id }, 'organizations', req.params.id);
      await onChange();
      return reply.status(204).send(null);
    },
  );
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission rule guarding a write route; the permission-matrix test requires one on every write route. */
    permission?:
      | 'public'
      | 'self'
      | 'manager'
      | 'organization-records'
      | 'organization-profile'
      | 'platform-admin'
      | 'administration'
      | 'request'
      | 'signed-in'
      | 'company-review'
      | 'company-profile'
      | 'company-admin'
      | 'booking'
      | 'equipment-booking'
      | 'news'
      | 'event-organizer'
      | 'event-registration'
      | 'joint-action'
      | 'joint-action-partner'
      | 'joint-action-from-request'
      | 'meeting'
      | 'brokerage'
      | 'governance'
      | 'governance-network'
      | 'protocol'
      | 'report';
  }
}
