import { and, arrayContains, asc, desc, eq, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  companyProfiles,
  introductions,
  memberships,
  opportunities,
  opportunityReviews,
  organizations,
  taxonomyTerms,
  users,
} from '../../db/schema/index.ts';

type Conn = Db | Tx;
export type OpportunityRow = typeof opportunities.$inferSelect & { companyName: string; centreName: string };
export type OpportunityInsert = typeof opportunities.$inferInsert;

const company = sql<string>`(select name from organizations o where o.id = ${opportunities.organizationId})`;
const centre = sql<string>`(select name from organizations o where o.id = ${opportunities.centreId})`;
const columns = { row: opportunities, companyName: company, centreName: centre };
const flat = (r: {
  row: typeof opportunities.$inferSelect;
  companyName: string;
  centreName: string;
}): OpportunityRow => ({
  ...r.row,
  companyName: r.companyName,
  centreName: r.centreName,
});

export async function insertOpportunity(tx: Conn, row: OpportunityInsert) {
  const [r] = await tx.insert(opportunities).values(row).returning({ id: opportunities.id });
  return r!.id;
}

export async function findOpportunity(tx: Conn, id: string, lock = false): Promise<OpportunityRow | null> {
  const q = tx.select(columns).from(opportunities).where(eq(opportunities.id, id));
  const rows = lock ? await q.for('update', { of: opportunities }) : await q;
  return rows[0] ? flat(rows[0]) : null;
}

export async function updateOpportunity(tx: Conn, id: string, patch: Partial<OpportunityInsert>) {
  await tx
    .update(opportunities)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(opportunities.id, id));
}

export interface ListFilter {
  kind?: string;
  filiera?: string;
  sector?: string;
  /** Published ones only, or (`mine`) every state of these companies' and centres' opportunities. */
  mine?: { organizations: string[] };
  ids?: string[];
  now: Date;
}
function where(f: ListFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (f.mine)
    c.push(
      or(
        inArray(opportunities.organizationId, f.mine.organizations),
        inArray(opportunities.centreId, f.mine.organizations),
      ),
    );
  else c.push(eq(opportunities.state, 'published'), sql`${opportunities.expiresAt} > ${f.now.toISOString()}`);
  if (f.kind) c.push(eq(opportunities.kind, f.kind as 'business-offer'));
  if (f.filiera) c.push(arrayContains(opportunities.filiere, [f.filiera]));
  if (f.sector)
    c.push(
      sql`exists (select 1 from unnest(${opportunities.sectors}) s where s like ${`${f.sector.replace(/[%_\\]/g, '')}%`})`,
    );
  if (f.ids) c.push(f.ids.length ? inArray(opportunities.id, f.ids) : sql`false`);
  return and(...c);
}

export async function listOpportunities(tx: Conn, f: ListFilter, offset: number, limit: number) {
  const [rows, [count]] = await Promise.all([
    tx
      .select(columns)
      .from(opportunities)
      .where(where(f))
      .orderBy(desc(opportunities.publishedAt), desc(opportunities.number))
      .offset(offset)
      .limit(limit),
    tx.select({ n: sql<number>`count(*)::int` }).from(opportunities).where(where(f)),
  ]);
  return { items: rows.map(flat), total: count?.n ?? 0 };
}

/** Every opportunity the filter admits (the candidates of a text search or a matching), without paging. */
export async function allOpportunities(tx: Conn, f: ListFilter, cap = 5000) {
  return (
    await tx.select(columns).from(opportunities).where(where(f)).orderBy(asc(opportunities.number)).limit(cap)
  ).map(flat);
}

export async function insertReview(tx: Conn, row: typeof opportunityReviews.$inferInsert) {
  const [r] = await tx.insert(opportunityReviews).values(row).returning();
  return r!;
}
export function reviewsOf(tx: Conn, opportunityId: string) {
  return tx
    .select()
    .from(opportunityReviews)
    .where(eq(opportunityReviews.opportunityId, opportunityId))
    .orderBy(asc(opportunityReviews.createdAt));
}

