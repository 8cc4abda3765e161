// Plain values of the joint actions and nucleus meetings contract (no TypeBox), so the browser can import them from
// `@clock/contracts/values`.

export const ACTION_STATES = ['planned', 'running', 'late', 'closed', 'cancelled'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

/**
 * The one table of a joint action's life cycle: from each state, the states people may move it to. "Late" is also
 * computed by rule (a milestone past due and not done) and shown beside the stored state; moving to `late` records
 * that the people agree.
 */
export const ACTION_TRANSITIONS: Readonly<Record<ActionState, readonly ActionState[]>> = {
  planned: ['running', 'cancelled'],
  running: ['late', 'closed', 'cancelled'],
  late: ['running', 'closed', 'cancelled'],
  closed: [],
  cancelled: [],
};
export const actionTransitionAllowed = (from: ActionState, to: ActionState) => ACTION_TRANSITIONS[from].includes(to);

export const PARTNER_ROLES = ['lead', 'partner', 'region', 'company', 'university'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export const CONTRIBUTION_KINDS = ['person-days', 'equipment-hours', 'money', 'in-kind'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const ACTION_VISIBILITIES = ['public', 'network', 'private'] as const;
export type ActionVisibility = (typeof ACTION_VISIBILITIES)[number];

/** What the caller may do on an action now (drives the buttons; the server checks again). */
export const ACTION_ABILITIES = ['edit', 'transition', 'partners', 'milestones', 'contribute', 'documents'] as const;
export type ActionAbility = (typeof ACTION_ABILITIES)[number];

/** A joint action's human reference: A-0007. */
export const actionRef = (n: number) => `A-${String(n).padStart(4, '0')}`;
/** A nucleus meeting's human reference: N-0003. */
export const meetingRef = (n: number) => `N-${String(n).padStart(4, '0')}`;

export const MEETING_STATES = ['planned', 'held', 'minutes-approved'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

/**
 * A meeting's life cycle: planned → held (it took place; its minutes are written) → minutes-approved, which happens
 * only at a later meeting that is held (the `approve-minutes` step there, recorded as a decision of that meeting).
 */
export const MEETING_TRANSITIONS: Readonly<Record<MeetingState, readonly MeetingState[]>> = {
  planned: ['held'],
  held: ['minutes-approved'],
  'minutes-approved': [],
};

export const OUTCOME_KINDS = ['information', 'decision', 'action'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
