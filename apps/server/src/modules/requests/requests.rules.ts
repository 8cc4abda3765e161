import { REQUEST_ACTIONS, actionPossibleIn, type RequestActionName } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import type { Confidentiality, RequestState, TeamRole } from '../../db/schema/index.ts';
import { addWorkingDays } from '../../core/calendar.ts';

/**
 * The life cycle of a request. The nucleus takes it into triage, opens it to centres (or declines it, always with a
 * reason); centres express interest; the company (or the nucleus) agrees a team; the lead centre starts and closes it.
 * The company may withdraw its request until the work starts. Which action is possible in which state is one table,
 * `REQUEST_ACTIONS` (shared with the web app); the transitions are read from it.
 */
export { REQUEST_ACTIONS, actionPossibleIn };
export type RequestAction = RequestActionName;

export const TRANSITIONS: Record<RequestState, RequestState[]> = Object.fromEntries(
  (['submitted', 'triage', 'open', 'team_agreed', 'in_progress', 'closed', 'declined', 'withdrawn'] as const).map(
    (state) => [
      state,
      [
        ...new Set(
          Object.values(REQUEST_ACTIONS).flatMap((a) =>
            a.to && a.from.includes(state) && a.to !== state ? [a.to] : [],
          ),
        ),
      ],
    ],
  ),
) as Record<RequestState, RequestState[]>;
export const canTransition = (from: RequestState, to: RequestState) => TRANSITIONS[from].includes(to);

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

/**
 * The kinds of organisation a request may be opened to, so the only ones a suggested team may hold: a confidential
 * request goes to the network's centres only; any other to every organisation but companies.
 */
export function invitableKinds(confidentiality: Confidentiality): string[] {
  return confidentiality === 'confidential'
    ? ['centre']
    : ['centre', 'region', 'university', 'research_body', 'association'];
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

/**
 * Who may take each action, whatever the state (the state is the table's to say): the nucleus coordinates, the
 * company's side decides on its request, the lead centre runs the work.
 */
const MAY: Record<RequestAction, (actor: Actor, r: RequestFacts) => boolean> = {
  triage: (actor) => isNucleus(actor),
  open: (actor) => isNucleus(actor),
  decline: (actor) => isNucleus(actor),
  interest: (actor, r) => interestOrganizations(actor, r).length > 0,
  'withdraw-interest': (actor, r) =>
    interestOrganizations(actor, r).some((o) => r.centres.some((c) => c.organizationId === o && c.interested)),
  'agree-team': (actor, r) => (isOwner(actor, r) || isNucleus(actor)) && r.centres.some((c) => c.interested),
  start: (actor, r) => runsIt(actor, r),
  close: (actor, r) => runsIt(actor, r),
  rate: (actor, r) => isOwner(actor, r) && r.rating === null,
  withdraw: (actor, r) => isOwner(actor, r),
  // Corrections before the centres read it: the company's side, or the nucleus (e.g. to keep details out of a summary).
  edit: (actor, r) => isOwner(actor, r) || isNucleus(actor),
};

/** The nucleus, or a member of the lead centre. */
function runsIt(actor: Actor, r: RequestFacts): boolean {
  const lead = leadOrganization(r);
  return isNucleus(actor) || (lead !== null && centreOrganizations(actor).includes(lead));
}

/** Everything the actor may do on the request now (possible in its state, and theirs to take). */
export function allowedActions(actor: Actor, r: RequestFacts): RequestAction[] {
  if (accessTo(actor, r) !== 'full') return [];
  return (Object.keys(REQUEST_ACTIONS) as RequestAction[]).filter(
    (a) => actionPossibleIn(a, r.state) && MAY[a](actor, r),
  );
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
