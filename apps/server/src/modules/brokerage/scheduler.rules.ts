/**
 * The matchmaking scheduler: accepted 1:1 meeting requests into slots × tables, nobody in two meetings at once, no
 * table holding two, nobody placed in a slot they marked unavailable. Pure and deterministic (same input, same
 * agenda): the input order does not matter, ties are broken by request id.
 *
 * Method — slot by slot, a greedy matching with the most constrained first, then a repair pass:
 * 1. For each slot in turn, the requests whose two people are both free then are taken by urgency: a person's
 *    urgency is the meetings they still need over the slots they still can attend (this one included); a request's
 *    is the larger of its two people's, then the sum, then its id. Each is placed if neither person is already seated
 *    in the slot and a table is free.
 * 2. Repair: a request left over is placed in a slot where the meetings holding its people (one or two) can each
 *    move to another slot with a free table where both of that meeting's people are free, and — when the slot has no
 *    free table — one more of its meetings can move out the same way (one move per meeting; repeated while it places
 *    something).
 * The capacity is slots × tables: with more accepted requests than that, some are necessarily left out.
 */
export interface ScheduleInput {
  slots: number;
  tables: number;
  /** Each person's unavailable slots (0-based). */
  unavailable: Map<string, ReadonlySet<number>> | Record<string, readonly number[]>;
  requests: { id: string; a: string; b: string }[];
}
export interface Placement {
  request: string;
  slot: number;
  /** 1-based table number. */
  table: number;
}
export interface Schedule {
  placed: Placement[];
  unplaced: string[];
}

export function schedule(input: ScheduleInput): Schedule {
  const { slots, tables } = input;
  const unavailable = new Map<string, ReadonlySet<number>>(
    input.unavailable instanceof Map
      ? input.unavailable
      : Object.entries(input.unavailable).map(([k, v]) => [k, new Set(v)]),
  );
  const requests = [...input.requests]
    .filter((r) => r.a !== r.b)
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const can = (p: string, s: number) => !unavailable.get(p)?.has(s);
  // Seated: person → slot → request id; used tables per slot.
  const seat = new Map<string, Map<number, string>>();
  const slotOf = new Map<string, number>();
  const used = new Array<number>(slots).fill(0);
  const busy = (p: string, s: number) => seat.get(p)?.has(s) ?? false;
  const sit = (r: { id: string; a: string; b: string }, s: number) => {
    for (const p of [r.a, r.b]) {
      if (!seat.has(p)) seat.set(p, new Map());
      seat.get(p)!.set(s, r.id);
    }
    slotOf.set(r.id, s);
    used[s]!++;
  };
  const stand = (r: { id: string; a: string; b: string }) => {
    const s = slotOf.get(r.id)!;
    seat.get(r.a)!.delete(s);
    seat.get(r.b)!.delete(s);
    slotOf.delete(r.id);
    used[s]!--;
  };

  // Meetings each person still needs, and slots each can still attend.
  const need = new Map<string, number>();
  for (const r of requests) for (const p of [r.a, r.b]) need.set(p, (need.get(p) ?? 0) + 1);
  const left = new Map<string, number[]>();
  for (const p of need.keys()) {
    const arr = new Array<number>(slots + 1).fill(0);
    for (let s = slots - 1; s >= 0; s--) arr[s] = arr[s + 1]! + (can(p, s) ? 1 : 0);
    left.set(p, arr);
  }

  let pending = requests;
  for (let s = 0; s < slots; s++) {
    const urgency = (p: string) => need.get(p)! / Math.max(1, left.get(p)![s]!);
    const candidates = pending
      .filter((r) => can(r.a, s) && can(r.b, s))
      .map((r) => {
        const ua = urgency(r.a),
          ub = urgency(r.b);
        return { r, hi: Math.max(ua, ub), sum: ua + ub };
      })
      .sort((x, y) => y.hi - x.hi || y.sum - x.sum || (x.r.id < y.r.id ? -1 : 1));
    for (const { r } of candidates) {
      if (used[s]! >= tables) break;
      if (busy(r.a, s) || busy(r.b, s)) continue;
      sit(r, s);
      need.set(r.a, need.get(r.a)! - 1);
      need.set(r.b, need.get(r.b)! - 1);
    }
    pending = pending.filter((r) => !slotOf.has(r.id));
  }

  // Repair: one move deep, while it helps.
  const byId = new Map(requests.map((r) => [r.id, r]));
  const moveElsewhere = (m: { id: string; a: string; b: string }, from: number): number | null => {
    for (let t = 0; t < slots; t++) {
      if (t === from || used[t]! >= tables) continue;
      if (can(m.a, t) && can(m.b, t) && !busy(m.a, t) && !busy(m.b, t)) return t;
    }
    return null;
  };
  const inSlot = (t: number) => requests.filter((m) => slotOf.get(m.id) === t);
  /** Moves the meetings out of slot `s` (each to a slot where both its people are free), or changes nothing. */
  const moveAll = (ms: { id: string; a: string; b: string }[], s: number): boolean => {
    const moved: { m: { id: string; a: string; b: string }; to: number }[] = [];
    for (const m of ms) {
      stand(m);
      const t = moveElsewhere(m, s);
      if (t === null) {
        sit(m, s);
        for (const x of moved.reverse()) {
          stand(x.m);
          sit(x.m, s);
        }
        return false;
      }
      sit(m, t);
      moved.push({ m, to: t });
    }
    return true;
  };
  let progress = true;
  while (progress && pending.length) {
    progress = false;
    for (const r of pending) {
      for (let s = 0; s < slots && !slotOf.has(r.id); s++) {
        if (!can(r.a, s) || !can(r.b, s)) continue;
        const blockers = [...new Set([r.a, r.b].filter((p) => busy(p, s)).map((p) => seat.get(p)!.get(s)!))].map(
          (id) => byId.get(id)!,
        );
        if (!moveAll(blockers, s)) continue;
        // A full slot: move one other meeting out to free a table.
        if (used[s]! >= tables && !inSlot(s).some((m) => moveAll([m], s))) continue;
        sit(r, s);
      }
      if (slotOf.has(r.id)) progress = true;
    }
    pending = pending.filter((r) => !slotOf.has(r.id));
  }

  // Tables: numbered in each slot in request-id order.
  const next = new Array<number>(slots).fill(0);
  const placed: Placement[] = [];
  for (const r of requests) {
    const s = slotOf.get(r.id);
    if (s === undefined) continue;
    placed.push({ request: r.id, slot: s, table: ++next[s]! });
  }
  return { placed, unplaced: pending.map((r) => r.id) };
}
