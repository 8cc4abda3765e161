import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AGREEMENT_KINDS,
  EOI_STATES,
  IP_STATUSES,
  MEETING_REQUEST_STATES,
  OPPORTUNITY_KINDS,
  OPPORTUNITY_STAGES,
  OPPORTUNITY_STATES,
  OUTCOME_ANSWERS,
  PARTNERSHIP_KINDS,
  RELATION_KINDS,
  RELATION_SOURCES,
  REVIEW_DECISIONS,
  type AgreementKind,
  type EoiState,
  type IpStatus,
  type MeetingRequestState,
  type OpportunityKind,
  type OpportunityStage,
  type OpportunityState,
  type OutcomeAnswer,
  type PartnershipKind,
  type RelationKind,
  type RelationSource,
  type ReviewDecision,
} from '@clock/contracts';
import { organizations, type LocalizedText } from './catalogue.ts';
import { users } from './identity.ts';
import { events } from './events.ts';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));
const orgRef = () => ({ onUpdate: 'cascade' as const });
const bilingual = (col: unknown) => sql`(${col} ? 'it' or ${col} ? 'en')`;

/**
 * A company's partnering opportunity (the five kinds of the Enterprise Europe Network's profiles): named, or
 * anonymous — then only its handling centre and its own members know whose it is until an introduction reveals it.
 */
export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The human reference, shown as `OP-0042`. */
    number: serial('number').notNull(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, orgRef()),
    centreId: text('centre_id')
      .notNull()
      .references(() => organizations.id, orgRef()),
    kind: text('kind').notNull().$type<OpportunityKind>(),
    title: jsonb('title').notNull().$type<LocalizedText>(),
    description: jsonb('description').notNull().$type<LocalizedText>(),
    /** The technology or product offered or sought. */
    technology: jsonb('technology').$type<LocalizedText>(),
    stage: text('stage').$type<OpportunityStage>(),
    ipStatus: text('ip_status').$type<IpStatus>(),
    partnerSought: jsonb('partner_sought').$type<LocalizedText>(),
    partnershipKinds: text('partnership_kinds').array().notNull().default(sql`'{}'::text[]`).$type<PartnershipKind[]>(),
    filiere: text('filiere').array().notNull().default(sql`'{}'::text[]`),
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    s3: text('s3').array().notNull().default(sql`'{}'::text[]`),
    anonymous: boolean('anonymous').notNull().default(false),
    state: text('state').notNull().$type<OpportunityState>().default('draft'),
    /** When it stops being shown; at most a year after publication. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** When the company was reminded of the coming expiry (once per publication). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('opportunities_number_unique').on(t.number),
    check('opportunities_kind_check', sql`${t.kind} in (${list(OPPORTUNITY_KINDS)})`),
    check('opportunities_state_check', sql`${t.state} in (${list(OPPORTUNITY_STATES)})`),
    check('opportunities_stage_check', sql`${t.stage} is null or ${t.stage} in (${list(OPPORTUNITY_STAGES)})`),
    check('opportunities_ip_check', sql`${t.ipStatus} is null or ${t.ipStatus} in (${list(IP_STATUSES)})`),
    check('opportunities_partnership_check', sql`${t.partnershipKinds} <@ array[${list(PARTNERSHIP_KINDS)}]::text[]`),
    check('opportunities_title_check', bilingual(t.title)),
    check('opportunities_description_check', bilingual(t.description)),
    check(
      'opportunities_expiry_check',
      sql`${t.publishedAt} is null or ${t.expiresAt} <= ${t.publishedAt} + interval '1 year'`,
    ),
    check('opportunities_published_check', sql`${t.state} <> 'published' or ${t.publishedAt} is not null`),
    index('opportunities_state_idx').on(t.state, t.publishedAt),
    index('opportunities_organization_idx').on(t.organizationId),
    index('opportunities_centre_idx').on(t.centreId, t.state),
  ],
);

/** The handling centre's review before publication: a rubric of four scores, a decision, a comment. */
export const opportunityReviews = pgTable(
  'opportunity_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    centreId: text('centre_id')
      .notNull()
      .references(() => organizations.id, orgRef()),
    clarity: smallint('clarity').notNull(),
    innovation: smallint('innovation').notNull(),
    partnerSought: smallint('partner_sought').notNull(),
    completeness: smallint('completeness').notNull(),
    decision: text('decision').notNull().$type<ReviewDecision>(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'opportunity_reviews_scores_check',
      sql`${t.clarity} between 1 and 5 and ${t.innovation} between 1 and 5 and ${t.partnerSought} between 1 and 5 and ${t.completeness} between 1 and 5`,
    ),
    check('opportunity_reviews_decision_check', sql`${t.decision} in (${list(REVIEW_DECISIONS)})`),
    check('opportunity_reviews_comment_check', sql`${t.decision} = 'publish' or ${t.comment} is not null`),
    index('opportunity_reviews_opportunity_idx').on(t.opportunityId, t.createdAt),
  ],
);

