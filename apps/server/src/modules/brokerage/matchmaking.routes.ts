import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AgendaView,
  MatchmakingDayCreate,
  MatchmakingDayList,
  MatchmakingDayQuery,
  MatchmakingDayView,
  MatchmakingMine,
  MeetingRequestCreate,
  MeetingRequestView,
  ParticipantCreate,
  ParticipantList,
  ParticipantView,
  RatingCreate,
  ScheduleGrid,
  ScheduleView,
} from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import { IdParam, problems } from '../../core/http.ts';
import { schemaFailure } from '../../core/problem.ts';
import type { BrokerageDeps } from './opportunities.service.ts';
import * as mm from './matchmaking.service.ts';
import * as views from './matchmaking-views.service.ts';
import { agendaPdf } from './agenda-pdf.service.ts';

/** Matchmaking days: participants, 1:1 meeting requests, the automatic schedule, agendas and ratings. */
export const matchmakingRoutes: FastifyPluginAsyncTypebox<{ deps: BrokerageDeps }> = async (app, { deps }) => {
  const tags = ['matchmaking'];
  const config = { permission: 'brokerage' as const };
  const ctx = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

  app.post(
    '/matchmaking',
    {
      config,
      // The schema's problems join the service's own (the event, the organiser) in one answer.
      attachValidation: true,
      schema: {
        tags,
        summary: "A centre's staff organise a matchmaking day (slots × tables)",
        description:
          '`eventId`, when given, must be an event the organising centre runs (lead or co-organiser) that is not cancelled.',
        body: MatchmakingDayCreate,
        response: { 201: MatchmakingDayView, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const invalid = schemaFailure(req.validationError, req.body);
      const body = (req.validationError ? invalid.clean : req.body) as Partial<typeof req.body>;
      return reply.status(201).send(await mm.createDay(deps, ctx(req), body, invalid.problems));
    },
  );
  app.get(
    '/matchmaking',
    {
      schema: {
        tags,
        summary: 'Matchmaking days: those of an event (`event`), the coming ones (`upcoming`), or all',
        querystring: MatchmakingDayQuery,
        response: { 200: MatchmakingDayList, ...problems(400) },
      },
    },
    async (req) => views.listDays(deps, req.query),
  );
  app.get(
    '/matchmaking/:id/mine',
    {
      schema: {
        tags,
        summary: 'Your place in the day: your registration, whether you organise it, your meeting requests',
        description: 'The organiser sees every request of the day; a person who is neither gets an empty answer.',
        params: IdParam,
        response: { 200: MatchmakingMine, ...problems(401, 404) },
      },
    },
    async (req) => views.mine(deps, req.actor, req.params.id),
  );
  app.get(
    '/matchmaking/:id/schedule',
    {
      schema: {
        tags,
        summary:
          "The organiser's grid: slots × tables, requests not placed and why, empty agendas, unanswered requests",
        params: IdParam,
        response: { 200: ScheduleGrid, ...problems(401, 403, 404) },
      },
    },
    async (req) => views.grid(deps, req.actor, req.params.id),
  );
  app.get(
    '/matchmaking/:id',
    {
      schema: {
        tags,
        summary: 'A matchmaking day',
        params: IdParam,
        response: { 200: MatchmakingDayView, ...problems(404) },
      },
    },
    async (req) => mm.getDay(deps, req.params.id),
  );
  app.post(
    '/matchmaking/:id/participants',
    {
      config,
      schema: {
        tags,
        summary: 'Register for the day: what you offer and seek, the slots you cannot attend',
        params: IdParam,
        body: ParticipantCreate,
        response: { 201: ParticipantView, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.status(201).send(await mm.register(deps, ctx(req), req.params.id, req.body)),
  );
  app.get(
    '/matchmaking/:id/participants',
    {
      schema: {
        tags,
        summary: "The day's participants (for participants and the organiser)",
        params: IdParam,
        response: { 200: ParticipantList, ...problems(401, 403, 404) },
      },
    },
    async (req) => mm.participants(deps, req.actor, req.params.id),
  );
  app.post(
    '/matchmaking/:id/requests',
    {
      config,
      schema: {
        tags,
        summary: 'Ask another participant for a 1:1 meeting',
        params: IdParam,
        body: MeetingRequestCreate,
        response: { 201: MeetingRequestView, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await mm.requestMeeting(deps, ctx(req), req.params.id, req.body)),
  );
  for (const [path, answer] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const)
    app.post(
      `/meeting-requests/:id/${path}`,
      {
        config,
        schema: {
          tags,
          summary: `The person asked ${path}s a meeting request`,
          params: IdParam,
          response: { 200: MeetingRequestView, ...problems(401, 403, 404, 409) },
        },
      },
      async (req) => mm.answerMeeting(deps, ctx(req), req.params.id, answer),
    );
  app.post(
    '/matchmaking/:id/schedule',
    {
      config,
      schema: {
        tags,
        summary: 'The organiser places the accepted requests into slots and tables → the agenda',
        description:
          'Nobody and no table is booked twice in a slot; unavailable slots are respected. Replaces an earlier agenda until the day starts.',
        params: IdParam,
        response: { 200: ScheduleView, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => mm.scheduleDay(deps, ctx(req), req.params.id),
  );
  app.get(
    '/matchmaking/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Your agenda for the day',
        params: IdParam,
        response: { 200: AgendaView, ...problems(401, 403, 404) },
      },
    },
    async (req) => mm.agenda(deps, req.actor, req.params.id),
  );
  app.get(
    '/matchmaking/:id/agenda.ics',
    { schema: { tags, summary: 'Your agenda as iCalendar', params: IdParam, produces: ['text/calendar'] } },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .send(await mm.agendaIcs(deps, req.actor, req.params.id)),
  );
  app.get(
    '/matchmaking/:id/agenda.pdf',
    {
      schema: {
        tags,
        summary: 'Your agenda as a PDF to print',
        params: IdParam,
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('it'), Type.Literal('en')])) }),
        produces: ['application/pdf'],
      },
    },
    async (req, reply) =>
      reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', 'attachment; filename="agenda.pdf"')
        .send(await agendaPdf(deps, req.actor, req.params.id, req.query.lang ?? 'it')),
  );
  app.post(
    '/matchmaking-meetings/:id/rating',
    {
      config,
      schema: {
        tags,
        summary: 'Rate a meeting of yours once it has begun',
        params: IdParam,
        body: RatingCreate,
        response: {
          201: Type.Object({ meeting: Type.String(), score: Type.Integer() }),
          ...problems(400, 401, 404, 409),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await mm.rateMeeting(deps, ctx(req), req.params.id, req.body)),
  );
};
