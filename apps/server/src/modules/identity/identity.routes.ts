import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../core/errors.ts';
import { problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import * as identity from './identity.service.ts';

const Me = Type.Object({
  id: Type.String(), email: Type.String(), name: Type.String(), locale: Type.String(),
  platformRole: Type.Union([Type.String(), Type.Null()]),
  memberships: Type.Array(Type.Object({ organization: Type.String(), role: Type.String() })),
  csrfToken: Type.Union([Type.String(), Type.Null()], { description: 'echo it in X-CSRF-Token on cookie-authenticated writes' }),
});
const ApiToken = Type.Object({
  id: Type.String(), name: Type.String(), organization: Type.String(), role: Type.String(),
  createdAt: Type.String(), expiresAt: Type.String(), revoked: Type.Boolean(), lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(identity.SESSION_COOKIE, token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', expires,
  });
}
function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(identity.SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}

/** Sign-in, sign-out, the current account and API tokens. */
export const identityRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post('/auth/login', {
    config: { permission: 'public' },
    schema: {
      tags: ['identity'], summary: 'Sign in with e-mail and password; sets an HttpOnly session cookie',
      body: Type.Object({ email: Type.String({ minLength: 1, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
      response: { 200: Me, ...problems(400, 401, 403, 429) },
    },
  }, async (req, reply) => {
    const s = await identity.signIn(db, { ...req.body, address: req.ip, userAgent: req.headers['user-agent'] });
    setSessionCookie(req, reply, s.token, s.expiresAt);
    const actor = await identity.actorFromSession(db, s.token);
    return identity.describeMe(db, actor!);
  });

  app.post('/auth/logout', {
    config: { permission: 'self' },
    schema: { tags: ['identity'], summary: 'End this session', response: { 204: Type.Null(), ...problems(403) } },
  }, async (req, reply) => {
    if (req.sessionToken) await identity.signOut(db, req.sessionToken);
    clearSessionCookie(req, reply);
    return reply.status(204).send(null);
  });

  app.post('/auth/logout-everywhere', {
    config: { permission: 'self' },
    schema: { tags: ['identity'], summary: 'End every session of this account', response: { 204: Type.Null(), ...problems(401, 403) } },
  }, async (req, reply) => {
    if (req.actor.kind !== 'member' || !req.actor.userId) throw new AppError('UNAUTHENTICATED');
    await identity.signOutEverywhere(db, req.actor);
    clearSessionCookie(req, reply);
    return reply.status(204).send(null);
  });

  app.post('/auth/password', {
    config: { permission: 'self' },
    schema: {
      tags: ['identity'], summary: 'Change the password; every other session ends',
      body: Type.Object({ currentPassword: Type.String({ maxLength: 200 }), newPassword: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...problems(400, 401, 403) },
    },
  }, async (req, reply) => {
    await identity.changePassword(db, req.actor, req.sessionToken, req.body.currentPassword, req.body.newPassword);
    return reply.status(204).send(null);
  });

  app.get('/me', {
    schema: { tags: ['identity'], summary: 'The signed-in account, its memberships and its CSRF token', response: { 200: Me, ...problems(401) } },
  }, async (req) => identity.describeMe(db, req.actor));

  app.get('/tokens', {
    schema: { tags: ['identity'], summary: 'API tokens of the organisations this account manages', response: { 200: Type.Array(ApiToken), ...problems(401) } },
  }, async (req) => identity.listApiTokens(db, req.actor));

  app.post('/tokens', {
    config: { permission: 'manager' },
    schema: {
      tags: ['identity'], summary: 'Create an API token (the secret is shown once)',
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 100 }), organization: Type.String({ minLength: 1, maxLength: 100 }),
        role: Type.String({ minLength: 1, maxLength: 30 }), expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Type.String(), name: Type.String(), organization: Type.String(), role: Type.String(), expiresAt: Type.String(), token: Type.String() }), ...problems(400, 401, 403) },
    },
  }, async (req, reply) => reply.status(201).send(await identity.createApiToken(db, req.actor, req.body)));

  app.delete('/tokens/:id', {
    config: { permission: 'manager' },
    schema: { tags: ['identity'], summary: 'Revoke an API token', params: Type.Object({ id: Type.String({ maxLength: 100 }) }), response: { 204: Type.Null(), ...problems(401, 403, 404) } },
  }, async (req, reply) => {
    await identity.revokeApiToken(db, req.actor, req.params.id);
    return reply.status(204).send(null);
  });
};