/** Another company's interest in an opportunity, routed through the handling centre. */
export const expressionsOfInterest = pgTable(
  'expressions_of_interest',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: serial('number').notNull(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, orgRef()),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note').notNull(),
    state: text('state').notNull().$type<EoiState>().default('pending'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('expressions_of_interest_state_check', sql`${t.state} in (${list(EOI_STATES)})`),
    check('expressions_of_interest_decided', sql`(${t.state} = 'pending') = (${t.decidedAt} is null)`),
    // One live interest per company and opportunity; declined and expired ones stay as history.
    uniqueIndex('expressions_of_interest_one_live')
      .on(t.opportunityId, t.organizationId)
      .where(sql`${t.state} in ('pending','accepted')`),
    index('expressions_of_interest_state_idx').on(t.state, t.expiresAt),
  ],
);

/** Two companies put in touch by the handling centre; the anonymous party's identity is revealed at `revealed_at`. */
export const introductions = pgTable(
  'introductions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: serial('number').notNull(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    interestId: uuid('interest_id')
      .notNull()
      .references(() => expressionsOfInterest.id, { onDelete: 'cascade' }),
    /** The opportunity's company. */
    ownerOrganizationId: text('owner_organization_id')
      .notNull()
      .references(() => organizations.id, orgRef()),
    /** The interested company. */
    partnerOrganizationId: text('partner_organization_id')
      .notNull()
      .references(() => organizations.id, orgRef()),
    centreId: text('centre_id')
      .notNull()
      .references(() => organizations.id, orgRef()),
    introducedBy: uuid('introduced_by').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    revealedAt: timestamp('revealed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('introductions_interest_unique').on(t.interestId),
    check('introductions_parties_check', sql`${t.ownerOrganizationId} <> ${t.partnerOrganizationId}`),
    index('introductions_created_idx').on(t.createdAt),
  ],
);

/** What came of an introduction, asked of each party at 3 and 6 months; an agreement counts once a centre confirms it. */
export const introductionOutcomes = pgTable(
  'introduction_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    introductionId: uuid('introduction_id')
      .notNull()
      .references(() => introductions.id, { onDelete: 'cascade' }),
    /** Months after the introduction: 3 or 6. */
    round: smallint('round').notNull(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, orgRef()),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answer: text('answer').$type<OutcomeAnswer>(),
    agreementKind: text('agreement_kind').$type<AgreementKind>(),
    note: text('note'),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('introduction_outcomes_unique').on(t.introductionId, t.round, t.organizationId),
    check('introduction_outcomes_round_check', sql`${t.round} in (3, 6)`),
    check('introduction_outcomes_answer_check', sql`${t.answer} is null or ${t.answer} in (${list(OUTCOME_ANSWERS)})`),
    check(
      'introduction_outcomes_agreement_check',
      sql`(${t.answer} = 'agreement') = (${t.agreementKind} is not null) and (${t.agreementKind} is null or ${t.agreementKind} in (${list(AGREEMENT_KINDS)}))`,
    ),
    check('introduction_outcomes_answered_check', sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
    check('introduction_outcomes_confirmed_check', sql`${t.confirmedAt} is null or ${t.answer} = 'agreement'`),
  ],
);

/** A relation between two companies of a filiera: declared by one, verified by a centre, or born from an agreement. */
export const companyRelations = pgTable(
  'company_relations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromOrganizationId: text('from_organization_id')
      .notNull()
      .references(() => organizations.id, orgRef()),
    toOrganizationId: text('to_organization_id')
      .notNull()
      .references(() => organizations.id, orgRef()),
    kind: text('kind').notNull().$type<RelationKind>(),
    filiera: text('filiera').notNull(),
    source: text('source').notNull().$type<RelationSource>(),
    introductionId: uuid('introduction_id').references(() => introductions.id, { onDelete: 'set null' }),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('company_relations_kind_check', sql`${t.kind} in (${list(RELATION_KINDS)})`),
    check('company_relations_source_check', sql`${t.source} in (${list(RELATION_SOURCES)})`),
    check('company_relations_parties_check', sql`${t.fromOrganizationId} <> ${t.toOrganizationId}`),
    check('company_relations_verified_check', sql`${t.source} <> 'verified' or ${t.verifiedAt} is not null`),
    uniqueIndex('company_relations_unique').on(t.fromOrganizationId, t.toOrganizationId, t.kind, t.filiera),
    index('company_relations_filiera_idx').on(t.filiera),
  ],
);

