import { and, arrayContains, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { companyRelations, introductions, opportunities, organizations, taxonomyTerms } from '../../db/schema/index.ts';

type Conn = Db | Tx;
export type RelationRow = typeof companyRelations.$inferSelect;

/** Adds a relation, or upgrades the one already there to the stronger source (declared < verified < agreement). */
export async function upsertRelation(tx: Conn, row: typeof companyRelations.$inferInsert) {
  const [r] = await tx
    .insert(companyRelations)
    .values(row)
    .onConflictDoUpdate({
      target: [
        companyRelations.fromOrganizationId,
        companyRelations.toOrganizationId,
        companyRelations.kind,
        companyRelations.filiera,
      ],
      set: {
        source: sql`case when excluded.source = 'agreement' or ${companyRelations.source} = 'declared' then excluded.source else ${companyRelations.source} end`,
        verifiedBy: sql`coalesce(${companyRelations.verifiedBy}, excluded.verified_by)`,
        verifiedAt: sql`coalesce(${companyRelations.verifiedAt}, excluded.verified_at)`,
        introductionId: sql`coalesce(excluded.introduction_id, ${companyRelations.introductionId})`,
      },
    })
    .returning();
  return r!;
}
export async function findRelation(tx: Conn, id: string, lock = false) {
  const q = tx.select().from(companyRelations).where(eq(companyRelations.id, id));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}
export async function verifyRelation(tx: Conn, id: string, by: string, at: Date) {
  await tx
    .update(companyRelations)
    .set({
      source: sql`case when ${companyRelations.source} = 'agreement' then 'agreement' else 'verified' end`,
      verifiedBy: by,
      verifiedAt: at,
    })
    .where(eq(companyRelations.id, id));
}

export async function filieraTerm(tx: Conn, code: string) {
  const [r] = await tx
    .select({ label: taxonomyTerms.label })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.scheme, 'filiera'), eq(taxonomyTerms.code, code)));
  return r ?? null;
}
export function sectorLabels(tx: Conn, codes: string[]) {
  if (!codes.length) return Promise.resolve([]);
  return tx
    .select({ code: taxonomyTerms.code, label: taxonomyTerms.label })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.scheme, 'sector'), inArray(taxonomyTerms.code, codes)));
}
export function relationsIn(tx: Conn, filiera: string) {
  return tx.select().from(companyRelations).where(eq(companyRelations.filiera, filiera));
}
/** Introductions about opportunities of the filiera. */
export function introductionsIn(tx: Conn, filiera: string) {
  return tx
    .select({ from: introductions.ownerOrganizationId, to: introductions.partnerOrganizationId, id: introductions.id })
    .from(introductions)
    .innerJoin(opportunities, eq(opportunities.id, introductions.opportunityId))
    .where(arrayContains(opportunities.filiere, [filiera]));
}
/** The companies and centres of a filiera (declared on their organisation), plus the organisations named in `also`. */
export function organizationsIn(tx: Conn, filiera: string, also: string[]) {
  return tx
    .select({
      id: organizations.id,
      kind: organizations.kind,
      name: organizations.name,
      province: organizations.province,
      sectors: organizations.sectors,
    })
    .from(organizations)
    .where(
      and(
        isNull(organizations.retiredAt),
        inArray(organizations.kind, ['company', 'centre']),
        or(arrayContains(organizations.filiere, [filiera]), also.length ? inArray(organizations.id, also) : sql`false`),
      ),
    );
}
export async function organizationKind(tx: Conn, id: string) {
  const [r] = await tx.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, id));
  return r?.kind ?? null;
}
