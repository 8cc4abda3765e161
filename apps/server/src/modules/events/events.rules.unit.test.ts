import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Actor } from '../../core/actor.ts';
import {
  allowedActions,
  answerProblems,
  attendanceMet,
  canSee,
  eventFieldProblems,
  isOrganizer,
  nextSequence,
  placeFor,
  promotable,
  type EventFacts,
} from './events.rules.ts';

const member = (over: Partial<Extract<Actor, { kind: 'member' }>> = {}): Actor => ({
  kind: 'member',
  userId: 'u1',
  tokenId: null,
  platformRole: null,
  memberships: [],
  csrfToken: null,
  ...over,
});
const NOW = Date.UTC(2026, 2, 1);
const facts = (over: Partial<EventFacts> = {}): EventFacts => ({
  state: 'published',
  visibility: 'public',
  organizers: [
    { organizationId: 'centre-a', kind: 'centre' },
    { organizationId: 'regione', kind: 'region' },
  ],
  startsAt: NOW + 86_400_000,
  endsAt: NOW + 90_000_000,
  registrationOpens: null,
  registrationCloses: null,
  ...over,
});
const staffA = member({ memberships: [{ organization: 'centre-a', role: 'centre-staff' }] });
const companyA = member({ memberships: [{ organization: 'centre-a', role: 'company' }] });
const region = member({ platformRole: 'region' });

describe('events.rules', () => {
  it('names the organisers: the organising members but company ones, the Region when it co-organises, admins', () => {
    expect(isOrganizer(staffA, facts().organizers)).toBe(true);
    expect(isOrganizer(companyA, facts().organizers)).toBe(false);
    expect(isOrganizer(region, facts().organizers)).toBe(true);
    expect(isOrganizer(region, [{ organizationId: 'centre-a', kind: 'centre' }])).toBe(false);
    expect(isOrganizer(member({ platformRole: 'admin' }), [])).toBe(true);
    expect(isOrganizer({ kind: 'anonymous' }, facts().organizers)).toBe(false);
  });

  it('shows drafts to organisers only and network events to network members only', () => {
    expect(canSee({ kind: 'anonymous' }, facts({ state: 'draft' }))).toBe(false);
    expect(canSee(staffA, facts({ state: 'draft' }))).toBe(true);
    expect(canSee({ kind: 'anonymous' }, facts({ visibility: 'network' }))).toBe(false);
    expect(canSee(member(), facts({ visibility: 'network' }))).toBe(false);
    expect(canSee(companyA, facts({ visibility: 'network' }))).toBe(true);
    expect(canSee({ kind: 'anonymous' }, facts({ state: 'cancelled' }))).toBe(true);
  });

  it('offers the actions the life cycle and the window allow', () => {
    expect(allowedActions(staffA, facts({ state: 'draft' }), NOW)).toEqual(['edit', 'publish', 'cancel']);
    expect(allowedActions({ kind: 'anonymous' }, facts(), NOW)).toEqual(['register']);
    expect(allowedActions({ kind: 'anonymous' }, facts({ registrationCloses: NOW - 1 }), NOW)).toEqual([]);
    expect(allowedActions({ kind: 'anonymous' }, facts({ registrationOpens: NOW + 1 }), NOW)).toEqual([]);
    expect(allowedActions(staffA, facts({ state: 'cancelled' }), NOW)).toEqual(['manage-registrations']);
    expect(nextSequence('draft', 0)).toBe(0);
    expect(nextSequence('published', 3)).toBe(4);
  });

  it('never gives more places than the capacity, whatever the counts', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
        fc.nat(60),
        fc.nat(60),
        (cap, taken, waiting) => {
          const moved = promotable(cap, taken, waiting);
          expect(moved).toBeGreaterThanOrEqual(0);
          expect(moved).toBeLessThanOrEqual(waiting);
          if (cap !== null) expect(taken + moved <= Math.max(cap, taken)).toBe(true);
          if (cap !== null && taken >= cap) expect(placeFor(cap, taken)).toBe('waiting');
        },
      ),
    );
    expect(placeFor(null, 1000)).toBe('confirmed');
  });

  it('counts attendance against the share of sessions required', () => {
    expect(attendanceMet(2, 3, 0.66)).toBe(true);
    expect(attendanceMet(1, 3, 0.5)).toBe(false);
    expect(attendanceMet(3, 3, 1)).toBe(true);
    expect(attendanceMet(0, 3, 0)).toBe(false);
    expect(attendanceMet(1, 3, 0)).toBe(true);
  });

  it('lists every problem of an event and of the answers', () => {
    expect(
      eventFieldProblems({
        mode: 'mixed',
        place: null,
        onlineUrl: 'ftp://x',
        registrationOpens: 10,
        registrationCloses: 5,
        questions: [
          { id: 'a', kind: 'choice' },
          { id: 'a', kind: 'text' },
        ],
      }).map((p) => p.pointer),
    ).toEqual([
      '/body/place',
      '/body/onlineUrl',
      '/body/registrationCloses',
      '/body/questions/0/options',
      '/body/questions/1/id',
    ]);
    const qs = [
      { id: 'role', required: true, kind: 'text' },
      { id: 'level', required: false, kind: 'choice', options: [{}, {}] },
    ];
    expect(answerProblems(qs, { level: '2', extra: 'x' }).map((p) => p.pointer)).toEqual([
      '/body/answers/extra',
      '/body/answers/role',
      '/body/answers/level',
    ]);
    expect(answerProblems(qs, { role: 'tecnico', level: '1' })).toEqual([]);
  });
});
