import {
  OPPORTUNITY_TRANSITIONS,
  PUBLISH_MIN_SCORE,
  PUBLISH_MIN_TOTAL,
  type OpportunityState,
  type OpportunityReview,
  type ReviewDecision,
} from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import type { FieldProblem } from '../../core/errors.ts';

/**
 * Who may do what with an opportunity, and what each state allows. Pure: the service, the presenter (what the caller
 * may read, `actions`) and the tests read the same functions.
 */
export const CENTRE_ROLES = ['nucleus', 'centre-manager', 'centre-staff'] as const;
const DAY_MS = 86_400_000;
/** An expression of interest waits this long for the opportunity's company to answer. */
export const INTEREST_DAYS = 30;
/** Reminders: an opportunity this many days before it expires; an interest this many days before it does. */
export const EXPIRY_REMINDER_DAYS = 30;
export const INTEREST_REMINDER_DAYS = 7;
/** Outcomes are asked this many months after an introduction. */
export const OUTCOME_ROUNDS = [3, 6] as const;

export interface OpportunityFacts {
  organizationId: string;
  centreId: string;
  state: OpportunityState;
  anonymous: boolean;
}

export const opportunityRef = (n: number) => `OP-${String(n).padStart(4, '0')}`;
export const interestRef = (n: number) => `EI-${String(n).padStart(4, '0')}`;
export const introductionRef = (n: number) => `IN-${String(n).padStart(4, '0')}`;
export const dayRef = (n: number) => `MM-${String(n).padStart(4, '0')}`;

const memberOf = (actor: Actor, org: string, roles?: readonly string[]) =>
  actor.kind === 'member' &&
  actor.memberships.some((m) => m.organization === org && (!roles || roles.includes(m.role)));
export const isAdmin = (actor: Actor) => actor.kind === 'member' && actor.platformRole === 'admin';

/** The opportunity's own company: its members (company role). */
export const isOwner = (actor: Actor, o: Pick<OpportunityFacts, 'organizationId'>) =>
  memberOf(actor, o.organizationId, ['company']);
/** The handling centre's staff, managers and nucleus members; administrators too. */
export const isHandler = (actor: Actor, o: Pick<OpportunityFacts, 'centreId'>) =>
  isAdmin(actor) || memberOf(actor, o.centreId, CENTRE_ROLES);
/** A person acting for a company (the company role). */
export const actsFor = (actor: Actor, company: string) => memberOf(actor, company, ['company']);
/** A centre's staff (or an administrator). */
export const staffOf = (actor: Actor, centre: string) => isAdmin(actor) || memberOf(actor, centre, CENTRE_ROLES);

/** Everyone reads a published opportunity; the rest only its company and its handling centre. */
export const canRead = (actor: Actor, o: OpportunityFacts) =>
  o.state === 'published' || isOwner(actor, o) || isHandler(actor, o);

/**
 * Whether the caller may know whose the opportunity is: always for a named one; for an anonymous one its company, its
 * handling centre, and a company it was introduced to (`revealedTo`).
 */
export const canSeeCompany = (actor: Actor, o: OpportunityFacts, revealedTo: readonly string[] = []) =>
  !o.anonymous || isOwner(actor, o) || isHandler(actor, o) || revealedTo.some((org) => memberOf(actor, org));

/** The states an action leads to (the transitions table in @clock/contracts). */
export const nextState = (state: OpportunityState, action: string): OpportunityState | null =>
  OPPORTUNITY_TRANSITIONS[state][action] ?? null;

/** What the caller may do now (the web app's buttons). */
export function allowedActions(actor: Actor, o: OpportunityFacts): string[] {
  const out: string[] = [];
  const owner = isOwner(actor, o),
    handler = isHandler(actor, o);
  if (owner && nextState(o.state, 'edit')) out.push('edit');
  if (owner && nextState(o.state, 'submit')) out.push('submit');
  if (handler && o.state === 'submitted') out.push('review');
  if (owner || handler) out.push('matches', 'interests');
  if (
    o.state === 'published' &&
    actor.kind === 'member' &&
    !owner &&
    actor.memberships.some((m) => m.role === 'company')
  )
    out.push('interest');
  return out;
}

