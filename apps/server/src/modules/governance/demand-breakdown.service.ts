import type { DemandBreakdown, DemandQuery } from '@clock/contracts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../core/actor.ts';
import { isFullReader } from './governance.policy.ts';
import { organizationOr404, periodOrProblem } from './kpis.service.ts';
import * as repo from './demand-breakdown.repo.ts';

/**
 * Demand from requests over a period, by filiera, sector and province: aggregates under the KPIs' rule (the Region,
 * the nucleus and administrators count every request, confidential ones as numbers only; everyone else the
 * non-confidential ones). An organisation's share counts the requests it took part in, as its KPIs do.
 */
export async function demandBreakdown(db: Db, actor: Actor, q: DemandQuery): Promise<DemandBreakdown> {
  const period = periodOrProblem(q.from, q.to);
  const organization = await organizationOr404(db, q.organization);
  const full = isFullReader(actor);
  const scope = { organization, includeConfidential: full };
  const [byFiliera, bySector, byProvince] = await Promise.all(
    (['filiera', 'sector', 'province'] as const).map((g) => repo.requestsGroupedBy(db, period, scope, g)),
  );
  const total = byFiliera!.reduce((sum, g) => sum + g.requests, 0);
  return {
    from: period.from,
    to: period.to,
    organization,
    scope: full ? 'full' : 'public',
    total,
    byFiliera: byFiliera!,
    bySector: bySector!,
    byProvince: byProvince!,
  };
}
