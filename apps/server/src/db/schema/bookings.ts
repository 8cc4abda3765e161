import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { offers, organizations, type LocalizedText } from './catalogue.ts';
import { users } from './identity.ts';
import {
  BOOKING_STATES,
  TARIFF_UNITS,
  USER_CATEGORIES,
  type BookingState,
  type TariffUnit,
  type UserCategory,
} from '@clock/contracts';

export { BOOKING_STATES } from '@clock/contracts';
export type BookingStateValue = BookingState;
export type UserCategoryValue = UserCategory;
export type TariffUnitValue = TariffUnit;

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/** A PostgreSQL `tstzrange`, read and written as its text form `["2026-01-01 09:00:00+00","2026-01-01 10:00:00+00")`. */
export const tstzrange = customType<{ data: string; driverData: string }>({ dataType: () => 'tstzrange' });

/** Which instrument may be booked and how (one row per equipment record that has a policy). */
export const bookingPolicies = pgTable(
  'booking_policies',
  {
    equipmentId: text('equipment_id').primaryKey(),
    /** Always 'equipment': with equipment_id, the foreign key into the catalogue's (type, id). */
    offerType: text('offer_type').notNull().default('equipment'),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade' }),
    bookable: boolean('bookable').notNull().default(false),
    approval: text('approval').notNull().default('manual').$type<'automatic' | 'manual'>(),
    slotMinutes: integer('slot_minutes').notNull().default(30),
    minMinutes: integer('min_minutes').notNull().default(30),
    maxMinutes: integer('max_minutes').notNull().default(480),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    leadHours: integer('lead_hours').notNull().default(24),
    horizonDays: integer('horizon_days').notNull().default(90),
    assistedOnly: boolean('assisted_only').notNull().default(false),
    qualificationId: uuid('qualification_id').references(() => qualifications.id),
    pendingExpiryHours: integer('pending_expiry_hours').notNull().default(48),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.offerType, t.equipmentId], foreignColumns: [offers.type, offers.id] })
      .onUpdate('cascade')
      .onDelete('cascade'),
    check('booking_policies_offer_type_check', sql`${t.offerType} = 'equipment'`),
    check('booking_policies_approval_check', sql`${t.approval} in ('automatic','manual')`),
    check(
      'booking_policies_minutes_check',
      sql`${t.slotMinutes} > 0 and ${t.minMinutes} > 0 and ${t.minMinutes} <= ${t.maxMinutes} and ${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0 and ${t.leadHours} >= 0 and ${t.horizonDays} > 0 and ${t.pendingExpiryHours} > 0`,
    ),
    index('booking_policies_organization_idx').on(t.organizationId),
  ],
);

/** Recurring opening windows of an instrument: an RFC 5545 RRULE from a first day, a local start time and a length. */
export const openingRules = pgTable(
  'opening_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    equipmentId: text('equipment_id')
      .notNull()
      .references(() => bookingPolicies.equipmentId, { onDelete: 'cascade', onUpdate: 'cascade' }),
    rrule: text('rrule').notNull(),
    startDate: date('start_date').notNull(),
    /** Minutes after local midnight (Europe/Rome). */
    startMinute: integer('start_minute').notNull(),
    minutes: integer('minutes').notNull(),
    assisted: boolean('assisted').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    check('opening_rules_minutes_check', sql`${t.startMinute} between 0 and 1439 and ${t.minutes} > 0`),
    index('opening_rules_equipment_idx').on(t.equipmentId),
  ],
);

/** A centre's (or one instrument's) closure; national holidays are computed, not stored. */
export const closures = pgTable(
  'closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade' }),
    equipmentId: text('equipment_id').references(() => bookingPolicies.equipmentId, {
      onDelete: 'cascade',
      onUpdate: 'cascade',
    }),
    during: tstzrange('during').notNull(),
    reason: jsonb('reason').$type<LocalizedText>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('closures_not_empty', sql`not isempty(${t.during})`),
    index('closures_organization_idx').on(t.organizationId),
  ],
);

/** Prices per instrument × user category × unit, in euro cents, valid over a period (history kept for quotes). */
export const tariffs = pgTable(
  'tariffs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    equipmentId: text('equipment_id')
      .notNull()
      .references(() => bookingPolicies.equipmentId, { onDelete: 'cascade', onUpdate: 'cascade' }),
    category: text('category').notNull().$type<UserCategoryValue>(),
    unit: text('unit').notNull().$type<TariffUnitValue>(),
    amountCents: integer('amount_cents').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp('valid_to', { withTimezone: true }),
  },
  (t) => [
    check('tariffs_category_check', sql`${t.category} in (${list(USER_CATEGORIES)})`),
    check('tariffs_unit_check', sql`${t.unit} in (${list(TARIFF_UNITS)})`),
    check('tariffs_amount_check', sql`${t.amountCents} >= 0`),
    check('tariffs_validity_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    uniqueIndex('tariffs_current_unique').on(t.equipmentId, t.category, t.unit).where(sql`${t.validTo} is null`),
  ],
);

