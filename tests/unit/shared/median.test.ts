import { describe, expect, it } from 'vitest';
import { median, medianIndex } from '../../../scripts/shared/median.ts';
import { summarise } from '../../../scripts/examples/run-example.ts';

describe('the one median', () => {
  it('is the middle value of an odd count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(medianIndex([3, 1, 2])).toBe(2);
  });

  it('is the lower middle value, an actual observation, of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(medianIndex([4, 1, 3, 2])).toBe(3);
  });

  it('is what a page prints: the verified median time is the shown run’s own time, for odd and even repeats', () => {
    for (const times of [[900, 1200, 1000], [900, 1200, 1000, 1100], [5], [2, 1]]) {
      const timing = summarise(times);
      expect(timing.medianMs).toBe(times[medianIndex(times)]);
      expect(times).toContain(timing.medianMs);
    }
  });
});
