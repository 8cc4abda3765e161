import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../db/client.ts';
import { demandBreakdownRoutes } from './demand-breakdown.routes.ts';
import { kpisRoutes } from './kpis.routes.ts';
import { objectivesRoutes } from './objectives.routes.ts';
import { reportsRoutes } from './reports.routes.ts';

/** The governance module's routes (protocol, objectives, KPIs, S3 coverage, verification reports). */
export const governanceRoutes: FastifyPluginAsyncTypebox<{ db: Db; publicUrl?: string }> = async (
  app,
  { db, publicUrl },
) => {
  await app.register(kpisRoutes, { db });
  await app.register(objectivesRoutes, { db });
  await app.register(reportsRoutes, { db, publicUrl });
  await app.register(demandBreakdownRoutes, { db });
};
