import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SearchQuery, SearchResponse } from '@clock/contracts';
import { problems } from '../../core/http.ts';
import type { SearchService } from './search.service.ts';

export const searchRoutes: FastifyPluginAsyncTypebox<{ search: SearchService }> = async (app, { search }) => {
  app.get(
    '/search',
    {
      config: { public: true },
      schema: {
        tags: ['search'],
        summary: 'Search the catalogue in Italian and English',
        description:
          "Understands inflections, missing accents, one-letter typos, acronyms and the other language (through the concept glossary and general vocabularies). Facet counts ignore the facet's own filter.",
        querystring: SearchQuery,
        response: { 200: SearchResponse, ...problems(400) },
      },
    },
    async (req) => {
      const q = req.query;
      return search.search(req.actor, { ...q, page: q.page ?? 1, limit: q.limit ?? 20 });
    },
  );

  app.post(
    '/search',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['search'],
        summary: 'The same search with the parameters in a JSON body (for long queries)',
        body: SearchQuery,
        response: { 200: SearchResponse, ...problems(400, 413, 415, 429) },
      },
    },
    async (req) => {
      const q = req.body;
      return search.search(req.actor, { ...q, page: q.page ?? 1, limit: q.limit ?? 20 });
    },
  );
};
