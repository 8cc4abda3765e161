import { and, asc, count, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  changeLog,
  companyProfiles,
  eventOrganizers,
  events,
  newsItems,
  newsOrganizations,
  organizationContacts,
  experts,
  offers,
  organizations,
  requests,
  taxonomyTerms,
  type OfferType,
} from '../../db/schema/index.ts';

type Conn = Db | Tx;
const rows = async <T>(tx: Conn, q: SQL) => ((await tx.execute(q)) as unknown as { rows: T[] }).rows;

/**
 * Runs a keyset page read so that it walks its index in order. The embedded database runs no autovacuum: after a
 * large import its statistics still describe a small table, and the planner then picks a bitmap scan of every row
 * after the key plus a sort, on every page (measured: 135 ms instead of 5-20 ms a page at 50,000 rows, quadratic
 * over a whole file). Switching those two plans off, for this short transaction only, leaves the ordered index scan.
 */
function inIndexOrder<T>(db: Conn, read: (tx: Conn) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_sort = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    return read(tx);
  });
}

// ---- what is public: the same conditions as the anonymous API (and the change-log triggers of migration open_data)

const publicOrganization = isNull(organizations.retiredAt);
const publicOffer = (type: OfferType) => and(eq(offers.type, type), isNull(offers.retiredAt))!;
const publicExpert = and(isNull(experts.retiredAt), eq(experts.publicProfile, true))!;
/** A request's summary is public once the nucleus opened a public request (requests.repo's summary rule). */
const publicRequest = and(eq(requests.confidentiality, 'public'), isNotNull(requests.openedAt))!;
/** Events the anonymous list shows: published or cancelled, of public visibility (not the network-only ones). */
const publicEvent = and(inArray(events.state, ['published', 'cancelled']), eq(events.visibility, 'public'))!;
const publicNews = eq(newsItems.state, 'published');
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

const organizationColumns = {
  org: organizations,
  vatNumber: companyProfiles.vatNumber,
  sizeClass: companyProfiles.sizeClass,
  offers: companyProfiles.offers,
  seeks: companyProfiles.seeks,
  verification: companyProfiles.verification,
};
const organizationQuery = (tx: Conn) =>
  tx
    .select(organizationColumns)
    .from(organizations)
    .leftJoin(companyProfiles, eq(companyProfiles.organizationId, organizations.id));
export type OrganizationRow = Awaited<ReturnType<typeof organizationQuery>>[number];

/** Public organisations (companies with their public profile) after `afterSeq`, in first-import order. */
export function pageOrganizations(db: Conn, afterSeq: number, limit: number) {
  return inIndexOrder(db, (tx) =>
    organizationQuery(tx)
      .where(and(publicOrganization, gt(organizations.seq, afterSeq)))
      .orderBy(asc(organizations.seq))
      .limit(limit),
  );
}
export function organizationsByIds(tx: Conn, ids: string[]) {
  return organizationQuery(tx).where(and(publicOrganization, inArray(organizations.id, ids)));
}

const offerQuery = (tx: Conn) =>
  tx
    .select({ offer: offers, institution: organizations.name })
    .from(offers)
    .innerJoin(organizations, eq(organizations.id, offers.organizationId));
export type OfferRow = Awaited<ReturnType<typeof offerQuery>>[number];

/** Public records of one offer type after `afterSeq`, with their organisation's name. */
export function pageOffers(db: Conn, type: OfferType, afterSeq: number, limit: number) {
  return inIndexOrder(db, (tx) =>
    offerQuery(tx)
      .where(and(publicOffer(type), gt(offers.seq, afterSeq)))
      .orderBy(asc(offers.seq))
      .limit(limit),
  );
}
export function offersByIds(tx: Conn, type: OfferType, ids: string[]) {
  return offerQuery(tx).where(and(publicOffer(type), inArray(offers.id, ids)));
}

const expertQuery = (tx: Conn) =>
  tx
    .select({ expert: experts, institution: organizations.name })
    .from(experts)
    .innerJoin(organizations, eq(organizations.id, experts.organizationId));
export type ExpertRow = Awaited<ReturnType<typeof expertQuery>>[number];

export function pageExperts(db: Conn, afterSeq: number, limit: number) {
  return inIndexOrder(db, (tx) =>
    expertQuery(tx)
      .where(and(publicExpert, gt(experts.seq, afterSeq)))
      .orderBy(asc(experts.seq))
      .limit(limit),
  );
}
export function expertsByIds(tx: Conn, ids: string[]) {
  return expertQuery(tx).where(and(publicExpert, inArray(experts.id, ids)));
}

