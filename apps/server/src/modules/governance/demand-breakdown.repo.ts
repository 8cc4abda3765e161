import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { at, requestFilter, type RequestScope, type Window } from './kpi-sources.repo.ts';

export interface GroupRow {
  key: string | null;
  requests: number;
  confidential: number;
}

/** The three groupings the dashboard shows: what each key is read from. */
const KEYS = {
  filiera: sql`r.filiera`,
  sector: sql`r.sector`,
  province: sql`o.province`,
} satisfies Record<string, SQL>;
export type Grouping = keyof typeof KEYS;

/**
 * Requests submitted in the window counted by filiera, sector or the company's province (a registered company's
 * province; null when the request names none or the company is known by name only), largest first.
 */
export async function requestsGroupedBy(
  db: Db | Tx,
  w: Window,
  scope: RequestScope,
  grouping: Grouping,
): Promise<GroupRow[]> {
  const key = KEYS[grouping];
  const rows = await db.execute(sql`
    select ${key} as key, count(*)::int as requests,
      count(*) filter (where r.confidentiality = 'confidential')::int as confidential
    from requests r left join organizations o on o.id = r.company_organization_id
    where r.submitted_at >= ${at(w.start)} and r.submitted_at < ${at(w.end)} and ${requestFilter(scope)}
    group by 1
    order by 2 desc, 1 nulls last`);
  return (rows as unknown as { rows: GroupRow[] }).rows;
}
