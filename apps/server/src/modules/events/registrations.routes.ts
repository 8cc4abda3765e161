import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  MyRegistrationList,
  Registration,
  RegistrationAccessQuery,
  RegistrationCancel,
  RegistrationConfirm,
  RegistrationCreate,
} from '@clock/contracts';
import { IdParam, problems } from '../../core/http.ts';
import type { EventDeps } from './events.service.ts';
import * as registrations from './registrations.service.ts';
import { certificatePdf } from './certificate.service.ts';

/**
 * Registering for events (permission `event-registration`: anyone; without a session an e-mail address confirmed by
 * a link; anonymous POSTs are rate-limited per address like every anonymous POST) and a registrant's own links.
 */
export const registrationsRoutes: FastifyPluginAsyncTypebox<{ deps: EventDeps }> = async (app, { deps }) => {
  const tags = ['events'];
  const ctx = (req: { actor: Parameters<typeof registrations.register>[1]['actor']; id: string }) => ({
    actor: req.actor,
    requestId: req.id,
  });
  const registration = { permission: 'event-registration' as const };

  app.post(
    '/events/:id/registrations',
    {
      config: registration,
      schema: {
        tags,
        summary:
          'Register (signed in: confirmed or waiting at once; otherwise pending until the mailed link is opened)',
        description:
          '409 `urn:clock:problem:already-registered` when the address already has a live registration, 409 `urn:clock:problem:registration-closed` outside the registration window.',
        params: IdParam,
        body: RegistrationCreate,
        response: { 201: Registration, ...problems(400, 404, 409, 429) },
      },
    },
    async (req, reply) => reply.status(201).send(await registrations.register(deps, ctx(req), req.params.id, req.body)),
  );
  app.post(
    '/event-registrations/confirm',
    {
      config: registration,
      schema: {
        tags,
        summary: 'Confirm a registration with the token of the mailed link',
        body: RegistrationConfirm,
        response: { 200: Registration, ...problems(400, 404, 409) },
      },
    },
    async (req) => registrations.confirmRegistration(deps, ctx(req), req.body.token),
  );
  app.get(
    '/event-registrations/:id',
    {
      schema: {
        tags,
        summary: 'A registration (its registrant, signed in or with its token; the organisers)',
        params: IdParam,
        querystring: RegistrationAccessQuery,
        response: { 200: Registration, ...problems(400, 404) },
      },
    },
    async (req) => registrations.getRegistration(deps, req.actor, req.params.id, req.query.token),
  );
  app.post(
    '/event-registrations/:id/cancel',
    {
      config: registration,
      schema: {
        tags,
        summary: 'Cancel a registration (its registrant or the organisers); the first one waiting takes the place',
        params: IdParam,
        body: RegistrationCancel,
        response: { 200: Registration, ...problems(400, 404, 409) },
      },
    },
    async (req) => registrations.cancelRegistration(deps, ctx(req), req.params.id, req.body.token),
  );
  app.get(
    '/event-registrations/:id/certificate',
    {
      schema: {
        tags,
        summary: 'The attendance certificate (PDF), once attendance is recorded',
        params: IdParam,
        querystring: RegistrationAccessQuery,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) =>
      reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="certificate-${req.params.id.replace(/[^a-z0-9-]/gi, '_')}.pdf"`,
        )
        .send(await certificatePdf(deps, req.actor, req.params.id, req.query.token)),
  );
  app.get(
    '/me/event-registrations',
    {
      schema: {
        tags,
        summary: "The caller's own registrations",
        response: { 200: MyRegistrationList, ...problems(401) },
      },
    },
    async (req) => registrations.myRegistrations(deps, req.actor),
  );
};
