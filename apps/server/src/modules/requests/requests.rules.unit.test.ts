import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Actor } from '../../core/actor.ts';
import { REQUEST_STATES, type RequestState } from '../../db/schema/index.ts';
import {
  accessTo,
  allowedActions,
  canTransition,
  dueDate,
  DEFAULT_TARGETS,
  TRANSITIONS,
  type RequestFacts,
} from './requests.rules.ts';
import { addWorkingDays, isItalianHoliday } from '../../core/calendar.ts';

const day = (s: string) => new Date(`${s}T09:00:00Z`);
const member = (
  memberships: { organization: string; role: 'nucleus' | 'centre-manager' | 'centre-staff' | 'company' }[],
  platformRole: 'admin' | 'region' | null = null,
  userId = 'u1',
): Actor => ({ kind: 'member', userId, tokenId: null, platformRole, memberships, csrfToken: null });
const facts = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  state: 'open',
  confidentiality: 'network',
  companyOrganizationId: 'acme',
  submittedBy: 'owner',
  submittedViaOrganizationId: null,
  openedAt: new Date(),
  rating: null,
  centres: [],
  ...over,
});

describe('working days', () => {
  it('skips weekends and Italian holidays', () => {
    // Friday 4 December 2026 + 5 working days: Monday 7, (Tuesday 8 is the Immaculate Conception), 9, 10, 11, Monday 14.
    expect(addWorkingDays(day('2026-12-04'), 5).toISOString().slice(0, 10)).toBe('2026-12-14');
    // Christmas week: 24 December + 2 → 28, 29 (25, 26 holidays; 27 Sunday).
    expect(addWorkingDays(day('2026-12-24'), 2).toISOString().slice(0, 10)).toBe('2026-12-29');
  });
  it('knows Easter Monday', () => {
    expect(isItalianHoliday(day('2027-03-29'))).toBe(true); // Easter 2027 is 28 March
    expect(isItalianHoliday(day('2026-04-06'))).toBe(true); // Easter 2026 is 5 April
    expect(isItalianHoliday(day('2026-04-07'))).toBe(false);
  });
  it('sets a due date only where a target applies', () => {
    expect(dueDate('submitted', day('2026-11-27'), DEFAULT_TARGETS)!.toISOString().slice(0, 10)).toBe('2026-12-04');
    expect(dueDate('in_progress', day('2026-11-27'), DEFAULT_TARGETS)).toBeNull();
  });
});

describe('the state machine', () => {
  it('ends in closed, declined or withdrawn, and every state can reach an end', () => {
    const ends: RequestState[] = ['closed', 'declined', 'withdrawn'];
    for (const e of ends) expect(TRANSITIONS[e]).toEqual([]);
    const reaches = (s: RequestState, seen = new Set<RequestState>()): boolean =>
      ends.includes(s) || TRANSITIONS[s].some((n) => !seen.has(n) && reaches(n, new Set([...seen, s])));
    for (const s of REQUEST_STATES) expect(reaches(s), s).toBe(true);
    expect(canTransition('submitted', 'closed')).toBe(false);
    expect(canTransition('in_progress', 'declined')).toBe(false);
    expect(canTransition('in_progress', 'withdrawn')).toBe(false); // once the work started, it is closed, not withdrawn
  });

  it('never offers an action to someone who cannot see the request, for any actor and request', () => {
    const role = fc.constantFrom('nucleus', 'centre-manager', 'centre-staff', 'company') as fc.Arbitrary<'nucleus'>;
    const org = fc.constantFrom('acme', 'c1', 'c2', 'c3');
    const actor = fc
      .record({
        memberships: fc.array(fc.record({ organization: org, role }), { maxLength: 2 }),
        platformRole: fc.constantFrom(null, 'admin', 'region') as fc.Arbitrary<null>,
        userId: fc.constantFrom('owner', 'someone'),
      })
      .map((a) => member(a.memberships, a.platformRole, a.userId));
    const request = fc
      .record({
        state: fc.constantFrom(...REQUEST_STATES),
        confidentiality: fc.constantFrom('public', 'network', 'confidential') as fc.Arbitrary<'public'>,
        opened: fc.boolean(),
        via: fc.constantFrom(null, 'c3'),
        centres: fc.array(
          fc.record({
            organizationId: fc.constantFrom('c1', 'c2'),
            invited: fc.boolean(),
            interested: fc.boolean(),
            teamRole: fc.constantFrom(null, 'lead', 'partner') as fc.Arbitrary<null>,
          }),
          { maxLength: 2 },
        ),
      })
      .map((r) =>
        facts({
          state: r.state,
          confidentiality: r.confidentiality,
          openedAt: r.opened ? new Date() : null,
          submittedViaOrganizationId: r.via,
          centres: r.centres,
        }),
      );
    fc.assert(
      fc.property(fc.oneof(actor, fc.constant<Actor>({ kind: 'anonymous' })), request, (a, r) => {
        const access = accessTo(a, r);
        if (access !== 'full') expect(allowedActions(a, r)).toEqual([]);
        // A confidential request is seen only by its company, the nucleus and centres assigned to it.
        if (r.confidentiality === 'confidential' && access !== 'none' && a.kind === 'member') {
          const assigned = [
            ...r.centres.filter((c) => c.invited || c.interested || c.teamRole).map((c) => c.organizationId),
            r.submittedViaOrganizationId,
          ];
          const ok =
            a.userId === 'owner' ||
            a.memberships.some(
              (m) =>
                m.organization === 'acme' ||
                m.role === 'nucleus' ||
                (m.role !== 'company' && assigned.includes(m.organization)),
            );
          expect(ok).toBe(true);
        }
        if (a.kind === 'anonymous')
          expect(
            access === 'none' || (access === 'summary' && r.confidentiality === 'public' && r.openedAt !== null),
          ).toBe(true);
        for (const action of allowedActions(a, r)) {
          const target = {
            triage: 'triage',
            open: 'open',
            decline: 'declined',
            'agree-team': 'team_agreed',
            start: 'in_progress',
            close: 'closed',
            withdraw: 'withdrawn',
          }[action as string] as RequestState | undefined;
          if (target) expect(canTransition(r.state, target), `${action} from ${r.state}`).toBe(true);
        }
      }),
      { numRuns: 3000, seed: 20261127 },
    );
  });
});
