import { MEETING_TRANSITIONS, type MeetingState } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';

/**
 * The nucleus's meetings are for its members (one per centre), the Region's officers and administrators; nobody else
 * reads or changes them.
 */
export function canUseMeetings(actor: Actor) {
  if (actor.kind !== 'member') return false;
  if (actor.platformRole === 'admin' || actor.platformRole === 'region') return true;
  return actor.memberships.some((m) => m.role === 'nucleus');
}

export const meetingMayMove = (from: MeetingState, to: MeetingState) => MEETING_TRANSITIONS[from].includes(to);

/** A meeting's time, place and minutes change until its minutes are approved (then they are the record). */
export const meetingEditable = (state: MeetingState) => state !== 'minutes-approved';

/**
 * Minutes are approved at a later meeting, once that meeting is held: the earlier meeting must be held (not already
 * approved), have minutes written, and come before it.
 */
export function minutesApprovalProblem(
  current: { number: number; state: MeetingState },
  previous: { number: number; state: MeetingState; minutes: string | null } | null,
): string | null {
  if (current.state !== 'held') return 'minutes are approved at a meeting that is being held (mark it held first)';
  if (!previous) return 'there is no earlier meeting whose minutes wait for approval';
  if (previous.number >= current.number) return 'minutes are approved only at a later meeting';
  if (!meetingMayMove(previous.state, 'minutes-approved'))
    return 'the earlier meeting is not held, or already approved';
  if (!previous.minutes?.trim()) return 'the earlier meeting has no minutes to approve';
  return null;
}

export interface OpenItem {
  id: string;
  text: string;
  meetingNumber: number;
}
/**
 * The agenda a new meeting starts with: every open action item of earlier meetings, oldest first, after the approval
 * of the previous minutes. Already-carried items are carried again (they stay open until done).
 */
export function carriedAgenda(open: OpenItem[], previous: { ref: string } | null, lang: 'it' | 'en' = 'it') {
  const items: { title: string; carriedOutcomeId: string | null }[] = [];
  if (previous)
    items.push({
      title: lang === 'it' ? `Approvazione del verbale della riunione ${previous.ref}` : `Minutes of ${previous.ref}`,
      carriedOutcomeId: null,
    });
  for (const o of [...open].sort((a, b) => a.meetingNumber - b.meetingNumber))
    items.push({ title: o.text, carriedOutcomeId: o.id });
  return items.map((x, i) => ({ ...x, position: i + 1 }));
}
