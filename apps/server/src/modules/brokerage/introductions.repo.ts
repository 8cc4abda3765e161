import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { expressionsOfInterest, introductionOutcomes, introductions, opportunities } from '../../db/schema/index.ts';

type Conn = Db | Tx;
export type InterestRow = typeof expressionsOfInterest.$inferSelect & {
  companyName: string;
  introductionId: string | null;
};
export type IntroductionRow = typeof introductions.$inferSelect & {
  opportunityNumber: number;
  opportunityTitle: { it?: string; en?: string };
  anonymous: boolean;
  ownerName: string;
  partnerName: string;
  centreName: string;
};
export type OutcomeRow = typeof introductionOutcomes.$inferSelect;

const orgName = (col: unknown) => sql<string>`(select name from organizations o where o.id = ${col})`;
const interestColumns = {
  row: expressionsOfInterest,
  companyName: orgName(expressionsOfInterest.organizationId),
  // Qualified by hand: drizzle writes a lone table's column unqualified, and inside this subquery a bare "id" would
  // be the introduction's own id (never equal to its interest_id).
  introductionId: sql<
    string | null
  >`(select i.id from introductions i where i.interest_id = "expressions_of_interest"."id")`,
};
const flatInterest = (r: {
  row: typeof expressionsOfInterest.$inferSelect;
  companyName: string;
  introductionId: string | null;
}) => ({
  ...r.row,
  companyName: r.companyName,
  introductionId: r.introductionId,
});

export async function insertInterest(tx: Conn, row: typeof expressionsOfInterest.$inferInsert) {
  const [r] = await tx.insert(expressionsOfInterest).values(row).returning({ id: expressionsOfInterest.id });
  return r!.id;
}
export async function findInterest(tx: Conn, id: string, lock = false): Promise<InterestRow | null> {
  const q = tx.select(interestColumns).from(expressionsOfInterest).where(eq(expressionsOfInterest.id, id));
  const rows = lock ? await q.for('update', { of: expressionsOfInterest }) : await q;
  return rows[0] ? flatInterest(rows[0]) : null;
}
export async function liveInterest(tx: Conn, opportunityId: string, organizationId: string) {
  const [r] = await tx
    .select({ id: expressionsOfInterest.id })
    .from(expressionsOfInterest)
    .where(
      and(
        eq(expressionsOfInterest.opportunityId, opportunityId),
        eq(expressionsOfInterest.organizationId, organizationId),
        inArray(expressionsOfInterest.state, ['pending', 'accepted']),
      ),
    );
  return r ?? null;
}
export async function interestsOf(tx: Conn, opportunityId: string) {
  return (
    await tx
      .select(interestColumns)
      .from(expressionsOfInterest)
      .where(eq(expressionsOfInterest.opportunityId, opportunityId))
      .orderBy(asc(expressionsOfInterest.createdAt))
  ).map(flatInterest);
}
export async function decideInterest(
  tx: Conn,
  id: string,
  state: 'accepted' | 'declined' | 'expired',
  by: string | null,
  at: Date,
) {
  await tx
    .update(expressionsOfInterest)
    .set({ state, decidedBy: by, decidedAt: at })
    .where(eq(expressionsOfInterest.id, id));
}
export function pendingInterestsBefore(tx: Conn, at: Date) {
  return tx
    .select({ id: expressionsOfInterest.id })
    .from(expressionsOfInterest)
    .where(and(eq(expressionsOfInterest.state, 'pending'), lt(expressionsOfInterest.expiresAt, at)));
}
export async function interestsToRemind(tx: Conn, now: Date, before: Date) {
  return (
    await tx
      .select(interestColumns)
      .from(expressionsOfInterest)
      .where(
        and(
          eq(expressionsOfInterest.state, 'pending'),
          isNull(expressionsOfInterest.remindedAt),
          gte(expressionsOfInterest.expiresAt, now),
          lt(expressionsOfInterest.expiresAt, before),
        ),
      )
  ).map(flatInterest);
}
export async function markInterestReminded(tx: Conn, id: string, at: Date) {
  await tx.update(expressionsOfInterest).set({ remindedAt: at }).where(eq(expressionsOfInterest.id, id));
}

// ---- introductions ----

const introColumns = {
  row: introductions,
  opportunityNumber: opportunities.number,
  opportunityTitle: opportunities.title,
  anonymous: opportunities.anonymous,
  ownerName: orgName(introductions.ownerOrganizationId),
  partnerName: orgName(introductions.partnerOrganizationId),
  centreName: orgName(introductions.centreId),
};
type IntroSelect = {
  row: typeof introductions.$inferSelect;
  opportunityNumber: number;
  opportunityTitle: { it?: string; en?: string };
  anonymous: boolean;
  ownerName: string;
  partnerName: string;
  centreName: string;
};
const flatIntro = ({ row, ...rest }: IntroSelect): IntroductionRow => ({ ...row, ...rest });

