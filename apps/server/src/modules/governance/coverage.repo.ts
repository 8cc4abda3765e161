import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { LocalizedText } from '../../db/schema/catalogue.ts';

type Conn = Db | Tx;
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * The centres' competences, services and equipment: key, organisation, revision and S3 codes (the record's own, else
 * its organisation's). Retired records and organisations are left out.
 */
export async function centreOfferKeys(db: Conn) {
  return rowsOf<{ type: string; id: string; organization: string; revision: number; s3: string[] | null }>(
    await db.execute(sql`select o.type, o.id, o.organization_id as organization, o.revision::float8 as revision,
      coalesce(nullif(o.s3, '{}'), org.s3) as s3
    from offers o join organizations org on org.id = o.organization_id
    where org.kind = 'centre' and o.retired_at is null and org.retired_at is null`),
  );
}

type TextRow = {
  type: string;
  id: string;
  title: LocalizedText;
  description: LocalizedText | null;
  keywords: string[] | null;
};
/** Title, description and keywords of every centre's offer (one pass, for a first read). */
export async function centreOfferTexts(db: Conn): Promise<TextRow[]> {
  return rowsOf<TextRow>(
    await db.execute(sql`select o.type, o.id, o.title, o.description, o.keywords
    from offers o join organizations org on org.id = o.organization_id
    where org.kind = 'centre' and o.retired_at is null and org.retired_at is null`),
  );
}

/** Title, description and keywords of these offers (a few: joined on a VALUES list). */
export async function offerTexts(db: Conn, keys: { type: string; id: string }[]): Promise<TextRow[]> {
  if (!keys.length) return [];
  return rowsOf<TextRow>(
    await db.execute(sql`select o.type, o.id, o.title, o.description, o.keywords
    from (values ${sql.join(
      keys.map((k) => sql`(${k.type}, ${k.id})`),
      sql`, `,
    )}) as k(type, id) join offers o on o.type = k.type and o.id = k.id`),
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
