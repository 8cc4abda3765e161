import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  InterestCreate,
  InterestList,
  InterestView,
  IntroductionCreate,
  IntroductionList,
  IntroductionView,
  MatchList,
  MatchQuery,
  OpportunityCreate,
  OpportunityList,
  OpportunityListQuery,
  OpportunityPatch,
  OpportunityReview,
  OpportunityView,
  OutcomeAnswerBody,
} from '@clock/contracts';
import { IdParam, problems } from '../../core/http.ts';
import * as opportunities from './opportunities.service.ts';
import * as introductions from './introductions.service.ts';
import { counterparts } from './counterparts.service.ts';

/**
 * Opportunities between companies, expressions of interest, introductions and their outcomes. Every write route's
 * permission is "brokerage": who may take each step is decided by opportunities.rules.ts (tested as a matrix in
 * brokerage.permissions.test.ts).
 */
export const opportunitiesRoutes: FastifyPluginAsyncTypebox<{ deps: opportunities.BrokerageDeps }> = async (
  app,
  { deps },
) => {
  const tags = ['brokerage'];
  const brokerage = { permission: 'brokerage' as const };
  const ctx = (req: { actor: import('../../core/actor.ts').Actor; id: string }) => ({
    actor: req.actor,
    requestId: req.id,
  });

  app.get(
    '/opportunities',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Published opportunities (anonymous ones without their company); `mine` for your own in every state',
        description:
          '`q` is matched in Italian and English (an English query finds an Italian text). Filters: `kind`, `filiera`, `sector` (an ATECO code or a prefix of one).',
        querystring: OpportunityListQuery,
        response: { 200: OpportunityList, ...problems(400, 401) },
      },
    },
    async (req) => opportunities.listOpportunities(deps, req.actor, req.query),
  );

  app.get(
    '/opportunities/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One opportunity (published, or your own / your centre handles)',
        params: IdParam,
        response: { 200: OpportunityView, ...problems(404) },
      },
    },
    async (req) => opportunities.getOpportunity(deps, req.actor, req.params.id),
  );

  app.post(
    '/opportunities',
    {
      config: brokerage,
      schema: {
        tags,
        summary: 'A verified company writes an opportunity (201, a draft)',
        description:
          "An anonymous opportunity whose texts hold an e-mail, a web address, a VAT number, a phone number or the company's own name is refused (400, each field named).",
        body: OpportunityCreate,
        response: { 201: OpportunityView, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await opportunities.createOpportunity(deps, ctx(req), req.body)),
  );

  app.patch(
    '/opportunities/:id',
    {
      config: brokerage,
      schema: {
        tags,
        summary: 'The company changes its opportunity (draft or on hold)',
        params: IdParam,
        body: OpportunityPatch,
        response: { 200: OpportunityView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => opportunities.updateOpportunity(deps, ctx(req), req.params.id, req.body),
  );

  app.post(
    '/opportunities/:id/submit',
    {
      config: brokerage,
      schema: {
        tags,
        summary: "The company sends its opportunity to the handling centre's review",
        params: IdParam,
        response: { 200: OpportunityView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => opportunities.submitOpportunity(deps, ctx(req), req.params.id),
  );

  app.post(
    '/opportunities/:id/review',
    {
      config: brokerage,
      schema: {
        tags,
        summary: 'The handling centre scores the opportunity and publishes, holds or rejects it',
        description:
          'Publishing needs scores adding up to at least 12 of 20, none below 2; hold and reject need a comment.',
        params: IdParam,
        body: OpportunityReview,
        response: { 200: OpportunityView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => opportunities.reviewOpportunity(deps, ctx(req), req.params.id, req.body),
  );

  app.get(
    '/opportunities/:id/matches',
    {
      schema: {
        tags,
        summary: 'Suggested counterparts, ranked and explained (the company and its handling centre)',
        params: IdParam,
        querystring: MatchQuery,
        response: { 200: MatchList, ...problems(401, 403, 404, 503) },
      },
    },
    async (req) => counterparts(deps, req.actor, req.params.id, req.query),
  );

  app.post(
    '/opportunities/:id/interest',
    {
      config: brokerage,
      schema: {
        tags,
        summary: 'Another company expresses interest (201); it reaches the handling centre',
        params: IdParam,
        body: InterestCreate,
        response: { 201: InterestView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await introductions.expressInterest(deps, ctx(req), req.params.id, req.body)),
  );

  app.get(
    '/opportunities/:id/interests',
    {
      schema: {
        tags,
        summary: 'Interests in an opportunity (all for its company and centre; your own otherwise)',
        params: IdParam,
        response: { 200: InterestList, ...problems(401, 404) },
      },
    },
    async (req) => introductions.listInterests(deps, req.actor, req.params.id),
  );

  for (const [path, answer] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const)
    app.post(
      `/interests/:id/${path}`,
      {
        config: brokerage,
        schema: {
          tags,
          summary: `The opportunity's company (or its centre for it) ${path}s an interest`,
          params: IdParam,
          response: { 200: InterestView, ...problems(401, 403, 404, 409) },
        },
      },
      async (req) => introductions.answerInterest(deps, ctx(req), req.params.id, answer),
    );

  app.post(
    '/interests/:id/introduction',
    {
      config: brokerage,
      schema: {
        tags,
        summary: 'The handling centre introduces the two companies (the anonymous one is named to the other now)',
        params: IdParam,
        body: Type.Optional(IntroductionCreate),
        response: { 201: IntroductionView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await introductions.introduce(deps, ctx(req), req.params.id, req.body?.note)),
  );

  app.get(
    '/introductions',
    {
      schema: {
        tags,
        summary: 'Introductions you take part in (as a company or as the handling centre)',
        response: { 200: IntroductionList, ...problems(401) },
      },
    },
    async (req) => introductions.listIntroductions(deps, req.actor),
  );

  app.post(
    '/introductions/:id/outcome',
    {
      config: brokerage,
      schema: {
        tags,
        summary: 'A company answers what came of the introduction (asked at 3 and 6 months)',
        params: IdParam,
        body: OutcomeAnswerBody,
        response: { 200: IntroductionView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => introductions.answerOutcome(deps, ctx(req), req.params.id, req.body),
  );

  app.post(
    '/outcomes/:id/confirm',
    {
      config: brokerage,
      schema: {
        tags,
        summary: 'The handling centre confirms a reported agreement (it then counts)',
        params: IdParam,
        response: { 200: IntroductionView, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => introductions.confirmAgreement(deps, ctx(req), req.params.id),
  );
};
