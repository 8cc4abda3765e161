import { and, asc, count, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  kpiDefinitions,
  kpiManualValues,
  kpiTargets,
  objectives,
  organizations,
  protocolParties,
  protocolRenewals,
  protocols,
  users,
} from '../../db/schema/index.ts';

type Conn = Db | Tx;
export type DefinitionRow = typeof kpiDefinitions.$inferSelect;
export type TargetRow = typeof kpiTargets.$inferSelect;
export type ValueRow = typeof kpiManualValues.$inferSelect & { enteredByName: string | null };
export type ObjectiveRow = typeof objectives.$inferSelect;

// ---- KPI definitions ----
export async function syncDefinitions(db: Conn, rows: (typeof kpiDefinitions.$inferInsert)[]) {
  if (!rows.length) return;
  await db
    .insert(kpiDefinitions)
    .values(rows)
    .onConflictDoUpdate({
      target: kpiDefinitions.code,
      set: {
        label: sql`excluded.label`,
        unit: sql`excluded.unit`,
        kind: sql`excluded.kind`,
        direction: sql`excluded.direction`,
        aggregation: sql`excluded.aggregation`,
        source: sql`excluded.source`,
        public: sql`excluded.public`,
      },
    });
}
export const listDefinitions = (db: Conn) => db.select().from(kpiDefinitions).orderBy(asc(kpiDefinitions.code));
export async function findDefinition(db: Conn, code: string) {
  return (await db.select().from(kpiDefinitions).where(eq(kpiDefinitions.code, code)))[0] ?? null;
}
export async function insertDefinition(db: Conn, row: typeof kpiDefinitions.$inferInsert) {
  const [r] = await db.insert(kpiDefinitions).values(row).onConflictDoNothing().returning();
  return r ?? null;
}

// ---- targets ----
const scopeIs = (col: typeof kpiTargets.organizationId, organization: string | null) =>
  organization === null ? isNull(col) : eq(col, organization);

export function targetsOf(db: Conn, codes: string[], organization: string | null, from: string, to: string) {
  if (!codes.length) return Promise.resolve([] as TargetRow[]);
  return db
    .select()
    .from(kpiTargets)
    .where(
      and(
        inArray(kpiTargets.kpiCode, codes),
        scopeIs(kpiTargets.organizationId, organization),
        lte(kpiTargets.periodFrom, to),
        gte(kpiTargets.periodTo, from),
      ),
    );
}
export function listTargets(db: Conn, f: { kpi?: string; organization?: string }) {
  const w: SQL[] = [];
  if (f.kpi) w.push(eq(kpiTargets.kpiCode, f.kpi));
  if (f.organization) w.push(eq(kpiTargets.organizationId, f.organization));
  return db
    .select()
    .from(kpiTargets)
    .where(and(...w))
    .orderBy(asc(kpiTargets.kpiCode), asc(kpiTargets.periodFrom));
}
export async function findTarget(db: Conn, id: string) {
  return (await db.select().from(kpiTargets).where(eq(kpiTargets.id, id)))[0] ?? null;
}
export async function findTargetBy(db: Conn, kpi: string, from: string, to: string, organization: string | null) {
  return (
    (
      await db
        .select()
        .from(kpiTargets)
        .where(
          and(
            eq(kpiTargets.kpiCode, kpi),
            eq(kpiTargets.periodFrom, from),
            eq(kpiTargets.periodTo, to),
            scopeIs(kpiTargets.organizationId, organization),
          ),
        )
    )[0] ?? null
  );
}
export async function upsertTarget(db: Conn, row: typeof kpiTargets.$inferInsert) {
  const [r] = await db
    .insert(kpiTargets)
    .values(row)
    .onConflictDoUpdate({
      target: [kpiTargets.kpiCode, kpiTargets.periodFrom, kpiTargets.periodTo, kpiTargets.organizationId],
      set: { baseline: row.baseline ?? null, target: row.target, createdBy: row.createdBy, updatedAt: new Date() },
    })
    .returning();
  return r!;
}
export const deleteTarget = (db: Conn, id: string) => db.delete(kpiTargets).where(eq(kpiTargets.id, id));

