import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EventFeedQuery } from '@clock/contracts';
import type { EventDeps } from './events.service.ts';
import { eventsIcsFeed, eventsRssFeed } from './feeds.service.ts';

/** The public feeds of events, outside /api/v1 (stable addresses to subscribe to). */
export const feedsRoutes: FastifyPluginAsyncTypebox<{ deps: EventDeps }> = async (app, { deps }) => {
  const tags = ['events'];
  app.get(
    '/feeds/events.ics',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'iCalendar feed of public events (all, one organisation, or one filiera / S3 code)',
        querystring: EventFeedQuery,
        produces: ['text/calendar'],
      },
    },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(await eventsIcsFeed(deps, req.query)),
  );
  app.get(
    '/feeds/events.xml',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'RSS 2.0 feed of public events (the same filters)',
        querystring: EventFeedQuery,
        produces: ['application/rss+xml'],
      },
    },
    async (req, reply) =>
      reply
        .type('application/rss+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(await eventsRssFeed(deps, req.query)),
  );
};
