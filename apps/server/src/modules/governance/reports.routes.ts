import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Lang, Report, ReportCreate, ReportEdit, ReportList, ReportListQuery, ReportReopen } from '@clock/contracts';
import { IdParam, problems } from '../../core/http.ts';
import type { Db } from '../../db/client.ts';
import * as reports from './reports.service.ts';
import { reportCsv, reportPdf } from './report-export.rules.ts';

/**
 * Verification reports. Creating one is the `governance-network` rule; editing, signing and reopening depend on the
 * report's state and the signer's turn (rule `report`, tested in reports.test.ts).
 */
export const reportsRoutes: FastifyPluginAsyncTypebox<{ db: Db; now?: () => Date; publicUrl?: string }> = async (
  app,
  { db, now = () => new Date(), publicUrl },
) => {
  const tags = ['governance'];
  const report = { permission: 'report' as const };
  const ctx = (req: { actor: import('../../core/actor.ts').Actor; id: string }) => ({
    actor: req.actor,
    requestId: req.id,
    publicUrl,
  });

  app.get(
    '/reports',
    {
      schema: {
        tags,
        summary: 'Verification reports (nucleus, Region, administrators)',
        querystring: ReportListQuery,
        response: { 200: ReportList, ...problems(400, 401, 403) },
      },
    },
    async (req) => reports.listReports(db, req.actor, req.query),
  );
  app.post(
    '/reports',
    {
      config: { permission: 'governance-network' as const },
      schema: {
        tags,
        summary: 'Assemble a draft verification report of a period from live data',
        body: ReportCreate,
        response: { 201: Report, ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await reports.createReport(db, ctx(req), req.body, now())),
  );
  app.get(
    '/reports/:id',
    {
      schema: {
        tags,
        summary: 'One verification report',
        params: IdParam,
        response: { 200: Report, ...problems(401, 403, 404) },
      },
    },
    async (req) => reports.getReport(db, req.actor, req.params.id),
  );
  app.patch(
    '/reports/:id',
    {
      config: report,
      schema: {
        tags,
        summary: "Edit a draft: conclusions, adjustments, overrides (with a comment), a centre's comment",
        params: IdParam,
        body: ReportEdit,
        response: { 200: Report, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => reports.editReport(db, ctx(req), req.params.id, req.body, now()),
  );
  app.post(
    '/reports/:id/sign',
    {
      config: report,
      schema: {
        tags,
        summary: 'Sign (the next signer only: each centre’s nucleus member in order, then the Region)',
        params: IdParam,
        response: { 200: Report, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => reports.signReport(db, ctx(req), req.params.id, now()),
  );
  app.post(
    '/reports/:id/reopen',
    {
      config: report,
      schema: {
        tags,
        summary: 'Reopen a signed report as a new revision (a reason is required)',
        params: IdParam,
        body: ReportReopen,
        response: { 201: Report, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await reports.reopenReport(db, ctx(req), req.params.id, req.body.reason, now())),
  );
  const ExportQuery = Type.Object({ lang: Type.Optional(Lang) }, { additionalProperties: false });
  app.get(
    '/reports/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The report as PDF (A4, for the records)',
        params: IdParam,
        querystring: ExportQuery,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const { report: r, names } = await reports.reportForExport(db, req.actor, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${r.reference}-r${r.revision}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(await reportPdf(r, req.query.lang ?? 'it', names));
    },
  );
  app.get(
    '/reports/:id/csv',
    { schema: { tags, summary: 'The report as CSV', params: IdParam, produces: ['text/csv'] } },
    async (req, reply) => {
      const { report: r } = await reports.reportForExport(db, req.actor, req.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${r.reference}-r${r.revision}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(reportCsv(r));
    },
  );
};
