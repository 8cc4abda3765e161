import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  actionContributions,
  actionDocuments,
  actionMilestones,
  actionPartners,
  jointActions,
  memberships,
  organizations,
  taxonomyTerms,
  users,
} from '../../db/schema/index.ts';

type Conn = Db | Tx;

export type ActionRow = typeof jointActions.$inferSelect;
export type PartnerRow = { id: string; actionId: string; organizationId: string; role: string; name: string };

export async function findAction(tx: Conn, id: string, lock = false): Promise<ActionRow | null> {
  const q = tx.select().from(jointActions).where(eq(jointActions.id, id));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}
export async function insertAction(tx: Conn, row: typeof jointActions.$inferInsert) {
  const [r] = await tx.insert(jointActions).values(row).returning();
  return r!;
}
export async function updateAction(tx: Conn, id: string, set: Partial<typeof jointActions.$inferInsert>) {
  const [r] = await tx
    .update(jointActions)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(jointActions.id, id))
    .returning();
  return r!;
}

/** Which actions a caller may list: everything, or public + network + their organisations' (docs/permissions.md). */
export interface ActionScope {
  all: boolean;
  network: boolean;
  organizations: string[];
}
export interface ActionFilter {
  state?: string;
  organization?: string;
  s3?: string;
  filiera?: string;
  q?: string;
  ids?: string[];
}
function scopeSql(scope: ActionScope): SQL | undefined {
  if (scope.all) return undefined;
  const own = scope.organizations.length
    ? or(
        inArray(jointActions.leadOrganizationId, scope.organizations),
        sql`exists (select 1 from ${actionPartners} p where p.action_id = joint_actions.id and p.organization_id in (${sql.join(
          scope.organizations.map((o) => sql`${o}`),
          sql`, `,
        )}))`,
      )
    : undefined;
  const vis = scope.network
    ? inArray(jointActions.visibility, ['public', 'network'])
    : eq(jointActions.visibility, 'public');
  return own ? or(vis, own) : vis;
}
function filterSql(f: ActionFilter): SQL[] {
  const w: SQL[] = [];
  if (f.state) w.push(eq(jointActions.state, f.state as ActionRow['state']));
  if (f.organization)
    w.push(
      or(
        eq(jointActions.leadOrganizationId, f.organization),
        sql`exists (select 1 from ${actionPartners} p where p.action_id = joint_actions.id and p.organization_id = ${f.organization})`,
      )!,
    );
  if (f.s3) w.push(sql`${f.s3} = any(${jointActions.s3})`);
  if (f.filiera) w.push(sql`${f.filiera} = any(${jointActions.filiere})`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;
    w.push(
      sql`(lower(${jointActions.title}::text) like ${like} or lower(coalesce(${jointActions.description}::text, '')) like ${like})`,
    );
  }
  if (f.ids) w.push(f.ids.length ? inArray(jointActions.id, f.ids) : sql`false`);
  return w;
}
/** The actions the scope and filter admit, newest start first, with the lead's name. */
export async function listActions(
  tx: Conn,
  scope: ActionScope,
  f: ActionFilter,
  page?: { offset: number; limit: number },
) {
  const where = and(...[scopeSql(scope), ...filterSql(f)].filter((x): x is SQL => !!x));
  const q = tx
    .select({ a: jointActions, leadName: organizations.name, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(jointActions)
    .innerJoin(organizations, eq(organizations.id, jointActions.leadOrganizationId))
    .where(where)
    .orderBy(desc(jointActions.startDate), desc(jointActions.number));
  return page ? q.limit(page.limit).offset(page.offset) : q;
}

/** Every action's place in the tree and its milestones (for the roll-up and the lateness rule). */
export async function treeFacts(tx: Conn) {
  return tx
    .select({ id: jointActions.id, parentId: jointActions.parentActionId, state: jointActions.state })
    .from(jointActions);
}
export async function milestoneFacts(tx: Conn, actionIds?: string[]) {
  if (actionIds && !actionIds.length) return [];
  return tx
    .select({
      actionId: actionMilestones.actionId,
      weight: actionMilestones.weight,
      due: actionMilestones.dueDate,
      doneAt: actionMilestones.doneAt,
    })
    .from(actionMilestones)
    .where(actionIds ? inArray(actionMilestones.actionId, actionIds) : undefined);
}

export async function partnersOf(tx: Conn, actionIds: string[]): Promise<PartnerRow[]> {
  if (!actionIds.length) return [];
  return tx
    .select({
      id: actionPartners.id,
      actionId: actionPartners.actionId,
      organizationId: actionPartners.organizationId,
      role: actionPartners.role,
      name: organizations.name,
    })
    .from(actionPartners)
    .innerJoin(organizations, eq(organizations.id, actionPartners.organizationId))
    .where(inArray(actionPartners.actionId, actionIds))
    .orderBy(asc(organizations.name));
}
export async function insertPartners(tx: Conn, rows: (typeof actionPartners.$inferInsert)[]) {
  if (!rows.length) return [];
  return tx.insert(actionPartners).values(rows).onConflictDoNothing().returning();
}
export async function findPartner(tx: Conn, id: string) {
  const [r] = await tx.select().from(actionPartners).where(eq(actionPartners.id, id));
  return r ?? null;
}
export async function deletePartner(tx: Conn, id: string) {
  await tx.delete(actionPartners).where(eq(actionPartners.id, id));
}

export async function milestonesOf(tx: Conn, actionId: string) {
  return tx
    .select()
    .from(actionMilestones)
    .where(eq(actionMilestones.actionId, actionId))
    .orderBy(asc(actionMilestones.dueDate), asc(actionMilestones.id));
}
export async function findMilestone(tx: Conn, id: string) {
  const [r] = await tx.select().from(actionMilestones).where(eq(actionMilestones.id, id));
  return r ?? null;
}
export async function insertMilestone(tx: Conn, row: typeof actionMilestones.$inferInsert) {
  const [r] = await tx.insert(actionMilestones).values(row).returning();
  return r!;
}
export async function updateMilestone(tx: Conn, id: string, set: Partial<typeof actionMilestones.$inferInsert>) {
  const [r] = await tx.update(actionMilestones).set(set).where(eq(actionMilestones.id, id)).returning();
  return r!;
}

export async function contributionsOf(tx: Conn, actionId: string) {
  return tx
    .select({ c: actionContributions, name: organizations.name })
    .from(actionContributions)
    .innerJoin(organizations, eq(organizations.id, actionContributions.organizationId))
    .where(eq(actionContributions.actionId, actionId))
    .orderBy(asc(organizations.name), asc(actionContributions.kind));
}
export async function findContribution(tx: Conn, id: string) {
  const [r] = await tx.select().from(actionContributions).where(eq(actionContributions.id, id));
  return r ?? null;
}
export async function insertContribution(tx: Conn, row: typeof actionContributions.$inferInsert) {
  const [r] = await tx.insert(actionContributions).values(row).returning();
  return r!;
}
export async function updateContribution(tx: Conn, id: string, set: Partial<typeof actionContributions.$inferInsert>) {
  const [r] = await tx
    .update(actionContributions)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(actionContributions.id, id))
    .returning();
  return r!;
}

export async function documentsOf(tx: Conn, actionId: string) {
  return tx
    .select()
    .from(actionDocuments)
    .where(eq(actionDocuments.actionId, actionId))
    .orderBy(asc(actionDocuments.createdAt));
}
export async function findDocument(tx: Conn, id: string) {
  const [r] = await tx.select().from(actionDocuments).where(eq(actionDocuments.id, id));
  return r ?? null;
}
export async function insertDocument(tx: Conn, row: typeof actionDocuments.$inferInsert) {
  const [r] = await tx.insert(actionDocuments).values(row).returning();
  return r!;
}
export async function deleteDocument(tx: Conn, id: string) {
  await tx.delete(actionDocuments).where(eq(actionDocuments.id, id));
}

// ---- checks on write ----

export async function organizationNames(tx: Conn, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(inArray(organizations.id, ids), isNull(organizations.retiredAt)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
/** The codes among `codes` that the taxonomy `scheme` knows. */
export async function knownCodes(tx: Conn, scheme: 's3' | 'filiera', codes: string[]) {
  if (!codes.length) return new Set<string>();
  const rows = await tx
    .select({ code: taxonomyTerms.code })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.scheme, scheme), inArray(taxonomyTerms.code, codes)));
  return new Set(rows.map((r) => r.code));
}
export async function actionBySourceRequest(tx: Conn, requestId: string) {
  const [r] = await tx
    .select({ id: jointActions.id })
    .from(jointActions)
    .where(eq(jointActions.sourceRequestId, requestId));
  return r ?? null;
}

