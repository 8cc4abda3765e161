import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** Localised text as stored: `{ it?: string, en?: string }`. */
export type LocalizedText = { it?: string; en?: string };

/**
 * Every catalogue write takes the next value of this sequence as the row's `revision`, so any process can pick up
 * what changed since the revision it last saw (the search index does this).
 */
export const catalogueRevision = pgSequence('catalogue_revision_seq');
const revision = () => bigint('revision', { mode: 'number' }).notNull().default(sql`nextval('catalogue_revision_seq')`);
/**
 * The transaction that last wrote the row (set by a trigger on every insert and update). Revisions are taken inside
 * transactions that may commit in any order; a reader that remembers a database snapshot instead of a revision picks
 * up exactly the rows whose writers that snapshot did not yet see committed (decision 008).
 */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });
const changeXid = () => xid8('change_xid').notNull().default(sql`pg_current_xact_id()`);
const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** Soft delete: a retired record leaves the public catalogue but keeps its history. */
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export const ORGANIZATION_KINDS = [
  'centre',
  'company',
  'region',
  'university',
  'research_body',
  'association',
] as const;
export const OFFER_TYPES = ['competence', 'service', 'equipment'] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

export const organizations = pgTable(
  'organizations',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    town: text('town'),
    province: text('province'),
    website: text('website'),
    description: jsonb('description').$type<LocalizedText>(),
    sectors: text('sectors').array(),
    filiere: text('filiere').array(),
    s3: text('s3').array(),
    /** Presentation data outside the bundle format: district, coordinates. */
    profile: jsonb('profile').$type<{ district?: LocalizedText; lat?: number; lon?: number }>(),
    /** Position of first import, so an export lists records in the order they were given. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    revision: revision(),
    changeXid: changeXid(),
    ...timestamps(),
  },
  (t) => [
    check(
      'organizations_kind_check',
      sql`${t.kind} in ('centre','company','region','university','research_body','association')`,
    ),
    check('organizations_province_check', sql`${t.province} ~ '^[A-Z]{2}$'`),
    index('organizations_revision_idx').on(t.revision),
    index('organizations_change_xid_idx').on(t.changeXid),
    // Open-data files are read in pages by first-import order (keyset on seq).
    index('organizations_seq_idx').on(t.seq),
  ],
);

/** Competences, services and equipment share one table: the same search, ownership and life cycle. */
export const offers = pgTable(
  'offers',
  {
    type: text('type').notNull().$type<OfferType>(),
    id: text('id').notNull(),
    organizationId: text('organization_id').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>(),
    keywords: text('keywords').array(),
    technologyAreas: text('technology_areas').array(),
    sectors: text('sectors').array(),
    filiere: text('filiere').array(),
    /** The record's own S3 priorities (the 2021-2027 strategy for new tags); without them it takes its organisation's. */
    s3: text('s3').array(),
    trl: integer('trl'),
    serviceKind: text('service_kind'),
    lab: text('lab'),
    location: text('location'),
    bookable: boolean('bookable'),
    access: text('access'),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    revision: revision(),
    changeXid: changeXid(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.type, t.id] }),
    check('offers_type_check', sql`${t.type} in ('competence','service','equipment')`),
    check('offers_trl_check', sql`${t.trl} is null or (${t.type} = 'competence' and ${t.trl} between 1 and 9)`),
    check(
      'offers_service_kind_check',
      sql`${t.serviceKind} is null or (${t.type} = 'service' and ${t.serviceKind} in ('testing','analysis','consulting','training','certification','incubation','prototyping','funding_support','technology_scouting','other'))`,
    ),
    check(
      'offers_equipment_fields_check',
      sql`${t.type} = 'equipment' or (${t.lab} is null and ${t.location} is null and ${t.bookable} is null and ${t.access} is null)`,
    ),
    check('offers_access_check', sql`${t.access} is null or ${t.access} in ('internal','network','public')`),
    index('offers_organization_idx').on(t.organizationId),
    index('offers_revision_idx').on(t.revision),
    index('offers_change_xid_idx').on(t.changeXid),
    index('offers_type_seq_idx').on(t.type, t.seq),
    // A full load of the search index reads the offers page by page in this order.
    index('offers_seq_idx').on(t.seq),
  ],
);

export const experts = pgTable(
  'experts',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').notNull(),
    name: text('name').notNull(),
    role: jsonb('role').$type<LocalizedText>(),
    expertise: jsonb('expertise').$type<LocalizedText>(),
    keywords: text('keywords').array(),
    /** Recorded consent to a public profile; without it only signed-in network members see the person. */
    publicProfile: boolean('public_profile'),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    revision: revision(),
    changeXid: changeXid(),
    ...timestamps(),
  },
  (t) => [
    index('experts_organization_idx').on(t.organizationId),
    index('experts_revision_idx').on(t.revision),
    index('experts_change_xid_idx').on(t.changeXid),
    index('experts_seq_idx').on(t.seq),
  ],
);

export const TAXONOMY_SCHEMES = ['sector', 'filiera', 's3', 'technologyArea'] as const;
export type TaxonomyScheme = (typeof TAXONOMY_SCHEMES)[number];

export const taxonomyTerms = pgTable(
  'taxonomy_terms',
  {
    scheme: text('scheme').notNull().$type<TaxonomyScheme>(),
    code: text('code').notNull(),
    label: jsonb('label').$type<LocalizedText>().notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [
    primaryKey({ columns: [t.scheme, t.code] }),
    check('taxonomy_terms_scheme_check', sql`${t.scheme} in ('sector','filiera','s3','technologyArea')`),
  ],
);

/** Network-wide settings and texts (the protocol, its aims), one JSON document per key. */
export const networkSettings = pgTable('network_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
