import { describe, expect, it } from 'vitest';
import { unplacedReason, type GridInput } from './schedule-report.rules.ts';

const at = new Date('2030-05-01T10:00:00Z');
const grid = (over: Partial<GridInput> = {}): GridInput => ({
  slots: 2,
  tables: 1,
  unavailable: new Map(),
  meetings: [],
  scheduledAt: at,
  ...over,
});

describe('why an accepted request is not in the agenda', () => {
  it('was accepted after the agenda was made, or no agenda was made', () => {
    expect(unplacedReason(grid(), { a: 'x', b: 'y', decidedAt: new Date(at.getTime() + 1) })).toBe(
      'accepted-after-schedule',
    );
    expect(unplacedReason(grid({ scheduledAt: null }), { a: 'x', b: 'y', decidedAt: null })).toBe(
      'accepted-after-schedule',
    );
  });
  it('has no slot both people can attend', () => {
    const unavailable = new Map([
      ['x', [0]],
      ['y', [1]],
    ]);
    expect(unplacedReason(grid({ unavailable }), { a: 'x', b: 'y', decidedAt: at })).toBe('no-common-slot');
  });
  it('finds one of the two busy in every slot both can attend', () => {
    const meetings = [
      { slot: 0, a: 'x', b: 'z' },
      { slot: 1, a: 'y', b: 'w' },
    ];
    expect(unplacedReason(grid({ meetings, tables: 5 }), { a: 'x', b: 'y', decidedAt: at })).toBe('people-busy');
  });
  it('finds every table taken where both are free', () => {
    const meetings = [
      { slot: 0, a: 'p', b: 'q' },
      { slot: 1, a: 'r', b: 's' },
    ];
    expect(unplacedReason(grid({ meetings }), { a: 'x', b: 'y', decidedAt: at })).toBe('tables-full');
  });
});
