import type { BookingAction, BookingState } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';

/**
 * The life cycle of a booking, as one table: which action, from which states, to which state, by whom, and when.
 * The service, the API's `allowedActions` and the web app all read it. The approver is never the booker.
 */
export type Party = 'booker' | 'staff';
export interface Step {
  from: BookingState[];
  to: BookingState;
  by: Party[];
  /** before-start: only until the booking begins; after-start: only once it has begun; before-end: until it ends. */
  when?: 'before-start' | 'after-start' | 'before-end';
  /** The owning centre's staff may not take it on their own booking. */
  notOwnBooking?: boolean;
}
export const STEPS: Record<BookingAction, Step[]> = {
  approve: [{ from: ['requested'], to: 'confirmed', by: ['staff'], notOwnBooking: true }],
  decline: [{ from: ['requested'], to: 'declined', by: ['staff'], notOwnBooking: true }],
  cancel: [
    { from: ['requested', 'confirmed'], to: 'cancelled', by: ['booker'], when: 'before-start' },
    { from: ['requested', 'confirmed', 'blocked'], to: 'cancelled', by: ['staff'], when: 'before-end' },
  ],
  'record-use': [{ from: ['confirmed'], to: 'completed', by: ['staff'], when: 'after-start' }],
  'no-show': [{ from: ['confirmed'], to: 'no-show', by: ['staff'], when: 'after-start' }],
};
/** The system's own step: a request nobody answered in time. */
export const EXPIRY: Step = { from: ['requested'], to: 'expired', by: [] };
export const ACTIVE: BookingState[] = ['requested', 'confirmed', 'blocked'];

export interface BookingFacts {
  state: BookingState;
  bookerUserId: string | null;
  bookerOrganizationId: string | null;
  ownerOrganizationId: string;
  start: number;
  end: number;
}

/** The owning centre's people (any role but company) and administrators. */
export function isStaff(actor: Actor, ownerOrganizationId: string): boolean {
  if (actor.kind !== 'member') return false;
  if (actor.platformRole === 'admin') return true;
  return actor.memberships.some((m) => m.organization === ownerOrganizationId && m.role !== 'company');
}
export const isBooker = (actor: Actor, b: Pick<BookingFacts, 'bookerUserId'>) =>
  actor.kind === 'member' && actor.userId !== null && actor.userId === b.bookerUserId;

/** Who sees a booking: its booker, their organisation, the owning centre, the Region and administrators. */
export function canSee(actor: Actor, b: BookingFacts): boolean {
  if (actor.kind !== 'member') return false;
  if (actor.platformRole || isBooker(actor, b) || isStaff(actor, b.ownerOrganizationId)) return true;
  return b.bookerOrganizationId !== null && actor.memberships.some((m) => m.organization === b.bookerOrganizationId);
}

function permits(step: Step, actor: Actor, b: BookingFacts, now: number): boolean {
  if (!step.from.includes(b.state)) return false;
  if (step.when === 'before-start' && now >= b.start) return false;
  if (step.when === 'after-start' && now < b.start) return false;
  if (step.when === 'before-end' && now >= b.end) return false;
  if (step.notOwnBooking && isBooker(actor, b)) return false;
  return step.by.some((p) => (p === 'booker' ? isBooker(actor, b) : isStaff(actor, b.ownerOrganizationId)));
}

/** The step an action would take for this actor now, or null. */
export function stepFor(action: BookingAction, actor: Actor, b: BookingFacts, now: number): Step | null {
  return STEPS[action].find((s) => permits(s, actor, b, now)) ?? null;
}
/** Whether the state allows the action at all (for someone): 409 when not, 403 when only the actor is wrong. */
export const stateAllows = (action: BookingAction, b: BookingFacts, now: number) =>
  STEPS[action].some((s) => {
    if (!s.from.includes(b.state)) return false;
    if (s.when === 'before-start' && now >= b.start && !STEPS[action].some((o) => o.when !== 'before-start'))
      return false;
    if (s.when === 'after-start' && now < b.start) return false;
    if (s.when === 'before-end' && now >= b.end) return false;
    return true;
  });

export function allowedActions(actor: Actor, b: BookingFacts, now: number): BookingAction[] {
  if (!canSee(actor, b)) return [];
  return (Object.keys(STEPS) as BookingAction[]).filter((a) => stepFor(a, actor, b, now) !== null);
}

export const bookingRef = (n: number) => `B-${String(n).padStart(4, '0')}`;