// ---- who is told ----

const recipientColumns = {
  id: users.id,
  email: users.email,
  locale: users.locale,
  notificationEmail: users.notificationEmail,
};
/** The people of these organisations (any role), not disabled, with the organisation they are told for. */
export async function peopleOf(tx: Conn, organizationIds: string[]) {
  if (!organizationIds.length) return [];
  return tx
    .selectDistinct({ ...recipientColumns, organizationId: memberships.organizationId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(inArray(memberships.organizationId, organizationIds), isNull(users.deletedAt), isNull(users.disabledAt)),
    );
}

/** Milestones not done, due between `from` and `until` (dates), not yet reminded, of actions still open. */
export async function milestonesDueSoon(tx: Conn, from: string, until: string) {
  return tx
    .select({
      id: actionMilestones.id,
      title: actionMilestones.title,
      due: actionMilestones.dueDate,
      actionId: jointActions.id,
      number: jointActions.number,
      actionTitle: jointActions.title,
      visibility: jointActions.visibility,
      state: jointActions.state,
      leadOrganizationId: jointActions.leadOrganizationId,
    })
    .from(actionMilestones)
    .innerJoin(jointActions, eq(jointActions.id, actionMilestones.actionId))
    .where(
      and(
        isNull(actionMilestones.doneAt),
        isNull(actionMilestones.remindedAt),
        gte(actionMilestones.dueDate, from),
        lte(actionMilestones.dueDate, until),
        ne(jointActions.state, 'closed'),
        ne(jointActions.state, 'cancelled'),
      ),
    );
}
export async function markMilestoneReminded(tx: Conn, id: string) {
  const r = await tx
    .update(actionMilestones)
    .set({ remindedAt: sql`now()` })
    .where(and(eq(actionMilestones.id, id), isNull(actionMilestones.remindedAt)))
    .returning({ id: actionMilestones.id });
  return r.length > 0;
}

/** For the governance module: each action's dates, state, closing day and its milestones' due and done days. */
export async function actionsForKpi(tx: Conn, organization?: string) {
  const where = organization
    ? or(
        eq(jointActions.leadOrganizationId, organization),
        sql`exists (select 1 from ${actionPartners} p where p.action_id = joint_actions.id and p.organization_id = ${organization})`,
      )
    : undefined;
  return tx
    .select({
      id: jointActions.id,
      number: jointActions.number,
      state: jointActions.state,
      start: jointActions.startDate,
      end: jointActions.endDate,
      closedAt: jointActions.closedAt,
      s3: jointActions.s3,
      leadOrganizationId: jointActions.leadOrganizationId,
    })
    .from(jointActions)
    .where(where);
}
export async function milestonesForKpi(tx: Conn, actionIds: string[]) {
  if (!actionIds.length) return [];
  return tx
    .select({ actionId: actionMilestones.actionId, due: actionMilestones.dueDate, doneAt: actionMilestones.doneAt })
    .from(actionMilestones)
    .where(inArray(actionMilestones.actionId, actionIds));
}
