import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { schedule, type ScheduleInput } from './scheduler.rules.ts';

const day = fc
  .record({
    slots: fc.integer({ min: 1, max: 8 }),
    tables: fc.integer({ min: 1, max: 6 }),
    people: fc.integer({ min: 2, max: 14 }),
  })
  .chain(({ slots, tables, people }) =>
    fc.record({
      slots: fc.constant(slots),
      tables: fc.constant(tables),
      pairs: fc.uniqueArray(
        fc.tuple(fc.integer({ min: 0, max: people - 1 }), fc.integer({ min: 0, max: people - 1 })),
        { maxLength: 40, selector: ([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`) },
      ),
      unavailable: fc.array(fc.array(fc.integer({ min: 0, max: slots - 1 }), { maxLength: slots }), {
        minLength: people,
        maxLength: people,
      }),
    }),
  )
  .map(
    ({ slots, tables, pairs, unavailable }): ScheduleInput => ({
      slots,
      tables,
      unavailable: Object.fromEntries(unavailable.map((u, i) => [`p${i}`, u])),
      requests: pairs.filter(([a, b]) => a !== b).map(([a, b], i) => ({ id: `r${i}`, a: `p${a}`, b: `p${b}` })),
    }),
  );

describe('the matchmaking scheduler', () => {
  it('never double-books a person or a table, respects availability, and accounts for every request', () => {
    fc.assert(
      fc.property(day, (input) => {
        const { placed, unplaced } = schedule(input);
        const un = input.unavailable as Record<string, number[]>;
        const byId = new Map(input.requests.map((r) => [r.id, r]));
        const seats = new Set<string>();
        const tables = new Set<string>();
        for (const p of placed) {
          const r = byId.get(p.request)!;
          expect(p.slot).toBeGreaterThanOrEqual(0);
          expect(p.slot).toBeLessThan(input.slots);
          expect(p.table).toBeGreaterThanOrEqual(1);
          expect(p.table).toBeLessThanOrEqual(input.tables);
          for (const who of [r.a, r.b]) {
            expect(seats.has(`${who}@${p.slot}`)).toBe(false);
            seats.add(`${who}@${p.slot}`);
            expect(un[who] ?? []).not.toContain(p.slot);
          }
          expect(tables.has(`${p.slot}#${p.table}`)).toBe(false);
          tables.add(`${p.slot}#${p.table}`);
        }
        expect([...placed.map((p) => p.request), ...unplaced].sort()).toEqual(input.requests.map((r) => r.id).sort());
      }),
      { seed: 2026, numRuns: 300 },
    );
  });

  it('is deterministic whatever the order of the requests', () => {
    fc.assert(
      fc.property(day, (input) => {
        const reversed = { ...input, requests: [...input.requests].reverse() };
        expect(schedule(reversed)).toEqual(schedule(input));
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('places a request whenever a slot and a table are free for both people', () => {
    const input: ScheduleInput = {
      slots: 2,
      tables: 1,
      unavailable: { b: [0] },
      requests: [
        { id: '1', a: 'a', b: 'b' },
        { id: '2', a: 'a', b: 'c' },
      ],
    };
    const s = schedule(input);
    expect(s.unplaced).toEqual([]);
    expect(s.placed).toEqual([
      { request: '1', slot: 1, table: 1 },
      { request: '2', slot: 0, table: 1 },
    ]);
  });

  it('moves a placed meeting to make room (repair)', () => {
    // Without the repair, a first pass may seat a–c in the only slot b can attend.
    const input: ScheduleInput = {
      slots: 2,
      tables: 1,
      unavailable: { b: [1] },
      requests: [
        { id: '1', a: 'a', b: 'c' },
        { id: '2', a: 'a', b: 'b' },
      ],
    };
    expect(schedule(input).unplaced).toEqual([]);
  });
});
