import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import {
  ACTION_STATES,
  ACTION_VISIBILITIES,
  CONTRIBUTION_KINDS,
  MEETING_STATES,
  OUTCOME_KINDS,
  PARTNER_ROLES,
  type ActionState,
  type ActionVisibility,
  type ContributionKind,
  type MeetingState,
  type OutcomeKind,
  type PartnerRole,
} from '@clock/contracts';
import { organizations, type LocalizedText } from './catalogue.ts';
import { users } from './identity.ts';
import { requests } from './requests.ts';
import { bookings } from './bookings.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));

/**
 * A joint action between centres (and the Region, companies, universities): decision 019. `objective_id` links the
 * governance module's objectives (no foreign key here; it arrives with that module).
 */
export const jointActions = pgTable(
  'joint_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Shown as A-0007. */
    number: serial('number').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>(),
    leadOrganizationId: text('lead_organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade' }),
    state: text('state').notNull().default('planned').$type<ActionState>(),
    s3: text('s3').array().notNull().default(sql`'{}'::text[]`),
    filiere: text('filiere').array().notNull().default(sql`'{}'::text[]`),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    sourceRequestId: uuid('source_request_id').references(() => requests.id),
    parentActionId: uuid('parent_action_id').references((): AnyPgColumn => jointActions.id),
    objectiveId: uuid('objective_id'),
    visibility: text('visibility').notNull().default('network').$type<ActionVisibility>(),
    /** When it reached `closed` (for "closed on time"). */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('joint_actions_number_unique').on(t.number),
    check('joint_actions_state_check', sql`${t.state} in (${list(ACTION_STATES)})`),
    check('joint_actions_visibility_check', sql`${t.visibility} in (${list(ACTION_VISIBILITIES)})`),
    check('joint_actions_dates_check', sql`${t.startDate} <= ${t.endDate}`),
    check('joint_actions_not_own_parent', sql`${t.parentActionId} is null or ${t.parentActionId} <> ${t.id}`),
    index('joint_actions_lead_idx').on(t.leadOrganizationId),
    index('joint_actions_parent_idx').on(t.parentActionId),
    uniqueIndex('joint_actions_source_request_unique').on(t.sourceRequestId),
  ],
);

export const actionPartners = pgTable(
  'action_partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => jointActions.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade' }),
    role: text('role').notNull().$type<PartnerRole>(),
  },
  (t) => [
    uniqueIndex('action_partners_unique').on(t.actionId, t.organizationId),
    check('action_partners_role_check', sql`${t.role} in (${list(PARTNER_ROLES)})`),
    index('action_partners_organization_idx').on(t.organizationId),
  ],
);

export const actionMilestones = pgTable(
  'action_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => jointActions.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    dueDate: date('due_date').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    weight: integer('weight').notNull().default(1),
    /** When the "due soon" reminder went to the partners (once per due date). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    check('action_milestones_weight_check', sql`${t.weight} > 0`),
    index('action_milestones_action_idx').on(t.actionId),
  ],
);

export const actionContributions = pgTable(
  'action_contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => jointActions.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onUpdate: 'cascade' }),
    kind: text('kind').notNull().$type<ContributionKind>(),
    planned: numeric('planned', { precision: 16, scale: 2, mode: 'number' }).notNull(),
    actual: numeric('actual', { precision: 16, scale: 2, mode: 'number' }),
    periodStart: date('period_start'),
    periodEnd: date('period_end'),
    note: text('note'),
    bookingId: uuid('booking_id').references(() => bookings.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('action_contributions_kind_check', sql`${t.kind} in (${list(CONTRIBUTION_KINDS)})`),
    check('action_contributions_amounts_check', sql`${t.planned} >= 0 and (${t.actual} is null or ${t.actual} >= 0)`),
    check(
      'action_contributions_period_check',
      sql`${t.periodStart} is null or ${t.periodEnd} is null or ${t.periodStart} <= ${t.periodEnd}`,
    ),
    index('action_contributions_action_idx').on(t.actionId),
  ],
);

export const actionDocuments = pgTable(
  'action_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => jointActions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    url: text('url').notNull(),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_documents_action_idx').on(t.actionId)],
);

// ---- the coordination nucleus's meetings ----

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: serial('number').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    state: text('state').notNull().default('planned').$type<MeetingState>(),
    minutes: text('minutes'),
    minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
    /** The later meeting at which these minutes were approved. */
    approvedInMeetingId: uuid('approved_in_meeting_id').references((): AnyPgColumn => meetings.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meetings_number_unique').on(t.number),
    check('meetings_state_check', sql`${t.state} in (${list(MEETING_STATES)})`),
    check(
      'meetings_approved_check',
      sql`(${t.state} = 'minutes-approved') = (${t.minutesApprovedAt} is not null and ${t.approvedInMeetingId} is not null)`,
    ),
    index('meetings_starts_idx').on(t.startsAt),
  ],
);

export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: text('organization_id').references(() => organizations.id, { onUpdate: 'cascade' }),
    present: boolean('present').notNull().default(true),
  },
  (t) => [uniqueIndex('meeting_attendees_unique').on(t.meetingId, t.userId)],
);

export const meetingOutcomes = pgTable(
  'meeting_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id'),
    kind: text('kind').notNull().$type<OutcomeKind>(),
    text: text('text').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    dueDate: date('due_date'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    /** Governance's objectives (no foreign key: added with that module). */
    objectiveId: uuid('objective_id'),
    actionId: uuid('action_id').references(() => jointActions.id),
    requestId: uuid('request_id').references(() => requests.id),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('meeting_outcomes_kind_check', sql`${t.kind} in (${list(OUTCOME_KINDS)})`),
    // An action item has an owner and a due date; the other kinds are not done or owned.
    check(
      'meeting_outcomes_action_check',
      sql`(${t.kind} = 'action') = (${t.ownerUserId} is not null and ${t.dueDate} is not null) and (${t.kind} = 'action' or ${t.doneAt} is null)`,
    ),
    index('meeting_outcomes_meeting_idx').on(t.meetingId),
    index('meeting_outcomes_open_idx').on(t.kind).where(sql`${t.doneAt} is null`),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** An open action item of an earlier meeting, carried over to this agenda. */
    carriedOutcomeId: uuid('carried_outcome_id').references(() => meetingOutcomes.id),
  },
  (t) => [
    uniqueIndex('agenda_items_position_unique').on(t.meetingId, t.position),
    uniqueIndex('agenda_items_carried_unique').on(t.meetingId, t.carriedOutcomeId),
  ],
);
