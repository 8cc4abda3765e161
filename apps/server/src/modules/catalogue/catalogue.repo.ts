import { and, asc, count, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import {
  experts,
  networkSettings,
  offers,
  organizations,
  taxonomyTerms,
  type OfferType,
  type TaxonomyScheme,
  type LocalizedText,
} from '../../db/schema/index.ts';
import type { ExpertRowIn, OfferRowIn, OrganizationRowIn } from './bundle.rules.ts';

type Conn = Db | Tx;
export interface UpsertCounts {
  created: number;
  updated: number;
  unchanged: number;
}

// An upsert changes a row only when a value differs, so importing the same bundle twice changes nothing
// (no new revision, no new updated_at). `xmax = 0` tells an insert from an update.
const changed = (table: string, cols: string[]) =>
  sql.raw(
    `(${cols.map((c) => `"${table}"."${c}"`).join(',')}, "${table}"."retired_at") is distinct from (${cols.map((c) => `excluded."${c}"`).join(',')}, null)`,
  );
const bump = { revision: sql`nextval('catalogue_revision_seq')`, updatedAt: sql`now()`, retiredAt: sql`null` };
const tally = (rows: { inserted: boolean }[], total: number): UpsertCounts => {
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created, unchanged: total - rows.length };
};

const ORG_COLS = [
  'kind',
  'name',
  'short_name',
  'town',
  'province',
  'website',
  'description',
  'sectors',
  'filiere',
  's3',
  'profile',
];
const ORG_SET = {
  kind: 'kind',
  name: 'name',
  shortName: 'short_name',
  town: 'town',
  province: 'province',
  website: 'website',
  description: 'description',
  sectors: 'sectors',
  filiere: 'filiere',
  s3: 's3',
  profile: 'profile',
};
const OFFER_COLS = [
  'organization_id',
  'title',
  'description',
  'keywords',
  'technology_areas',
  'sectors',
  'filiere',
  's3',
  'trl',
  'service_kind',
  'lab',
  'location',
  'bookable',
  'access',
];
const OFFER_SET = {
  organizationId: 'organization_id',
  title: 'title',
  description: 'description',
  keywords: 'keywords',
  technologyAreas: 'technology_areas',
  sectors: 'sectors',
  filiere: 'filiere',
  s3: 's3',
  trl: 'trl',
  serviceKind: 'service_kind',
  lab: 'lab',
  location: 'location',
  bookable: 'bookable',
  access: 'access',
};
const EXPERT_COLS = ['organization_id', 'name', 'role', 'expertise', 'keywords', 'public_profile'];
const EXPERT_SET = {
  organizationId: 'organization_id',
  name: 'name',
  role: 'role',
  expertise: 'expertise',
  keywords: 'keywords',
  publicProfile: 'public_profile',
};
const mapSet = (m: Record<string, string>) => {
  const set: Record<string, SQL> = {};
  for (const [k, c] of Object.entries(m)) set[k] = sql.raw(`excluded."${c}"`);
  return set;
};

