import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { WellKnownClock } from '@clock/contracts';
import { problems } from '../../core/http.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import * as opendata from './opendata.service.ts';
import { DATASETS, datasetByName, RECORD_TYPES } from './datasets.service.ts';
import { recordPage } from './records.rules.ts';
import { DISTRIBUTIONS } from './catalog.rules.ts';

export interface OpenDataOptions {
  db: Db;
  publicUrl: string;
  /** Heavy downloads (catalogue, files) per address and window; 0: no limit. */
  downloadsPerWindow: number;
  windowSeconds: number;
}

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
  ttl: 'text/turtle; charset=utf-8',
};

/**
 * Answers 304 when the caller holds the current version (If-None-Match first, else If-Modified-Since, RFC 9110
 * §13.2.2); otherwise sets the validators for the answer about to be sent.
 */
function notModified(req: FastifyRequest, reply: FastifyReply, v: opendata.Version): boolean {
  reply.header('etag', v.etag);
  if (v.lastModified) reply.header('last-modified', v.lastModified.toUTCString());
  reply.header('cache-control', 'public, no-cache');
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    const tags = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
    const mine = v.etag.replace(/^W\//, '');
    return tags.includes('*') || tags.includes(mine);
  }
  const ims = req.headers['if-modified-since'];
  if (ims && v.lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(v.lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

/**
 * Open data outside the JSON API: the DCAT-AP_IT catalogue, a file per dataset and format, each public record's URI
 * (JSON-LD or a redirect to its page) and the discovery document. Every route is public (CORS) and answers the same
 * to everyone: records are read as the public reads them, whoever asks.
 */
export const openDataRoutes: FastifyPluginAsyncTypebox<OpenDataOptions> = async (app, o) => {
  const { db, publicUrl: base } = o;
  const limited = o.downloadsPerWindow > 0;
  const limiter = limited
    ? app.createRateLimit({
        timeWindow: o.windowSeconds * 1000,
        max: o.downloadsPerWindow,
        // The global allow list (everything but POSTs) is not this limit's.
        allowList: undefined,
        keyGenerator: (req) => `opendata:ip:${req.ip}`,
      })
    : null;
  /** Heavy downloads: counted per address; past the limit 429 problem+json with Retry-After. */
  const limit = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!limiter) return;
    const r = await limiter(req);
    if (!('isExceeded' in r) || !r.isExceeded) return;
    const seconds = Math.max(1, Math.ceil(r.ttl / 1000));
    reply.header('retry-after', String(seconds));
    throw new AppError('RATE_LIMITED', `Too many downloads from this address; try again in ${seconds} seconds`);
  };
  const config = { public: true };

  app.get(
    '/.well-known/clock',
    {
      config,
      schema: {
        tags: ['open data'],
        summary: 'Where this instance publishes its catalogue, change feed and API (RFC 8615)',
        response: {
          200: WellKnownClock,
        },
      },
    },
    async () => ({
      name: 'CL.O.C.K.',
      catalog: `${base}/opendata/catalog.ttl`,
      changes: `${base}/api/v1/changes`,
      api: `${base}/api/openapi.json`,
    }),
  );

  for (const [suffix, build] of [
    ['ttl', (b: string) => opendata.catalogTurtle(db, b)],
    ['jsonld', async (b: string) => JSON.stringify(await opendata.catalogJsonLd(db, b))],
  ] as const) {
    app.get(
      `/opendata/catalog.${suffix}`,
      {
        config,
        onRequest: limit,
        schema: {
          tags: ['open data'],
          summary: `The DCAT-AP_IT catalogue of the open datasets (${suffix === 'ttl' ? 'Turtle' : 'JSON-LD'})`,
          produces: [TYPES[suffix]!.split(';')[0]!],
        },
      },
      async (req, reply) => {
        reply.type(TYPES[suffix]!);
        if (notModified(req, reply, await opendata.catalogVersion(db))) return reply.status(304).send();
        return reply.send(await build(base));
      },
    );
  }

  const formats = DISTRIBUTIONS.map((d) => d.suffix).join('|');
  app.get(
    '/opendata/:file',
    {
      config,
      onRequest: limit,
      schema: {
        tags: ['open data'],
        summary: 'One dataset as CSV, JSON or JSON-LD, streamed',
        description: `Datasets: ${DATASETS.map((d) => d.name).join(', ')}. CSV: RFC 4180, UTF-8, a header row; multi-valued cells joined by "|" (a "|" or "\\" inside a value escaped with "\\"); texts in both languages as <name>_it and <name>_en.`,
        params: Type.Object({ file: Type.String({ pattern: `^[a-z0-9-]+\\.(${formats})$`, maxLength: 100 }) }),
        produces: ['text/csv', 'application/json', 'application/ld+json'],
      },
    },
    async (req, reply) => {
      const [name, suffix] = req.params.file.split('.') as [string, string];
      const d = datasetByName(name);
      if (!d) throw new AppError('NOT_FOUND', `No dataset "${name}"`);
      reply.type(TYPES[suffix]!);
      if (notModified(req, reply, await opendata.datasetVersion(db, d))) return reply.status(304).send();
      reply.header('content-disposition', `inline; filename="${d.name}.${suffix}"`);
      const stream =
        suffix === 'csv'
          ? opendata.csvStream(db, d, base)
          : suffix === 'json'
            ? opendata.jsonStream(db, d, base)
            : opendata.jsonLdStream(db, d, base);
      return reply.send(stream);
    },
  );

  app.get(
    '/id/:type/:id',
    {
      config,
      schema: {
        tags: ['open data'],
        summary: 'The URI of a public record: JSON-LD (schema.org) for Accept: application/ld+json, else its page',
        description:
          'Dereferenceable identifiers: with Accept application/ld+json (or the suffix .jsonld on the id) the record as schema.org JSON-LD; otherwise 303 See Other to the page people read.',
        params: Type.Object({
          type: Type.Union(RECORD_TYPES.map((t) => Type.Literal(t))),
          id: Type.String({ minLength: 1, maxLength: 120 }),
        }),
        response: { 303: { description: 'the record page' }, ...problems(400, 404) },
      },
    },
    async (req, reply) => {
      const { type } = req.params;
      const suffixed = req.params.id.endsWith('.jsonld');
      const id = suffixed ? req.params.id.slice(0, -'.jsonld'.length) : req.params.id;
      const accept = req.headers.accept ?? '';
      const wantsLd = suffixed || /application\/ld\+json/.test(accept);
      reply.header('vary', 'Accept');
      if (wantsLd) {
        const doc = await opendata.recordJsonLd(db, type, id, base);
        if (!doc) throw new AppError('NOT_FOUND', `No public ${type} with id "${id}"`);
        return reply.type(TYPES.jsonld!).send(JSON.stringify(doc));
      }
      if (!(await opendata.recordExists(db, type, id)))
        throw new AppError('NOT_FOUND', `No public ${type} with id "${id}"`);
      return reply.redirect(recordPage(base, type, id), 303);
    },
  );
};
