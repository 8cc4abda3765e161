import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AgendaWrite,
  Meeting,
  MeetingCreate,
  MeetingEdit,
  MeetingHold,
  MeetingList,
  MeetingListQuery,
  OutcomeEdit,
  OutcomeWrite,
} from '@clock/contracts';
import { IdParam, problems } from '../../core/http.ts';
import * as meetings from './meetings.service.ts';

/**
 * The coordination nucleus's meetings (decision 019): for the nucleus members, the Region and administrators (rule
 * "meeting", docs/permissions.md).
 */
export const meetingsRoutes: FastifyPluginAsyncTypebox<{ deps: meetings.MeetingDeps }> = async (app, { deps }) => {
  const tags = ['nucleus meetings'];
  const ctx = (req: { actor: Parameters<typeof meetings.getMeeting>[1]; id: string }) => ({
    actor: req.actor,
    requestId: req.id,
  });
  const write = { ...problems(400, 401, 403, 404, 409) };
  const config = { permission: 'meeting' as const };

  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary: "The nucleus's meetings, newest first",
        querystring: MeetingListQuery,
        response: { 200: MeetingList, ...problems(400, 401, 403) },
      },
    },
    async (req) => meetings.listMeetings(deps, req.actor, req.query),
  );
  app.post(
    '/meetings',
    {
      config,
      schema: {
        tags,
        summary: 'Plan a meeting (open action items and the previous minutes are put on its agenda)',
        body: MeetingCreate,
        response: { 201: Meeting, ...write },
      },
    },
    async (req, reply) => reply.status(201).send(await meetings.createMeeting(deps, ctx(req), req.body)),
  );
  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'One meeting: agenda, outcomes, attendees, minutes',
        params: IdParam,
        response: { 200: Meeting, ...problems(401, 403, 404) },
      },
    },
    async (req) => meetings.getMeeting(deps, req.actor, req.params.id),
  );
  app.patch(
    '/meetings/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change time, place or minutes',
        params: IdParam,
        body: MeetingEdit,
        response: { 200: Meeting, ...write },
      },
    },
    async (req) => meetings.editMeeting(deps, ctx(req), req.params.id, req.body),
  );
  app.post(
    '/meetings/:id/hold',
    {
      config,
      schema: {
        tags,
        summary: 'Record that the meeting took place, with its attendees',
        params: IdParam,
        body: MeetingHold,
        response: { 200: Meeting, ...write },
      },
    },
    async (req) => meetings.holdMeeting(deps, ctx(req), req.params.id, req.body),
  );
  app.post(
    '/meetings/:id/approve-minutes',
    {
      config,
      schema: {
        tags,
        summary: "Approve the previous meeting's minutes at this (held) meeting",
        params: IdParam,
        response: { 200: Meeting, ...write },
      },
    },
    async (req) => meetings.approvePreviousMinutes(deps, ctx(req), req.params.id),
  );
  app.post(
    '/meetings/:id/agenda',
    {
      config,
      schema: {
        tags,
        summary: 'Add an agenda item',
        params: IdParam,
        body: AgendaWrite,
        response: { 201: Meeting, ...write },
      },
    },
    async (req, reply) => reply.status(201).send(await meetings.addAgendaItem(deps, ctx(req), req.params.id, req.body)),
  );
  app.post(
    '/meetings/:id/outcomes',
    {
      config,
      schema: {
        tags,
        summary: 'Record an outcome: information, decision, or action (owner and due day)',
        params: IdParam,
        body: OutcomeWrite,
        response: { 201: Meeting, ...write },
      },
    },
    async (req, reply) => reply.status(201).send(await meetings.addOutcome(deps, ctx(req), req.params.id, req.body)),
  );
  app.patch(
    '/meeting-outcomes/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Mark an action item done, or change its owner, due day or text',
        params: IdParam,
        body: OutcomeEdit,
        response: { 200: Meeting, ...write },
      },
    },
    async (req) => meetings.editOutcome(deps, ctx(req), req.params.id, req.body),
  );
};
