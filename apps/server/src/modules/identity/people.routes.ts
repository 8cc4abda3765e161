import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AccountStatusChange,
  Invitation,
  InvitationSent,
  PeoplePage,
  PeopleQuery,
  PersonDetail,
  RoleChange,
} from '@clock/contracts';
import { problems } from '../../core/http.ts';
import type { AccountDeps } from './account.service.ts';
import * as people from './people.service.ts';

const PersonId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const InvitationId = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

/** The administration area's API: people, roles, accounts, invitations (admins and Region officers; rule `administration`). */
export const peopleRoutes: FastifyPluginAsyncTypebox<{ deps: AccountDeps }> = async (app, { deps }) => {
  const { db } = deps;
  app.get(
    '/admin/people',
    {
      schema: {
        tags: ['administration'],
        summary: 'Find people by name or e-mail, organisation, role and status',
        querystring: PeopleQuery,
        response: { 200: PeoplePage, ...problems(400, 401, 403) },
      },
    },
    async (req) => people.listPeople(db, req.actor, req.query),
  );

  app.get(
    '/admin/people/:id',
    {
      schema: {
        tags: ['administration'],
        summary: 'One person: memberships, pending invitations and the audit entries about them',
        params: PersonId,
        response: { 200: PersonDetail, ...problems(401, 403, 404) },
      },
    },
    async (req) => people.getPerson(db, req.actor, { id: req.params.id }),
  );

  app.post(
    '/admin/people/:id/roles',
    {
      config: { permission: 'administration' },
      schema: {
        tags: ['administration'],
        summary: 'Grant a role: platform-wide (admin, region) or in an organisation (replaces the role held there)',
        params: PersonId,
        body: RoleChange,
        response: { 200: PersonDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => people.grantRole(db, req.actor, { id: req.params.id }, req.body),
  );

  app.post(
    '/admin/people/:id/roles/revoke',
    {
      config: { permission: 'administration' },
      schema: {
        tags: ['administration'],
        summary: 'Revoke a role: the platform role, or the membership in an organisation',
        params: PersonId,
        body: RoleChange,
        response: { 200: PersonDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => people.revokeRole(db, req.actor, { id: req.params.id }, req.body),
  );

  app.post(
    '/admin/people/:id/disable',
    {
      config: { permission: 'administration' },
      schema: {
        tags: ['administration'],
        summary: 'Disable an account: its sessions end and the API tokens it created are revoked, at once',
        params: PersonId,
        response: { 200: AccountStatusChange, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => people.setAccountDisabled(db, req.actor, { id: req.params.id }, true),
  );

  app.post(
    '/admin/people/:id/enable',
    {
      config: { permission: 'administration' },
      schema: {
        tags: ['administration'],
        summary: 'Enable a disabled account again (the person signs in anew)',
        params: PersonId,
        response: { 200: AccountStatusChange, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => people.setAccountDisabled(db, req.actor, { id: req.params.id }, false),
  );

  app.get(
    '/admin/invitations',
    {
      schema: {
        tags: ['administration'],
        summary: 'Invitations not yet accepted (live or expired)',
        response: { 200: Type.Array(Invitation), ...problems(401, 403) },
      },
    },
    async (req) => people.listInvitations(db, req.actor),
  );

  app.post(
    '/admin/invitations/:id/resend',
    {
      config: { permission: 'administration' },
      schema: {
        tags: ['administration'],
        summary: 'Send an invitation again: a new link valid 7 days replaces the old one',
        params: InvitationId,
        response: { 200: InvitationSent, ...problems(401, 403, 404) },
      },
    },
    async (req) => people.resendInvitation(deps, req.actor, req.params.id),
  );
};
