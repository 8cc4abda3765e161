import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LANG_COOKIE, NewsCreate, NewsItem, NewsPage, NewsQuery, NewsUpdate } from '@clock/contracts';
import { IdParam, problems } from '../../core/http.ts';
import * as news from './news.service.ts';
import { newsFeed } from './news.feed.ts';

/** The news desk: published news for everyone; drafts, edits, publishing and withdrawal by the publishing centres. */
export const newsRoutes: FastifyPluginAsyncTypebox<{ deps: news.NewsDeps }> = async (app, { deps }) => {
  app.get(
    '/news',
    {
      config: { public: true },
      schema: {
        tags: ['news'],
        summary: 'News of the network (published; drafts and withdrawn items of your own organisations with `state`)',
        querystring: NewsQuery,
        response: { 200: NewsPage, ...problems(400, 401) },
      },
    },
    async (req) => news.listNews(deps, req.actor, req.query),
  );

  app.get(
    '/news/:id',
    {
      config: { public: true },
      schema: {
        tags: ['news'],
        summary: 'One news item',
        params: IdParam,
        response: { 200: NewsItem, ...problems(400, 404) },
      },
    },
    async (req) => news.getNews(deps, req.actor, req.params.id),
  );

  app.post(
    '/news',
    {
      config: { permission: 'news' },
      schema: {
        tags: ['news'],
        summary: 'Write a news item (a draft) in the name of your organisation, with others as co-publishers',
        body: NewsCreate,
        response: { 201: NewsItem, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await news.createNews(deps, { actor: req.actor, requestId: req.id }, req.body)),
  );

  app.patch(
    '/news/:id',
    {
      config: { permission: 'news' },
      schema: {
        tags: ['news'],
        summary: 'Change a news item',
        params: IdParam,
        body: NewsUpdate,
        response: { 200: NewsItem, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => news.updateNews(deps, { actor: req.actor, requestId: req.id }, req.params.id, req.body),
  );

  for (const [verb, run] of [
    ['publish', news.publishNews],
    ['withdraw', news.withdrawNews],
  ] as const) {
    app.post(
      `/news/:id/${verb}`,
      {
        config: { permission: 'news' },
        schema: {
          tags: ['news'],
          summary: verb === 'publish' ? 'Publish a news item' : 'Withdraw a published news item',
          params: IdParam,
          response: { 200: NewsItem, ...problems(400, 401, 403, 404, 409) },
        },
      },
      async (req) => run(deps, { actor: req.actor, requestId: req.id }, req.params.id),
    );
  }
};

/** The news feed, outside the API: RSS 2.0 at /feeds/news.xml (all organisations, or one). */
export const newsFeedRoutes: FastifyPluginAsyncTypebox<{ deps: news.NewsDeps }> = async (app, { deps }) => {
  app.get(
    '/feeds/news.xml',
    {
      config: { public: true },
      schema: {
        tags: ['news'],
        summary: 'RSS 2.0 feed of the news (in the language of the `lang` parameter, Italian by default)',
        querystring: Type.Object(
          {
            lang: Type.Optional(Type.Union([Type.Literal('it'), Type.Literal('en')])),
            organization: Type.Optional(Type.String({ maxLength: 100 })),
            filiera: Type.Optional(Type.String({ maxLength: 60 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.String(), ...problems(400) },
      },
    },
    async (req, reply) => {
      const lang = req.query.lang ?? (req.cookies?.[LANG_COOKIE] === 'en' ? 'en' : 'it');
      const xml = await newsFeed(deps.db, { publicUrl: deps.publicUrl, lang, ...req.query });
      return reply.type('application/rss+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
    },
  );
};