export async function insertIntroduction(tx: Conn, row: typeof introductions.$inferInsert) {
  const [r] = await tx.insert(introductions).values(row).returning({ id: introductions.id });
  return r!.id;
}
export async function findIntroduction(tx: Conn, id: string, lock = false): Promise<IntroductionRow | null> {
  const q = tx
    .select(introColumns)
    .from(introductions)
    .innerJoin(opportunities, eq(opportunities.id, introductions.opportunityId))
    .where(eq(introductions.id, id));
  const rows = lock ? await q.for('update', { of: introductions }) : await q;
  return rows[0] ? flatIntro(rows[0] as IntroSelect) : null;
}
/** Introductions where one of `orgs` is a party or the handling centre (all of them for `null`). */
export async function listIntroductions(tx: Conn, orgs: string[] | null) {
  const rows = await tx
    .select(introColumns)
    .from(introductions)
    .innerJoin(opportunities, eq(opportunities.id, introductions.opportunityId))
    .where(
      orgs === null
        ? undefined
        : orgs.length
          ? or(
              inArray(introductions.ownerOrganizationId, orgs),
              inArray(introductions.partnerOrganizationId, orgs),
              inArray(introductions.centreId, orgs),
            )
          : sql`false`,
    )
    .orderBy(desc(introductions.createdAt))
    .limit(500);
  return rows.map((r) => flatIntro(r as IntroSelect));
}

// ---- outcomes ----

export function outcomesOf(tx: Conn, introductionIds: string[]) {
  if (!introductionIds.length) return Promise.resolve([] as OutcomeRow[]);
  return tx
    .select()
    .from(introductionOutcomes)
    .where(inArray(introductionOutcomes.introductionId, introductionIds))
    .orderBy(asc(introductionOutcomes.round), asc(introductionOutcomes.organizationId));
}
/** Introductions whose `round`-month question is due by `dueBefore` (introduced before it) and not yet asked. */
export function introductionsDue(tx: Conn, round: number, introducedBefore: Date) {
  return tx
    .select({ row: introductions })
    .from(introductions)
    .where(
      and(
        lte(introductions.createdAt, introducedBefore),
        sql`not exists (select 1 from introduction_outcomes o where o.introduction_id = ${introductions.id} and o.round = ${round})`,
      ),
    )
    .then((rows) => rows.map((r) => r.row));
}
export async function insertOutcomes(tx: Conn, rows: (typeof introductionOutcomes.$inferInsert)[]) {
  if (rows.length) await tx.insert(introductionOutcomes).values(rows).onConflictDoNothing();
}
export async function findOutcome(tx: Conn, id: string, lock = false) {
  const q = tx.select().from(introductionOutcomes).where(eq(introductionOutcomes.id, id));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}
export async function updateOutcome(tx: Conn, id: string, patch: Partial<typeof introductionOutcomes.$inferInsert>) {
  await tx.update(introductionOutcomes).set(patch).where(eq(introductionOutcomes.id, id));
}

// ---- indicators ----

const inPeriod = (col: typeof introductions.createdAt, from: Date, to: Date) => and(gte(col, from), lt(col, to));
const involving = (org: string | undefined) =>
  org
    ? or(
        eq(introductions.centreId, org),
        eq(introductions.ownerOrganizationId, org),
        eq(introductions.partnerOrganizationId, org),
      )
    : undefined;

export async function introductionIdsBetween(tx: Conn, from: Date, to: Date, org?: string) {
  const rows = await tx
    .select({ id: introductions.id })
    .from(introductions)
    .where(and(inPeriod(introductions.createdAt, from, to), involving(org)))
    .orderBy(asc(introductions.createdAt));
  return rows.map((r) => r.id);
}
/** Introductions with an agreement a centre confirmed within the period (each once, at its first confirmation). */
export async function agreementIdsBetween(tx: Conn, from: Date, to: Date, org?: string) {
  const rows = await tx
    .select({ id: introductions.id, first: sql<Date>`min(${introductionOutcomes.confirmedAt})` })
    .from(introductionOutcomes)
    .innerJoin(introductions, eq(introductions.id, introductionOutcomes.introductionId))
    .where(and(sql`${introductionOutcomes.confirmedAt} is not null`, involving(org)))
    .groupBy(introductions.id);
  return rows
    .filter((r) => {
      const t = new Date(r.first).getTime();
      return t >= from.getTime() && t < to.getTime();
    })
    .map((r) => r.id)
    .sort();
}
