import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LANG_COOKIE, ONE_CLICK_BODY, SubscriptionCreate, SubscriptionView, TokenBody } from '@clock/contracts';
import { problems } from '../../core/http.ts';
import { AppError } from '../../core/errors.ts';
import * as newsletter from './newsletter.service.ts';

const TokenQuery = Type.Object(
  { token: Type.String({ minLength: 16, maxLength: 200 }) },
  { additionalProperties: false },
);

/**
 * The newsletter: subscribe (always 202, whatever the address's state), confirm by the mailed link, see the
 * subscription behind a link, and unsubscribe — also by the one-click POST a mail client sends (RFC 8058), whose body
 * is form-encoded.
 */
export const newsletterRoutes: FastifyPluginAsyncTypebox<{ deps: newsletter.NewsletterDeps }> = async (
  app,
  { deps },
) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  app.post(
    '/newsletter/subscriptions',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['news'],
        summary: 'Subscribe an e-mail address to the newsletter (a confirmation link is mailed to it)',
        body: SubscriptionCreate,
        response: { 202: Type.Object({ status: Type.Literal('confirmation-sent') }), ...problems(400, 429) },
      },
    },
    async (req, reply) => {
      const lang = req.cookies?.[LANG_COOKIE] === 'en' ? 'en' : 'it';
      await newsletter.subscribe(deps, req.body, lang);
      return reply.code(202).send({ status: 'confirmation-sent' as const });
    },
  );

  app.post(
    '/newsletter/confirm',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['news'],
        summary: 'Confirm a subscription with the token of the mailed link',
        body: TokenBody,
        response: {
          200: Type.Intersect([SubscriptionView, Type.Object({ token: Type.String() })]),
          ...problems(400, 404),
        },
      },
    },
    async (req) => newsletter.confirm(deps, req.body.token),
  );

  app.get(
    '/newsletter/subscription',
    {
      schema: {
        tags: ['news'],
        summary: 'The subscription behind a newsletter link (the address partly hidden)',
        querystring: TokenQuery,
        response: { 200: SubscriptionView, ...problems(400, 404) },
      },
    },
    async (req) => newsletter.subscription(deps, req.query.token),
  );

  app.post(
    '/newsletter/unsubscribe',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['news'],
        summary: `Unsubscribe (one click: a mail client POSTs "${ONE_CLICK_BODY}" form-encoded, RFC 8058)`,
        querystring: TokenQuery,
        response: { 200: SubscriptionView, ...problems(400, 404) },
      },
    },
    async (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      if (body !== undefined && body !== null && typeof body === 'object' && 'List-Unsubscribe' in body) {
        if (body['List-Unsubscribe'] !== 'One-Click')
          throw new AppError('VALIDATION_FAILED', 'Not a one-click unsubscribe', [
            { pointer: '/body/List-Unsubscribe', message: 'must be "One-Click"' },
          ]);
      }
      return newsletter.unsubscribe(deps, req.query.token);
    },
  );
};
