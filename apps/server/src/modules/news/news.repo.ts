import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { newsItems, newsletterSubscriptions, newsOrganizations, organizations } from '../../db/schema/index.ts';
import type { NewsState } from '@clock/contracts';

type Conn = Db | Tx;
export type NewsRow = typeof newsItems.$inferSelect & {
  organizations: { id: string; name: string; kind: string }[];
};

export async function organizationsByIds(c: Conn, ids: string[]) {
  if (!ids.length) return [];
  return c
    .select({ id: organizations.id, kind: organizations.kind, name: organizations.name })
    .from(organizations)
    .where(and(inArray(organizations.id, ids), isNull(organizations.retiredAt)));
}

export async function organizationIdsOfKind(c: Conn, kind: string): Promise<string[]> {
  const rows = await c
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.kind, kind), isNull(organizations.retiredAt)));
  return rows.map((r) => r.id);
}

async function withOrganizations(c: Conn, rows: (typeof newsItems.$inferSelect)[]): Promise<NewsRow[]> {
  if (!rows.length) return [];
  const links = await c
    .select({
      newsId: newsOrganizations.newsId,
      id: organizations.id,
      kind: organizations.kind,
      name: sql<string>`coalesce(${organizations.shortName}, ${organizations.name})`,
    })
    .from(newsOrganizations)
    .innerJoin(organizations, eq(organizations.id, newsOrganizations.organizationId))
    .where(
      inArray(
        newsOrganizations.newsId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(newsOrganizations.position));
  return rows.map((r) => ({
    ...r,
    organizations: links.filter((l) => l.newsId === r.id).map(({ id, kind, name }) => ({ id, kind, name })),
  }));
}

export async function hasAnyNews(c: Conn): Promise<boolean> {
  const [row] = await c.select({ id: newsItems.id }).from(newsItems).limit(1);
  return row !== undefined;
}

export async function insertNews(
  tx: Tx,
  row: Omit<typeof newsItems.$inferInsert, 'id' | 'number'>,
  organizationIds: string[],
) {
  const [created] = await tx.insert(newsItems).values(row).returning({ id: newsItems.id });
  await tx
    .insert(newsOrganizations)
    .values(organizationIds.map((organizationId, position) => ({ newsId: created!.id, organizationId, position })));
  return created!.id;
}

export async function updateNews(
  tx: Tx,
  id: string,
  patch: Partial<typeof newsItems.$inferInsert>,
  organizationIds?: string[],
) {
  await tx
    .update(newsItems)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(newsItems.id, id));
  if (organizationIds) {
    await tx.delete(newsOrganizations).where(eq(newsOrganizations.newsId, id));
    await tx
      .insert(newsOrganizations)
      .values(organizationIds.map((organizationId, position) => ({ newsId: id, organizationId, position })));
  }
}

export async function getNews(c: Conn, id: string, o: { forUpdate?: boolean } = {}): Promise<NewsRow | undefined> {
  const q = c.select().from(newsItems).where(eq(newsItems.id, id));
  const rows = o.forUpdate ? await q.for('update') : await q;
  return (await withOrganizations(c, rows))[0];
}

export interface NewsFilter {
  state: NewsState;
  /** Items of these organisations only (drafts and withdrawn items: those the caller may write). */
  organizations?: string[];
  organization?: string;
  q?: string;
  filiera?: string;
  sector?: string;
  s3?: string;
  from?: Date;
  to?: Date;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterSql(f: NewsFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(newsItems.state, f.state)];
  const inOrganizations = (ids: string[]) =>
    sql`exists (select 1 from ${newsOrganizations} o where o.news_id = ${newsItems.id} and o.organization_id in ${ids})`;
  if (f.organizations) conditions.push(f.organizations.length ? inOrganizations(f.organizations) : sql`false`);
  if (f.organization) conditions.push(inOrganizations([f.organization]));
  if (f.filiera) conditions.push(sql`${f.filiera} = any(${newsItems.filiere})`);
  if (f.sector) conditions.push(sql`${f.sector} = any(${newsItems.sectors})`);
  if (f.s3)
    conditions.push(
      sql`exists (select 1 from unnest(${newsItems.s3}) c where c = ${f.s3} or c like ${`${escapeLike(f.s3)}×%`})`,
    );
  if (f.from) conditions.push(gte(newsItems.publishedAt, f.from));
  if (f.to) conditions.push(lte(newsItems.publishedAt, f.to));
  if (f.q) {
    const words = f.q
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w.length > 1)
      .slice(0, 8);
    for (const word of words) {
      const pattern = `%${escapeLike(word)}%`;
      conditions.push(
        sql`lower(${newsItems.title}::text || ' ' || ${newsItems.summary}::text || ' ' || coalesce(${newsItems.body}::text, '')) like ${pattern}`,
      );
    }
  }
  return and(...conditions);
}

