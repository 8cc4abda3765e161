import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../core/errors.ts';
import { problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import * as identity from './identity.service.ts';
import * as accounts from './account.service.ts';
import type { OidcFlow, OidcSignIn } from './oidc.service.ts';

const Me = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  locale: Type.String(),
  platformRole: Type.Union([Type.String(), Type.Null()]),
  memberships: Type.Array(Type.Object({ organization: Type.String(), role: Type.String() })),
  csrfToken: Type.Union([Type.String(), Type.Null()], {
    description: 'echo it in X-CSRF-Token on cookie-authenticated writes',
  }),
});
const ApiToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  organization: Type.String(),
  role: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  revoked: Type.Boolean(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(identity.SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires,
  });
}
function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(identity.SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

/** Sign-in, sign-out, the current account and API tokens. */
export const identityRoutes: FastifyPluginAsyncTypebox<{
  db: Db;
  accounts: accounts.AccountDeps;
  oidc: OidcSignIn | null;
}> = async (app, { db, accounts: deps, oidc }) => {
  const FLOW_COOKIE = 'clock_oidc';
  app.get(
    '/auth/providers',
    {
      schema: {
        tags: ['identity'],
        summary: 'How people can sign in here',
        response: {
          200: Type.Object({
            password: Type.Boolean(),
            oidc: Type.Union([Type.Object({ name: Type.String(), start: Type.String() }), Type.Null()]),
          }),
        },
      },
    },
    async () => ({ password: true, oidc: oidc ? { name: oidc.name, start: '/api/v1/auth/oidc/start' } : null }),
  );

  app.get(
    '/auth/oidc/start',
    {
      schema: {
        tags: ['identity'],
        summary: 'Begin single sign-on: redirects to the identity provider',
        querystring: Type.Object(
          { returnTo: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: { 302: Type.Null(), ...problems(400, 404, 503) },
      },
    },
    async (req, reply) => {
      if (!oidc) throw new AppError('NOT_FOUND', 'Single sign-on is not configured here');
      const { url, flow } = await oidc.start(req.query.returnTo ?? '/');
      reply.setCookie(FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), {
        path: '/api/v1/auth/oidc',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: 600,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      schema: {
        tags: ['identity'],
        summary: 'Where the identity provider sends the browser back',
        hide: false,
        response: { 302: Type.Null(), ...problems(400, 401, 404, 409, 503) },
      },
    },
    async (req, reply) => {
      if (!oidc) throw new AppError('NOT_FOUND', 'Single sign-on is not configured here');
      let flow: OidcFlow;
      try {
        flow = JSON.parse(Buffer.from(req.cookies[FLOW_COOKIE] ?? '', 'base64url').toString('utf8')) as OidcFlow;
        if (!flow.state || !flow.verifier) throw new Error('incomplete');
      } catch {
        throw new AppError('BAD_REQUEST', 'The sign-in attempt expired or was started elsewhere; start again');
      }
      reply.clearCookie(FLOW_COOKIE, { path: '/api/v1/auth/oidc' });
      // The redirect URI registered at the provider is built on the public URL, so compare against that one.
      const callbackUrl = new URL(req.url, deps.publicUrl);
      const { session, returnTo } = await oidc.finish(db, callbackUrl, flow, req.headers['user-agent'] ?? null);
      setSessionCookie(req, reply, session.token, session.expiresAt);
      return reply.redirect(returnTo, 302);
    },
  );

  const Secret = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });
  const Accepted = Type.Object({ status: Type.Literal('accepted') });

  app.post(
    '/auth/signup',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Create an account (confirmed by an e-mailed link); answers the same for a known address',
        body: Type.Object(
          {
            email: Type.String({ maxLength: 320 }),
            name: Type.String({ maxLength: 200 }),
            password: Type.String({ maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 202: Accepted, ...problems(400, 403) },
      },
    },
    async (req, reply) => {
      await accounts.signUp(deps, req.body);
      return reply.status(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/auth/verify',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['identity'],
        summary: "Confirm an e-mail address with the link's token",
        body: Secret,
        response: { 204: Type.Null(), ...problems(400, 403, 404) },
      },
    },
    async (req, reply) => {
      await accounts.verifyEmail(deps, req.body.token);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'E-mail a password reset link (answers the same for an unknown address)',
        body: Type.Object({ email: Type.String({ maxLength: 320 }) }, { additionalProperties: false }),
        response: { 202: Accepted, ...problems(400, 403) },
      },
    },
    async (req, reply) => {
      await accounts.requestPasswordReset(deps, req.body.email);
      return reply.status(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['identity'],
        summary: "Set a new password with a reset link's token; every session ends",
        body: Type.Object(
          { token: Type.String({ minLength: 10, maxLength: 200 }), password: Type.String({ maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...problems(400, 403, 404) },
      },
    },
    async (req, reply) => {
      await accounts.resetPassword(deps, req.body.token, req.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/invitations',
    {
      config: { permission: 'manager' },
      schema: {
        tags: ['identity'],
        summary: 'Invite someone to an organisation (an e-mail with a sign-up link)',
        body: Type.Object(
          {
            email: Type.String({ maxLength: 320 }),
            organization: Type.String({ minLength: 1, maxLength: 100 }),
            role: Type.String({ maxLength: 30 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            email: Type.String(),
            organization: Type.String(),
            role: Type.String(),
            expiresInDays: Type.Integer(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await accounts.inviteMember(deps, req.actor, req.body)),
  );

  app.get(
    '/invitations/:token',
    {
      schema: {
        tags: ['identity'],
        summary: 'What an invitation link offers',
        params: Secret,
        response: {
          200: Type.Object({ email: Type.String(), organization: Type.String(), role: Type.String() }),
          ...problems(400, 404),
        },
      },
    },
    async (req) => accounts.describeInvitation(deps, req.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Accept an invitation: create the account and sign in',
        params: Secret,
        body: Type.Object(
          { name: Type.String({ maxLength: 200 }), password: Type.String({ maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 201: Me, ...problems(400, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const s = await accounts.acceptInvitation(deps, req.params.token, req.body, req.headers['user-agent'] ?? null);
      setSessionCookie(req, reply, s.token, s.expiresAt);
      const actor = await identity.actorFromSession(db, s.token);
      return reply.status(201).send(await identity.describeMe(db, actor!));
    },
  );

  app.post(
    '/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['identity'],
        summary: 'Sign in with e-mail and password; sets an HttpOnly session cookie',
        body: Type.Object(
          {
            email: Type.String({ minLength: 1, maxLength: 320 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Me, ...problems(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const s = await identity.signIn(db, { ...req.body, address: req.ip, userAgent: req.headers['user-agent'] });
      setSessionCookie(req, reply, s.token, s.expiresAt);
      const actor = await identity.actorFromSession(db, s.token);
      return identity.describeMe(db, actor!);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { permission: 'self' },
      schema: { tags: ['identity'], summary: 'End this session', response: { 204: Type.Null(), ...problems(403) } },
    },
    async (req, reply) => {
      if (req.sessionToken) await identity.signOut(db, req.sessionToken);
      clearSessionCookie(req, reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/logout-everywhere',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['identity'],
        summary: 'End every session of this account',
        response: { 204: Type.Null(), ...problems(401, 403) },
      },
    },
    async (req, reply) => {
      if (req.actor.kind !== 'member' || !req.actor.userId) throw new AppError('UNAUTHENTICATED');
      await identity.signOutEverywhere(db, req.actor);
      clearSessionCookie(req, reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['identity'],
        summary: 'Change the password; every other session ends',
        body: Type.Object(
          { currentPassword: Type.String({ maxLength: 200 }), newPassword: Type.String({ maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      await identity.changePassword(db, req.actor, req.sessionToken, req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['identity'],
        summary: 'The signed-in account, its memberships and its CSRF token',
        response: { 200: Me, ...problems(401) },
      },
    },
    async (req) => identity.describeMe(db, req.actor),
  );

  app.get(
    '/me/data',
    {
      schema: {
        tags: ['identity'],
        summary: 'Download everything stored about me (JSON)',
        response: { 200: Type.Object({}, { additionalProperties: true }), ...problems(401) },
      },
    },
    async (req, reply) => {
      reply.header('content-disposition', 'attachment; filename="clock-my-data.json"');
      return identity.exportPersonalData(db, req.actor);
    },
  );

  app.delete(
    '/me',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['identity'],
        summary: 'Delete my account: personal data erased, records kept without it',
        body: Type.Optional(
          Type.Object({ password: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
        ),
        response: { 204: Type.Null(), ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      await identity.deleteAccount(db, req.actor, req.body?.password, deps.publicUrl);
      clearSessionCookie(req, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/tokens',
    {
      schema: {
        tags: ['identity'],
        summary: 'API tokens of the organisations this account manages',
        response: { 200: Type.Array(ApiToken), ...problems(401) },
      },
    },
    async (req) => identity.listApiTokens(db, req.actor),
  );

  app.post(
    '/tokens',
    {
      config: { permission: 'manager' },
      schema: {
        tags: ['identity'],
        summary: 'Create an API token (the secret is shown once)',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            organization: Type.String({ minLength: 1, maxLength: 100 }),
            role: Type.String({ minLength: 1, maxLength: 30 }),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Type.String(),
            name: Type.String(),
            organization: Type.String(),
            role: Type.String(),
            expiresAt: Type.String(),
            token: Type.String(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await identity.createApiToken(db, req.actor, req.body)),
  );

  app.delete(
    '/tokens/:id',
    {
      config: { permission: 'manager' },
      schema: {
        tags: ['identity'],
        summary: 'Revoke an API token',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await identity.revokeApiToken(db, req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
