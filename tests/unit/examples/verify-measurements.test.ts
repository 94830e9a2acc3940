import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../../scripts/examples/parse-spec.ts';
import type { RatioCheck } from '../../../scripts/examples/spec-schema.ts';
import {
  extractMetrics,
  measureRun,
  verifyCounts,
  verifyRatios,
} from '../../../scripts/examples/verify-measurements.ts';
import { cpython311Linux } from '../../fixtures/interpreter/recorded.ts';

const FIB_STDOUT = [
  '8 x fib(28) = 317811, pools of 2, median of 3 tries',
  'sequential:  0.498 s',
  'threads:     0.828 s',
  'processes:   0.528 s',
  '',
].join('\n');

const TIMINGS = [
  '8 x fib\\(28\\) = 317811, pools of (?<workers>\\d+), median of 3 tries',
  'sequential: +(?<sequential>\\d+\\.\\d{3}) s',
  'threads: +(?<threads>\\d+\\.\\d{3}) s',
  'processes: +(?<processes>\\d+\\.\\d{3}) s',
];

const GRID = [
  'process Process-1 (pid 4101), thread worker-1',
  'process Process-2 (pid 4102), thread worker-1',
  'process Process-1 (pid 4101), thread worker-2',
  'process Process-2 (pid 4102), thread worker-2',
  '',
].join('\n');
const GRID_LINE = 'process (?<process>Process-\\d) \\(pid (?<pid>\\d+)\\), thread (?<thread>worker-\\d)';

describe('extractMetrics', () => {
  it('reads every named group as a number', () => {
    expect(extractMetrics(TIMINGS, FIB_STDOUT)).toEqual({
      metrics: { workers: 2, sequential: 0.498, threads: 0.828, processes: 0.528 },
      problems: [],
    });
  });

  it('reports a regex that matches no line, or several', () => {
    const { problems } = extractMetrics(['(?<any>.*)', 'speed: (?<speed>\\d+)'], FIB_STDOUT);
    expect(problems).toEqual([
      'metric /(?<any>.*)/ should match exactly one stdout line, matched 4',
      'metric /speed: (?<speed>\\d+)/ should match exactly one stdout line, matched 0',
    ]);
  });

  it('reports a group that is not a number', () => {
    expect(extractMetrics(['sequential: +(?<sequential>\\S+ s)'], FIB_STDOUT).problems).toEqual([
      'metric sequential from /sequential: +(?<sequential>\\S+ s)/ is not a number: "0.498 s"',
    ]);
  });
});

describe('verifyCounts', () => {
  it('passes when the lines and distinct values are as many as expected', () => {
    expect(verifyCounts([{ regex: GRID_LINE, lines: 4, distinct: { pid: 2, thread: 2 } }], GRID)).toEqual([]);
  });

  it('names the group, the count expected and the values seen', () => {
    expect(verifyCounts([{ regex: GRID_LINE, lines: 6, distinct: { pid: 3 } }], GRID)).toEqual([
      `stdout: expected 6 lines matching /${GRID_LINE}/, got 4`,
      `stdout: expected 3 distinct values of pid in lines matching /${GRID_LINE}/, got 2 (4101, 4102)`,
    ]);
  });
});

describe('verifyRatios', () => {
  const threadsTakeTurns: RatioCheck = {
    metric: 'threads',
    over: 'sequential',
    min: 0.3,
    when: { gilEnabled: true },
    reason: 'threads take turns under the GIL',
  };
  const processesShare: RatioCheck = {
    metric: 'processes',
    over: 'sequential',
    max: 0.9,
    when: { minCpuCount: 2 },
    reason: 'two cores share the work',
  };
  const metrics = { sequential: 1.0, threads: 0.2, processes: 0.95 };

  const on = (gilEnabled: boolean, usableCpuCount: number | null) => ({ ...cpython311Linux, gilEnabled, usableCpuCount });

  it('checks a ratio only where its `when` holds', () => {
    expect(verifyRatios([threadsTakeTurns, processesShare], metrics, on(false, 1))).toEqual([]);
    expect(verifyRatios([processesShare], metrics, on(true, null))).toEqual([]);
  });

  it('names the ratio, its value, the bound and the reason', () => {
    expect(verifyRatios([threadsTakeTurns, processesShare], metrics, on(true, 2))).toEqual([
      'threads / sequential = 0.20 is below the minimum 0.3 (threads take turns under the GIL)',
      'processes / sequential = 0.95 is above the maximum 0.9 (two cores share the work)',
    ]);
  });

  it('reports a missing or zero denominator instead of dividing by it', () => {
    expect(verifyRatios([threadsTakeTurns], { threads: 1, sequential: 0 }, on(true, 2))).toEqual([
      'ratio threads / sequential: metric missing or zero (1 / 0)',
    ]);
  });
});

describe('measureRun', () => {
  it('is empty for a spec that asks for no measurements', () => {
    expect(measureRun({}, FIB_STDOUT)).toEqual({ metrics: {}, problems: [] });
  });
});

describe('spec fields for measurements', () => {
  const spec = (expect: string) => `description: d\nvariants:\n  - expect:\n${expect}`;

  it('accepts metrics, ratios and counts', () => {
    const parsed = parseSpec(
      spec(
        [
          '      metrics: ["a: (?<a>\\\\d+)", "b: (?<b>\\\\d+)"]',
          '      ratios: [{ metric: a, over: b, max: 2, reason: "a is at most twice b" }]',
          '      counts: [{ regex: "pid (?<pid>\\\\d+)", distinct: { pid: 3 } }]',
          '',
        ].join('\n'),
      ),
      'x.spec.yaml',
    );
    expect(parsed.variants[0]?.expect.ratios?.[0]?.max).toBe(2);
  });

  it('rejects a ratio of an undefined metric, a metric without a group, and a distinct of no group', () => {
    expect(() =>
      parseSpec(spec('      metrics: ["a: (?<a>\\\\d+)"]\n      ratios: [{ metric: a, over: z, max: 2, reason: "at most twice" }]\n'), 'x.spec.yaml'),
    ).toThrow(/x\.spec\.yaml:\d+ at variants\.0\.expect\.ratios: a ratio names a metric that no `metrics` regex defines/);
    expect(() => parseSpec(spec('      metrics: ["a: \\\\d+"]\n'), 'x.spec.yaml')).toThrow(/needs a named group/);
    expect(() => parseSpec(spec('      counts: [{ regex: "pid \\\\d+", distinct: { pid: 3 } }]\n'), 'x.spec.yaml')).toThrow(
      /every key of `distinct` must be a named group/,
    );
  });
});