/** Only the columns a public summary shows: the details of a request are never read here. */
const requestSummaryColumns = {
  id: requests.id,
  number: requests.number,
  title: requests.title,
  summary: requests.summary,
  state: requests.state,
  sector: requests.sector,
  filiera: requests.filiera,
  lang: requests.lang,
  submittedAt: requests.submittedAt,
  openedAt: requests.openedAt,
  closedAt: requests.closedAt,
};
const requestPageQuery = (tx: Conn, afterNumber: number, limit: number) =>
  tx
    .select(requestSummaryColumns)
    .from(requests)
    .where(and(publicRequest, gt(requests.number, afterNumber)))
    .orderBy(asc(requests.number))
    .limit(limit);
export function pageRequestSummaries(db: Conn, afterNumber: number, limit: number) {
  return inIndexOrder(db, (tx) => requestPageQuery(tx, afterNumber, limit));
}
export type RequestSummaryRow = Awaited<ReturnType<typeof requestPageQuery>>[number];
export function requestSummariesByIds(tx: Conn, ids: string[]) {
  const uuids = ids.filter(isUuid);
  if (!uuids.length) return Promise.resolve([]);
  return tx
    .select(requestSummaryColumns)
    .from(requests)
    .where(and(publicRequest, inArray(requests.id, uuids)));
}

/** Public events after `afterNumber` (their E-number), with their organisers (lead first). */
export function pageEvents(db: Conn, afterNumber: number, limit: number) {
  return inIndexOrder(db, async (tx) =>
    withEventOrganizers(
      tx,
      await tx
        .select()
        .from(events)
        .where(and(publicEvent, gt(events.number, afterNumber)))
        .orderBy(asc(events.number))
        .limit(limit),
    ),
  );
}
export async function eventsByIds(tx: Conn, ids: string[]) {
  const uuids = ids.filter(isUuid);
  if (!uuids.length) return [];
  return withEventOrganizers(
    tx,
    await tx
      .select()
      .from(events)
      .where(and(publicEvent, inArray(events.id, uuids))),
  );
}
async function withEventOrganizers(tx: Conn, list: (typeof events.$inferSelect)[]) {
  const links = list.length
    ? await tx
        .select({ eventId: eventOrganizers.eventId, id: organizations.id, name: organizations.name })
        .from(eventOrganizers)
        .innerJoin(organizations, eq(organizations.id, eventOrganizers.organizationId))
        .where(
          inArray(
            eventOrganizers.eventId,
            list.map((e) => e.id),
          ),
        )
        .orderBy(sql`${eventOrganizers.role} <> 'lead'`, asc(eventOrganizers.position))
    : [];
  return list.map((event) => ({
    event,
    organizers: links.filter((l) => l.eventId === event.id).map(({ id, name }) => ({ id, name })),
  }));
}
export type EventRow = Awaited<ReturnType<typeof withEventOrganizers>>[number];

/** Published news after `afterNumber` (their N-number), with the organisations that publish them (lead first). */
export function pageNews(db: Conn, afterNumber: number, limit: number) {
  return inIndexOrder(db, async (tx) =>
    withNewsOrganizations(
      tx,
      await tx
        .select()
        .from(newsItems)
        .where(and(publicNews, gt(newsItems.number, afterNumber)))
        .orderBy(asc(newsItems.number))
        .limit(limit),
    ),
  );
}
export async function newsByIds(tx: Conn, ids: string[]) {
  const uuids = ids.filter(isUuid);
  if (!uuids.length) return [];
  return withNewsOrganizations(
    tx,
    await tx
      .select()
      .from(newsItems)
      .where(and(publicNews, inArray(newsItems.id, uuids))),
  );
}
async function withNewsOrganizations(tx: Conn, list: (typeof newsItems.$inferSelect)[]) {
  const links = list.length
    ? await tx
        .select({ newsId: newsOrganizations.newsId, id: organizations.id, name: organizations.name })
        .from(newsOrganizations)
        .innerJoin(organizations, eq(organizations.id, newsOrganizations.organizationId))
        .where(
          inArray(
            newsOrganizations.newsId,
            list.map((n) => n.id),
          ),
        )
        .orderBy(asc(newsOrganizations.position))
    : [];
  return list.map((news) => ({
    news,
    organizations: links.filter((l) => l.newsId === news.id).map(({ id, name }) => ({ id, name })),
  }));
}
export type NewsRow = Awaited<ReturnType<typeof withNewsOrganizations>>[number];

/**
 * Coverage of the regional S3 priorities: per priority, the public organisations tagged with it and the public
 * records that carry it (their own S3 priorities, or their organisation's when they have none, as search does).
 */