// ---- manual values ----
const valueColumns = {
  id: kpiManualValues.id,
  kpiCode: kpiManualValues.kpiCode,
  periodFrom: kpiManualValues.periodFrom,
  periodTo: kpiManualValues.periodTo,
  organizationId: kpiManualValues.organizationId,
  value: kpiManualValues.value,
  booleanValue: kpiManualValues.booleanValue,
  numerator: kpiManualValues.numerator,
  denominator: kpiManualValues.denominator,
  evidenceUrl: kpiManualValues.evidenceUrl,
  note: kpiManualValues.note,
  enteredBy: kpiManualValues.enteredBy,
  enteredAt: kpiManualValues.enteredAt,
  enteredByName: users.name,
};
/** Values entered for periods inside `from`..`to`. */
export function valuesWithin(db: Conn, codes: string[], organization: string | null, from: string, to: string) {
  if (!codes.length) return Promise.resolve([] as ValueRow[]);
  return db
    .select(valueColumns)
    .from(kpiManualValues)
    .leftJoin(users, eq(users.id, kpiManualValues.enteredBy))
    .where(
      and(
        inArray(kpiManualValues.kpiCode, codes),
        organization === null
          ? isNull(kpiManualValues.organizationId)
          : eq(kpiManualValues.organizationId, organization),
        gte(kpiManualValues.periodFrom, from),
        lte(kpiManualValues.periodTo, to),
      ),
    );
}
export function listValues(db: Conn, f: { kpi?: string; organization?: string; id?: string }) {
  const w: SQL[] = [];
  if (f.kpi) w.push(eq(kpiManualValues.kpiCode, f.kpi));
  if (f.organization) w.push(eq(kpiManualValues.organizationId, f.organization));
  if (f.id) w.push(eq(kpiManualValues.id, f.id));
  return db
    .select(valueColumns)
    .from(kpiManualValues)
    .leftJoin(users, eq(users.id, kpiManualValues.enteredBy))
    .where(and(...w))
    .orderBy(asc(kpiManualValues.kpiCode), asc(kpiManualValues.periodFrom));
}
export async function upsertValue(db: Conn, row: typeof kpiManualValues.$inferInsert) {
  const { kpiCode: _k, periodFrom: _f, periodTo: _t, organizationId: _o, ...set } = row;
  const [r] = await db
    .insert(kpiManualValues)
    .values(row)
    .onConflictDoUpdate({
      target: [
        kpiManualValues.kpiCode,
        kpiManualValues.periodFrom,
        kpiManualValues.periodTo,
        kpiManualValues.organizationId,
      ],
      set: { ...set, enteredAt: new Date() },
    })
    .returning({ id: kpiManualValues.id });
  return r!.id;
}

// ---- objectives ----
export interface ObjectiveFilter {
  from?: string;
  to?: string;
  organization?: string;
  publicOnly: boolean;
}
function objectiveWhere(f: ObjectiveFilter) {
  const w: SQL[] = [];
  if (f.from) w.push(gte(objectives.periodTo, f.from));
  if (f.to) w.push(lte(objectives.periodFrom, f.to));
  if (f.organization) w.push(eq(objectives.organizationId, f.organization));
  if (f.publicOnly) w.push(eq(objectives.public, true));
  return and(...w);
}
export async function listObjectives(db: Conn, f: ObjectiveFilter, page: { limit: number; offset: number } | null) {
  const q = db
    .select()
    .from(objectives)
    .where(objectiveWhere(f))
    .orderBy(asc(objectives.periodFrom), asc(objectives.number));
  const items = page ? await q.limit(page.limit).offset(page.offset) : await q;
  const [{ n }] = (await db.select({ n: count() }).from(objectives).where(objectiveWhere(f))) as [{ n: number }];
  return { items, total: Number(n) };
}
export async function findObjective(db: Conn, id: string) {
  return (await db.select().from(objectives).where(eq(objectives.id, id)))[0] ?? null;
}
export async function insertObjective(db: Conn, row: typeof objectives.$inferInsert) {
  return (await db.insert(objectives).values(row).returning())[0]!;
}
export async function updateObjective(db: Conn, id: string, set: Partial<typeof objectives.$inferInsert>) {
  return (
    await db
      .update(objectives)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(objectives.id, id))
      .returning()
  )[0]!;
}
export const deleteObjective = (db: Conn, id: string) => db.delete(objectives).where(eq(objectives.id, id));

// ---- organisations ----
export async function organizationsOf(db: Conn, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      shortName: organizations.shortName,
      kind: organizations.kind,
    })
    .from(organizations)
    .where(and(inArray(organizations.id, ids), isNull(organizations.retiredAt)));
}

// ---- protocols ----
export type ProtocolRow = typeof protocols.$inferSelect;
export const listProtocols = (db: Conn) => db.select().from(protocols).orderBy(desc(protocols.signedOn));
export async function findProtocol(db: Conn, id: string) {
  return (await db.select().from(protocols).where(eq(protocols.id, id)))[0] ?? null;
}
export function partiesOf(db: Conn, protocolIds: string[]) {
  if (!protocolIds.length) return Promise.resolve([]);
  return db
    .select({
      protocolId: protocolParties.protocolId,
      organizationId: protocolParties.organizationId,
      position: protocolParties.position,
      role: protocolParties.role,
      name: organizations.name,
    })
    .from(protocolParties)
    .innerJoin(organizations, eq(organizations.id, protocolParties.organizationId))
    .where(inArray(protocolParties.protocolId, protocolIds))
    .orderBy(asc(protocolParties.position));
}
export function renewalsOf(db: Conn, protocolIds: string[]) {
  if (!protocolIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(protocolRenewals)
    .where(inArray(protocolRenewals.protocolId, protocolIds))
    .orderBy(asc(protocolRenewals.renewedOn));
}
export async function insertProtocol(
  db: Conn,
  row: typeof protocols.$inferInsert,
  parties: { organizationId: string; role: 'centre' | 'region' }[],
) {
  const [p] = await db.insert(protocols).values(row).returning();
  await db
    .insert(protocolParties)
    .values(
      parties.map((x, i) => ({ protocolId: p!.id, organizationId: x.organizationId, role: x.role, position: i + 1 })),
    );
  return p!;
}
export async function insertRenewal(db: Conn, row: typeof protocolRenewals.$inferInsert) {
  await db.insert(protocolRenewals).values(row);
}
