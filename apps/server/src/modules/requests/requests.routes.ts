import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import {
  CloseBody,
  DeclineBody,
  InterestBody,
  OpenBody,
  RateBody,
  RequestCreate,
  RequestEdit,
  RequestList,
  RequestListQuery,
  RequestView,
  ResponseTargets,
  StartBody,
  TeamBody,
  TeamProposal,
  TriageBody,
  WithdrawBody,
  WithdrawInterestBody,
} from '@clock/contracts';
import { problems } from '../../core/http.ts';
import { schemaFailure } from '../../core/problem.ts';
import * as lifecycle from './lifecycle.service.ts';
import * as participation from './participation.service.ts';
import { teamProposal } from './proposals.service.ts';
import * as requests from './requests.service.ts';
import { editRequest, submitRequest } from './submission.service.ts';

const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

/**
 * The network's front door for company problems. Every write route is guarded by the rules in requests.rules.ts
 * (permission "request": who may take which action in which state; tested as a matrix in requests.test.ts).
 */
export const requestsRoutes: FastifyPluginAsyncTypebox<{ deps: requests.RequestDeps }> = async (app, { deps }) => {
  // Submitting and correcting validate with their own rules too: the schema's problems join them (attachValidation),
  // so every invalid field is reported at once.
  app.post(
    '/requests',
    {
      config: { permission: 'request' },
      attachValidation: true,
      schema: {
        tags: ['requests'],
        summary: 'Submit a problem to the network',
        description:
          "By a company member for their company, or by a centre (or Region officer) on a company's behalf (company or companyName). Public requests need a summary.",
        body: RequestCreate,
        response: { 201: RequestView, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (req, reply) => {
      const invalid = schemaFailure(req.validationError, req.body);
      const body = (req.validationError ? invalid.clean : req.body) as typeof req.body;
      const created = await submitRequest(deps, { actor: req.actor, requestId: req.id }, body, invalid.problems);
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'Requests the caller may see',
        description:
          'Anonymous callers and companies see the summaries of public requests the nucleus opened (and companies their own); centres see what is open to them; confidential requests appear only to their company, the nucleus and the centres assigned.',
        querystring: RequestListQuery,
        response: { 200: RequestList, ...problems(400) },
      },
    },
    async (req) => requests.listRequests(deps, req.actor, req.query),
  );

  app.get(
    '/requests/targets',
    {
      schema: {
        tags: ['requests'],
        summary: "The network's response-time targets (working days)",
        response: { 200: ResponseTargets },
      },
    },
    async () => requests.responseTargets(deps.db),
  );
  app.put(
    '/requests/targets',
    {
      config: { permission: 'request' },
      schema: {
        tags: ['requests'],
        summary: 'Change the response-time targets (coordination nucleus)',
        body: ResponseTargets,
        response: { 200: ResponseTargets, ...problems(400, 401, 403) },
      },
    },
    async (req) => requests.setResponseTargets(deps, { actor: req.actor, requestId: req.id }, req.body),
  );

  app.get(
    '/requests/:id',
    {
      schema: {
        tags: ['requests'],
        summary: 'One request with its timeline, as the caller may see it',
        params: Id,
        response: { 200: RequestView, ...problems(404) },
      },
    },
    async (req) => requests.getRequest(deps, req.actor, req.params.id),
  );

  app.patch(
    '/requests/:id',
    {
      config: { permission: 'request' },
      attachValidation: true,
      schema: {
        tags: ['requests'],
        summary: 'Correct a request before it is opened to the centres (its company or the nucleus)',
        params: Id,
        body: RequestEdit,
        response: { 200: RequestView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const invalid = schemaFailure(req.validationError, req.body);
      const patch = (req.validationError ? invalid.clean : req.body) as typeof req.body;
      return editRequest(deps, { actor: req.actor, requestId: req.id }, req.params.id, patch, invalid.problems);
    },
  );

  app.get(
    '/requests/:id/proposal',
    {
      schema: {
        tags: ['requests'],
        summary: 'The team proposal: who covers which aspect, what is missing, the equipment involved',
        params: Id,
        response: { 200: TeamProposal, ...problems(403, 404) },
      },
    },
    async (req) => teamProposal(deps, req.actor, req.params.id),
  );

  const action = (
    path: string,
    summary: string,
    body: TSchema,
    run: (ctx: requests.Ctx, id: string, body: never) => Promise<unknown>,
  ) => {
    app.route({
      method: 'POST',
      url: `/requests/:id/${path}`,
      config: { permission: 'request' },
      schema: {
        tags: ['requests'],
        summary,
        params: Id,
        body,
        response: { 200: RequestView, ...problems(400, 401, 403, 404, 409) },
      },
      handler: async (req) => {
        const result = await run(
          { actor: req.actor, requestId: req.id },
          (req.params as { id: string }).id,
          req.body as never,
        );
        return result as never;
      },
    });
  };
  action('triage', 'Take the request into triage (nucleus)', TriageBody, (c, id, b) =>
    lifecycle.triageRequest(deps, c, id, b),
  );
  action(
    'open',
    'Open the request to centres (nucleus); a confidential one to the centres named only',
    OpenBody,
    (c, id, b) => lifecycle.openRequest(deps, c, id, b),
  );
  action('decline', 'Decline the request with a reason sent to the company (nucleus)', DeclineBody, (c, id, b) =>
    lifecycle.declineRequest(deps, c, id, b),
  );
  action('interest', "Express a centre's interest with a short proposal", InterestBody, (c, id, b) =>
    participation.expressInterest(deps, c, id, b),
  );
  action('interest/withdraw', "Withdraw a centre's interest", WithdrawInterestBody, (c, id, b) =>
    participation.withdrawInterest(deps, c, id, b),
  );
  action(
    'team',
    'Agree the team: a lead centre and partners among those interested (company or nucleus)',
    TeamBody,
    (c, id, b) => participation.agreeTeam(deps, c, id, b),
  );
  action('start', 'Start the work (lead centre or nucleus)', StartBody, (c, id, b) =>
    lifecycle.startRequest(deps, c, id, b),
  );
  action('close', 'Close the request with its outcome (lead centre or nucleus)', CloseBody, (c, id, b) =>
    lifecycle.closeRequest(deps, c, id, b),
  );
  action('rating', 'Rate the work once closed (the company)', RateBody, (c, id, b) =>
    lifecycle.rateRequest(deps, c, id, b),
  );
  action('withdraw', 'Withdraw the request before the work starts (the company)', WithdrawBody, (c, id, b) =>
    lifecycle.withdrawRequest(deps, c, id, b),
  );
};
