/** Half-open intervals [start, end) of epoch milliseconds, and the few set operations the booking rules need. */
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, non-empty, non-overlapping; touching intervals merged. */
export function normalize(list: Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** a minus b (both normalised). */
export function subtract(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const i of a) {
    let cur = i.start;
    while (j < b.length && b[j]!.end <= cur) j++;
    let k = j;
    while (k < b.length && b[k]!.start < i.end) {
      if (b[k]!.start > cur) out.push({ start: cur, end: b[k]!.start });
      cur = Math.max(cur, b[k]!.end);
      k++;
    }
    if (cur < i.end) out.push({ start: cur, end: i.end });
  }
  return out;
}

/** a ∩ [start, end) (a normalised). */
export function clip(a: Interval[], start: number, end: number): Interval[] {
  return a
    .filter((i) => i.end > start && i.start < end)
    .map((i) => ({ start: Math.max(i.start, start), end: Math.min(i.end, end) }));
}

/** Whether x lies inside one interval of a (normalised). */
export const within = (a: Interval[], x: Interval) => a.some((i) => i.start <= x.start && x.end <= i.end);
/** Whether x overlaps any interval of a. */
export const overlaps = (a: Interval[], x: Interval) => a.some((i) => i.start < x.end && x.start < i.end);

/**
 * The times a new booking may not touch because of an existing one's blocked range, given the new booking's own
 * buffers: [a, b) keeps [s, e) away exactly when [s − before, e + after) overlaps it, i.e. s < b + before and
 * e > a − after.
 */
export const dilate = (list: Interval[], before: number, after: number) =>
  normalize(list.map((i) => ({ start: i.start - after, end: i.end + before })));
