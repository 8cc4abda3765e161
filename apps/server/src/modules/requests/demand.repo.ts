import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';

type Conn = Db | Tx;
export interface DemandRow {
  type: string;
  id: string;
  organization: string | null;
  title: unknown;
  requests: number;
  open: number;
  lastAt: Date;
}

const OPEN_STATES = sql.raw(`'submitted','triage','open','team_agreed','in_progress'`);

/**
 * Requests per catalogue record they started from, with the record's organisation and title (a competence's,
 * service's or equipment's title; an expert's name), most asked for first.
 */
export async function demandPerRecord(
  tx: Conn,
  f: { type?: string; id?: string; organizations?: string[] | null },
  limit = 200,
): Promise<DemandRow[]> {
  const where = [sql`r.source_type is not null`];
  if (f.type) where.push(sql`r.source_type = ${f.type}`);
  if (f.id) where.push(sql`r.source_id = ${f.id}`);
  const rows = await tx.execute(sql`
    select d.type, d.id, coalesce(o.organization_id, e.organization_id) as organization,
      coalesce(o.title, jsonb_build_object('it', e.name)) as title, d.requests, d.open, d.last_at as "lastAt"
    from (
      select r.source_type as type, r.source_id as id, count(*)::int as requests,
        count(*) filter (where r.state in (${OPEN_STATES}))::int as open, max(r.submitted_at) as last_at
      from requests r where ${sql.join(where, sql` and `)}
      group by r.source_type, r.source_id
    ) d
    left join offers o on o.type = d.type and o.id = d.id
    left join experts e on d.type = 'expert' and e.id = d.id
    ${
      f.organizations
        ? sql`where coalesce(o.organization_id, e.organization_id) in (${
            f.organizations.length
              ? sql.join(
                  f.organizations.map((x) => sql`${x}`),
                  sql`, `,
                )
              : sql`null`
          })`
        : sql``
    }
    order by d.requests desc, d.last_at desc
    limit ${limit}`);
  return (rows as unknown as { rows: DemandRow[] }).rows.map((r) => ({ ...r, lastAt: new Date(r.lastAt) }));
}