/** What a person must hold to use an instrument (granted by its centre, or later by attending a course). */
export const qualifications = pgTable(
  'qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade' }),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>(),
    howToObtain: jsonb('how_to_obtain').$type<LocalizedText>(),
    validityMonths: integer('validity_months'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('qualifications_validity_check', sql`${t.validityMonths} is null or ${t.validityMonths} > 0`),
    index('qualifications_organization_idx').on(t.organizationId),
  ],
);

export const qualificationGrants = pgTable(
  'qualification_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    qualificationId: uuid('qualification_id')
      .notNull()
      .references(() => qualifications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    source: text('source').notNull().default('manual').$type<'manual' | 'event'>(),
    note: text('note'),
    /** The event whose attendance granted it (source = event); its foreign key is in the events migration. */
    eventId: uuid('event_id'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    /** Last day it is valid (inclusive); null: no expiry. */
    validUntil: date('valid_until'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    check('qualification_grants_source_check', sql`${t.source} in ('manual','event')`),
    check('qualification_grants_event_check', sql`(${t.source} = 'event') = (${t.eventId} is not null)`),
    check('qualification_grants_revoke_reason', sql`${t.revokedAt} is null or ${t.revokeReason} is not null`),
    index('qualification_grants_user_idx').on(t.userId),
    index('qualification_grants_qualification_idx').on(t.qualificationId),
  ],
);

/**
 * Bookings and maintenance blocks. `during` is the booked time, `blocked` the time it keeps others away (during
 * widened by the set-up and cleaning buffers). No two active rows of one instrument overlap: the exclusion
 * constraint at the end of the migration, not application code, decides.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human reference, shown as B-0001. */
    number: serial('number').notNull().unique(),
    equipmentId: text('equipment_id')
      .notNull()
      .references(() => bookingPolicies.equipmentId, { onUpdate: 'cascade' }),
    /** The equipment's organisation when booked (the centre that approves). */
    ownerOrganizationId: text('owner_organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade' }),
    bookerUserId: uuid('booker_user_id').references(() => users.id, { onDelete: 'set null' }),
    bookerOrganizationId: text('booker_organization_id').references(() => organizations.id, { onUpdate: 'cascade' }),
    userCategory: text('user_category').$type<UserCategoryValue>(),
    during: tstzrange('during').notNull(),
    blocked: tstzrange('blocked').notNull(),
    state: text('state').notNull().$type<BookingStateValue>(),
    assisted: boolean('assisted').notNull().default(false),
    purpose: text('purpose').notNull(),
    samples: integer('samples'),
    /** The frozen price quote (amount, unit, quantity, tariff); null: no tariff applied. */
    quote: jsonb('quote').$type<Record<string, unknown>>(),
    tariffId: uuid('tariff_id').references(() => tariffs.id),
    amountCents: integer('amount_cents'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    actualStart: timestamp('actual_start', { withTimezone: true }),
    actualEnd: timestamp('actual_end', { withTimezone: true }),
    /** Raised on every change: the iCalendar SEQUENCE. */
    sequence: integer('sequence').notNull().default(0),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('bookings_state_check', sql`${t.state} in (${list(BOOKING_STATES)})`),
    check('bookings_category_check', sql`${t.userCategory} is null or ${t.userCategory} in (${list(USER_CATEGORIES)})`),
    check('bookings_during_check', sql`not isempty(${t.during}) and ${t.blocked} @> ${t.during}`),
    check('bookings_declined_reason', sql`${t.state} <> 'declined' or ${t.reason} is not null`),
    index('bookings_booker_idx').on(t.bookerUserId),
    index('bookings_owner_idx').on(t.ownerOrganizationId, t.state),
    index('bookings_state_idx').on(t.state),
  ],
);

/** What happened to a booking, in words its booker and the centre read. */
export const bookingEvents = pgTable(
  'booking_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    message: text('message'),
  },
  (t) => [index('booking_events_booking_idx').on(t.bookingId, t.id)],
);

/**
 * A person's private iCalendar feed. The token is a capability URL the person pastes into a calendar client, shown
 * again whenever they ask (so it is kept as is); it reads only that person's own bookings, and a reset replaces it.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  token: text('token').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
