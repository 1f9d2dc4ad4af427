/** A stretch of time from `start` (included) to `end` (excluded), epoch ms. */
export interface Interval {
  start: number;
  end: number;
}

/** The same time as one sorted list of disjoint intervals; touching ones join (a window ending as the next starts is one window). */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((interval) => interval.end > interval.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const { start, end } of sorted) {
    const last = merged.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** The time in `kept` that is in none of `removed`, as sorted disjoint intervals. */
export function subtractIntervals(kept: readonly Interval[], removed: readonly Interval[]): Interval[] {
  const cuts = mergeIntervals(removed);
  const result: Interval[] = [];
  for (const interval of mergeIntervals(kept)) {
    let start = interval.start;
    for (const cut of cuts) {
      if (cut.end <= start || cut.start >= interval.end) continue;
      if (cut.start > start) result.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
    }
    if (start < interval.end) result.push({ start, end: interval.end });
  }
  return result;
}