export async function upsertOrganizations(tx: Conn, rows: OrganizationRowIn[]): Promise<UpsertCounts> {
  if (!rows.length) return { created: 0, updated: 0, unchanged: 0 };
  const res = await tx
    .insert(organizations)
    .values(rows)
    .onConflictDoUpdate({
      target: organizations.id,
      set: { ...mapSet(ORG_SET), ...bump },
      setWhere: changed('organizations', ORG_COLS),
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return tally(res, rows.length);
}

export async function upsertOffers(tx: Conn, rows: OfferRowIn[]): Promise<UpsertCounts> {
  if (!rows.length) return { created: 0, updated: 0, unchanged: 0 };
  const res = await tx
    .insert(offers)
    .values(rows)
    .onConflictDoUpdate({
      target: [offers.type, offers.id],
      set: { ...mapSet(OFFER_SET), ...bump },
      setWhere: changed('offers', OFFER_COLS),
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return tally(res, rows.length);
}

export async function upsertExperts(tx: Conn, rows: ExpertRowIn[]): Promise<UpsertCounts> {
  if (!rows.length) return { created: 0, updated: 0, unchanged: 0 };
  const res = await tx
    .insert(experts)
    .values(rows)
    .onConflictDoUpdate({
      target: experts.id,
      set: { ...mapSet(EXPERT_SET), ...bump },
      setWhere: changed('experts', EXPERT_COLS),
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return tally(res, rows.length);
}

export async function findExistingOrganizationIds(tx: Conn, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(inArray(organizations.id, ids.slice(i, i + 5000)));
    for (const r of rows) found.add(r.id);
  }
  return found;
}

export async function countCatalogue(tx: Conn): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(organizations);
  return row?.n ?? 0;
}

// ---- export, in pages by first-import order ----

export function pageOrganizations(tx: Conn, afterSeq: number, limit: number) {
  return tx
    .select()
    .from(organizations)
    .where(and(isNull(organizations.retiredAt), gt(organizations.seq, afterSeq)))
    .orderBy(asc(organizations.seq))
    .limit(limit);
}
/**
 * A page of the live offers (of one type, or all: a full load of the search index, on the offers_seq index) in the
 * order they were first written, after `afterSeq` (keyset pagination).
 */
export function pageOffers(tx: Conn, type: OfferType | null, afterSeq: number, limit: number) {
  return tx
    .select()
    .from(offers)
    .where(and(type ? eq(offers.type, type) : undefined, isNull(offers.retiredAt), gt(offers.seq, afterSeq)))
    .orderBy(asc(offers.seq))
    .limit(limit);
}
export function pageExperts(tx: Conn, afterSeq: number, limit: number) {
  return tx
    .select()
    .from(experts)
    .where(and(isNull(experts.retiredAt), gt(experts.seq, afterSeq)))
    .orderBy(asc(experts.seq))
    .limit(limit);
}

// ---- reads for the API ----

export interface OfferFilter {
  type: OfferType;
  organization?: string;
  sector?: string;
  filiera?: string;
  technologyArea?: string;
}
const arrayHas = (col: SQL | unknown, v: string) => sql`${v} = any(${col})`;

function offerWhere(f: OfferFilter) {
  const w: SQL[] = [eq(offers.type, f.type), isNull(offers.retiredAt)];
  if (f.organization) w.push(eq(offers.organizationId, f.organization));
  if (f.sector)
    w.push(sql`exists (select 1 from unnest(${offers.sectors}) s where s = ${f.sector} or s like ${f.sector + '.%'})`);
  if (f.filiera) w.push(arrayHas(offers.filiere, f.filiera));
  if (f.technologyArea) w.push(arrayHas(offers.technologyAreas, f.technologyArea));
  return and(...w);
}

export async function listOffers(tx: Conn, f: OfferFilter, page: number, limit: number) {
  const where = offerWhere(f);
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(offers)
      .where(where)
      .orderBy(asc(offers.seq))
      .limit(limit)
      .offset((page - 1) * limit),
    tx.select({ n: count() }).from(offers).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function getOffer(tx: Conn, type: OfferType, id: string) {
  const [row] = await tx
    .select()
    .from(offers)
    .where(and(eq(offers.type, type), eq(offers.id, id), isNull(offers.retiredAt)));
  return row ?? null;
}

export interface ExpertFilter {
  organization?: string;
  publicOnly: boolean;
}
function expertWhere(f: ExpertFilter) {
  const w: SQL[] = [isNull(experts.retiredAt)];
  if (f.organization) w.push(eq(experts.organizationId, f.organization));
  if (f.publicOnly) w.push(eq(experts.publicProfile, true));
  return and(...w);
}
export async function listExperts(tx: Conn, f: ExpertFilter, page: number, limit: number) {
  const where = expertWhere(f);
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(experts)
      .where(where)
      .orderBy(asc(experts.seq))
      .limit(limit)
      .offset((page - 1) * limit),
    tx.select({ n: count() }).from(experts).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
export async function getExpert(tx: Conn, id: string) {
  const [row] = await tx
    .select()
    .from(experts)
    .where(and(eq(experts.id, id), isNull(experts.retiredAt)));
  return row ?? null;
}

export interface OrganizationFilter {
  kind?: string;
  sector?: string;
  filiera?: string;
  s3?: string;
  province?: string;
}
function organizationWhere(f: OrganizationFilter) {
  const w: SQL[] = [isNull(organizations.retiredAt)];
  if (f.kind) w.push(eq(organizations.kind, f.kind));
  if (f.sector)
    w.push(
      sql`exists (select 1 from unnest(${organizations.sectors}) s where s = ${f.sector} or s like ${f.sector + '.%'})`,
    );
  if (f.filiera) w.push(arrayHas(organizations.filiere, f.filiera));
  if (f.s3) w.push(arrayHas(organizations.s3, f.s3));
  if (f.province) w.push(eq(organizations.province, f.province));
  return and(...w);
}
export async function listOrganizations(tx: Conn, f: OrganizationFilter, page: number, limit: number) {
  const where = organizationWhere(f);
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(organizations)
      .where(where)
      .orderBy(asc(organizations.seq))
      .limit(limit)
      .offset((page - 1) * limit),
    tx.select({ n: count() }).from(organizations).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
export async function getOrganization(tx: Conn, id: string) {
  const [row] = await tx
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, id), isNull(organizations.retiredAt)));
  return row ?? null;
}
export async function findOrganizationsByKind(tx: Conn, kinds: string[]) {
  return tx
    .select()
    .from(organizations)
    .where(and(inArray(organizations.kind, kinds), isNull(organizations.retiredAt)))
    .orderBy(asc(organizations.seq));
}

/** Live record counts per organisation and type; experts only with a public profile when `publicOnly`. */
export async function countRecordsByOrganization(tx: Conn, publicOnly: boolean) {
  const offerRows = await tx
    .select({ org: offers.organizationId, type: offers.type, n: count() })
    .from(offers)
    .where(isNull(offers.retiredAt))
    .groupBy(offers.organizationId, offers.type);
  const expertRows = await tx
    .select({ org: experts.organizationId, n: count() })
    .from(experts)
    .where(expertWhere({ publicOnly }))
    .groupBy(experts.organizationId);
  const out = new Map<string, { competence: number; service: number; equipment: number; expert: number }>();
  const get = (org: string) => {
    let c = out.get(org);
    if (!c) {
      c = { competence: 0, service: 0, equipment: 0, expert: 0 };
      out.set(org, c);
    }
    return c;
  };
  for (const r of offerRows) get(r.org)[r.type] = r.n;
  for (const r of expertRows) get(r.org).expert = r.n;
  return out;
}

// ---- taxonomies and network settings ----

export async function upsertTaxonomyTerms(
  tx: Conn,
  rows: { scheme: TaxonomyScheme; code: string; label: LocalizedText; parentCode: string | null }[],
) {
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insert(taxonomyTerms)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [taxonomyTerms.scheme, taxonomyTerms.code],
        set: { label: sql`excluded.label`, parentCode: sql`excluded.parent_code` },
        // Unchanged terms (every start loads the reference taxonomies again) are left as they are: no new row versions.
        setWhere: sql`${taxonomyTerms.label} is distinct from excluded.label or ${taxonomyTerms.parentCode} is distinct from excluded.parent_code`,
      });
  }
}
export function listTaxonomyTerms(tx: Conn) {
  return tx.select().from(taxonomyTerms).orderBy(asc(taxonomyTerms.scheme), asc(taxonomyTerms.code));
}
export async function getNetworkSetting<T>(tx: Conn, key: string): Promise<T | null> {
  const [row] = await tx.select().from(networkSettings).where(eq(networkSettings.key, key));
  return (row?.value as T) ?? null;
}
export async function putNetworkSetting(tx: Conn, key: string, value: unknown) {
  await tx
    .insert(networkSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: networkSettings.key, set: { value, updatedAt: sql`now()` } });
}

