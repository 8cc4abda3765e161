import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Competence, Equipment, Expert, Organization, Paged, Service, Taxonomies } from '@clock/contracts';
import { IdParam, Pagination, problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import * as catalogue from './catalogue.service.ts';

const code = Type.String({ minLength: 1, maxLength: 100 });
const OrgKind = Type.Union(
  ['centre', 'company', 'region', 'university', 'research_body', 'association'].map((k) => Type.Literal(k)),
);
const OfferListQuery = Type.Object(
  {
    ...Pagination,
    organization: Type.Optional(code),
    sector: Type.Optional(code),
    filiera: Type.Optional(code),
    technologyArea: Type.Optional(code),
  },
  { additionalProperties: false },
);

/** Read endpoints of the catalogue, named like the bundle's collections. */
export const catalogueRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/organizations',
    {
      config: { public: true },
      schema: {
        tags: ['catalogue'],
        summary: 'List organisations',
        querystring: Type.Object(
          {
            ...Pagination,
            kind: Type.Optional(OrgKind),
            sector: Type.Optional(code),
            filiera: Type.Optional(code),
            s3: Type.Optional(code),
            province: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Paged(Organization), ...problems(400) },
      },
    },
    async (req) => {
      const { page, limit, ...filter } = req.query;
      return catalogue.listOrganizations(db, req.actor, filter, { page, limit });
    },
  );

  app.get(
    '/organizations/:id',
    {
      config: { public: true },
      schema: {
        tags: ['catalogue'],
        summary: 'One organisation',
        params: IdParam,
        response: { 200: Organization, ...problems(400, 404) },
      },
    },
    async (req) => catalogue.getOrganization(db, req.actor, req.params.id),
  );

  const offerRoutes = [
    ['competences', 'competence', Competence],
    ['services', 'service', Service],
    ['equipment', 'equipment', Equipment],
  ] as const;
  for (const [path, type, schema] of offerRoutes) {
    app.get(
      `/${path}`,
      {
        config: { public: true },
        schema: {
          tags: ['catalogue'],
          summary: `List ${path}`,
          querystring: OfferListQuery,
          response: { 200: Paged(schema), ...problems(400) },
        },
      },
      async (req) => {
        const { page, limit, ...filter } = req.query;
        return catalogue.listOffers(db, req.actor, { type, ...filter }, { page, limit });
      },
    );
    app.get(
      `/${path}/:id`,
      {
        config: { public: true },
        schema: {
          tags: ['catalogue'],
          summary: `One ${type}`,
          params: IdParam,
          response: { 200: schema, ...problems(400, 404) },
        },
      },
      async (req) => catalogue.getOffer(db, req.actor, type, req.params.id),
    );
  }

  app.get(
    '/experts',
    {
      config: { public: true },
      schema: {
        tags: ['catalogue'],
        summary: 'List experts (public profiles only, unless signed in as a network member)',
        querystring: Type.Object({ ...Pagination, organization: Type.Optional(code) }, { additionalProperties: false }),
        response: { 200: Paged(Expert), ...problems(400) },
      },
    },
    async (req) => {
      const { page, limit, ...filter } = req.query;
      return catalogue.listExperts(db, req.actor, filter, { page, limit });
    },
  );
  app.get(
    '/experts/:id',
    {
      config: { public: true },
      schema: {
        tags: ['catalogue'],
        summary: 'One expert',
        params: IdParam,
        response: { 200: Expert, ...problems(400, 404) },
      },
    },
    async (req) => catalogue.getExpert(db, req.actor, req.params.id),
  );

  app.get(
    '/taxonomies',
    {
      config: { public: true },
      schema: {
        tags: ['catalogue'],
        summary:
          'Sectors (NACE/ATECO), supply chains, S3 priorities and technology areas with Italian and English labels',
        response: { 200: Taxonomies },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return catalogue.getTaxonomies(db);
    },
  );
};
