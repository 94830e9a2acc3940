/** Number formats shared by the pages, the build log and the bench, so one figure reads the same everywhere. */

/** `1.23 s` from seconds. */
export function formatSeconds(seconds: number, digits = 2): string {
  return `${seconds.toFixed(digits)} s`;
}

/** `1.2 s` from milliseconds, for progress lines. */
export function formatMs(ms: number, digits = 1): string {
  return formatSeconds(ms / 1000, digits);
}

/** `2.4×`. */
export function formatTimes(factor: number, digits = 1): string {
  return `${factor.toFixed(digits)}×`;
}

/** `4,000,000`, `0.85`: a number as prose writes it, with thousands separated and no float noise (`0.1 * 100` is `10`). */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}
