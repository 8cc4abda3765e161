import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACTION_STATES, ACTION_TRANSITIONS, actionTransitionAllowed } from '@clock/contracts';
import type { Actor } from '../../core/actor.ts';
import { actionAbilities, canSeeAction, isLate, onTime, rollUp, type ActionFacts } from './actions.rules.ts';
import { carriedAgenda, minutesApprovalProblem } from '../meetings/meetings.rules.ts';

const member = (memberships: [string, string][], platformRole: 'admin' | 'region' | null = null): Actor => ({
  kind: 'member',
  userId: 'u',
  tokenId: null,
  platformRole,
  csrfToken: null,
  memberships: memberships.map(([organization, role]) => ({ organization, role: role as 'centre-staff' })),
});

describe('progress roll-up', () => {
  it('is null with no milestone anywhere below, never 0 %', () => {
    const p = rollUp([{ id: 'a', parentId: null, state: 'running' }], []);
    expect(p.get('a')!.progress).toBeNull();
  });
  it('weighs milestones and rolls children up into their parent', () => {
    const p = rollUp(
      [
        { id: 'parent', parentId: null, state: 'running' },
        { id: 'c1', parentId: 'parent', state: 'running' },
        { id: 'c2', parentId: 'parent', state: 'running' },
        { id: 'gone', parentId: 'parent', state: 'cancelled' },
      ],
      [
        { actionId: 'c1', weight: 3, due: '2026-01-01', done: true },
        { actionId: 'c1', weight: 1, due: '2026-02-01', done: false },
        { actionId: 'gone', weight: 10, due: '2026-02-01', done: false },
      ],
    );
    expect(p.get('c1')!.progress).toBe(75);
    expect(p.get('c2')!.progress).toBeNull();
    // c2 has nothing to measure and the cancelled child leaves the sum: the parent is c1's 3 of 4.
    expect(p.get('parent')!.progress).toBe(75);
  });
  it('survives a cycle in the parent links', () => {
    const p = rollUp(
      [
        { id: 'a', parentId: 'b', state: 'running' },
        { id: 'b', parentId: 'a', state: 'running' },
      ],
      [{ actionId: 'a', weight: 1, due: '2026-01-01', done: true }],
    );
    expect(p.get('a')!.progress).toBe(100);
  });
  it('always stays between 0 and 100 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ w: fc.integer({ min: 1, max: 50 }), done: fc.boolean(), child: fc.boolean() }), {
          maxLength: 20,
        }),
        (ms) => {
          const p = rollUp(
            [
              { id: 'p', parentId: null, state: 'running' },
              { id: 'c', parentId: 'p', state: 'running' },
            ],
            ms.map((m) => ({ actionId: m.child ? 'c' : 'p', weight: m.w, due: '2026-01-01', done: m.done })),
          );
          const v = p.get('p')!.progress;
          if (ms.length === 0) return v === null;
          return v !== null && v >= 0 && v <= 100;
        },
      ),
    );
  });
});

describe('the lateness rule', () => {
  const ms = [{ due: '2026-03-01', done: false }];
  it('is late when a milestone is past due and not done', () => {
    expect(isLate('running', ms, '2026-03-02')).toBe(true);
    expect(isLate('running', ms, '2026-03-01')).toBe(false);
    expect(isLate('running', [{ due: '2026-03-01', done: true }], '2026-04-01')).toBe(false);
  });
  it('never calls a closed or cancelled action late', () => {
    expect(isLate('closed', ms, '2027-01-01')).toBe(false);
    expect(isLate('cancelled', ms, '2027-01-01')).toBe(false);
  });
  it('judges "on time" for the KPI', () => {
    expect(onTime({ state: 'closed', end: '2026-06-30', closedOn: '2026-06-20' }, [], '2026-07-01')).toBe(true);
    expect(onTime({ state: 'closed', end: '2026-06-30', closedOn: '2026-07-20' }, [], '2026-08-01')).toBe(false);
    expect(
      onTime(
        { state: 'running', end: '2026-12-31', closedOn: null },
        [{ due: '2026-03-01', doneOn: '2026-03-05' }],
        '2026-04-01',
      ),
    ).toBe(false);
    expect(
      onTime(
        { state: 'running', end: '2026-12-31', closedOn: null },
        [{ due: '2026-05-01', doneOn: null }],
        '2026-04-01',
      ),
    ).toBe(true);
    expect(onTime({ state: 'cancelled', end: '2026-12-31', closedOn: null }, [], '2026-04-01')).toBeNull();
  });
});

