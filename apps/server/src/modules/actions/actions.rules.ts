import {
  ACTION_TRANSITIONS,
  type ActionAbility,
  type ActionState,
  type ActionVisibility,
  type PartnerRole,
} from '@clock/contracts';
import { canSeeNetworkContent, type Actor } from '../../core/actor.ts';

/** The roles that act for a centre (a company's people act only for their company's contributions and documents). */
const CENTRE_ROLES = new Set(['nucleus', 'centre-manager', 'centre-staff']);

export interface ActionFacts {
  leadOrganizationId: string;
  visibility: ActionVisibility;
  state: ActionState;
  partners: { organizationId: string; role: PartnerRole }[];
}

const isPlatform = (actor: Actor) => actor.kind === 'member' && actor.platformRole !== null;
const isNucleus = (actor: Actor) => actor.kind === 'member' && actor.memberships.some((m) => m.role === 'nucleus');
const belongsTo = (actor: Actor, organization: string, roles?: Set<string>) =>
  actor.kind === 'member' &&
  actor.memberships.some((m) => m.organization === organization && (!roles || roles.has(m.role)));

/**
 * Who may read an action: public ones everybody; network ones the network's members (any organisation, the Region,
 * administrators); private ones the lead and the partners' members, the nucleus, the Region and administrators.
 */
export function canSeeAction(actor: Actor, a: Pick<ActionFacts, 'leadOrganizationId' | 'visibility' | 'partners'>) {
  if (a.visibility === 'public') return true;
  if (a.visibility === 'network') return canSeeNetworkContent(actor);
  if (isPlatform(actor) || isNucleus(actor)) return true;
  return [a.leadOrganizationId, ...a.partners.map((p) => p.organizationId)].some((o) => belongsTo(actor, o));
}

/** A centre's members (nucleus, manager, staff) create actions led by their centre; administrators any. */
export function canCreateAction(actor: Actor, lead: string) {
  if (actor.kind !== 'member') return false;
  if (actor.platformRole === 'admin') return true;
  return belongsTo(actor, lead, CENTRE_ROLES);
}

/** The lead's centre members (and administrators) run the action: its fields, state, partners and milestones. */
export const leads = (actor: Actor, a: Pick<ActionFacts, 'leadOrganizationId'>) =>
  (actor.kind === 'member' && actor.platformRole === 'admin') || belongsTo(actor, a.leadOrganizationId, CENTRE_ROLES);

/** A partner's members change their own organisation's contributions; the lead changes everybody's. */
export function canContributeFor(actor: Actor, a: ActionFacts, organization: string) {
  if (leads(actor, a)) return true;
  return a.partners.some((p) => p.organizationId === organization) && belongsTo(actor, organization);
}

/** What the caller may do on the action now. Closed and cancelled actions are read-only for everyone. */
export function actionAbilities(actor: Actor, a: ActionFacts): ActionAbility[] {
  if (actor.kind !== 'member') return [];
  const finished = ACTION_TRANSITIONS[a.state].length === 0;
  const out: ActionAbility[] = [];
  const lead = leads(actor, a);
  if (lead && !finished) out.push('edit', 'partners', 'milestones');
  if (lead && !finished) out.push('transition');
  const partner = a.partners.some((p) => belongsTo(actor, p.organizationId));
  if (!finished && (lead || partner)) out.push('contribute', 'documents');
  return out;
}

// ---- progress and lateness ----

export interface MilestoneFacts {
  actionId: string;
  weight: number;
  /** ISO date YYYY-MM-DD. */
  due: string;
  done: boolean;
}
export interface TreeFacts {
  id: string;
  parentId: string | null;
  state: ActionState;
}
export interface Progress {
  /** Weight of the milestones done, over the action and its sub-actions. */
  done: number;
  total: number;
  /** 0–100, or null when there is nothing to measure (never 0 % for "no data"). */
  progress: number | null;
}

/**
 * Progress rolls up by weight: an action's share is the weight of the milestones done over the weight of all its
 * milestones and those of its sub-actions (cancelled sub-actions leave the sum). With no milestone anywhere below it,
 * an action's progress is null (shown "—"). Cycles in the parent links are ignored, never followed twice.
 */
export function rollUp(actions: TreeFacts[], milestones: MilestoneFacts[]): Map<string, Progress> {
  const own = new Map<string, { done: number; total: number }>();
  for (const m of milestones) {
    const o = own.get(m.actionId) ?? { done: 0, total: 0 };
    o.total += m.weight;
    if (m.done) o.done += m.weight;
    own.set(m.actionId, o);
  }
  const children = new Map<string, TreeFacts[]>();
  for (const a of actions) if (a.parentId) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a]);
  const out = new Map<string, Progress>();
  const visit = (a: TreeFacts, path: Set<string>): { done: number; total: number } => {
    const known = out.get(a.id);
    if (known) return known;
    const sum = { ...(own.get(a.id) ?? { done: 0, total: 0 }) };
    path.add(a.id);
    for (const c of children.get(a.id) ?? []) {
      if (c.state === 'cancelled' || path.has(c.id)) continue;
      const s = visit(c, path);
      sum.done += s.done;
      sum.total += s.total;
    }
    path.delete(a.id);
    const p = { ...sum, progress: sum.total > 0 ? Math.round((1000 * sum.done) / sum.total) / 10 : null };
    out.set(a.id, p);
    return p;
  };
  for (const a of actions) visit(a, new Set());
  return out;
}

/** A milestone is overdue when its day has passed and it is not done. */
export const milestoneOverdue = (m: Pick<MilestoneFacts, 'due' | 'done'>, today: string) => !m.done && m.due < today;

/**
 * "Late" by rule: a running (or planned, or already late) action with a milestone overdue. Closed and cancelled
 * actions are never late. The stored state stays the people's decision; both are shown.
 */
export function isLate(state: ActionState, milestones: Pick<MilestoneFacts, 'due' | 'done'>[], today: string) {
  if (state === 'closed' || state === 'cancelled') return false;
  return milestones.some((m) => milestoneOverdue(m, today));
}

/**
 * "On time" for the governance KPI: an action closed by its end date with every milestone done by its due date, or
 * an action still open with nothing overdue. Cancelled actions are not counted.
 */
export function onTime(
  a: { state: ActionState; end: string; closedOn: string | null },
  milestones: { due: string; doneOn: string | null }[],
  today: string,
): boolean | null {
  if (a.state === 'cancelled') return null;
  const kept = milestones.every((m) => (m.doneOn ? m.doneOn <= m.due : m.due >= today));
  if (a.state === 'closed') return kept && a.closedOn !== null && a.closedOn <= a.end;
  return kept;
}
