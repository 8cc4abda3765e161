import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Action,
  ActionCreate,
  ActionEdit,
  ActionList,
  ActionListQuery,
  ActionTransition,
  ContributionEdit,
  ContributionWrite,
  DocumentWrite,
  FromRequest,
  MilestoneEdit,
  MilestoneWrite,
  PartnerAdd,
} from '@clock/contracts';
import { Type } from 'typebox';
import { IdParam, problems } from '../../core/http.ts';
import { schemaFailure } from '../../core/problem.ts';
import * as actions from './actions.service.ts';
import * as parts from './action-parts.service.ts';
import { actionFromRequest } from './from-request.service.ts';

/**
 * Joint actions (decision 019). Every write route names its rule: "joint-action" (the lead centre runs the action),
 * "joint-action-partner" (each partner records its own contributions and keeps the documents; docs/permissions.md) or
 * "joint-action-from-request" (the
 * request's lead centre, tested in actions.test.ts).
 */
export const actionsRoutes: FastifyPluginAsyncTypebox<{ deps: actions.ActionDeps }> = async (app, { deps }) => {
  const tags = ['joint actions'];
  const ctx = (req: { actor: actions.Ctx['actor']; id: string }) => ({ actor: req.actor, requestId: req.id });
  const write = { ...problems(400, 401, 403, 404, 409) };

  app.get(
    '/actions',
    {
      schema: {
        tags,
        summary: 'Joint actions the caller may see (anonymous: public ones), with progress and the lateness rule',
        querystring: ActionListQuery,
        response: { 200: ActionList, ...problems(400) },
      },
    },
    async (req) => actions.listActions(deps, req.actor, req.query),
  );

  app.post(
    '/actions',
    {
      config: { permission: 'joint-action' as const },
      attachValidation: true,
      schema: {
        tags,
        summary: 'Open a joint action led by one of your centres',
        body: ActionCreate,
        response: { 201: Action, ...write },
      },
    },
    async (req, reply) => {
      const invalid = schemaFailure(req.validationError, req.body);
      const body = (req.validationError ? invalid.clean : req.body) as typeof req.body;
      return reply.status(201).send(await actions.createAction(deps, ctx(req), body, invalid.problems));
    },
  );

  app.get(
    '/actions/:id',
    {
      schema: {
        tags,
        summary: 'One joint action: partners, milestones, contributions, documents, progress',
        params: IdParam,
        response: { 200: Action, ...problems(404) },
      },
    },
    async (req) => actions.getAction(deps, req.actor, req.params.id),
  );

  app.patch(
    '/actions/:id',
    {
      config: { permission: 'joint-action' as const },
      schema: {
        tags,
        summary: "Change an action's fields (its lead)",
        params: IdParam,
        body: ActionEdit,
        response: { 200: Action, ...write },
      },
    },
    async (req) => actions.editAction(deps, ctx(req), req.params.id, req.body),
  );

  app.post(
    '/actions/:id/transition',
    {
      config: { permission: 'joint-action' as const },
      schema: {
        tags,
        summary: 'Move an action along its life cycle (its lead; 409 when the table does not allow it)',
        params: IdParam,
        body: ActionTransition,
        response: { 200: Action, ...write },
      },
    },
    async (req) => actions.transitionAction(deps, ctx(req), req.params.id, req.body),
  );

  app.post(
    '/actions/:id/partners',
    {
      config: { permission: 'joint-action' as const },
      schema: {
        tags,
        summary: 'Add a partner (its lead; the partner is told)',
        params: IdParam,
        body: PartnerAdd,
        response: { 201: Action, ...write },
      },
    },
    async (req, reply) => reply.status(201).send(await parts.addPartner(deps, ctx(req), req.params.id, req.body)),
  );

  app.delete(
    '/action-partners/:id',
    {
      config: { permission: 'joint-action' as const },
      schema: {
        tags,
        summary: 'Remove a partner (its lead)',
        params: IdParam,
        response: { 204: Type.Null(), ...write },
      },
    },
    async (req, reply) => {
      await parts.removePartner(deps, ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/actions/:id/milestones',
    {
      config: { permission: 'joint-action' as const },
      schema: {
        tags,
        summary: 'Add a milestone (its lead)',
        params: IdParam,
        body: MilestoneWrite,
        response: { 201: Action, ...write },
      },
    },
    async (req, reply) => reply.status(201).send(await parts.addMilestone(deps, ctx(req), req.params.id, req.body)),
  );

  app.patch(
    '/action-milestones/:id',
    {
      config: { permission: 'joint-action' as const },
      schema: {
        tags,
        summary: 'Change a milestone or mark it done (its action’s lead)',
        params: IdParam,
        body: MilestoneEdit,
        response: { 200: Action, ...write },
      },
    },
    async (req) => parts.editMilestone(deps, ctx(req), req.params.id, req.body),
  );

  app.post(
    '/actions/:id/contributions',
    {
      config: { permission: 'joint-action-partner' as const },
      schema: {
        tags,
        summary: "Record a partner's planned (and actual) contribution (the partner itself, or the lead)",
        params: IdParam,
        body: ContributionWrite,
        response: { 201: Action, ...write },
      },
    },
    async (req, reply) => reply.status(201).send(await parts.addContribution(deps, ctx(req), req.params.id, req.body)),
  );

  app.patch(
    '/action-contributions/:id',
    {
      config: { permission: 'joint-action-partner' as const },
      schema: {
        tags,
        summary: 'Change a contribution (the partner itself, or the lead)',
        params: IdParam,
        body: ContributionEdit,
        response: { 200: Action, ...write },
      },
    },
    async (req) => parts.editContribution(deps, ctx(req), req.params.id, req.body),
  );

  app.post(
    '/actions/:id/documents',
    {
      config: { permission: 'joint-action-partner' as const },
      schema: {
        tags,
        summary: 'Link a document (lead and partners)',
        params: IdParam,
        body: DocumentWrite,
        response: { 201: Action, ...write },
      },
    },
    async (req, reply) => reply.status(201).send(await parts.addDocument(deps, ctx(req), req.params.id, req.body)),
  );

  app.delete(
    '/action-documents/:id',
    {
      config: { permission: 'joint-action-partner' as const },
      schema: {
        tags,
        summary: 'Remove a document link (lead and partners)',
        params: IdParam,
        response: { 204: Type.Null(), ...write },
      },
    },
    async (req, reply) => {
      await parts.removeDocument(deps, ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/requests/:id/joint-action',
    {
      config: { permission: 'joint-action-from-request' as const },
      schema: {
        tags,
        summary: "Turn a request's agreed team into a joint action (the request's lead centre)",
        params: IdParam,
        body: FromRequest,
        response: { 201: Action, ...write },
      },
    },
    async (req, reply) => reply.status(201).send(await actionFromRequest(deps, ctx(req), req.params.id, req.body)),
  );
};