/**
 * A day of 1:1 meetings: `slots` consecutive slots of `slot_minutes` from `start_time` (Europe/Rome) at `tables`
 * tables. `event_id` names the event the day belongs to (usually of kind `matchmaking`), one its organiser runs (checked by
 * the service). Events are cancelled, not deleted; should one be deleted all the same, the day keeps its
 * participants, agenda and ratings and only loses the link (`on delete set null`, in the database since migration
 * links_between_modules).
 */
export const matchmakingDays = pgTable(
  'matchmaking_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: serial('number').notNull(),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
    organizerId: text('organizer_id')
      .notNull()
      .references(() => organizations.id, orgRef()),
    title: jsonb('title').notNull().$type<LocalizedText>(),
    day: date('day').notNull(),
    startTime: text('start_time').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    slots: integer('slots').notNull(),
    tables: integer('tables').notNull(),
    filiere: text('filiere').array().notNull().default(sql`'{}'::text[]`),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'matchmaking_days_grid_check',
      sql`${t.slotMinutes} between 5 and 240 and ${t.slots} between 1 and 96 and ${t.tables} between 1 and 500`,
    ),
    check('matchmaking_days_start_check', sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('matchmaking_days_title_check', bilingual(t.title)),
    index('matchmaking_days_event_idx').on(t.eventId),
  ],
);

/** A participant of a matchmaking day: what they offer and seek, and the slots they cannot attend. */
export const matchmakingProfiles = pgTable(
  'matchmaking_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dayId: uuid('day_id')
      .notNull()
      .references(() => matchmakingDays.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id').references(() => organizations.id, orgRef()),
    offers: jsonb('offers').$type<LocalizedText>(),
    seeks: jsonb('seeks').$type<LocalizedText>(),
    unavailableSlots: integer('unavailable_slots').array().notNull().default(sql`'{}'::integer[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('matchmaking_profiles_unique').on(t.dayId, t.userId)],
);

/** A request for a 1:1 meeting from one participant to another. */
export const meetingRequests = pgTable(
  'meeting_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dayId: uuid('day_id')
      .notNull()
      .references(() => matchmakingDays.id, { onDelete: 'cascade' }),
    fromProfileId: uuid('from_profile_id')
      .notNull()
      .references(() => matchmakingProfiles.id, { onDelete: 'cascade' }),
    toProfileId: uuid('to_profile_id')
      .notNull()
      .references(() => matchmakingProfiles.id, { onDelete: 'cascade' }),
    note: text('note'),
    state: text('state').notNull().$type<MeetingRequestState>().default('requested'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    check('meeting_requests_state_check', sql`${t.state} in (${list(MEETING_REQUEST_STATES)})`),
    check('meeting_requests_parties_check', sql`${t.fromProfileId} <> ${t.toProfileId}`),
    uniqueIndex('meeting_requests_pair_unique').on(t.dayId, t.fromProfileId, t.toProfileId),
  ],
);

/** A scheduled meeting: one accepted request at one slot and table. */
export const matchmakingMeetings = pgTable(
  'matchmaking_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dayId: uuid('day_id')
      .notNull()
      .references(() => matchmakingDays.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => meetingRequests.id, { onDelete: 'cascade' }),
    slot: integer('slot').notNull(),
    tableNo: integer('table_no').notNull(),
  },
  (t) => [
    uniqueIndex('matchmaking_meetings_request_unique').on(t.requestId),
    // No table holds two meetings in one slot.
    uniqueIndex('matchmaking_meetings_table_unique').on(t.dayId, t.slot, t.tableNo),
    check('matchmaking_meetings_grid_check', sql`${t.slot} >= 0 and ${t.tableNo} >= 1`),
  ],
);

/**
 * Each meeting's two participants, one row each: the unique index on (day, slot, participant) means nobody is in two
 * meetings at once, whichever side of the request they were on.
 */
export const matchmakingSeats = pgTable(
  'matchmaking_seats',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => matchmakingMeetings.id, { onDelete: 'cascade' }),
    dayId: uuid('day_id').notNull(),
    slot: integer('slot').notNull(),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => matchmakingProfiles.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('matchmaking_seats_person_unique').on(t.dayId, t.slot, t.profileId),
    uniqueIndex('matchmaking_seats_meeting_unique').on(t.meetingId, t.profileId),
  ],
);

/** A participant's rating of a meeting right after it (1–5, optional comment). */
export const meetingRatings = pgTable(
  'meeting_ratings',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => matchmakingMeetings.id, { onDelete: 'cascade' }),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => matchmakingProfiles.id, { onDelete: 'cascade' }),
    score: smallint('score').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meeting_ratings_unique').on(t.meetingId, t.profileId),
    check('meeting_ratings_score_check', sql`${t.score} between 1 and 5`),
  ],
);
