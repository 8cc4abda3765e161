import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { LocalizedText } from '../../db/schema/index.ts';

type Conn = Db | Tx;
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** The public joint actions that name S3 codes: the actions' own filter for the coverage map (not cancelled). */
const SERVING = sql`a.visibility = 'public' and a.state <> 'cancelled' and cardinality(a.s3) > 0`;

/**
 * Each public joint action with S3 codes once per centre taking part (the lead and the partners that are centres),
 * with its title and description.
 */
export async function actionCentres(db: Conn) {
  return rowsOf<{
    id: string;
    organization: string;
    s3: string[];
    title: LocalizedText;
    description: LocalizedText | null;
  }>(
    await db.execute(sql`select a.id::text, x.organization, a.s3, a.title, a.description
    from joint_actions a
    cross join lateral (select a.lead_organization_id as organization
      union select p.organization_id from action_partners p where p.action_id = a.id) x
    join organizations o on o.id = x.organization and o.kind = 'centre' and o.retired_at is null
    where ${SERVING}
    order by a.number, x.organization`),
  );
}

/** Changes whenever an action or its partners change (the coverage map is cached per version). */
export async function actionsVersion(db: Conn): Promise<string> {
  const [r] = rowsOf<{ v: string }>(
    await db.execute(sql`select concat_ws('/', (select max(updated_at) from joint_actions),
      (select count(*) from joint_actions), (select count(*) from action_partners),
      (select md5(coalesce(string_agg(action_id::text || organization_id, ',' order by action_id, organization_id), ''))
        from action_partners)) as v`),
  );
  return r!.v;
}
