import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, type LocalizedText } from './catalogue.ts';
import { users } from './identity.ts';

export const KPI_KINDS = ['count', 'percentage', 'amount', 'boolean'] as const;
export const KPI_DIRECTIONS = ['up', 'down'] as const;
export const KPI_AGGREGATIONS = ['sum', 'mean', 'median', 'last'] as const;
export const KPI_SOURCES = ['computed', 'manual'] as const;
export const REPORT_STATES = ['draft', 'signing', 'signed', 'reopened'] as const;
export type KpiKind = (typeof KPI_KINDS)[number];
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export type KpiAggregation = (typeof KPI_AGGREGATIONS)[number];
export type KpiSource = (typeof KPI_SOURCES)[number];
export type ReportState = (typeof REPORT_STATES)[number];

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/** The protocol of understanding between the Region and the centres: signed on a day, for a term, renewed. */
export const protocols = pgTable(
  'protocols',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    signedOn: date('signed_on').notNull(),
    place: text('place'),
    termMonths: integer('term_months').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('protocols_term_check', sql`${t.termMonths} > 0`)],
);

/** The parties, in the order they sign a verification report: the centres, then the Region. */
export const protocolParties = pgTable(
  'protocol_parties',
  {
    protocolId: uuid('protocol_id')
      .notNull()
      .references(() => protocols.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade' }),
    position: integer('position').notNull(),
    role: text('role').notNull().$type<'centre' | 'region'>(),
  },
  (t) => [
    primaryKey({ columns: [t.protocolId, t.organizationId] }),
    unique('protocol_parties_position_unique').on(t.protocolId, t.position),
    check('protocol_parties_role_check', sql`${t.role} in ('centre','region')`),
  ],
);

export const protocolRenewals = pgTable(
  'protocol_renewals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protocolId: uuid('protocol_id')
      .notNull()
      .references(() => protocols.id, { onDelete: 'cascade' }),
    renewedOn: date('renewed_on').notNull(),
    termMonths: integer('term_months').notNull(),
    note: jsonb('note').$type<LocalizedText>(),
  },
  (t) => [check('protocol_renewals_term_check', sql`${t.termMonths} > 0`)],
);

/** An objective agreed for a period, network-wide (no organisation) or for one centre, measured by KPIs. */
export const objectives = pgTable(
  'objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: serial('number').notNull().unique(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    organizationId: text('organization_id').references(() => organizations.id, { onUpdate: 'cascade' }),
    text: jsonb('text').$type<LocalizedText>().notNull(),
    s3: text('s3').array().notNull().default(sql`'{}'::text[]`),
    kpis: text('kpis').array().notNull().default(sql`'{}'::text[]`),
    /** Public objectives are read by anyone (the public summary); the others by the nucleus and the Region. */
    public: boolean('public').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('objectives_period_check', sql`${t.periodFrom} <= ${t.periodTo}`),
    index('objectives_period_idx').on(t.periodFrom, t.periodTo),
  ],
);

/** A KPI's meaning. Computed ones are registered in code and mirrored here so targets can name them. */
export const kpiDefinitions = pgTable(
  'kpi_definitions',
  {
    code: text('code').primaryKey(),
    label: jsonb('label').$type<LocalizedText>().notNull(),
    unit: text('unit').notNull(),
    kind: text('kind').notNull().$type<KpiKind>(),
    direction: text('direction').notNull().$type<KpiDirection>(),
    aggregation: text('aggregation').notNull().$type<KpiAggregation>(),
    source: text('source').notNull().$type<KpiSource>(),
    /** Shown in the public summary (aggregates only). */
    public: boolean('public').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('kpi_definitions_code_check', sql`${t.code} ~ '^[a-z0-9]+([.-][a-z0-9]+)*$'`),
    check('kpi_definitions_kind_check', sql`${t.kind} in (${list(KPI_KINDS)})`),
    check('kpi_definitions_direction_check', sql`${t.direction} in (${list(KPI_DIRECTIONS)})`),
    check('kpi_definitions_aggregation_check', sql`${t.aggregation} in (${list(KPI_AGGREGATIONS)})`),
    check('kpi_definitions_source_check', sql`${t.source} in (${list(KPI_SOURCES)})`),
  ],
);

