import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  EVENT_KINDS,
  EVENT_MODES,
  EVENT_ORGANIZER_ROLES,
  EVENT_STATES,
  EVENT_VISIBILITIES,
  REGISTRATION_STATES,
  type EventKind,
  type EventMode,
  type EventOrganizerRole,
  type EventQuestion,
  type EventState,
  type EventVisibility,
  type RegistrationState,
} from '@clock/contracts';
import { organizations, type LocalizedText } from './catalogue.ts';
import { users } from './identity.ts';
import { qualifications, tstzrange } from './bookings.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));
const hasText = (c: unknown) => sql`(${c} ? 'it' or ${c} ? 'en')`;

export interface EventPlaceValue {
  name: string;
  address?: string;
  lat?: number;
  lon?: number;
}

/**
 * Events of the network: seminars, workshops, open labs, courses, webinars, matchmaking days (decision 017).
 * `sequence` is the iCalendar SEQUENCE, raised on every change once published; a course may grant a qualification to
 * those who attended at least `attendance_required` of its sessions.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human reference, shown as E-0001. */
    number: serial('number').notNull().unique(),
    kind: text('kind').notNull().$type<EventKind>(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    summary: jsonb('summary').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>(),
    mode: text('mode').notNull().$type<EventMode>(),
    place: jsonb('place').$type<EventPlaceValue>(),
    onlineUrl: text('online_url'),
    language: text('language').notNull().default('it'),
    audience: jsonb('audience').$type<LocalizedText>(),
    filiere: text('filiere').array().notNull().default(sql`'{}'::text[]`),
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    s3: text('s3').array().notNull().default(sql`'{}'::text[]`),
    capacity: integer('capacity'),
    registrationOpens: timestamp('registration_opens', { withTimezone: true }),
    registrationCloses: timestamp('registration_closes', { withTimezone: true }),
    questions: jsonb('questions').$type<EventQuestion[]>().notNull().default(sql`'[]'::jsonb`),
    /** Euro cents; null: free. */
    price: integer('price'),
    state: text('state').notNull().default('draft').$type<EventState>(),
    sequence: integer('sequence').notNull().default(0),
    visibility: text('visibility').notNull().default('public').$type<EventVisibility>(),
    grantsQualificationId: uuid('grants_qualification_id').references(() => qualifications.id, {
      onDelete: 'set null',
    }),
    attendanceRequired: doublePrecision('attendance_required').notNull().default(1),
    cancelReason: text('cancel_reason'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The first session's start and the last one's end (kept by the service with the sessions, for lists). */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('events_kind_check', sql`${t.kind} in (${list(EVENT_KINDS)})`),
    check('events_mode_check', sql`${t.mode} in (${list(EVENT_MODES)})`),
    check('events_state_check', sql`${t.state} in (${list(EVENT_STATES)})`),
    check('events_visibility_check', sql`${t.visibility} in (${list(EVENT_VISIBILITIES)})`),
    check('events_title_check', hasText(t.title)),
    check('events_summary_check', hasText(t.summary)),
    check('events_place_check', sql`${t.mode} = 'online' or ${t.place} is not null`),
    check('events_online_check', sql`${t.mode} = 'in-person' or ${t.onlineUrl} is not null`),
    check('events_capacity_check', sql`${t.capacity} is null or ${t.capacity} > 0`),
    check('events_price_check', sql`${t.price} is null or ${t.price} >= 0`),
    check('events_attendance_check', sql`${t.attendanceRequired} between 0 and 1`),
    check('events_cancel_reason', sql`${t.state} <> 'cancelled' or ${t.cancelReason} is not null`),
    check('events_dates_check', sql`${t.endsAt} > ${t.startsAt}`),
    index('events_starts_idx').on(t.startsAt),
    index('events_state_idx').on(t.state, t.visibility),
  ],
);

/** Who organises an event: one lead and co-organisers (a centre, the Region, any organisation). */
export const eventOrganizers = pgTable(
  'event_organizers',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade' }),
    role: text('role').notNull().$type<EventOrganizerRole>(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.organizationId] }),
    check('event_organizers_role_check', sql`${t.role} in (${list(EVENT_ORGANIZER_ROLES)})`),
    uniqueIndex('event_organizers_one_lead').on(t.eventId).where(sql`${t.role} = 'lead'`),
    index('event_organizers_organization_idx').on(t.organizationId),
  ],
);

/** When an event takes place: one session, or several for a course. */
export const eventSessions = pgTable(
  'event_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    during: tstzrange('during').notNull(),
    place: jsonb('place').$type<EventPlaceValue>(),
    title: jsonb('title').$type<LocalizedText>(),
  },
  (t) => [
    check('event_sessions_not_empty', sql`not isempty(${t.during}) and not lower_inf(${t.during})`),
    index('event_sessions_event_idx').on(t.eventId),
  ],
);

/**
 * A person's registration: a user, or an e-mail address confirmed by a link. Tokens are kept hashed (SHA-256), as
 * one_time_tokens are: `confirm_token_hash` for the confirmation link, `manage_token_hash` for reading, cancelling and the
 * certificate without an account, `certificate_token_hash` for reading and the certificate only (made when attendance
 * is met and mailed with the certificate's link, so the first link keeps working). At most one live registration per event and e-mail address.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Lower-cased. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    organizationId: text('organization_id').references(() => organizations.id, { onUpdate: 'cascade' }),
    organizationName: text('organization_name'),
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    lang: text('lang').notNull().default('it'),
    state: text('state').notNull().$type<RegistrationState>(),
    /** Orders the waiting list (the position shown is the rank among those waiting). */
    waitingSince: timestamp('waiting_since', { withTimezone: true }),
    confirmTokenHash: text('confirm_token_hash').unique(),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }),
    manageTokenHash: text('manage_token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** Verification code printed on the attendance certificate. */
    certificateCode: text('certificate_code'),
    certificateTokenHash: text('certificate_token_hash').unique(),
  },
  (t) => [
    check('event_registrations_state_check', sql`${t.state} in (${list(REGISTRATION_STATES)})`),
    check('event_registrations_email_lower', sql`${t.email} = lower(${t.email})`),
    check('event_registrations_lang_check', sql`${t.lang} in ('it','en')`),
    check('event_registrations_waiting', sql`(${t.state} = 'waiting') = (${t.waitingSince} is not null)`),
    uniqueIndex('event_registrations_live_unique').on(t.eventId, t.email).where(sql`${t.state} <> 'cancelled'`),
    index('event_registrations_event_idx').on(t.eventId, t.state),
    index('event_registrations_user_idx').on(t.userId),
  ],
);

/** Presence at a session, recorded by an organiser. */
export const eventAttendance = pgTable(
  'event_attendance',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => eventRegistrations.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => eventSessions.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.registrationId, t.sessionId] }),
    index('event_attendance_session_idx').on(t.sessionId),
  ],
);

/** What happened to an event, in words its organisers read (publication, changes, cancellation, messages). */
export const eventTimeline = pgTable(
  'event_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    message: text('message'),
  },
  (t) => [index('event_events_event_idx').on(t.eventId, t.id)],
);
