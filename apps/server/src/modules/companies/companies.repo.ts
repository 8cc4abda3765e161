import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  companyClaims,
  companyProfiles,
  memberships,
  organizations,
  taxonomyTerms,
  users,
  type ClaimState,
  type CompanySize,
  type LocalizedText,
} from '../../db/schema/index.ts';

type Conn = Db | Tx;
const bump = { revision: sql`nextval('catalogue_revision_seq')`, updatedAt: sql`now()` };

// ---- companies ----

const companyColumns = {
  id: organizations.id,
  name: organizations.name,
  town: organizations.town,
  province: organizations.province,
  website: organizations.website,
  description: organizations.description,
  sectors: organizations.sectors,
  filiere: organizations.filiere,
  vatNumber: companyProfiles.vatNumber,
  sizeClass: companyProfiles.sizeClass,
  offers: companyProfiles.offers,
  seeks: companyProfiles.seeks,
  verification: sql<string>`coalesce(${companyProfiles.verification}, 'verified')`,
  hasProfile: sql<boolean>`${companyProfiles.organizationId} is not null`,
};
export interface CompanyRow {
  id: string;
  name: string;
  town: string | null;
  province: string | null;
  website: string | null;
  description: LocalizedText | null;
  sectors: string[] | null;
  filiere: string[] | null;
  vatNumber: string | null;
  sizeClass: CompanySize | null;
  offers: LocalizedText | null;
  seeks: LocalizedText | null;
  verification: string;
  hasProfile: boolean;
}

const liveCompany = and(eq(organizations.kind, 'company'), isNull(organizations.retiredAt));

export async function findCompany(tx: Conn, id: string): Promise<CompanyRow | null> {
  const [r] = await tx
    .select(companyColumns)
    .from(organizations)
    .leftJoin(companyProfiles, eq(companyProfiles.organizationId, organizations.id))
    .where(and(eq(organizations.id, id), liveCompany));
  return (r as CompanyRow | undefined) ?? null;
}

export async function listCompanies(tx: Conn, f: { q?: string; vatNumber?: string }, offset: number, limit: number) {
  const w: SQL[] = [liveCompany!];
  if (f.q)
    w.push(
      or(
        ilike(organizations.name, `%${f.q.replace(/[%_\\]/g, '\\$&')}%`),
        ilike(organizations.shortName, `%${f.q.replace(/[%_\\]/g, '\\$&')}%`),
      )!,
    );
  if (f.vatNumber) w.push(eq(companyProfiles.vatNumber, f.vatNumber));
  // A company whose registration was rejected is not offered to anyone.
  w.push(sql`coalesce(${companyProfiles.verification}, 'verified') <> 'rejected'`);
  const where = and(...w);
  const base = () =>
    tx
      .select(companyColumns)
      .from(organizations)
      .leftJoin(companyProfiles, eq(companyProfiles.organizationId, organizations.id));
  const [items, [total]] = await Promise.all([
    base().where(where).orderBy(asc(organizations.name)).limit(limit).offset(offset),
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(organizations)
      .leftJoin(companyProfiles, eq(companyProfiles.organizationId, organizations.id))
      .where(where),
  ]);
  return { items: items as CompanyRow[], total: total?.n ?? 0 };
}

export async function findCompanyByVat(tx: Conn, vatNumber: string) {
  const [r] = await tx
    .select({ id: companyProfiles.organizationId })
    .from(companyProfiles)
    .where(eq(companyProfiles.vatNumber, vatNumber));
  return r?.id ?? null;
}

export async function organizationExists(tx: Conn, id: string) {
  const [r] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id));
  return !!r;
}

export async function insertCompany(
  tx: Conn,
  org: typeof organizations.$inferInsert,
  profile: typeof companyProfiles.$inferInsert,
) {
  await tx.insert(organizations).values(org);
  await tx.insert(companyProfiles).values(profile);
}

/** Changes the organisation's fields and the profile's (creating the profile of a company that had none). */
export async function updateCompany(
  tx: Conn,
  id: string,
  org: Partial<typeof organizations.$inferInsert>,
  profile: Partial<typeof companyProfiles.$inferInsert>,
) {
  if (Object.keys(org).length)
    await tx
      .update(organizations)
      .set({ ...org, ...bump })
      .where(eq(organizations.id, id));
  await tx
    .insert(companyProfiles)
    .values({ organizationId: id, verification: 'verified', ...profile })
    .onConflictDoUpdate({ target: companyProfiles.organizationId, set: { ...profile, updatedAt: sql`now()` } });
}

export async function retireOrganization(tx: Conn, id: string) {
  await tx
    .update(organizations)
    .set({ ...bump, retiredAt: sql`now()` })
    .where(eq(organizations.id, id));
}

export async function knownCodes(tx: Conn) {
  const rows = await tx
    .select({ scheme: taxonomyTerms.scheme, code: taxonomyTerms.code })
    .from(taxonomyTerms)
    .where(inArray(taxonomyTerms.scheme, ['sector', 'filiera']));
  return {
    sectors: new Set(rows.filter((r) => r.scheme === 'sector').map((r) => r.code)),
    filiere: new Set(rows.filter((r) => r.scheme === 'filiera').map((r) => r.code)),
  };
}