/** The KPI, period and scope (network: no organisation) a target or a manual value is for. */
const kpiPeriodScope = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  kpiCode: text('kpi_code')
    .notNull()
    .references(() => kpiDefinitions.code, { onUpdate: 'cascade' }),
  periodFrom: date('period_from').notNull(),
  periodTo: date('period_to').notNull(),
  organizationId: text('organization_id').references(() => organizations.id, { onUpdate: 'cascade' }),
});

/** Baseline and target of a KPI over a period, network-wide or for one organisation: numbers, never text. */
export const kpiTargets = pgTable(
  'kpi_targets',
  {
    ...kpiPeriodScope(),
    baseline: doublePrecision('baseline'),
    target: doublePrecision('target').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('kpi_targets_period_check', sql`${t.periodFrom} <= ${t.periodTo}`),
    unique('kpi_targets_unique').on(t.kpiCode, t.periodFrom, t.periodTo, t.organizationId).nullsNotDistinct(),
  ],
);

/** A manual KPI's value for a period, with its evidence and who entered it. */
export const kpiManualValues = pgTable(
  'kpi_manual_values',
  {
    ...kpiPeriodScope(),
    value: doublePrecision('value'),
    booleanValue: boolean('boolean_value'),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    evidenceUrl: text('evidence_url').notNull(),
    note: text('note'),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('kpi_manual_values_period_check', sql`${t.periodFrom} <= ${t.periodTo}`),
    check('kpi_manual_values_one_value', sql`(${t.value} is null) <> (${t.booleanValue} is null)`),
    check(
      'kpi_manual_values_fraction_check',
      sql`(${t.numerator} is null) = (${t.denominator} is null) and (${t.denominator} is null or ${t.denominator} > 0)`,
    ),
    unique('kpi_manual_values_unique').on(t.kpiCode, t.periodFrom, t.periodTo, t.organizationId).nullsNotDistinct(),
  ],
);

export interface ReportOverride {
  objective: string;
  status: 'green' | 'amber' | 'red';
  comment: string;
}

/**
 * A periodic verification report. Once signed it is immutable (a trigger refuses UPDATE and DELETE, except marking it
 * reopened when a new revision replaces it); `content_hash` is the SHA-256 of what was signed.
 */
export const verificationReports = pgTable(
  'verification_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: serial('number').notNull().unique(),
    protocolId: uuid('protocol_id')
      .notNull()
      .references(() => protocols.id),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    revision: integer('revision').notNull().default(1),
    previousId: uuid('previous_id'),
    reopenReason: text('reopen_reason'),
    state: text('state').notNull().$type<ReportState>().default('draft'),
    conclusions: text('conclusions'),
    adjustments: text('adjustments'),
    overrides: jsonb('overrides').$type<ReportOverride[]>().notNull().default([]),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    contentHash: text('content_hash'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
  },
  (t) => [
    check('verification_reports_period_check', sql`${t.periodFrom} <= ${t.periodTo}`),
    check('verification_reports_state_check', sql`${t.state} in (${list(REPORT_STATES)})`),
    check(
      'verification_reports_signed_hash',
      sql`${t.state} not in ('signed','reopened') or (${t.contentHash} is not null and ${t.signedAt} is not null)`,
    ),
    check('verification_reports_reopen_reason', sql`${t.previousId} is null or ${t.reopenReason} is not null`),
    unique('verification_reports_revision_unique').on(t.periodFrom, t.periodTo, t.revision),
  ],
);

/** Each centre's comment on a report, written by that centre's nucleus member. */
export const reportComments = pgTable(
  'report_comments',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => verificationReports.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade' }),
    comment: text('comment').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.organizationId] })],
);

/** The ordered signer slots: each centre's nucleus member in the protocol's order, then the Region. */
export const reportSignatures = pgTable(
  'report_signatures',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => verificationReports.id),
    position: integer('position').notNull(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade' }),
    role: text('role').notNull().$type<'centre' | 'region'>(),
    signedBy: uuid('signed_by').references(() => users.id, { onDelete: 'set null' }),
    signerName: text('signer_name'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.position] }),
    check('report_signatures_role_check', sql`${t.role} in ('centre','region')`),
    check('report_signatures_signed_check', sql`(${t.signedAt} is null) = (${t.signerName} is null)`),
  ],
);
