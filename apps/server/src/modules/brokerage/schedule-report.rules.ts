import type { UNPLACED_REASONS } from '@clock/contracts';

export type UnplacedReason = (typeof UNPLACED_REASONS)[number];

export interface GridInput {
  slots: number;
  tables: number;
  /** Each person's unavailable slots. */
  unavailable: ReadonlyMap<string, readonly number[]>;
  /** The meetings in the agenda: slot and the two people. */
  meetings: readonly { slot: number; a: string; b: string }[];
  /** When the agenda was made (null: never). */
  scheduledAt: Date | null;
}

/**
 * Why an accepted request is not in the agenda, told to the organiser in the order they can act on it: accepted after
 * the agenda was made (schedule again); the two people have no slot both can attend; in every slot both can attend
 * one of them is already in a meeting; or the slots where both are free have every table taken.
 */
export function unplacedReason(
  grid: GridInput,
  request: { a: string; b: string; decidedAt: Date | null },
  busy = busyOf(grid),
): UnplacedReason {
  if (!grid.scheduledAt || (request.decidedAt && request.decidedAt > grid.scheduledAt))
    return 'accepted-after-schedule';
  const off = (p: string) => new Set(grid.unavailable.get(p) ?? []);
  const offA = off(request.a);
  const offB = off(request.b);
  const common = [...Array(grid.slots).keys()].filter((s) => !offA.has(s) && !offB.has(s));
  if (!common.length) return 'no-common-slot';
  const bothFree = common.filter((s) => !busy.people.has(`${request.a}@${s}`) && !busy.people.has(`${request.b}@${s}`));
  if (!bothFree.length) return 'people-busy';
  return 'tables-full';
}

/** Who is seated in which slot, and how many tables each slot uses. */
export function busyOf(grid: Pick<GridInput, 'meetings'>) {
  const people = new Set<string>();
  const tablesUsed = new Map<number, number>();
  for (const m of grid.meetings) {
    people.add(`${m.a}@${m.slot}`);
    people.add(`${m.b}@${m.slot}`);
    tablesUsed.set(m.slot, (tablesUsed.get(m.slot) ?? 0) + 1);
  }
  return { people, tablesUsed };
}
