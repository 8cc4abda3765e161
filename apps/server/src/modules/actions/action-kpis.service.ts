import { actionRef } from '@clock/contracts';
import type { Db, Tx } from '../../db/client.ts';
import { localDay } from '../../core/calendar.ts';
import * as repo from './actions.repo.ts';
import { onTime } from './actions.rules.ts';

/**
 * What the governance module reads of joint actions (decision 011, "How the KPIs read the other modules"). Aggregates
 * for the nucleus, the Region and administrators, who see every action; each value lists the records it counted.
 */

export interface KpiValue {
  /** Share of actions on time, 0–100; null when no action counts (shown "—", never 0 %). */
  value: number | null;
  numerator: number;
  denominator: number;
  /** The counted actions: id, reference and whether each was on time. */
  records: { id: string; ref: string; onTime: boolean }[];
}

/**
 * Joint actions on time over [from, to] (YYYY-MM-DD, inclusive): the actions that were under way in the period (start
 * ≤ to and end ≥ from), not cancelled, of `organization` (lead or partner) when given. An action is on time when its
 * milestones were done by their due days (those not yet due do not count against it) and, if closed, it closed by its
 * end date. Judged as of `to` (or today, when earlier).
 */
export async function actionsOnTimeBetween(
  db: Db | Tx,
  from: string,
  to: string,
  organization?: string,
  now: Date = new Date(),
): Promise<KpiValue> {
  const today = localDay(now.getTime());
  const asOf = to < today ? to : today;
  const actions = (await repo.actionsForKpi(db, organization)).filter(
    (a) => a.state !== 'cancelled' && a.start <= to && a.end >= from,
  );
  const ms = await repo.milestonesForKpi(
    db,
    actions.map((a) => a.id),
  );
  const records: KpiValue['records'] = [];
  for (const a of actions) {
    const mine = ms
      .filter((m) => m.actionId === a.id)
      .map((m) => {
        const doneOn = m.doneAt ? localDay(m.doneAt.getTime()) : null;
        // As of the judging day: work done later is not yet done.
        return { due: m.due, doneOn: doneOn && doneOn <= asOf ? doneOn : null };
      });
    const closedOn = a.closedAt ? localDay(a.closedAt.getTime()) : null;
    const closedInTime = a.state === 'closed' && closedOn !== null && closedOn <= asOf;
    const verdict = onTime({ state: closedInTime ? 'closed' : 'running', end: a.end, closedOn }, mine, asOf);
    if (verdict === null) continue;
    records.push({ id: a.id, ref: actionRef(a.number), onTime: verdict });
  }
  const numerator = records.filter((r) => r.onTime).length;
  const denominator = records.length;
  return {
    value: denominator ? Math.round((1000 * numerator) / denominator) / 10 : null,
    numerator,
    denominator,
    records,
  };
}

/** Each action's S3 codes, its lead and its partners (for the coverage map: organisation × S3 cell). */
export async function actionsS3(db: Db | Tx) {
  const actions = (await repo.actionsForKpi(db)).filter((a) => a.state !== 'cancelled' && a.s3.length > 0);
  const partners = await repo.partnersOf(
    db,
    actions.map((a) => a.id),
  );
  return actions.map((a) => ({
    id: a.id,
    ref: actionRef(a.number),
    s3: a.s3,
    lead: a.leadOrganizationId,
    organizations: [
      ...new Set([a.leadOrganizationId, ...partners.filter((p) => p.actionId === a.id).map((p) => p.organizationId)]),
    ],
  }));
}