describe('the life-cycle table', () => {
  it('ends in closed and cancelled, and never moves to planned', () => {
    expect(ACTION_TRANSITIONS.closed).toEqual([]);
    expect(ACTION_TRANSITIONS.cancelled).toEqual([]);
    for (const s of ACTION_STATES) expect(actionTransitionAllowed(s, 'planned')).toBe(false);
  });
});

describe('who sees and runs an action', () => {
  const a: ActionFacts = {
    leadOrganizationId: 'lead',
    visibility: 'private',
    state: 'running',
    partners: [
      { organizationId: 'lead', role: 'lead' },
      { organizationId: 'firm', role: 'company' },
    ],
  };
  it('shows a private action to its partners, the nucleus and the Region only', () => {
    expect(canSeeAction({ kind: 'anonymous' }, a)).toBe(false);
    expect(canSeeAction(member([['other', 'centre-staff']]), a)).toBe(false);
    expect(canSeeAction(member([['other', 'nucleus']]), a)).toBe(true);
    expect(canSeeAction(member([], 'region'), a)).toBe(true);
    expect(canSeeAction(member([['firm', 'company']]), a)).toBe(true);
    expect(canSeeAction({ kind: 'anonymous' }, { ...a, visibility: 'public' })).toBe(true);
    expect(canSeeAction({ kind: 'anonymous' }, { ...a, visibility: 'network' })).toBe(false);
  });
  it('lets the lead run it and a company partner only contribute', () => {
    expect(actionAbilities(member([['lead', 'centre-staff']]), a)).toContain('transition');
    expect(actionAbilities(member([['firm', 'company']]), a)).toEqual(['contribute', 'documents']);
    expect(actionAbilities(member([['lead', 'company']]), a)).toEqual(['contribute', 'documents']);
    expect(actionAbilities(member([['lead', 'centre-staff']]), { ...a, state: 'closed' })).toEqual([]);
    expect(actionAbilities(member([], 'region'), a)).toEqual([]);
  });
});

describe('meetings', () => {
  it('carry open action items, oldest first, after the previous minutes', () => {
    const agenda = carriedAgenda(
      [
        { id: 'b', text: 'Second', meetingNumber: 3 },
        { id: 'a', text: 'First', meetingNumber: 2 },
      ],
      { ref: 'N-0003' },
    );
    expect(agenda.map((x) => [x.position, x.carriedOutcomeId])).toEqual([
      [1, null],
      [2, 'a'],
      [3, 'b'],
    ]);
    expect(carriedAgenda([], null)).toEqual([]);
  });
  it('approve minutes only at a later held meeting, once', () => {
    const prev = { number: 1, state: 'held' as const, minutes: 'Verbale' };
    expect(minutesApprovalProblem({ number: 2, state: 'held' }, prev)).toBeNull();
    expect(minutesApprovalProblem({ number: 2, state: 'planned' }, prev)).toMatch(/held/);
    expect(minutesApprovalProblem({ number: 2, state: 'held' }, { ...prev, state: 'minutes-approved' })).toMatch(
      /already/,
    );
    expect(minutesApprovalProblem({ number: 2, state: 'held' }, { ...prev, minutes: ' ' })).toMatch(/no minutes/);
    expect(minutesApprovalProblem({ number: 2, state: 'held' }, null)).toMatch(/no earlier/);
  });
});
