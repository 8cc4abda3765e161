import type { EventAction, EventState, EventVisibility, RegistrationState } from '@clock/contracts';
import { canSeeNetworkContent, type Actor } from '../../core/actor.ts';

/**
 * Pure rules of events: who organises, who sees what, the life-cycle table, registration and attendance arithmetic.
 * The service, the API's `allowedActions` and the web app read the same table.
 */

export interface OrganizerFacts {
  organizationId: string;
  kind: string;
}
export interface EventFacts {
  state: EventState;
  visibility: EventVisibility;
  organizers: OrganizerFacts[];
  startsAt: number;
  endsAt: number;
  registrationOpens: number | null;
  registrationCloses: number | null;
}

/**
 * An organiser: administrators; a member (nucleus, centre manager, centre staff) of an organising organisation; a
 * Region officer when the Region (an organisation of kind `region`) co-organises.
 */
export function isOrganizer(actor: Actor, organizers: OrganizerFacts[]): boolean {
  if (actor.kind !== 'member') return false;
  if (actor.platformRole === 'admin') return true;
  if (actor.platformRole === 'region' && organizers.some((o) => o.kind === 'region')) return true;
  return actor.memberships.some(
    (m) => m.role !== 'company' && organizers.some((o) => o.organizationId === m.organization),
  );
}

/** Who sees an event: its organisers always; others once published (network events: network members only). */
export function canSee(actor: Actor, e: EventFacts): boolean {
  if (isOrganizer(actor, e.organizers)) return true;
  if (e.state === 'draft') return false;
  return e.visibility === 'public' || canSeeNetworkContent(actor);
}

/** The life cycle: which organiser action from which states to which state. */
export const TRANSITIONS: Record<'publish' | 'cancel' | 'edit', { from: EventState[]; to: EventState | null }> = {
  publish: { from: ['draft'], to: 'published' },
  cancel: { from: ['draft', 'published'], to: 'cancelled' },
  edit: { from: ['draft', 'published'], to: null },
};
export const stateAllows = (action: keyof typeof TRANSITIONS, state: EventState) =>
  TRANSITIONS[action].from.includes(state);

/** A published event's changes raise the iCalendar SEQUENCE; a draft's do not (nobody holds it yet). */
export const nextSequence = (state: EventState, sequence: number) => (state === 'draft' ? sequence : sequence + 1);

/** Registration is open: published, not started, within the window. */
export function registrationOpen(e: EventFacts, now: number): boolean {
  if (e.state !== 'published' || now >= e.startsAt) return false;
  if (e.registrationOpens !== null && now < e.registrationOpens) return false;
  if (e.registrationCloses !== null && now >= e.registrationCloses) return false;
  return true;
}

export function allowedActions(actor: Actor, e: EventFacts, now: number): EventAction[] {
  const out: EventAction[] = [];
  const organizer = isOrganizer(actor, e.organizers);
  if (organizer && stateAllows('edit', e.state)) out.push('edit');
  if (organizer && stateAllows('publish', e.state)) out.push('publish');
  if (organizer && stateAllows('cancel', e.state) && now < e.endsAt) out.push('cancel');
  if (registrationOpen(e, now) && canSee(actor, e)) out.push('register');
  if (organizer && e.state !== 'draft') out.push('manage-registrations');
  return out;
}

/** Live registrations hold a place or a place in line; cancelled ones do not. */
export const LIVE: RegistrationState[] = ['pending-confirmation', 'confirmed', 'waiting', 'attended'];
/** Those who hold a place. */
export const HOLDS_PLACE: RegistrationState[] = ['confirmed', 'attended'];

/** Where a confirmed registrant goes: a place while there is one, else the waiting list. */
export const placeFor = (capacity: number | null, taken: number): 'confirmed' | 'waiting' =>
  capacity === null || taken < capacity ? 'confirmed' : 'waiting';

/** How many of the waiting list move up when places free (capacity raised, cancellations). */
export const promotable = (capacity: number | null, taken: number, waiting: number) =>
  capacity === null ? waiting : Math.max(0, Math.min(waiting, capacity - taken));

/**
 * Whether attendance meets the share the event requires: at least `required` of the sessions (0 < required ≤ 1);
 * required 0 means at least one session.
 */
export function attendanceMet(present: number, sessions: number, required: number): boolean {
  if (sessions === 0 || present === 0) return false;
  return present / sessions >= required - 1e-9;
}

/** Check the event's own fields (mode vs place/link, the registration window, questions). */
export function eventFieldProblems(e: {
  mode?: string;
  place?: unknown;
  onlineUrl?: string | null;
  registrationOpens?: number | null;
  registrationCloses?: number | null;
  questions?: { id: string; kind: string; options?: unknown[] }[];
}): { pointer: string; message: string }[] {
  const problems: { pointer: string; message: string }[] = [];
  if (e.mode && e.mode !== 'online' && !e.place)
    problems.push({ pointer: '/body/place', message: `an ${e.mode} event needs a place` });
  if (e.mode && e.mode !== 'in-person' && !e.onlineUrl)
    problems.push({ pointer: '/body/onlineUrl', message: `an ${e.mode} event needs its online link` });
  if (e.onlineUrl && !/^https?:\/\//i.test(e.onlineUrl))
    problems.push({ pointer: '/body/onlineUrl', message: 'must be an http(s) address' });
  if (e.registrationOpens != null && e.registrationCloses != null && e.registrationCloses <= e.registrationOpens)
    problems.push({ pointer: '/body/registrationCloses', message: 'must be after registrationOpens' });
  const ids = new Set<string>();
  e.questions?.forEach((q, i) => {
    if (ids.has(q.id)) problems.push({ pointer: `/body/questions/${i}/id`, message: 'must be unique' });
    ids.add(q.id);
    if (q.kind === 'choice' && !q.options?.length)
      problems.push({ pointer: `/body/questions/${i}/options`, message: 'a choice question needs options' });
  });
  return problems;
}

/** Check answers against the questions: required ones present, choices among the options, no unknown ids. */
export function answerProblems(
  questions: { id: string; required: boolean; kind: string; options?: unknown[] }[],
  answers: Record<string, string>,
): { pointer: string; message: string }[] {
  const problems: { pointer: string; message: string }[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers))
    if (!byId.has(id)) problems.push({ pointer: `/body/answers/${id}`, message: 'no such question' });
  for (const q of questions) {
    const a = answers[q.id]?.trim() ?? '';
    if (q.required && !a) problems.push({ pointer: `/body/answers/${q.id}`, message: 'an answer is required' });
    else if (a && q.kind === 'choice') {
      const n = Number(a);
      if (!Number.isInteger(n) || n < 0 || n >= (q.options?.length ?? 0))
        problems.push({ pointer: `/body/answers/${q.id}`, message: 'must be the index of one of the options' });
    }
  }
  return problems;
}