// ---- changes for the search index ----
// A marker is a database snapshot (pg_snapshot as text): the rows changed after it are those whose writing
// transaction it did not see as committed. The range condition lets the change_xid index do the work.

const notSeenBy = (xid: SQL, snapshot: string) =>
  sql`${xid} >= pg_snapshot_xmin(${snapshot}::pg_snapshot) and not pg_visible_in_snapshot(${xid}, ${snapshot}::pg_snapshot)`;
const CHANGE_XID = sql.raw('change_xid');

export function organizationsChangedAfter(tx: Conn, snapshot: string | null) {
  return tx
    .select()
    .from(organizations)
    .where(snapshot === null ? undefined : notSeenBy(sql`${organizations.changeXid}`, snapshot));
}
export function offersChangedAfter(tx: Conn, snapshot: string | null) {
  return tx
    .select()
    .from(offers)
    .where(snapshot === null ? undefined : notSeenBy(sql`${offers.changeXid}`, snapshot));
}
export function expertsChangedAfter(tx: Conn, snapshot: string | null) {
  return tx
    .select()
    .from(experts)
    .where(snapshot === null ? undefined : notSeenBy(sql`${experts.changeXid}`, snapshot));
}
/** How many catalogue records are live (not retired): what a complete index of the catalogue holds. */
export async function liveCatalogueCount(tx: Conn): Promise<number> {
  const res = await tx.execute(sql`select
    (select count(*) from organizations where retired_at is null) +
    (select count(*) from offers where retired_at is null) +
    (select count(*) from experts where retired_at is null) as n`);
  return Number((res as unknown as { rows: { n: string | number }[] }).rows[0]!.n);
}
/** Which database this is (its cluster's system identifier and its name), to tell a copy of the index made elsewhere. */
export async function databaseIdentity(tx: Conn): Promise<string> {
  const res = await tx.execute(
    sql`select (select system_identifier::text from pg_control_system()) || '/' || current_database() as s`,
  );
  return (res as unknown as { rows: { s: string }[] }).rows[0]!.s;
}
/** Whether a marker (a snapshot taken earlier) can come from this database: none of its transactions is in the future. */
export async function markerIsPast(tx: Conn, snapshot: string): Promise<boolean> {
  const res = await tx.execute(
    sql`select pg_snapshot_xmax(${snapshot}::pg_snapshot) <= pg_snapshot_xmax(pg_current_snapshot()) as ok`,
  );
  return (res as unknown as { rows: { ok: boolean }[] }).rows[0]!.ok === true;
}
/** The snapshot this statement (or this repeatable-read transaction) reads with. */
export async function currentSnapshot(tx: Conn): Promise<string> {
  const res = await tx.execute(sql`select pg_current_snapshot()::text as s`);
  return (res as unknown as { rows: { s: string }[] }).rows[0]!.s;
}
/**
 * In one statement: its snapshot, and whether any catalogue row changed after `snapshot` is visible to it. Each table
 * is asked for its newest such row through the change_xid index (ORDER BY … LIMIT 1 keeps to the index even where no
 * statistics were gathered, as in the embedded database), so an idle check costs three index probes.
 */
