import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.ts';
import {
  allowedActions,
  canRead,
  canSeeCompany,
  contentProblems,
  expiryFrom,
  expiryProblems,
  monthsAfter,
  nextState,
  reviewProblems,
} from './opportunities.rules.ts';
import { chainSteps } from './relations.rules.ts';

const member = (
  memberships: Actor extends infer A ? (A extends { memberships: infer M } ? M : never) : never,
  platformRole: 'admin' | 'region' | null = null,
): Actor => ({
  kind: 'member',
  userId: 'u',
  tokenId: null,
  platformRole,
  memberships,
  csrfToken: null,
});
const company = member([{ organization: 'acme', role: 'company' }]);
const other = member([{ organization: 'beta', role: 'company' }]);
const centre = member([{ organization: 'lucense', role: 'centre-staff' }]);
const otherCentre = member([{ organization: 'navigo', role: 'centre-manager' }]);
const region = member([], 'region');
const admin = member([], 'admin');
const opp = (state: 'draft' | 'submitted' | 'published' | 'on-hold', anonymous = true) => ({
  organizationId: 'acme',
  centreId: 'lucense',
  state,
  anonymous,
});

describe('opportunity rules', () => {
  it('lets everyone read a published opportunity and only its company and centre the others', () => {
    for (const a of [company, other, centre, otherCentre, region, admin, { kind: 'anonymous' } as Actor])
      expect(canRead(a, opp('published'))).toBe(true);
    expect([company, other, centre, otherCentre, region, admin].map((a) => canRead(a, opp('draft')))).toEqual([
      true,
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it('names an anonymous company to its company, its centre and the companies introduced to it only', () => {
    expect([company, other, centre, otherCentre, region].map((a) => canSeeCompany(a, opp('published')))).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(canSeeCompany(other, opp('published'), ['beta'])).toBe(true);
    expect(canSeeCompany(other, opp('published', false))).toBe(true);
  });

  it('follows the transitions table', () => {
    expect(nextState('draft', 'submit')).toBe('submitted');
    expect(nextState('on-hold', 'submit')).toBe('submitted');
    expect(nextState('published', 'submit')).toBeNull();
    expect(nextState('submitted', 'edit')).toBeNull();
    expect(allowedActions(company, opp('draft'))).toEqual(['edit', 'submit', 'matches', 'interests']);
    expect(allowedActions(centre, opp('submitted'))).toEqual(['review', 'matches', 'interests']);
    expect(allowedActions(other, opp('published'))).toEqual(['interest']);
    expect(allowedActions(region, opp('published'))).toEqual([]);
  });

  it('publishes only above the rubric threshold and asks a comment to hold or reject', () => {
    const s = (clarity: number, innovation: number, partnerSought: number, completeness: number) => ({
      clarity,
      innovation,
      partnerSought,
      completeness,
    });
    expect(reviewProblems({ scores: s(3, 3, 3, 3), decision: 'publish' })).toEqual([]);
    expect(reviewProblems({ scores: s(5, 5, 5, 1), decision: 'publish' }).map((p) => p.pointer)).toEqual([
      '/body/scores/completeness',
    ]);
    expect(reviewProblems({ scores: s(2, 3, 3, 3), decision: 'publish' }).map((p) => p.pointer)).toEqual([
      '/body/decision',
    ]);
    expect(reviewProblems({ scores: s(1, 1, 1, 1), decision: 'reject', comment: 'Troppo vago' })).toEqual([]);
    expect(reviewProblems({ scores: s(4, 4, 4, 4), decision: 'hold', comment: '  ' }).map((p) => p.pointer)).toEqual([
      '/body/comment',
    ]);
  });

  it('keeps the expiry within a year and months on the calendar', () => {
    const now = new Date('2026-03-31T10:00:00Z');
    expect(expiryFrom(now).toISOString()).toBe('2027-03-31T10:00:00.000Z');
    expect(expiryFrom(now, '2026-09-30').toISOString()).toBe('2026-09-30T23:59:59.000Z');
    expect(expiryFrom(now, '2030-01-01').toISOString()).toBe('2027-03-31T10:00:00.000Z');
    expect(expiryProblems('2026-03-01', now)[0]!.message).toMatch(/future/);
    expect(expiryProblems('2027-06-01', now)[0]!.message).toMatch(/one year/);
    expect(expiryProblems('2026-12-01', now)).toEqual([]);
    expect(monthsAfter(new Date('2026-11-30T09:00:00Z'), 3).toISOString()).toBe('2027-02-28T09:00:00.000Z');
    expect(monthsAfter(new Date('2026-08-31T09:00:00Z'), 6).toISOString()).toBe('2027-02-28T09:00:00.000Z');
    expect(monthsAfter(new Date('2026-05-15T09:00:00Z'), -3).toISOString()).toBe('2026-02-15T09:00:00.000Z');
  });

  it('checks texts and taxonomy codes, each problem at its field', () => {
    const known = { filiera: new Set(['carta']), sector: new Set(['C17.22']), s3: new Set<string>() };
    expect(
      contentProblems(
        { title: { it: ' ' }, description: { en: 'x' }, filiere: ['carta', 'x'], sectors: ['C17.22'], s3: ['y'] },
        known,
        true,
      ).map((p) => p.pointer),
    ).toEqual(['/body/title', '/body/filiere/1', '/body/s3/0']);
    expect(contentProblems({}, known, false)).toEqual([]);
  });

  it('finds the chain steps without a local supplier', () => {
    const steps = chainSteps('carta', [{ sectors: ['C17.22'] }, { sectors: ['C28.95', 'C17.21'] }]);
    expect(steps.filter((s) => !s.gap).map((s) => s.code)).toEqual(['C17.22', 'C17.21', 'C28.95']);
    expect(steps.find((s) => s.code === 'C17.11')).toEqual({ code: 'C17.11', companies: 0, gap: true });
    expect(chainSteps('orafo', [{ sectors: ['C32.12'] }])).toEqual([]);
  });
});
