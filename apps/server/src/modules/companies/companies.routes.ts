import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ClaimDecision,
  ClaimView,
  CompanyListQuery,
  CompanyProfilePatch,
  CompanyRegister,
  CompanySummary,
  CompanyView,
  Paged,
} from '@clock/contracts';
import { IdParam, problems } from '../../core/http.ts';
import * as companies from './companies.service.ts';

const ClaimBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

/**
 * Companies that join the network: registering or claiming one, a centre's verification, the public profile and the
 * company's own people. Rules in companies.rules.ts; every write route names its permission (docs/permissions.md).
 */
export const companiesRoutes: FastifyPluginAsyncTypebox<{ deps: companies.CompanyDeps }> = async (app, { deps }) => {
  app.get(
    '/companies',
    {
      schema: {
        tags: ['companies'],
        summary: 'Companies by name or VAT number',
        querystring: CompanyListQuery,
        response: { 200: Paged(CompanySummary), ...problems(400) },
      },
    },
    async (req) => companies.listCompanies(deps.db, req.query),
  );

  app.get(
    '/companies/:id',
    {
      schema: {
        tags: ['companies'],
        summary: "A company's profile (members listed to its members and the centres)",
        params: IdParam,
        response: { 200: CompanyView, ...problems(400, 404) },
      },
    },
    async (req) => companies.getCompany(deps.db, req.actor, req.params.id),
  );

  app.post(
    '/companies',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags: ['companies'],
        summary: 'Register a new company and claim to act for it (a centre verifies the claim)',
        body: CompanyRegister,
        response: { 201: Type.Object({ company: CompanyView, claim: ClaimView }), ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await companies.registerCompany(deps, { actor: req.actor, requestId: req.id }, req.body)),
  );

  app.post(
    '/companies/:id/claims',
    {
      config: { permission: 'signed-in' },
      schema: {
        tags: ['companies'],
        summary: 'Claim to act for a company already registered (a centre verifies the claim)',
        params: IdParam,
        body: ClaimBody,
        response: { 201: ClaimView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await companies.claimCompany(deps, { actor: req.actor, requestId: req.id }, req.params.id, req.body)),
  );

  app.patch(
    '/companies/:id',
    {
      config: { permission: 'company-profile' },
      schema: {
        tags: ['companies'],
        summary: "Change a company's profile (its members); null clears a text",
        params: IdParam,
        body: CompanyProfilePatch,
        response: { 200: CompanyView, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => companies.updateCompany(deps, { actor: req.actor, requestId: req.id }, req.params.id, req.body),
  );

  app.post(
    '/companies/:id/invitations',
    {
      config: { permission: 'company-admin' },
      schema: {
        tags: ['companies'],
        summary: "Invite a colleague to the company by e-mail (the company's administrators)",
        params: IdParam,
        body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 320 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({
            email: Type.String(),
            organization: Type.String(),
            role: Type.String(),
            expiresInDays: Type.Integer(),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await companies.inviteColleague(deps, { actor: req.actor, requestId: req.id }, req.params.id, req.body.email),
        ),
  );

  app.get(
    '/company-claims',
    {
      schema: {
        tags: ['companies'],
        summary: 'My claims (scope=mine), or the claims centres review (scope=review)',
        querystring: Type.Object(
          {
            scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('review')], { default: 'mine' })),
            state: Type.Optional(
              Type.Union([Type.Literal('pending'), Type.Literal('verified'), Type.Literal('rejected')]),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(ClaimView), ...problems(400, 401, 403) },
      },
    },
    async (req) =>
      req.query.scope === 'review'
        ? companies.claimsToReview(deps.db, req.actor, req.query.state)
        : companies.myClaims(deps.db, req.actor),
  );

  for (const [action, decision] of [
    ['verify', 'verified'],
    ['reject', 'rejected'],
  ] as const) {
    app.post(
      `/company-claims/:id/${action}`,
      {
        config: { permission: 'company-review' },
        schema: {
          tags: ['companies'],
          summary:
            action === 'verify'
              ? 'Verify a claim: the person joins the company'
              : 'Reject a claim, with a reason the person reads',
          params: IdParam,
          ...(decision === 'rejected' ? { body: ClaimDecision } : {}),
          response: { 200: ClaimView, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        companies.decideClaim(
          deps,
          { actor: req.actor, requestId: req.id },
          req.params.id,
          decision,
          (req.body as { reason?: string } | undefined)?.reason,
        ),
    );
  }
};
