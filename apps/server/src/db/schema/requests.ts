import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './catalogue.ts';
import { users } from './identity.ts';
import { bookings } from './bookings.ts';

export const REQUEST_STATES = [
  'submitted',
  'triage',
  'open',
  'team_agreed',
  'in_progress',
  'closed',
  'declined',
  'withdrawn',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const CONFIDENTIALITY_TIERS = ['public', 'network', 'confidential'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_TIERS)[number];
export const TEAM_ROLES = ['lead', 'partner'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/**
 * A company's problem brought to the network: the shared front door. `description` and `desired_outcome` are the
 * details a confidential request hides from everyone but its company, the nucleus and the centres assigned;
 * `summary` is what a public request shows to anyone.
 */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human reference, shown as R-0001. */
    number: serial('number').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary'),
    description: text('description').notNull(),
    desiredOutcome: text('desired_outcome'),
    sector: text('sector'),
    filiera: text('filiera'),
    deadline: date('deadline'),
    lang: text('lang').notNull().default('it'),
    confidentiality: text('confidentiality').notNull().$type<Confidentiality>(),
    state: text('state').notNull().$type<RequestState>().default('submitted'),
    /** The company the request is for: a registered organisation, or only a name when a centre submits for one. */
    companyOrganizationId: text('company_organization_id').references(() => organizations.id, { onUpdate: 'cascade' }),
    companyName: text('company_name').notNull(),
    contactEmail: text('contact_email'),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    /** The centre that submitted on the company's behalf (null when the company submitted itself). */
    submittedViaOrganizationId: text('submitted_via_organization_id').references(() => organizations.id, {
      onUpdate: 'cascade',
    }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true }).notNull().defaultNow(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the current state should be left by (response-time targets, in working days); null when no target. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    outcome: text('outcome'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    /** The catalogue record the request started from ("contact / ask for a quote"): demand per record. */
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('requests_state_check', sql`${t.state} in (${list(REQUEST_STATES)})`),
    check('requests_confidentiality_check', sql`${t.confidentiality} in (${list(CONFIDENTIALITY_TIERS)})`),
    check('requests_lang_check', sql`${t.lang} in ('it','en')`),
    check('requests_rating_check', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check('requests_public_summary', sql`${t.confidentiality} <> 'public' or ${t.summary} is not null`),
    check('requests_declined_reason', sql`${t.state} <> 'declined' or ${t.declineReason} is not null`),
    check('requests_closed_outcome', sql`${t.state} <> 'closed' or ${t.outcome} is not null`),
    index('requests_state_idx').on(t.state),
    index('requests_company_idx').on(t.companyOrganizationId),
    check(
      'requests_source_check',
      sql`(${t.sourceType} is null) = (${t.sourceId} is null) and (${t.sourceType} is null or ${t.sourceType} in ('competence','service','equipment','expert'))`,
    ),
    index('requests_source_idx').on(t.sourceType, t.sourceId),
  ],
);

/**
 * The centres involved in a request: invited by the nucleus (the only way into a confidential request), their
 * expression of interest with a short proposal, and their place in the agreed team.
 */
export const requestCentres = pgTable(
  'request_centres',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade' }),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    interestAt: timestamp('interest_at', { withTimezone: true }),
    interestBy: uuid('interest_by').references(() => users.id, { onDelete: 'set null' }),
    proposal: text('proposal'),
    /** Aspect labels of the problem the centre says it covers. */
    aspects: jsonb('aspects').$type<string[]>().notNull().default([]),
    teamRole: text('team_role').$type<TeamRole>(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.organizationId] }),
    check('request_centres_team_role_check', sql`${t.teamRole} is null or ${t.teamRole} in (${list(TEAM_ROLES)})`),
    index('request_centres_organization_idx').on(t.organizationId),
  ],
);

/** What happened to a request, in words its company and centres read (the audit log keeps the full before/after). */
export const requestEvents = pgTable(
  'request_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorOrganizationId: text('actor_organization_id'),
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    message: text('message'),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.id)],
);

/** In-app notifications; e-mail copies go out at once or in a daily digest, as each user chose. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    requestId: uuid('request_id').references(() => requests.id, { onDelete: 'cascade' }),
    bookingId: uuid('booking_id').references((): AnyPgColumn => bookings.id, { onDelete: 'cascade' }),
    /** Values for the message (request reference and title, state, organisation); never a confidential detail. */
    params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Set when an e-mail (immediate or digest) included it, or when none will be sent. */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id)],
);

/**
 * Outgoing e-mail, written in the same transaction as the change it reports, delivered by the worker with retries:
 * a rolled-back change sends nothing and a failed SMTP server loses nothing.
 */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** Extra header fields of the message (e.g. List-Unsubscribe and List-Unsubscribe-Post of a newsletter). */
    headers: jsonb('headers').$type<Record<string, string>>(),
    /** Files sent with the message (an invitation's .ics): name, MIME type, content as text. */
    attachments: jsonb('attachments').$type<MailAttachment[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null`)],
);

/** Periodic jobs (reminders, digests): the last run, claimed atomically so one process runs each. */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }).notNull(),
});
