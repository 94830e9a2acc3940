/** Time spans, e.g. thread lifetimes or GIL turns, in any one unit. */
export interface Interval {
  start: number;
  end: number;
}

/**
 * Total time during which at least `n` of the intervals were open at once: 0 for intervals that
 * only ever took turns, the whole shared stretch for ones that ran side by side.
 */
export function timeWithAtLeast(intervals: readonly Interval[], n: number): number {
  const edges = intervals
    .flatMap(({ start, end }) => [[start, 1] as const, [end, -1] as const])
    // At one instant, close before opening: touching intervals do not overlap.
    .toSorted((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let last = 0;
  let total = 0;
  for (const [time, change] of edges) {
    if (open >= n) total += time - last;
    open += change;
    last = time;
  }
  return total;
}
