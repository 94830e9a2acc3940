import { describe, expect, it } from 'vitest';
import { timeWithAtLeast } from '../../../scripts/shared/intervals.ts';

describe('timeWithAtLeast', () => {
  it('is 0 for intervals that only took turns, even touching ones', () => {
    expect(timeWithAtLeast([{ start: 0, end: 5 }, { start: 5, end: 10 }, { start: 10, end: 12 }], 2)).toBe(0);
  });

  it('is the shared stretch of intervals that ran side by side', () => {
    expect(timeWithAtLeast([{ start: 0, end: 2 }, { start: 0.5, end: 2.5 }], 2)).toBe(1.5);
    expect(timeWithAtLeast([{ start: 0, end: 3 }, { start: 1, end: 4 }, { start: 2, end: 5 }], 3)).toBe(1);
  });
});
