import type { FieldProblem } from '../../core/errors.ts';

/** What the day's check needs to know of the event it names. */
export interface LinkedEventFacts {
  state: string;
  organizers: readonly string[];
}

/**
 * Why a matchmaking day of `organizer` may not belong to the event it names, or null when it may: the event must be
 * one the organising centre runs (lead or co-organiser) and not cancelled. An unknown event and another
 * organisation's event get the same answer, so the check tells nobody which drafts exist.
 */
export function eventLinkProblem(event: LinkedEventFacts | null, organizer: string): FieldProblem | null {
  const pointer = '/body/eventId';
  if (!event?.organizers.includes(organizer))
    return { pointer, message: 'must be an event the organising centre runs' };
  if (event.state === 'cancelled') return { pointer, message: 'must not be a cancelled event' };
  return null;
}
