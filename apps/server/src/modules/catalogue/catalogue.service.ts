import type { Db } from '../../db/client.ts';
import { canSeeNetworkContent, type Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { OfferType, TaxonomyScheme } from '../../db/schema/index.ts';
import type { Taxonomies } from '@clock/contracts';
import * as repo from './catalogue.repo.ts';
import { presentExpert, presentOffer, presentOrganization } from './catalogue.presenter.ts';
import { presentPolicies } from '../bookings/policy.service.ts';

export interface Paging {
  page: number;
  limit: number;
}
const EMPTY = { competence: 0, service: 0, equipment: 0, expert: 0 };

/** Reads of the public catalogue, shaped for the API; experts without consent are shown only to network members. */
export async function listOrganizations(db: Db, actor: Actor, f: repo.OrganizationFilter, p: Paging) {
  const { items, total } = await repo.listOrganizations(db, f, p.page, p.limit);
  const counts = await repo.countRecordsByOrganization(db, !canSeeNetworkContent(actor));
  return { items: items.map((o) => presentOrganization(o, counts.get(o.id) ?? EMPTY)), total, ...p };
}

export async function getOrganization(db: Db, actor: Actor, id: string) {
  const o = await repo.getOrganization(db, id);
  if (!o) throw notFound('organisation', id);
  const counts = await repo.countRecordsByOrganization(db, !canSeeNetworkContent(actor));
  return presentOrganization(o, counts.get(o.id) ?? EMPTY);
}

export async function listOffers(db: Db, _actor: Actor, f: repo.OfferFilter, p: Paging) {
  const { items, total } = await repo.listOffers(db, f, p.page, p.limit);
  return { items: await withBooking(db, items.map(presentOffer)), total, ...p };
}

/** Equipment records carry how they are booked on the platform (`booking`), when their centre set a policy. */
async function withBooking<T extends { type: string; id: string }>(db: Db, records: T[]): Promise<T[]> {
  const ids = records.filter((r) => r.type === 'equipment').map((r) => r.id);
  if (!ids.length) return records;
  const policies = await presentPolicies(db, ids);
  return records.map((r) => (policies.has(r.id) ? { ...r, booking: policies.get(r.id) } : r));
}

const TYPE_NAMES: Record<OfferType, string> = { competence: 'competence', service: 'service', equipment: 'equipment' };
export async function getOffer(db: Db, _actor: Actor, type: OfferType, id: string) {
  const r = await repo.getOffer(db, type, id);
  if (!r) throw notFound(TYPE_NAMES[type], id);
  return (await withBooking(db, [presentOffer(r)]))[0]!;
}

export async function listExperts(db: Db, actor: Actor, f: { organization?: string }, p: Paging) {
  const { items, total } = await repo.listExperts(
    db,
    { ...f, publicOnly: !canSeeNetworkContent(actor) },
    p.page,
    p.limit,
  );
  return { items: items.map(presentExpert), total, ...p };
}

export async function getExpert(db: Db, actor: Actor, id: string) {
  const e = await repo.getExpert(db, id);
  // A profile without consent does not exist for the public: same answer as an unknown id.
  if (!e || (!e.publicProfile && !canSeeNetworkContent(actor))) throw notFound('expert', id);
  return presentExpert(e);
}

export async function getTaxonomies(db: Db): Promise<Taxonomies> {
  const out: Taxonomies = { sector: [], filiera: [], s3: [], technologyArea: [] };
  for (const t of await repo.listTaxonomyTerms(db)) {
    out[t.scheme as TaxonomyScheme].push({
      code: t.code,
      label: t.label,
      ...(t.parentCode ? { parent: t.parentCode } : {}),
    });
  }
  return out;
}

/**
 * Where a reader of catalogue changes stands: a database snapshot (text form of pg_snapshot). Everything its
 * transactions committed has been read; a transaction still running then, whatever revision it took, is read later.
 */
export type CatalogueMarker = string;

const NO_CHANGES = { organizations: [], offers: [], experts: [], full: false } as const;

/**
 * Everything that changed in the catalogue after `marker` (retired rows included), for indexes kept in memory, and
 * the marker to pass next time: each committed change comes back exactly once, whatever order concurrent
 * transactions commit in (decision 008). Records inherit from their organisation (name, S3 priorities), so a changed
 * organisation brings back its records; `full` (everything, for a rebuild) on the first load (`null`) or when many
 * organisations changed at once.
 */
export async function catalogueChangesSince(db: Db, marker: CatalogueMarker | null) {
  if (marker !== null) {
    const probe = await repo.catalogueChangedAfter(db, marker);
    if (!probe.changed) return { marker: probe.snapshot, ...NO_CHANGES };
  }
  // A first load needs everything: the caller reads it page by page (`catalogueFullLoad`).
  if (marker === null) return { marker: null, ...NO_CHANGES, full: true };
  // One repeatable-read transaction: the rows and the new marker come from the same snapshot.
  return db.transaction(
    async (tx) => {
      const snapshot = await repo.currentSnapshot(tx);
      const organizations = await repo.organizationsChangedAfter(tx, marker);
      // Many organisations changed at once (an import): a full reload, read page by page by the caller.
      if (organizations.length > 50) return { marker: null, ...NO_CHANGES, full: true };
      const ids = organizations.map((o) => o.id);
      const changedOffers = await repo.offersChangedAfter(tx, marker);
      const changedExperts = await repo.expertsChangedAfter(tx, marker);
      const orgOffers = ids.length ? await repo.offersOfOrganizations(tx, ids) : [];
      const orgExperts = ids.length ? await repo.expertsOfOrganizations(tx, ids) : [];
      const offers = [...new Map([...changedOffers, ...orgOffers].map((r) => [`${r.type}:${r.id}`, r])).values()];
      const experts = [...new Map([...changedExperts, ...orgExperts].map((r) => [r.id, r])).values()];
      return { marker: snapshot, organizations, offers, experts, full: false };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Rows of a full load read in one statement: a few MiB of decoded rows at a time. */
const FULL_LOAD_PAGE = 2000;

/**
 * The whole live catalogue for a full load of an index kept in memory, page by page (keyset pagination in the order
 * records were first written), so that neither the embedded database's memory nor the caller's ever holds all of it,
 * and other statements (sign-in, health) run between pages. `marker` is taken before the first page: a change
 * committed after it may also be in a page, and comes back once more from `catalogueChangesSince(marker)` (applying
 * a record twice gives the same index); a change it saw as committed is in the pages.
 */
export async function catalogueFullLoad(db: Db) {
  const marker: CatalogueMarker = await repo.currentSnapshot(db);
  const organizations = await allOrganizations(db);
  async function* pages(): AsyncGenerator<{ offers: OfferPage; experts: ExpertPage }> {
    for (let after = 0; ; ) {
      const offers = await repo.pageOffers(db, null, after, FULL_LOAD_PAGE);
      if (!offers.length) break;
      after = offers[offers.length - 1]!.seq;
      yield { offers, experts: [] };
    }
    for (let after = 0; ; ) {
      const experts = await repo.pageExperts(db, after, FULL_LOAD_PAGE);
      if (!experts.length) break;
      after = experts[experts.length - 1]!.seq;
      yield { offers: [], experts };
    }
  }
  return { marker, organizations, pages: pages() };
}
type OfferPage = Awaited<ReturnType<typeof repo.pageOffers>>;
type ExpertPage = Awaited<ReturnType<typeof repo.pageExperts>>;

/** Every organisation, retired ones too (records inherit from their organisation in an index kept in memory). */
export function allOrganizations(db: Db) {
  return repo.organizationsChangedAfter(db, null);
}

/** How many live records a complete index of the catalogue holds. */
export function liveCatalogueCount(db: Db): Promise<number> {
  return repo.liveCatalogueCount(db);
}
/** Which database this is (to tell an index snapshot written for another one). */
export function databaseIdentity(db: Db): Promise<string> {
  return repo.databaseIdentity(db);
}
/**
 * Whether an index snapshot written for `written` at `marker` can be caught up from here: the same database, and a
 * marker this database has passed (not one from a restored older copy, whose later transactions it never saw).
 */
export async function markerFits(db: Db, database: string, written: string, marker: CatalogueMarker) {
  if (written !== database) return false;
  return repo.markerIsPast(db, marker).catch(() => false);
}

/**
 * Records containing every word (plain SQL, no ranking): the answer while the search index is still being built.
 * `network`: whether network-only records (experts without a public profile) may be shown.
 */
export async function searchCatalogueText(
  db: Db,
  words: string[],
  f: repo.TextSearchFilter,
  network: boolean,
  offset: number,
  limit: number,
) {
  return repo.searchCatalogueText(db, words, f, !network, offset, limit);
}

/** The network's settings document (protocol, aims), or null. */
export function getNetworkSettings<T>(db: Db): Promise<T | null> {
  return repo.getNetworkSetting<T>(db, 'network');
}

/** Members shown on the home page: the centres and the Region, in import order. */
export function findNetworkMembers(db: Db) {
  return repo.findOrganizationsByKind(db, ['centre', 'region']);
}

export function countRecordsByOrganization(db: Db, actor: Actor) {
  return repo.countRecordsByOrganization(db, !canSeeNetworkContent(actor));
}
