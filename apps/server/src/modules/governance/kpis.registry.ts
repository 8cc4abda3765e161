import type { Db, Tx } from '../../db/client.ts';
import type { LocalizedText } from '../../db/schema/catalogue.ts';
import type { KpiAggregation, KpiDirection, KpiKind } from '../../db/schema/index.ts';
import type { Period } from './kpis.rules.ts';
import { BOOKING_KPIS, REQUEST_KPIS } from './platform-kpis.service.ts';
import { ACTION_KPIS, EVENT_KPIS, INTRODUCTION_KPIS } from './network-kpis.service.ts';

/**
 * The computed KPIs. Each lives beside the data it counts and is a function
 * `(period, scope, db) → { value, unit, numerator?, denominator?, records }`: `records` are the ids it counted
 * (traceability: `GET /kpis/:code/records`). A module plugs its KPIs in with one line in `COMPUTED_KPIS` below, e.g.
 * `...ACTION_KPIS` imported from `../actions/actions.kpis.service.ts` (see docs/decisions/018).
 */
export interface KpiScope {
  /** One organisation's share, or the whole network (null). */
  organization: string | null;
  /** Confidential requests count only for the Region, the nucleus and administrators. */
  includeConfidential: boolean;
}
export interface KpiResult {
  /** Null when there is no data (a mean or median of nothing); a count of nothing is 0. */
  value: number | null;
  unit: string;
  numerator?: number;
  denominator?: number;
  records: string[];
}
export interface ComputedKpi {
  code: string;
  label: LocalizedText & { it: string; en: string };
  unit: string;
  kind: KpiKind;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  /** Part of the public summary (aggregates of non-confidential records). */
  public: boolean;
  /** What the ids in `records` name: request, organization, booking, action… */
  recordType: string;
  compute(period: Period, scope: KpiScope, db: Db | Tx): Promise<KpiResult>;
}

export const COMPUTED_KPIS: readonly ComputedKpi[] = [
  ...REQUEST_KPIS,
  ...BOOKING_KPIS,
  ...ACTION_KPIS,
  ...EVENT_KPIS,
  ...INTRODUCTION_KPIS,
];

export const computedKpi = (code: string) => COMPUTED_KPIS.find((k) => k.code === code) ?? null;