export function s3Coverage(tx: Conn) {
  return rows<{
    code: string;
    label: { it?: string; en?: string };
    parent: string | null;
    organizations: number;
    competences: number;
    services: number;
    equipment: number;
  }>(
    tx,
    sql`
    with tagged as (
      select coalesce(nullif(f.s3, '{}'), o.s3) as s3, f.type
      from ${offers} f join ${organizations} o on o.id = f.organization_id
      where f.retired_at is null
    )
    select t.code, t.label, t.parent_code as parent,
      (select count(*)::int from ${organizations} o where o.retired_at is null and t.code = any(o.s3)) as organizations,
      (select count(*)::int from tagged where type = 'competence' and t.code = any(s3)) as competences,
      (select count(*)::int from tagged where type = 'service' and t.code = any(s3)) as services,
      (select count(*)::int from tagged where type = 'equipment' and t.code = any(s3)) as equipment
    from ${taxonomyTerms} t where t.scheme = 's3' order by t.code`,
  );
}
export async function countS3Terms(tx: Conn): Promise<number> {
  const [r] = await tx.select({ n: count() }).from(taxonomyTerms).where(eq(taxonomyTerms.scheme, 's3'));
  return r?.n ?? 0;
}

/** The Region and the centres: the publisher and the rights holders of the catalogue. */
export function networkAgents(tx: Conn) {
  return tx
    .select({
      id: organizations.id,
      kind: organizations.kind,
      name: organizations.name,
      website: organizations.website,
    })
    .from(organizations)
    .where(and(publicOrganization, inArray(organizations.kind, ['region', 'centre'])))
    .orderBy(asc(organizations.seq))
    .then(async (agents) => {
      const vat = agents.length
        ? await tx
            .select({ id: companyProfiles.organizationId, vatNumber: companyProfiles.vatNumber })
            .from(companyProfiles)
            .where(
              inArray(
                companyProfiles.organizationId,
                agents.map((a) => a.id),
              ),
            )
        : [];
      const byId = new Map(vat.map((v) => [v.id, v.vatNumber]));
      return agents.map((a) => ({ ...a, vatNumber: byId.get(a.id) ?? null }));
    });
}

/** The general e-mail address of an organisation, if it gave one. */
export async function organizationEmail(tx: Conn, id: string): Promise<string | null> {
  const [r] = await tx
    .select({ email: organizationContacts.email })
    .from(organizationContacts)
    .where(eq(organizationContacts.organizationId, id));
  return r?.email ?? null;
}

// ---- the change log

/** Arbitrary constant: the lock under which positions are handed out. */
const PUBLISH_LOCK = 7_436_202_020;

/**
 * Gives the next positions to the changes whose transactions have committed. Under one lock, in a transaction of its
 * own, so positions are handed out one batch after the other: a batch sees every batch before it (read committed),
 * and a change still in flight is invisible here, so it gets a position — after every one already given — only once
 * it has committed. No-op (one index probe) when nothing is waiting.
 */
export async function publishChanges(db: Db): Promise<number> {
  // ORDER BY … LIMIT 1 keeps to the partial index even without statistics (a large log is then never scanned).
  const [waiting] = await rows<{ one: number }>(
    db,
    sql`select 1 as one from ${changeLog} where ${changeLog.position} is null order by ${changeLog.seq} limit 1`,
  );
  if (!waiting) return 0;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`);
    const r = await rows<{ n: number }>(
      tx,
      sql`
      with base as (select coalesce(max(position), 0) as top from change_log),
      waiting as (select seq, row_number() over (order by seq) as rn from change_log where position is null)
      update change_log c set position = base.top + waiting.rn, published_at = now()
      from waiting, base where c.seq = waiting.seq
      returning 1 as n`,
    );
    return r.length;
  });
}

export function changesAfter(db: Conn, after: number, limit: number) {
  return inIndexOrder(db, (tx) =>
    tx
      .select({
        cursor: changeLog.position,
        type: changeLog.type,
        id: changeLog.recordId,
        op: changeLog.op,
        at: changeLog.at,
      })
      .from(changeLog)
      .where(and(isNotNull(changeLog.position), gt(changeLog.position, after)))
      .orderBy(asc(changeLog.position))
      .limit(limit),
  );
}

/**
 * The version of the public data of some record types: the last position given to one of their changes (it only
 * grows, whatever order transactions commit in) and when it was given; with the time of that last change.
 */
export async function versionOf(tx: Conn, types: string[]) {
  const [r] = await tx
    .select({ position: changeLog.position, published: changeLog.publishedAt, changed: changeLog.at })
    .from(changeLog)
    .where(and(isNotNull(changeLog.position), inArray(changeLog.type, types)))
    .orderBy(sql`${changeLog.position} desc`)
    .limit(1);
  return { position: r?.position ?? 0, published: r?.published ?? null, changed: r?.changed ?? null };
}

/** Adds a change from code, inside the caller's transaction (for records whose visibility SQL cannot decide). */
export async function insertChange(tx: Conn, c: { type: string; id: string; op: 'upsert' | 'delete' }) {
  await tx.insert(changeLog).values({ type: c.type, recordId: c.id, op: c.op });
}