/** The companies an anonymous opportunity was revealed to (introduced ones). */
export async function revealedTo(tx: Conn, opportunityId: string): Promise<string[]> {
  const rows = await tx
    .select({ org: introductions.partnerOrganizationId })
    .from(introductions)
    .where(and(eq(introductions.opportunityId, opportunityId), sql`${introductions.revealedAt} is not null`));
  return rows.map((r) => r.org);
}

// ---- organisations, people, taxonomy ----

export async function organizationOf(tx: Conn, id: string) {
  const [r] = await tx
    .select({
      id: organizations.id,
      kind: organizations.kind,
      name: organizations.name,
      website: organizations.website,
      retiredAt: organizations.retiredAt,
      verification: companyProfiles.verification,
      offers: companyProfiles.offers,
      seeks: companyProfiles.seeks,
    })
    .from(organizations)
    .leftJoin(companyProfiles, eq(companyProfiles.organizationId, organizations.id))
    .where(eq(organizations.id, id));
  return r ?? null;
}

/** Verified companies' profiles with something offered or sought (matching candidates), except `except`. */
export function companyProfilesFor(tx: Conn, except: string) {
  return tx
    .select({
      id: organizations.id,
      name: organizations.name,
      offers: companyProfiles.offers,
      seeks: companyProfiles.seeks,
      sectors: organizations.sectors,
      filiere: organizations.filiere,
    })
    .from(companyProfiles)
    .innerJoin(organizations, eq(organizations.id, companyProfiles.organizationId))
    .where(
      and(
        eq(companyProfiles.verification, 'verified'),
        ne(organizations.id, except),
        isNull(organizations.retiredAt),
        or(sql`${companyProfiles.offers} is not null`, sql`${companyProfiles.seeks} is not null`),
      ),
    )
    .limit(5000);
}

/** Verified companies declaring one of these filiere (the readers of a new opportunity in them), except `except`. */
export async function companiesInFiliere(tx: Conn, filiere: string[], except: string): Promise<string[]> {
  if (!filiere.length) return [];
  const rows = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .innerJoin(companyProfiles, eq(companyProfiles.organizationId, organizations.id))
    .where(
      and(
        eq(companyProfiles.verification, 'verified'),
        isNull(organizations.retiredAt),
        ne(organizations.id, except),
        sql`${organizations.filiere} && ${sql.param(filiere)}::text[]`,
      ),
    );
  return rows.map((r) => r.id);
}

export async function knownCodes(tx: Conn) {
  const rows = await tx
    .select({ scheme: taxonomyTerms.scheme, code: taxonomyTerms.code })
    .from(taxonomyTerms)
    .where(inArray(taxonomyTerms.scheme, ['sector', 'filiera', 's3']));
  const of = (s: string) => new Set(rows.filter((r) => r.scheme === s).map((r) => r.code));
  return { sector: of('sector'), filiera: of('filiera'), s3: of('s3') };
}

export interface Recipient {
  id: string;
  email: string | null;
  locale: string;
  notificationEmail: 'immediate' | 'daily' | 'off';
  organization: string;
  role: string;
}
/** The people of some organisations (with the role they hold there), not disabled. */
export function peopleOf(tx: Conn, orgs: string[], roles?: string[]): Promise<Recipient[]> {
  if (!orgs.length) return Promise.resolve([]);
  return tx
    .select({
      id: users.id,
      email: users.email,
      locale: users.locale,
      notificationEmail: users.notificationEmail,
      organization: memberships.organizationId,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.organizationId, orgs),
        roles ? inArray(memberships.role, roles as 'company'[]) : undefined,
        isNull(users.deletedAt),
        isNull(users.disabledAt),
      ),
    );
}

// ---- jobs ----

export function expiringSoon(tx: Conn, now: Date, before: Date) {
  return tx
    .select(columns)
    .from(opportunities)
    .where(
      and(
        eq(opportunities.state, 'published'),
        isNull(opportunities.remindedAt),
        sql`${opportunities.expiresAt} > ${now.toISOString()}`,
        lt(opportunities.expiresAt, before),
      ),
    )
    .then((rows) => rows.map(flat));
}
export function expiredPublished(tx: Conn, now: Date) {
  return tx
    .select({ id: opportunities.id })
    .from(opportunities)
    .where(and(eq(opportunities.state, 'published'), lt(opportunities.expiresAt, now)));
}