/**
 * The rubric's threshold: an opportunity is published only when its four scores add up to at least 12 of 20 and none
 * is below 2; holding or rejecting needs a comment the company reads.
 */
export { PUBLISH_MIN_SCORE, PUBLISH_MIN_TOTAL };
export function reviewProblems(r: OpportunityReview): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const s = r.scores;
  const total = s.clarity + s.innovation + s.partnerSought + s.completeness;
  if (r.decision === 'publish') {
    for (const [k, v] of Object.entries(s))
      if (v < PUBLISH_MIN_SCORE)
        problems.push({
          pointer: `/body/scores/${k}`,
          message: `is below ${PUBLISH_MIN_SCORE}: an opportunity scored this low is held or rejected, not published`,
        });
    if (total < PUBLISH_MIN_TOTAL)
      problems.push({
        pointer: '/body/decision',
        message: `the scores add up to ${total}, below the ${PUBLISH_MIN_TOTAL} of 20 needed to publish`,
      });
  }
  if (r.decision !== 'publish' && !r.comment?.trim())
    problems.push({ pointer: '/body/comment', message: 'is required when holding or rejecting: tell the company why' });
  return problems;
}
export const stateAfterReview = (d: ReviewDecision): OpportunityState =>
  d === 'publish' ? 'published' : d === 'hold' ? 'on-hold' : 'rejected';

/** The expiry: what the company asked for, never more than a year after `from` (publication, or today for a draft). */
export function expiryFrom(from: Date, asked?: string | null): Date {
  const limit = new Date(from);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (!asked) return limit;
  const d = new Date(`${asked}T23:59:59Z`);
  return d < limit ? d : limit;
}
export function expiryProblems(asked: string | undefined, now: Date): FieldProblem[] {
  if (!asked) return [];
  const d = new Date(`${asked}T23:59:59Z`);
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (Number.isNaN(d.getTime())) return [{ pointer: '/body/expiresAt', message: 'must be a date (YYYY-MM-DD)' }];
  if (d <= now) return [{ pointer: '/body/expiresAt', message: 'must be in the future' }];
  if (d.getTime() > limit.getTime() + DAY_MS)
    return [{ pointer: '/body/expiresAt', message: 'must be at most one year from now' }];
  return [];
}

/** `months` months after `from` (same day of the month, or the month's last day). */
export function monthsAfter(from: Date, months: number): Date {
  const d = new Date(from);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
export const daysAfter = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS);

/** Texts of an opportunity: at least one language of title and description, taxonomy codes known. */
export function contentProblems(
  body: {
    title?: { it?: string; en?: string };
    description?: { it?: string; en?: string };
    filiere?: string[];
    sectors?: string[];
    s3?: string[];
  },
  known: { filiera: Set<string>; sector: Set<string>; s3: Set<string> },
  creating: boolean,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const f of ['title', 'description'] as const) {
    const v = body[f];
    if ((creating || v !== undefined) && !(v?.it?.trim() || v?.en?.trim()))
      problems.push({ pointer: `/body/${f}`, message: 'needs a text in Italian or English (or both)' });
  }
  const codes = [
    ['filiere', 'filiera', 'a supply chain (filiera)'],
    ['sectors', 'sector', 'an ATECO code'],
    ['s3', 's3', 'an S3 code'],
  ] as const;
  for (const [field, scheme, what] of codes)
    body[field]?.forEach((c, i) => {
      if (!known[scheme].has(c))
        problems.push({ pointer: `/body/${field}/${i}`, message: `"${c}" is not ${what} of the taxonomy` });
    });
  return problems;
}
