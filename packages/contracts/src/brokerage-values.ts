// Plain values of the brokerage contract (no TypeBox), so the browser can import them from `@clock/contracts/values`.

export const OPPORTUNITY_KINDS = [
  'business-offer',
  'business-request',
  'technology-offer',
  'technology-request',
  'rd-partner',
] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

export const OPPORTUNITY_STATES = ['draft', 'submitted', 'on-hold', 'published', 'rejected', 'expired'] as const;
export type OpportunityState = (typeof OPPORTUNITY_STATES)[number];

/** Stage of development of the technology or product. */
export const OPPORTUNITY_STAGES = [
  'concept',
  'under-development',
  'prototype',
  'field-tested',
  'on-the-market',
] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

export const IP_STATUSES = [
  'none',
  'secret-know-how',
  'patent-applied',
  'patent-granted',
  'copyright',
  'design-or-trademark',
] as const;
export type IpStatus = (typeof IP_STATUSES)[number];

export const PARTNERSHIP_KINDS = [
  'commercial',
  'technical-cooperation',
  'research',
  'licence',
  'joint-venture',
  'subcontracting',
] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

export const REVIEW_DECISIONS = ['publish', 'hold', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
/** The rubric's criteria, each scored 1–5. */
export const REVIEW_CRITERIA = ['clarity', 'innovation', 'partnerSought', 'completeness'] as const;
export type ReviewCriterion = (typeof REVIEW_CRITERIA)[number];
/** Publishing needs the four scores to add up to at least this (of 20)… */
export const PUBLISH_MIN_TOTAL = 12;
/** …and none of them below this (a single very weak criterion is a reason to hold). */
export const PUBLISH_MIN_SCORE = 2;

export const EOI_STATES = ['pending', 'accepted', 'declined', 'expired'] as const;
export type EoiState = (typeof EOI_STATES)[number];

export const OUTCOME_ANSWERS = ['none', 'in-discussion', 'agreement'] as const;
export type OutcomeAnswer = (typeof OUTCOME_ANSWERS)[number];

/** The kinds of agreement an introduction may lead to (the partnership kinds). */
export const AGREEMENT_KINDS = PARTNERSHIP_KINDS;
export type AgreementKind = PartnershipKind;

export const RELATION_KINDS = ['supplier-of', 'customer-of', 'partner-in', 'subcontractor-of'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export const RELATION_SOURCES = ['declared', 'verified', 'agreement'] as const;
export type RelationSource = (typeof RELATION_SOURCES)[number];

export const MEETING_REQUEST_STATES = ['requested', 'accepted', 'declined', 'cancelled'] as const;
export type MeetingRequestState = (typeof MEETING_REQUEST_STATES)[number];

/** What may be done to an opportunity in each state (the rules read it; the web app shows the buttons from it). */
export const OPPORTUNITY_TRANSITIONS: Record<OpportunityState, Partial<Record<string, OpportunityState>>> = {
  draft: { edit: 'draft', submit: 'submitted' },
  submitted: { publish: 'published', hold: 'on-hold', reject: 'rejected' },
  'on-hold': { edit: 'on-hold', submit: 'submitted' },
  published: { expire: 'expired' },
  rejected: {},
  expired: {},
};