// ---- claims ----

export type ClaimRow = typeof companyClaims.$inferSelect & {
  companyName: string;
  province: string | null;
  vatNumber: string | null;
  personName: string | null;
  personEmail: string | null;
  reviewerName: string | null;
};

const reviewer = sql<string | null>`(select u.name from users u where u.id = ${companyClaims.reviewerId})`;
function claimsQuery(tx: Conn) {
  return tx
    .select({
      claim: companyClaims,
      companyName: organizations.name,
      province: organizations.province,
      vatNumber: companyProfiles.vatNumber,
      personName: users.name,
      personEmail: users.email,
      reviewerName: reviewer,
    })
    .from(companyClaims)
    .innerJoin(organizations, eq(organizations.id, companyClaims.organizationId))
    .innerJoin(users, eq(users.id, companyClaims.userId))
    .leftJoin(companyProfiles, eq(companyProfiles.organizationId, companyClaims.organizationId));
}
const flat = (rows: Awaited<ReturnType<ReturnType<typeof claimsQuery>['where']>>): ClaimRow[] =>
  rows.map((r) => ({ ...r.claim, ...r, claim: undefined }) as unknown as ClaimRow);

export async function insertClaim(tx: Conn, row: typeof companyClaims.$inferInsert) {
  const [r] = await tx.insert(companyClaims).values(row).returning();
  return r!;
}

export async function findClaim(tx: Conn, id: string, lock = false): Promise<ClaimRow | null> {
  if (lock) await tx.select({ id: companyClaims.id }).from(companyClaims).where(eq(companyClaims.id, id)).for('update');
  return flat(await claimsQuery(tx).where(eq(companyClaims.id, id)))[0] ?? null;
}

export async function listClaims(
  tx: Conn,
  f: { userId?: string; state?: ClaimState; organizationId?: string },
  limit = 200,
): Promise<ClaimRow[]> {
  const w: SQL[] = [];
  if (f.userId) w.push(eq(companyClaims.userId, f.userId));
  if (f.state) w.push(eq(companyClaims.state, f.state));
  if (f.organizationId) w.push(eq(companyClaims.organizationId, f.organizationId));
  const order = f.state === 'pending' ? asc(companyClaims.createdAt) : desc(companyClaims.createdAt);
  return flat(
    await claimsQuery(tx)
      .where(and(...w))
      .orderBy(order)
      .limit(limit),
  );
}

export async function decideClaim(
  tx: Conn,
  id: string,
  d: { state: ClaimState; reviewerId: string; reviewerOrganizationId: string | null; reason: string | null },
) {
  await tx
    .update(companyClaims)
    .set({ ...d, decidedAt: sql`now()` })
    .where(eq(companyClaims.id, id));
}

export async function setVerification(
  tx: Conn,
  organizationId: string,
  v: { verification: 'verified' | 'rejected'; verifiedBy: string },
) {
  await tx
    .update(companyProfiles)
    .set({ ...v, verifiedAt: v.verification === 'verified' ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(companyProfiles.organizationId, organizationId));
}

/** The people a centre verified as acting for the company: its administrators. */
export async function verifiedClaimants(tx: Conn, organizationId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ id: companyClaims.userId })
    .from(companyClaims)
    .where(and(eq(companyClaims.organizationId, organizationId), eq(companyClaims.state, 'verified')));
  return rows.map((r) => r.id);
}

/** Companies a person may submit requests for without being a member yet: their pending claims. */
export async function pendingClaimCompanies(tx: Conn, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: companyClaims.organizationId })
    .from(companyClaims)
    .where(and(eq(companyClaims.userId, userId), eq(companyClaims.state, 'pending')));
  return rows.map((r) => r.id);
}

export async function addCompanyMembership(tx: Conn, userId: string, organizationId: string) {
  await tx.insert(memberships).values({ userId, organizationId, role: 'company' }).onConflictDoNothing();
}

export async function isMember(tx: Conn, userId: string, organizationId: string) {
  const [r] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)));
  return !!r;
}

export async function membersOf(tx: Conn, organizationId: string) {
  return tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), isNull(users.deletedAt)))
    .orderBy(asc(users.name));
}

export interface Person {
  id: string;
  email: string | null;
  name: string | null;
  locale: string;
  notificationEmail: 'immediate' | 'daily' | 'off';
}
const personColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  notificationEmail: users.notificationEmail,
};

export async function person(tx: Conn, id: string): Promise<Person | null> {
  const [r] = await tx
    .select(personColumns)
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)));
  return r ?? null;
}

/** The coordination nucleus: told when a claim waits for review. */
export function nucleusMembers(tx: Conn): Promise<Person[]> {
  return tx
    .selectDistinct(personColumns)
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.role, 'nucleus'), isNull(users.deletedAt)));
}
