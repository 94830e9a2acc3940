/**
 * The one median of the project. With an even count it is the lower middle value, an actual
 * observation: the run a page shows has exactly the time that was verified, never an average of two.
 */

/** Index of the median value in `values` (unsorted); -1 when empty. */
export function medianIndex(values: readonly number[]): number {
  if (values.length === 0) return -1;
  const order = values.map((value, index) => [value, index] as const).sort((a, b) => a[0] - b[0]);
  return order[Math.floor((order.length - 1) / 2)]![1];
}

/** The median value (lower middle for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  const index = medianIndex(values);
  return index < 0 ? Number.NaN : values[index]!;
}
