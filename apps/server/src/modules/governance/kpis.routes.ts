import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  KpiDefinition,
  KpiDefinitionCreate,
  KpiDefinitionList,
  KpiFilterQuery,
  KpiList,
  KpiRecords,
  KpiTarget,
  KpiTargetList,
  KpiTargetWrite,
  KpiValue,
  KpiValueList,
  KpiValueWrite,
  PeriodQuery,
  RecordsQuery,
} from '@clock/contracts';
import { IdParam, problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import * as kpis from './kpis.service.ts';
import * as objectives from './objectives.service.ts';

/** KPIs over a period, their records, definitions, targets and manual values (docs/permissions.md, "Governance"). */
export const kpisRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const tags = ['governance'];
  const steer = { permission: 'governance' as const };

  app.get(
    '/kpis',
    {
      schema: {
        tags,
        summary: 'KPIs over a period (from and to inclusive, Europe/Rome) with targets and RAG status',
        querystring: PeriodQuery,
        response: { 200: KpiList, ...problems(400, 404) },
      },
    },
    async (req) => kpis.listKpis(db, req.actor, req.query),
  );
  app.get(
    '/kpis/:code/records',
    {
      schema: {
        tags,
        summary: 'The ids of the records a computed KPI counted (nucleus, Region, administrators)',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 80 }) }),
        querystring: RecordsQuery,
        response: { 200: KpiRecords, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => kpis.kpiRecords(db, req.actor, req.params.code, req.query),
  );
  app.get(
    '/kpi-definitions',
    { schema: { tags, summary: 'What each KPI means', response: { 200: KpiDefinitionList } } },
    async (req) => objectives.listDefinitions(db, req.actor),
  );
  app.post(
    '/kpi-definitions',
    {
      config: { permission: 'governance-network' as const },
      schema: {
        tags,
        summary: 'Define a manual KPI (nucleus, Region, administrators)',
        body: KpiDefinitionCreate,
        response: { 201: KpiDefinition, ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await objectives.createDefinition(db, { actor: req.actor, requestId: req.id }, req.body)),
  );
  app.get(
    '/kpi-targets',
    {
      schema: {
        tags,
        summary: 'KPI targets per period and scope',
        querystring: KpiFilterQuery,
        response: { 200: KpiTargetList },
      },
    },
    async (req) => objectives.listTargets(db, req.query),
  );
  app.put(
    '/kpi-targets',
    {
      config: steer,
      schema: {
        tags,
        summary: "Set a KPI's baseline and target for a period and scope (numbers only)",
        body: KpiTargetWrite,
        response: { 200: KpiTarget, ...problems(400, 401, 403) },
      },
    },
    async (req) => objectives.putTarget(db, { actor: req.actor, requestId: req.id }, req.body),
  );
  app.delete(
    '/kpi-targets/:id',
    {
      config: steer,
      schema: {
        tags,
        summary: 'Remove a KPI target',
        params: IdParam,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await objectives.deleteTarget(db, { actor: req.actor, requestId: req.id }, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/kpi-values',
    {
      schema: {
        tags,
        summary: 'Manual KPI values with their evidence and who entered them',
        querystring: KpiFilterQuery,
        response: { 200: KpiValueList },
      },
    },
    async (req) => objectives.listValues(db, req.actor, req.query),
  );
  app.put(
    '/kpi-values',
    {
      config: steer,
      schema: {
        tags,
        summary: "Enter a manual KPI's value for a period and scope, with the evidence (a link)",
        body: KpiValueWrite,
        response: { 200: KpiValue, ...problems(400, 401, 403) },
      },
    },
    async (req) => objectives.putValue(db, { actor: req.actor, requestId: req.id }, req.body),
  );
};
