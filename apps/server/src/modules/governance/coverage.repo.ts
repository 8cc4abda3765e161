import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { LocalizedText } from '../../db/schema/catalogue.ts';

type Conn = Db | Tx;
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * The centres' competences, services and equipment with their S3 codes (the record's own, else its organisation's),
 * title, description and keywords. Retired records and organisations are left out.
 */
export async function centreOffers(db: Conn) {
  return rowsOf<{
    type: string;
    id: string;
    organization: string;
    s3: string[] | null;
    title: LocalizedText;
    description: LocalizedText | null;
    keywords: string[] | null;
  }>(
    await db.execute(sql`select o.type, o.id, o.organization_id as organization,
      coalesce(nullif(o.s3, '{}'), org.s3) as s3, o.title, o.description, o.keywords
    from offers o join organizations org on org.id = o.organization_id
    where org.kind = 'centre' and o.retired_at is null and org.retired_at is null
    order by o.organization_id, o.type, o.id`),
  );
}

/** Changes whenever an offer or organisation is written (revisions come from one sequence; retiring writes too). */
export async function offersVersion(db: Conn): Promise<string> {
  const [r] = rowsOf<{ v: string }>(
    await db.execute(sql`select concat_ws('/', (select max(revision) from offers), (select count(*) from offers),
      (select max(revision) from organizations), (select count(*) from organizations)) as v`),
  );
  return r!.v;
}

/** Which of these codes the `s3` taxonomy holds. */
export async function knownS3Codes(db: Conn, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = rowsOf<{ code: string }>(
    await db.execute(
      sql`select code from taxonomy_terms where scheme = 's3' and code in (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    ),
  );
  return new Set(rows.map((r) => r.code));
}