export async function listNews(c: Conn, f: NewsFilter, page: number, limit: number) {
  const where = filterSql(f);
  const [rows, [count]] = await Promise.all([
    c
      .select()
      .from(newsItems)
      .where(where)
      .orderBy(desc(sql`coalesce(${newsItems.publishedAt}, ${newsItems.updatedAt})`), desc(newsItems.number))
      .limit(limit)
      .offset((page - 1) * limit),
    c.select({ n: sql<number>`count(*)::int` }).from(newsItems).where(where),
  ]);
  return { rows: await withOrganizations(c, rows), total: count?.n ?? 0 };
}

/** Published items, newest first (feeds), or published after `since` (digests). */
export async function publishedNews(
  c: Conn,
  o: { since?: Date; limit: number; organization?: string; filiera?: string },
) {
  const rows = await c
    .select()
    .from(newsItems)
    .where(
      and(
        filterSql({ state: 'published', organization: o.organization, filiera: o.filiera }),
        o.since ? gt(newsItems.publishedAt, o.since) : undefined,
      ),
    )
    .orderBy(desc(newsItems.publishedAt))
    .limit(o.limit);
  return withOrganizations(c, rows);
}

// ---- subscriptions ----

export type SubscriptionRow = typeof newsletterSubscriptions.$inferSelect;

export async function liveSubscriptionByEmail(c: Conn, email: string) {
  const [row] = await c
    .select()
    .from(newsletterSubscriptions)
    .where(and(eq(newsletterSubscriptions.email, email), ne(newsletterSubscriptions.state, 'unsubscribed')))
    .for('update');
  return row;
}

export async function insertSubscription(tx: Tx, row: typeof newsletterSubscriptions.$inferInsert) {
  const [created] = await tx.insert(newsletterSubscriptions).values(row).returning();
  return created!;
}

export async function updateSubscription(
  tx: Conn,
  id: string,
  patch: Partial<typeof newsletterSubscriptions.$inferInsert>,
) {
  await tx.update(newsletterSubscriptions).set(patch).where(eq(newsletterSubscriptions.id, id));
}

export async function subscriptionByConfirmHash(c: Conn, hash: string) {
  const [row] = await c
    .select()
    .from(newsletterSubscriptions)
    .where(eq(newsletterSubscriptions.confirmTokenHash, hash))
    .for('update');
  return row;
}

export async function subscriptionByUnsubscribeToken(c: Conn, token: string) {
  const [row] = await c
    .select()
    .from(newsletterSubscriptions)
    .where(eq(newsletterSubscriptions.unsubscribeToken, token));
  return row;
}

/** Confirmed subscriptions in id order after `after` (a digest run goes through them in batches). */
export async function confirmedSubscriptions(c: Conn, after: string | null, limit: number) {
  return c
    .select()
    .from(newsletterSubscriptions)
    .where(
      and(eq(newsletterSubscriptions.state, 'confirmed'), after ? gt(newsletterSubscriptions.id, after) : undefined),
    )
    .orderBy(asc(newsletterSubscriptions.id))
    .limit(limit);
}

/** Drops pending subscriptions nobody confirmed within `days` (the address gave no consent). */
export async function dropUnconfirmed(c: Conn, days: number) {
  await c
    .delete(newsletterSubscriptions)
    .where(
      and(
        eq(newsletterSubscriptions.state, 'pending'),
        lte(newsletterSubscriptions.createdAt, sql`now() - make_interval(days => ${days})`),
      ),
    );
}
