import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OrganizationContact, RecordContact } from '@clock/contracts';
import { IdParam, problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import * as contacts from './contacts.service.ts';

const nullable = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);
const ContactView = Type.Object({
  email: nullable(320),
  phone: nullable(40),
  address: nullable(300),
  pec: nullable(320),
});
const RecordContactView = Type.Union([
  Type.Object({
    name: Type.String(),
    role: nullable(200),
    email: nullable(320),
    phone: nullable(40),
    consentAt: Type.String(),
  }),
  Type.Null(),
]);

/** How to reach an organisation, and the named contact person of a record (with consent). */
export const contactsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/organizations/:id/contact',
    {
      schema: {
        tags: ['catalogue'],
        summary: "An organisation's e-mail, phone, address and certified e-mail (PEC)",
        params: IdParam,
        response: { 200: ContactView, ...problems(400, 404) },
      },
    },
    async (req) => contacts.organizationContact(db, req.actor, req.params.id),
  );

  app.put(
    '/organizations/:id/contact',
    {
      config: { permission: 'organization-profile' },
      schema: {
        tags: ['catalogue'],
        summary: "Replace an organisation's contact details",
        params: IdParam,
        body: OrganizationContact,
        response: { 200: ContactView, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) =>
      contacts.setOrganizationContact(db, { actor: req.actor, requestId: req.id }, req.params.id, req.body),
  );

  for (const [path, type] of [
    ['competences', 'competence'],
    ['services', 'service'],
    ['equipment', 'equipment'],
  ] as const) {
    app.get(
      `/${path}/:id/contact`,
      {
        schema: {
          tags: ['catalogue'],
          summary: `The contact person of one of ${path} (null when none)`,
          params: IdParam,
          response: { 200: RecordContactView, ...problems(400, 404) },
        },
      },
      async (req) => contacts.recordContact(db, req.actor, type, req.params.id),
    );
    app.put(
      `/${path}/:id/contact`,
      {
        config: { permission: 'organization-records' },
        schema: {
          tags: ['catalogue'],
          summary: `Name the contact person of one of ${path} (with their consent)`,
          params: IdParam,
          body: RecordContact,
          response: { 200: RecordContactView, ...problems(400, 401, 403, 404) },
        },
      },
      async (req) =>
        contacts.setRecordContact(db, { actor: req.actor, requestId: req.id }, type, req.params.id, req.body),
    );
    app.delete(
      `/${path}/:id/contact`,
      {
        config: { permission: 'organization-records' },
        schema: {
          tags: ['catalogue'],
          summary: `Remove the contact person of one of ${path}`,
          params: IdParam,
          response: { 204: Type.Null(), ...problems(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await contacts.setRecordContact(db, { actor: req.actor, requestId: req.id }, type, req.params.id, null);
        return reply.status(204).send(null);
      },
    );
  }
};
