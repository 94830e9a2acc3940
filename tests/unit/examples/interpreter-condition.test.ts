import { describe, expect, it } from 'vitest';
import { conditionHolds, describeCondition, interpreterConditionSchema } from '../../../scripts/examples/interpreter-condition.ts';
import { cpython311Linux, cpython314Linux, cpython314tLinux } from '../../fixtures/interpreter/recorded.ts';

describe('conditionHolds, on recorded interpreters', () => {
  it('holds everywhere without a condition', () => {
    for (const interpreter of [cpython311Linux, cpython314Linux, cpython314tLinux]) {
      expect(conditionHolds(undefined, interpreter)).toBe(true);
      expect(conditionHolds({}, interpreter)).toBe(true);
    }
  });

  it('selects by version range', () => {
    expect(conditionHolds({ python: '>=3.14' }, cpython314Linux)).toBe(true);
    expect(conditionHolds({ python: '>=3.14' }, cpython311Linux)).toBe(false);
    expect(conditionHolds({ python: '>=3.13.8 <3.14 || >=3.14.1' }, cpython314Linux)).toBe(true);
    expect(conditionHolds({ python: '<3.12' }, cpython311Linux)).toBe(true);
  });

  it('selects the free-threaded build by its GIL and its build', () => {
    expect(conditionHolds({ gilEnabled: false }, cpython314tLinux)).toBe(true);
    expect(conditionHolds({ gilEnabled: false }, cpython314Linux)).toBe(false);
    expect(conditionHolds({ freeThreadedBuild: true, gilEnabled: true }, cpython314tLinux)).toBe(false);
    expect(conditionHolds({ freeThreadedBuild: true, gilEnabled: true }, { ...cpython314tLinux, gilEnabled: true })).toBe(true);
  });

  it('selects by default start method and by usable CPUs', () => {
    expect(conditionHolds({ defaultStartMethod: 'forkserver' }, cpython314Linux)).toBe(true);
    expect(conditionHolds({ defaultStartMethod: 'forkserver' }, cpython311Linux)).toBe(false);
    expect(conditionHolds({ minCpuCount: 2 }, cpython311Linux)).toBe(true);
    expect(conditionHolds({ maxCpuCount: 1 }, { ...cpython311Linux, usableCpuCount: 1 })).toBe(true);
    expect(conditionHolds({ minCpuCount: 2 }, { ...cpython311Linux, usableCpuCount: null })).toBe(false);
  });
});

describe('the condition schema', () => {
  it('rejects a version range it cannot read, saying how to write one', () => {
    const parsed = interpreterConditionSchema.safeParse({ python: 'three fourteen' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/not a version range; write e\.g\. ">=3\.14"/);
  });

  it('reads back in words', () => {
    expect(describeCondition({ python: '>=3.14', defaultStartMethod: 'forkserver' })).toBe('Python >=3.14, default start method forkserver');
    expect(describeCondition({ gilEnabled: false, minCpuCount: 2 })).toBe('GIL off, 2+ usable CPUs');
    expect(describeCondition({})).toBe('any interpreter');
  });
});
