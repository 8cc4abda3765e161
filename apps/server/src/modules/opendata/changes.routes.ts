import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ChangePage } from '@clock/contracts';
import { problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import { listChanges, MAX_CHANGES_PAGE } from './changes.service.ts';

/** The change feed other systems follow (decision 020). Public: the same for everyone, signed in or not. */
export const changesRoutes: FastifyPluginAsyncTypebox<{ db: Db; publicUrl: string }> = async (
  app,
  { db, publicUrl },
) => {
  app.get(
    '/changes',
    {
      config: { public: true },
      schema: {
        tags: ['open data'],
        summary: 'Changes to public records after a cursor, in order',
        description:
          'Pass the `next` of the previous page as `after` (0 or nothing: from the beginning). `next` is null at the end: keep the last cursor read and ask again later. Cursors never expire. A record retired, made non-public or deleted appears as `delete`; `record` is the record as the public reads it now (null for a delete, and for an older upsert of a record that is no longer public).',
        querystring: Type.Object(
          {
            after: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 }),
            limit: Type.Integer({ minimum: 1, maximum: MAX_CHANGES_PAGE, default: 100 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: ChangePage,
          ...problems(400),
        },
      },
    },
    async (req) => listChanges(db, publicUrl, req.query.after, req.query.limit),
  );
};
