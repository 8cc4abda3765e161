import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../core/http.ts';
import type { SearchService } from '../search/search.service.ts';
import { matchProblem } from './matching.service.ts';

const Why = Type.Object({
  aspect: Type.Union([Type.String(), Type.Null()]),
  field: Type.String(),
  matched: Type.Array(Type.String()),
});

export const matchingRoutes: FastifyPluginAsyncTypebox<{ search: SearchService }> = async (app, { search }) => {
  app.post(
    '/matching',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['matching'],
        summary: 'Match a problem described in free text to the network: aspects, records, organisations and teams',
        description:
          'Anonymous callers match against the public catalogue only. Results and organisations are ranked best first; every result explains which words and concepts matched which field. The analysis is bounded: the first 300 content words, at most 12 aspects, words analysed by their first 64 characters, and a time budget; `truncated` says when a limit left part of the text out.',
        body: Type.Object(
          {
            text: Type.String({ minLength: 1, maxLength: 10000 }),
            lang: Type.Optional(Type.Union([Type.Literal('it'), Type.Literal('en')])),
            sector: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            filiera: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            lang: Type.String(),
            aspects: Type.Array(
              Type.Object({
                label: Type.String(),
                kind: Type.Union([Type.Literal('concept'), Type.Literal('clause')], {
                  description:
                    'concept: a need the glossary names, labelled with the concept; clause: a part of the text no concept covers, named by a short phrase of its own words',
                }),
                concepts: Type.Array(Type.String()),
                words: Type.Array(Type.String()),
                best: Type.Array(Type.String()),
              }),
            ),
            results: Type.Array(
              Type.Object({
                id: Type.String(),
                type: Type.String(),
                organization: Type.String(),
                title: Type.String(),
                score: Type.Number(),
                aspects: Type.Array(Type.String()),
                why: Type.Array(Why),
              }),
            ),
            organizations: Type.Array(
              Type.Object({ id: Type.String(), score: Type.Number(), covers: Type.Array(Type.String()) }),
            ),
            teams: Type.Array(
              Type.Object({
                organizations: Type.Array(Type.String()),
                members: Type.Array(
                  Type.Object({
                    organization: Type.String(),
                    role: Type.Union([Type.Literal('lead'), Type.Literal('partner')]),
                    covers: Type.Array(Type.String()),
                  }),
                ),
                covers: Type.Array(Type.String()),
                missing: Type.Array(Type.String()),
                score: Type.Number(),
              }),
            ),
            truncated: Type.Boolean({
              description:
                'true when the text was longer than the analysis takes or its time ran out: the answer covers the first part',
            }),
          }),
          ...problems(400, 413, 415, 429),
        },
      },
    },
    async (req) => matchProblem(search, req.actor, req.body),
  );
};