export async function catalogueChangedAfter(
  tx: Conn,
  snapshot: string,
): Promise<{ snapshot: string; changed: boolean }> {
  const newest = (
    table: string,
  ) => sql`(select change_xid from ${sql.raw(table)} where ${notSeenBy(CHANGE_XID, snapshot)}
    order by change_xid desc limit 1) is not null`;
  const res = await tx.execute(sql`select pg_current_snapshot()::text as s,
    ${newest('organizations')} or ${newest('offers')} or ${newest('experts')} as changed`);
  const row = (res as unknown as { rows: { s: string; changed: boolean }[] }).rows[0]!;
  return { snapshot: row.s, changed: row.changed };
}

/** The highest catalogue revision given so far (a write's own transaction may still be running). */
export async function currentRevision(tx: Conn): Promise<number> {
  const rows = await tx.execute(sql`select greatest(
    (select coalesce(max(revision),0) from organizations),
    (select coalesce(max(revision),0) from offers),
    (select coalesce(max(revision),0) from experts)) as r`);
  const r = (rows as unknown as { rows: { r: string | number }[] }).rows[0]?.r ?? 0;
  return Number(r);
}

// ---- edits ----

export async function findOfferAnyState(tx: Conn, type: OfferType, id: string) {
  const [row] = await tx
    .select()
    .from(offers)
    .where(and(eq(offers.type, type), eq(offers.id, id)));
  return row ?? null;
}
export async function findExpertAnyState(tx: Conn, id: string) {
  const [row] = await tx.select().from(experts).where(eq(experts.id, id));
  return row ?? null;
}
export async function findOrganizationAnyState(tx: Conn, id: string) {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}
export async function retireOffer(tx: Conn, type: OfferType, id: string) {
  await tx
    .update(offers)
    .set({ retiredAt: sql`now()`, updatedAt: sql`now()`, revision: sql`nextval('catalogue_revision_seq')` })
    .where(and(eq(offers.type, type), eq(offers.id, id)));
}
export async function retireExpert(tx: Conn, id: string) {
  await tx
    .update(experts)
    .set({ retiredAt: sql`now()`, updatedAt: sql`now()`, revision: sql`nextval('catalogue_revision_seq')` })
    .where(eq(experts.id, id));
}
export async function retireOrganization(tx: Conn, id: string) {
  await tx
    .update(organizations)
    .set({ retiredAt: sql`now()`, updatedAt: sql`now()`, revision: sql`nextval('catalogue_revision_seq')` })
    .where(eq(organizations.id, id));
}

