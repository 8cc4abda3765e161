import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NotificationList, NotificationPreferences } from '@clock/contracts';
import { problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import * as notifications from './notifications.service.ts';

/** The caller's own notifications and how they want them by e-mail (permission "self"). */
export const notificationsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My latest notifications and the unread count',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
          { additionalProperties: false },
        ),
        response: { 200: NotificationList, ...problems(400, 401) },
      },
    },
    async (req) => notifications.listNotifications(db, req.actor, req.query.limit),
  );

  app.post(
    '/notifications/read',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications as read (some ids, or all)',
        body: Type.Object(
          { ids: Type.Union([Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 }), Type.Literal('all')]) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ unread: Type.Integer() }), ...problems(400, 401) },
      },
    },
    async (req) => notifications.markNotificationsRead(db, req.actor, req.body.ids),
  );

  app.get(
    '/notifications/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How I receive notifications by e-mail',
        response: { 200: NotificationPreferences, ...problems(401) },
      },
    },
    async (req) => notifications.emailPreference(db, req.actor),
  );
  app.put(
    '/notifications/preferences',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['notifications'],
        summary: 'Each event by e-mail, one daily digest, or no e-mail',
        body: NotificationPreferences,
        response: { 200: NotificationPreferences, ...problems(400, 401) },
      },
    },
    async (req) => notifications.setEmailPreference(db, req.actor, req.body.email),
  );
};
