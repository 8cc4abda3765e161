import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AttendanceList,
  AttendanceWrite,
  EventCancel,
  EventDetail,
  EventEdit,
  EventList,
  EventListQuery,
  EventMessage,
  EventMessageAnswer,
  EventSessionsWrite,
  EventWrite,
  Participation,
  RegistrationList,
  RegistrationListQuery,
} from '@clock/contracts';
import { IdParam, problems } from '../../core/http.ts';
import * as events from './events.service.ts';
import * as writing from './event-writing.service.ts';
import * as organizers from './organizers.service.ts';
import { eventIcs } from './feeds.service.ts';

/**
 * Events: reading for everyone (as the caller), the organisers' writes (permission `event-organizer`: members of an
 * organising organisation other than company members, the Region when it co-organises, administrators).
 */
export const eventsRoutes: FastifyPluginAsyncTypebox<{ deps: events.EventDeps }> = async (app, { deps }) => {
  const tags = ['events'];
  const ctx = (req: { actor: events.Ctx['actor']; id: string }) => ({ actor: req.actor, requestId: req.id });

  app.get(
    '/events',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Events the caller may see, by date, words, organisation, filiera, S3 code, kind',
        description:
          "`from`/`to` are ISO 8601 (a bare date means that whole day in Europe/Rome): events overlapping the interval. Anonymous callers see public published (and cancelled) events; network members network ones too; `scope=organizer` adds the drafts of the caller's organisations.",
        querystring: EventListQuery,
        response: { 200: EventList, ...problems(400) },
      },
    },
    async (req) => events.listEvents(deps, req.actor, req.query),
  );
  app.get(
    '/events/:id',
    {
      config: { public: true },
      schema: { tags, summary: 'One event', params: IdParam, response: { 200: EventDetail, ...problems(404) } },
    },
    async (req) => events.getEvent(deps, req.actor, req.params.id),
  );
  app.get(
    '/events/:id/ics',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The event as iCalendar (one VEVENT per session)',
        params: IdParam,
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('it'), Type.Literal('en')])) }),
        produces: ['text/calendar'],
      },
    },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="event-${req.params.id.replace(/[^a-z0-9-]/gi, '_')}.ics"`)
        .send(await eventIcs(deps, req.actor, req.params.id, req.query.lang)),
  );

  const organizer = { permission: 'event-organizer' as const };
  app.post(
    '/events',
    {
      config: organizer,
      schema: {
        tags,
        summary: 'Create an event (a draft) for organisations the caller belongs to',
        body: EventWrite,
        response: { 201: EventDetail, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await writing.createEvent(deps, ctx(req), req.body)),
  );
  app.patch(
    '/events/:id',
    {
      config: organizer,
      schema: {
        tags,
        summary: 'Change an event (its organisers); a published one raises SEQUENCE and mails registrants',
        params: IdParam,
        body: EventEdit,
        response: { 200: EventDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => writing.editEvent(deps, ctx(req), req.params.id, req.body),
  );
  app.put(
    '/events/:id/sessions',
    {
      config: organizer,
      schema: {
        tags,
        summary: "Replace an event's sessions (those keeping their times keep their attendance)",
        params: IdParam,
        body: EventSessionsWrite,
        response: { 200: EventDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => writing.replaceEventSessions(deps, ctx(req), req.params.id, req.body.items),
  );
  app.post(
    '/events/:id/publish',
    {
      config: organizer,
      schema: {
        tags,
        summary: 'Publish a draft',
        params: IdParam,
        response: { 200: EventDetail, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => writing.publishEvent(deps, ctx(req), req.params.id),
  );
  app.post(
    '/events/:id/cancel',
    {
      config: organizer,
      schema: {
        tags,
        summary: 'Cancel an event (registrants are mailed a cancellation)',
        params: IdParam,
        body: EventCancel,
        response: { 200: EventDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => writing.cancelEvent(deps, ctx(req), req.params.id, req.body.reason),
  );

  app.get(
    '/events/:id/registrations',
    {
      schema: {
        tags,
        summary: "The event's registrations (its organisers)",
        params: IdParam,
        querystring: RegistrationListQuery,
        response: { 200: RegistrationList, ...problems(401, 403, 404) },
      },
    },
    async (req) => organizers.listRegistrations(deps, req.actor, req.params.id, req.query.state),
  );
  app.get(
    '/events/:id/registrations.csv',
    {
      schema: { tags, summary: 'The same as CSV (RFC 4180, UTF-8, header)', params: IdParam, produces: ['text/csv'] },
    },
    async (req, reply) => {
      const csv = await organizers.registrationsCsv(deps, req.actor, req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="registrations-${req.params.id.replace(/[^a-z0-9-]/gi, '_')}.csv"`,
        )
        .send(csv);
    },
  );
  app.get(
    '/events/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Attendance recorded per session (its organisers)',
        params: IdParam,
        response: { 200: AttendanceList, ...problems(401, 403, 404) },
      },
    },
    async (req) => organizers.listAttendance(deps, req.actor, req.params.id),
  );
  app.put(
    '/events/:id/attendance',
    {
      config: organizer,
      schema: {
        tags,
        summary: 'Record presence at one session; attendance opens the certificate and may grant a qualification',
        params: IdParam,
        body: AttendanceWrite,
        response: { 200: AttendanceList, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => organizers.recordAttendance(deps, ctx(req), req.params.id, req.body),
  );
  app.post(
    '/events/:id/messages',
    {
      config: organizer,
      schema: {
        tags,
        summary: 'Mail the registrants (confirmed by default)',
        params: IdParam,
        body: EventMessage,
        response: { 202: EventMessageAnswer, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await organizers.messageRegistrants(deps, ctx(req), req.params.id, req.body)),
  );
  app.get(
    '/events/:id/participation',
    {
      schema: {
        tags,
        summary: 'Participation figures (its organisers)',
        params: IdParam,
        response: { 200: Participation, ...problems(401, 403, 404) },
      },
    },
    async (req) => organizers.participation(deps, req.actor, req.params.id),
  );
};