export function offersOfOrganizations(tx: Conn, ids: string[]) {
  return tx.select().from(offers).where(inArray(offers.organizationId, ids));
}
export function expertsOfOrganizations(tx: Conn, ids: string[]) {
  return tx.select().from(experts).where(inArray(experts.organizationId, ids));
}

// ---- plain text search, while the search index is being built ----

export interface TextSearchFilter {
  type?: string;
  organization?: string;
  sector?: string;
  filiera?: string;
  s3?: string;
}
export interface TextSearchRow {
  type: string;
  id: string;
  organization: string;
  title: LocalizedText;
  summary: LocalizedText;
  total: number;
}

const likeAny = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The words of a query as a `tsquery` for the catalogue's text vectors: every word, each as a prefix ("ricicl" finds
 * "riciclo" and "riciclaggio"). The words are letters and digits joined by hyphens or dots (text.rules `tokenize`),
 * quoted as tsquery lexemes all the same.
 */
export function prefixQuery(words: string[]): string {
  return words.map((w) => `'${w.replace(/['\\]/g, (c) => `\\${c}`)}':*`).join(' & ');
}

/**
 * Records whose text holds every word as a prefix of one of its words (title, description, keywords, lab and place of
 * an offer; name, description and town of an organisation; name, role, expertise and keywords of an expert), or every
 * record when there are no words; organisations first, then in import order. Offers inherit their organisation's
 * sectors and filiere when they have none, and its S3 priorities. With words, each table is read through the GIN
 * index on its text vector (migration 0021), so a query costs milliseconds whatever the catalogue's size; without
 * words it reads the tables. Meant only for the time after start-up when the in-memory index is not built yet.
 */
export async function searchCatalogueText(
  tx: Conn,
  words: string[],
  f: TextSearchFilter,
  publicOnly: boolean,
  offset: number,
  limit: number,
) {
  const result = await tx.execute(catalogueTextQuery(words, f, publicOnly, offset, limit));
  const rows = (result as unknown as { rows: TextSearchRow[] }).rows;
  return { total: Number(rows[0]?.total ?? 0), rows };
}

/** The statement of `searchCatalogueText` (its tests read its plan). */
export function catalogueTextQuery(
  words: string[],
  f: TextSearchFilter,
  publicOnly: boolean,
  offset: number,
  limit: number,
): SQL {
  const query = words.length ? prefixQuery(words) : null;
  const matches = (vector: SQL) => (query === null ? sql`true` : sql`${vector} @@ to_tsquery('simple', ${query})`);
  const conditions: SQL[] = [];
  if (f.type) conditions.push(sql`type = ${f.type}`);
  if (f.organization) conditions.push(sql`organization = ${f.organization}`);
  if (f.filiera) conditions.push(sql`${f.filiera} = any(filiere)`);
  if (f.s3) conditions.push(sql`${f.s3} = any(s3)`);
  if (f.sector)
    conditions.push(
      sql`exists (select 1 from unnest(sectors) s where upper(s) like ${likeAny(f.sector.toUpperCase()).slice(1)})`,
    );
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return sql`
    with docs as (
      select 0 as kind, g.seq, 'organization' as type, g.id, g.id as organization,
        jsonb_build_object('it', g.name, 'en', g.name) as title, coalesce(g.description, '{}'::jsonb) as summary,
        g.sectors, g.filiere, g.s3
      from organizations g
      where g.retired_at is null
        and ${matches(sql`organization_search_vector(g.name, g.short_name, g.description, g.town)`)}
      union all
      select 1, o.seq, o.type, o.id, o.organization_id, o.title, coalesce(o.description, o.title),
        coalesce(o.sectors, g.sectors), coalesce(o.filiere, g.filiere), g.s3
      from offers o left join organizations g on g.id = o.organization_id
      where o.retired_at is null
        and ${matches(sql`offer_search_vector(o.title, o.description, o.keywords, o.lab, o.location)`)}
      union all
      select 2, e.seq, 'expert', e.id, e.organization_id, jsonb_build_object('it', e.name, 'en', e.name),
        coalesce(e.expertise, e.role, '{}'::jsonb), g.sectors, g.filiere, g.s3
      from experts e left join organizations g on g.id = e.organization_id
      where e.retired_at is null and (${!publicOnly} or e.public_profile is true)
        and ${matches(sql`expert_search_vector(e.name, e.role, e.expertise, e.keywords)`)}
    )
    select type, id, organization, title, summary, count(*) over () as total from docs ${where}
    order by kind, seq limit ${limit} offset ${offset}`;
}
