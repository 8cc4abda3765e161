import { describe, expect, it } from 'vitest';
import { eventLinkProblem } from './matchmaking.rules.ts';

describe('the event a matchmaking day belongs to', () => {
  const own = { state: 'published', organizers: ['navigo', 'cptm'] };

  it('is one the organising centre runs, as lead or co-organiser, draft or published', () => {
    expect(eventLinkProblem(own, 'navigo')).toBeNull();
    expect(eventLinkProblem(own, 'cptm')).toBeNull();
    expect(eventLinkProblem({ ...own, state: 'draft' }, 'navigo')).toBeNull();
  });

  it('is refused, with the same words, when unknown or run by others; and when cancelled', () => {
    const unknown = eventLinkProblem(null, 'navigo');
    expect(unknown).toEqual({ pointer: '/body/eventId', message: 'must be an event the organising centre runs' });
    expect(eventLinkProblem(own, 'lucense')).toEqual(unknown);
    expect(eventLinkProblem({ ...own, state: 'cancelled' }, 'navigo')?.pointer).toBe('/body/eventId');
  });
});
