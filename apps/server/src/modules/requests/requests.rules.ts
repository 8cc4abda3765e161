import type { Actor } from '../../core/actor.ts';
import type { Confidentiality, RequestState, TeamRole } from '../../db/schema/index.ts';
import { addWorkingDays } from '../../core/calendar.ts';

/**
 * The life cycle of a request. The nucleus takes it into triage, opens it to centres (or declines it, always with a
 * reason); centres express interest; the company (or the nucleus) agrees a team; the lead centre starts and closes it.
 * The company may withdraw its request until the work starts.
 */
export const TRANSITIONS: Record<RequestState, RequestState[]> = {
  submitted: ['triage', 'open', 'declined', 'withdrawn'],
  triage: ['open', 'declined', 'withdrawn'],
  open: ['team_agreed', 'declined', 'withdrawn'],
  team_agreed: ['in_progress', 'withdrawn'],
  in_progress: ['closed'],
  closed: [],
  declined: [],
  withdrawn: [],
};
export const canTransition = (from: RequestState, to: RequestState) => TRANSITIONS[from].includes(to);

export type RequestAction =
  | 'triage'
  | 'open'
  | 'decline'
  | 'interest'
  | 'withdraw-interest'
  | 'agree-team'
  | 'start'
  | 'close'
  | 'rate'
  | 'withdraw'
  | 'edit';

/** What the rules need to know about one request. */
export interface RequestFacts {
  state: RequestState;
  confidentiality: Confidentiality;
  companyOrganizationId: string | null;
  submittedBy: string | null;
  submittedViaOrganizationId: string | null;
  openedAt: Date | null;
  rating: number | null;
  centres: { organizationId: string; invited: boolean; interested: boolean; teamRole: TeamRole | null }[];
}

export type Access = 'none' | 'summary' | 'full';

/** Organisations an actor acts for as a centre (any role but `company`). */
export function centreOrganizations(actor: Actor): string[] {
  if (actor.kind !== 'member') return [];
  return actor.memberships.filter((m) => m.role !== 'company').map((m) => m.organization);
}
export const isNucleus = (actor: Actor) =>
  actor.kind === 'member' && actor.memberships.some((m) => m.role === 'nucleus');

/** The company's side: whoever submitted it and the members of the company it is for. */
export function isOwner(actor: Actor, r: RequestFacts): boolean {
  if (actor.kind !== 'member') return false;
  if (actor.userId && r.submittedBy === actor.userId) return true;
  return r.companyOrganizationId !== null && actor.memberships.some((m) => m.organization === r.companyOrganizationId);
}

/** Centres assigned to a request: invited, interested, in the team, or the centre that submitted it. */
export function assignedOrganizations(r: RequestFacts): string[] {
  const orgs = r.centres.filter((c) => c.invited || c.interested || c.teamRole).map((c) => c.organizationId);
  if (r.submittedViaOrganizationId) orgs.push(r.submittedViaOrganizationId);
  return orgs;
}

/**
 * How much of a request an actor may see.
 * - its company's side and the nucleus: everything, from submission on;
 * - confidential: otherwise only the members of the centres assigned to it; nobody else learns it exists;
 * - network: centre members once the nucleus opened it (region officers, administrators and assigned centres at any time);
 * - public: the same, and anyone else sees its summary once opened.
 */
export function accessTo(actor: Actor, r: RequestFacts): Access {
  if (isOwner(actor, r) || isNucleus(actor)) return 'full';
  const mine = centreOrganizations(actor);
  if (r.confidentiality === 'confidential') {
    const assigned = assignedOrganizations(r);
    return mine.some((o) => assigned.includes(o)) ? 'full' : 'none';
  }
  if (actor.kind === 'member' && actor.platformRole) return 'full';
  // Assigned centres (the submitting centre, or the centre a request was addressed to from one of its records) see it from the start.
  if (mine.some((o) => assignedOrganizations(r).includes(o))) return 'full';
  if (r.openedAt === null) return 'none';
  if (mine.length > 0) return 'full';
  return r.confidentiality === 'public' ? 'summary' : 'none';
}

/** The centres an actor may express interest for on this request (open; invited ones only when confidential). */
export function interestOrganizations(actor: Actor, r: RequestFacts): string[] {
  if (r.state !== 'open') return [];
  const mine = centreOrganizations(actor).filter((o) => o !== r.companyOrganizationId);
  if (r.confidentiality !== 'confidential') return mine;
  const invited = r.centres.filter((c) => c.invited).map((c) => c.organizationId);
  return mine.filter((o) => invited.includes(o));
}

export function leadOrganization(r: RequestFacts): string | null {
  return r.centres.find((c) => c.teamRole === 'lead')?.organizationId ?? null;
}

/** Everything the actor may do on the request now. The service checks the one asked for again. */
export function allowedActions(actor: Actor, r: RequestFacts): RequestAction[] {
  if (accessTo(actor, r) !== 'full') return [];
  const out: RequestAction[] = [];
  const nucleus = isNucleus(actor);
  const owner = isOwner(actor, r);
  const lead = leadOrganization(r);
  const runsIt = nucleus || (lead !== null && centreOrganizations(actor).includes(lead));
  if (nucleus && r.state === 'submitted') out.push('triage');
  if (nucleus && (r.state === 'submitted' || r.state === 'triage')) out.push('open');
  if (nucleus && (r.state === 'submitted' || r.state === 'triage' || r.state === 'open')) out.push('decline');
  const canInterest = interestOrganizations(actor, r);
  if (canInterest.length) out.push('interest');
  if (canInterest.some((o) => r.centres.some((c) => c.organizationId === o && c.interested)))
    out.push('withdraw-interest');
  if (r.state === 'open' && (owner || nucleus) && r.centres.some((c) => c.interested)) out.push('agree-team');
  if (r.state === 'team_agreed' && runsIt) out.push('start');
  if (r.state === 'in_progress' && runsIt) out.push('close');
  if (r.state === 'closed' && owner && r.rating === null) out.push('rate');
  if (owner && canTransition(r.state, 'withdrawn')) out.push('withdraw');
  // Corrections before the centres read it: the company's side, or the nucleus (e.g. to keep details out of a summary).
  if ((owner || nucleus) && (r.state === 'submitted' || r.state === 'triage')) out.push('edit');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Response-time targets, in working days (Monday to Friday, Italian national holidays excluded).

export interface Targets {
  firstResponseDays: number;
  triageDays: number;
  teamDays: number;
}
export const DEFAULT_TARGETS: Targets = { firstResponseDays: 5, triageDays: 5, teamDays: 10 };

/** When a request in `state`, entered at `since`, should have moved on; null when the state has no target. */
export function dueDate(state: RequestState, since: Date, targets: Targets): Date | null {
  if (state === 'submitted') return addWorkingDays(since, targets.firstResponseDays);
  if (state === 'triage') return addWorkingDays(since, targets.triageDays);
  if (state === 'open') return addWorkingDays(since, targets.teamDays);
  return null;
}

export const isOverdue = (dueAt: Date | null, now: Date) => dueAt !== null && dueAt.getTime() < now.getTime();

export const requestRef = (n: number) => `R-${String(n).padStart(4, '0')}`;
