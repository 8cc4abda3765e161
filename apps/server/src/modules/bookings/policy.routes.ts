import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  BookingPolicy,
  BookingPolicyWrite,
  Closure,
  ClosureCreate,
  ClosureList,
  ClosureListQuery,
  Grant,
  GrantCreate,
  GrantList,
  GrantRevoke,
  OpeningRules,
  Qualification,
  QualificationEdit,
  QualificationList,
  QualificationListQuery,
  QualificationWrite,
  TariffList,
  TariffsWrite,
  TrainingRequest,
  TrainingRequestAnswer,
} from '@clock/contracts';
import { IdParam, problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import * as policy from './policy.service.ts';
import * as quals from './qualifications.service.ts';

/**
 * The owning centre's settings of equipment sharing. Writes use the permission rule `equipment-booking` (the
 * equipment's or qualification's centre: nucleus, managers, staff; administrators), checked in the services.
 */
export const policyRoutes: FastifyPluginAsyncTypebox<{ db: Db; publicUrl: string; now?: () => Date }> = async (
  app,
  { db, publicUrl, now = () => new Date() },
) => {
  const tags = ['bookings'];
  const staff = { permission: 'equipment-booking' as const };

  app.get(
    '/equipment/:id/booking-policy',
    {
      schema: {
        tags,
        summary: "An instrument's booking policy",
        params: IdParam,
        response: { 200: BookingPolicy, ...problems(404) },
      },
    },
    async (req) => policy.getPolicy(db, req.params.id),
  );
  app.put(
    '/equipment/:id/booking-policy',
    {
      config: staff,
      schema: {
        tags,
        summary: "Set an instrument's booking policy (its centre)",
        params: IdParam,
        body: BookingPolicyWrite,
        response: { 200: BookingPolicy, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => policy.putPolicy(db, { actor: req.actor, requestId: req.id }, req.params.id, req.body),
  );

  app.get(
    '/equipment/:id/opening-rules',
    {
      schema: {
        tags,
        summary: "An instrument's opening hours (RFC 5545 recurrence rules, Europe/Rome)",
        params: IdParam,
        response: { 200: OpeningRules, ...problems(404) },
      },
    },
    async (req) => policy.getOpeningRules(db, req.params.id),
  );
  app.put(
    '/equipment/:id/opening-rules',
    {
      config: staff,
      schema: {
        tags,
        summary: "Replace an instrument's opening hours (its centre)",
        params: IdParam,
        body: OpeningRules,
        response: { 200: OpeningRules, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => policy.putOpeningRules(db, { actor: req.actor, requestId: req.id }, req.params.id, req.body.items),
  );

  app.get(
    '/equipment/:id/tariffs',
    {
      schema: {
        tags,
        summary: "An instrument's tariffs per user category and unit (current and past)",
        params: IdParam,
        response: { 200: TariffList, ...problems(404) },
      },
    },
    async (req) => policy.getTariffs(db, req.params.id),
  );
  app.put(
    '/equipment/:id/tariffs',
    {
      config: staff,
      schema: {
        tags,
        summary: "Replace an instrument's tariffs from now on (its centre; bookings keep their quotes)",
        params: IdParam,
        body: TariffsWrite,
        response: { 200: TariffList, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => policy.putTariffs(db, { actor: req.actor, requestId: req.id }, req.params.id, req.body, now()),
  );

  app.get(
    '/closures',
    {
      schema: {
        tags,
        summary: "A centre's or an instrument's closures (public holidays are computed, not listed)",
        querystring: ClosureListQuery,
        response: { 200: ClosureList, ...problems(400, 404) },
      },
    },
    async (req) => policy.listClosures(db, req.query, now()),
  );
  app.post(
    '/closures',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Close a centre or one instrument for a period (its centre)',
        body: ClosureCreate,
        response: { 201: Closure, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await policy.createClosure(db, { actor: req.actor, requestId: req.id }, req.body)),
  );
  app.delete(
    '/closures/:id',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Remove a closure (its centre)',
        params: IdParam,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await policy.deleteClosure(db, { actor: req.actor, requestId: req.id }, req.params.id);
      return reply.status(204).send(null);
    },
  );

  // ---- qualifications ----

  app.get(
    '/qualifications',
    {
      schema: {
        tags,
        summary: 'Qualifications instruments may require (`held`: the caller holds it today)',
        querystring: QualificationListQuery,
        response: { 200: QualificationList, ...problems(400) },
      },
    },
    async (req) => quals.listQualifications(db, req.actor, req.query, now()),
  );
  app.get(
    '/qualifications/:id',
    {
      schema: {
        tags,
        summary: 'One qualification',
        params: IdParam,
        response: { 200: Qualification, ...problems(404) },
      },
    },
    async (req) => quals.getQualification(db, req.actor, req.params.id, now()),
  );
  app.post(
    '/qualifications',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Define a qualification (its centre)',
        body: QualificationWrite,
        response: { 201: Qualification, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await quals.createQualification(db, { actor: req.actor, requestId: req.id }, req.body, now())),
  );
  app.patch(
    '/qualifications/:id',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Change a qualification (its centre)',
        params: IdParam,
        body: QualificationEdit,
        response: { 200: Qualification, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => quals.editQualification(db, { actor: req.actor, requestId: req.id }, req.params.id, req.body, now()),
  );
  app.get(
    '/qualifications/:id/grants',
    {
      schema: {
        tags,
        summary: 'Who holds a qualification (its centre)',
        params: IdParam,
        response: { 200: GrantList, ...problems(401, 403, 404) },
      },
    },
    async (req) => quals.listGrants(db, req.actor, req.params.id, now()),
  );
  app.post(
    '/qualifications/:id/grants',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Grant a qualification to a person, with a validity date (its centre)',
        params: IdParam,
        body: GrantCreate,
        response: { 201: Grant, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await quals.grantQualification(
            db,
            publicUrl,
            { actor: req.actor, requestId: req.id },
            req.params.id,
            req.body,
            now(),
          ),
        ),
  );
  app.post(
    '/qualification-grants/:id/revoke',
    {
      config: staff,
      schema: {
        tags,
        summary: 'Revoke a grant with a reason (its centre)',
        params: IdParam,
        body: GrantRevoke,
        response: { 200: Grant, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) =>
      quals.revokeGrant(db, { actor: req.actor, requestId: req.id }, req.params.id, req.body.reason, now()),
  );
  app.post(
    '/qualifications/:id/training-requests',
    {
      config: { permission: 'booking' },
      schema: {
        tags,
        summary: "Ask the qualification's centre for the training (any signed-in person)",
        params: IdParam,
        body: TrainingRequest,
        response: { 202: TrainingRequestAnswer, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply
        .status(202)
        .send(
          await quals.requestTraining(
            db,
            publicUrl,
            { actor: req.actor, requestId: req.id },
            req.params.id,
            req.body.message,
          ),
        ),
  );
  app.get(
    '/me/qualifications',
    {
      schema: { tags, summary: "The caller's qualifications", response: { 200: GrantList, ...problems(401) } },
    },
    async (req) => quals.myGrants(db, req.actor, now()),
  );
};
