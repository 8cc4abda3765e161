import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { closures, openingRules, tariffs, type LocalizedText } from '../../db/schema/index.ts';
import { range } from '../../db/ranges.ts';

type Conn = Db | Tx;
const lowerMs = (col: typeof closures.during) => sql<number>`(extract(epoch from lower(${col})) * 1000)::float8`;
const upperMs = (col: typeof closures.during) => sql<number>`(extract(epoch from upper(${col})) * 1000)::float8`;

// ---- opening rules ----

export type OpeningRuleRow = typeof openingRules.$inferSelect;
export async function openingRulesOf(tx: Conn, ids: string[]): Promise<OpeningRuleRow[]> {
  if (!ids.length) return [];
  return tx
    .select()
    .from(openingRules)
    .where(inArray(openingRules.equipmentId, ids))
    .orderBy(asc(openingRules.equipmentId), asc(openingRules.position));
}
export async function replaceOpeningRules(
  tx: Conn,
  id: string,
  rows: Omit<typeof openingRules.$inferInsert, 'equipmentId'>[],
) {
  await tx.delete(openingRules).where(eq(openingRules.equipmentId, id));
  if (rows.length) await tx.insert(openingRules).values(rows.map((r, i) => ({ ...r, equipmentId: id, position: i })));
}

// ---- closures ----

const closureColumns = {
  id: closures.id,
  organizationId: closures.organizationId,
  equipmentId: closures.equipmentId,
  reason: closures.reason,
  start: lowerMs(closures.during),
  end: upperMs(closures.during),
};
export type ClosureRow = {
  id: string;
  organizationId: string;
  equipmentId: string | null;
  reason: LocalizedText;
  start: number;
  end: number;
};

/** Closures of these organisations (all their equipment) or of these instruments that overlap [from, to). */
export async function closuresFor(
  tx: Conn,
  filter: { organizations?: string[]; equipment?: string[]; from: number; to: number; wholeCentreOnly?: boolean },
): Promise<ClosureRow[]> {
  const who: SQL[] = [];
  if (filter.organizations?.length)
    who.push(
      filter.wholeCentreOnly
        ? and(inArray(closures.organizationId, filter.organizations), isNull(closures.equipmentId))!
        : inArray(closures.organizationId, filter.organizations),
    );
  if (filter.equipment?.length) who.push(inArray(closures.equipmentId, filter.equipment));
  if (!who.length) return [];
  return tx
    .select(closureColumns)
    .from(closures)
    .where(and(or(...who), sql`${closures.during} && ${range(filter.from, filter.to)}`))
    .orderBy(sql`lower(${closures.during})`);
}
export async function insertClosure(
  tx: Conn,
  row: {
    organizationId: string;
    equipmentId: string | null;
    start: number;
    end: number;
    reason: LocalizedText;
    createdBy: string | null;
  },
): Promise<ClosureRow> {
  const [r] = await tx
    .insert(closures)
    .values({
      organizationId: row.organizationId,
      equipmentId: row.equipmentId,
      during: range(row.start, row.end) as never,
      reason: row.reason,
      createdBy: row.createdBy,
    })
    .returning(closureColumns);
  return r!;
}
export async function findClosure(tx: Conn, id: string): Promise<ClosureRow | null> {
  const [r] = await tx.select(closureColumns).from(closures).where(eq(closures.id, id));
  return r ?? null;
}
export async function deleteClosure(tx: Conn, id: string) {
  await tx.delete(closures).where(eq(closures.id, id));
}

// ---- tariffs ----

export type TariffRow = typeof tariffs.$inferSelect;
export async function tariffsOf(tx: Conn, ids: string[], currentOnly = false): Promise<TariffRow[]> {
  if (!ids.length) return [];
  return tx
    .select()
    .from(tariffs)
    .where(and(inArray(tariffs.equipmentId, ids), currentOnly ? isNull(tariffs.validTo) : undefined))
    .orderBy(asc(tariffs.equipmentId), desc(tariffs.validFrom), asc(tariffs.category), asc(tariffs.unit));
}
/** Closes the current tariffs at `at` and opens the new ones from `at`. */
export async function replaceTariffs(
  tx: Conn,
  id: string,
  at: Date,
  rows: { category: TariffRow['category']; unit: TariffRow['unit']; amountCents: number }[],
) {
  await tx
    .update(tariffs)
    .set({ validTo: at })
    .where(and(eq(tariffs.equipmentId, id), isNull(tariffs.validTo)));
  if (rows.length) await tx.insert(tariffs).values(rows.map((r) => ({ ...r, equipmentId: id, validFrom: at })));
}
