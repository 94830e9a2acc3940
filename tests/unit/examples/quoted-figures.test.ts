/**
 * The figures pages quote (scripts/examples/quoted-figures.ts): a spec's bounds, looked up by what
 * a page names and written as a sentence writes them, and the numbers a run printed, per
 * interpreter where they differ. Unknown or ambiguous names fail with the spec's own list.
 */
import { describe, expect, it } from 'vitest';
import { shownRun } from '../../fixtures/shown-run.ts';
import { parseSpec } from '../../../scripts/examples/parse-spec.ts';
import {
  measuredValueText,
  metricProblem,
  specBoundProblem,
  specBounds,
  specBoundText,
  type BoundSelector,
} from '../../../scripts/examples/quoted-figures.ts';
import type { ShownResult } from '../../../scripts/examples/result-schema.ts';
import { BuildStepError } from '../../../scripts/shared/build-step-error.ts';
import type { InterpreterInfo } from '../../../scripts/interpreters/interpreter-info.ts';
import { formatNumber } from '../../../scripts/shared/format.ts';
import { cpython311Linux, cpython314Linux } from '../../fixtures/interpreter/recorded.ts';

const SPEC = parseSpec(
  `
description: Threads against one after another, with every kind of bound.
variants:
  - expect:
      exitCode: 1
      metrics:
        - 'sequential: (?<sequential>[\\d.]+)'
        - 'threads: (?<threads>[\\d.]+)'
        - 'requests: (?<requests>\\d+)'
      ratios:
        - { metric: threads, over: sequential, min: 0.85, max: 1.6, when: { gilEnabled: true }, reason: With the GIL threads take turns. }
        - { metric: threads, over: sequential, max: 0.9, when: { gilEnabled: false, minCpuCount: 2 }, reason: Without it they share the CPUs. }
        - { metric: requests, over: sequential, max: 0.02, reason: A share of the run as a percentage. }
      wallSeconds: { min: 2, max: 15, reason: The run waits 2 s; 15 s only catches a hang. }
      overlap:
        - { kind: thread, atLeast: 3, forSeconds: 0.15, reason: All three threads wait together. }
      counts:
        - { regex: 'pid (?<pid>\\d+), thread (?<thread>\\S+)', lines: 12, distinct: { pid: 3, thread: 4 } }
    cases:
      - when: { gilEnabled: false }
        reason: Without the GIL the run takes no longer than its own wait.
        expect:
          metrics: ['sequential: (?<sequential>[\\d.]+)']
          ratios:
            - { metric: sequential, over: sequential, max: 4, when: { minCpuCount: 2 }, reason: A ratio of a case and a condition of its own. }
  - startMethod: spawn
    expect:
      wallSeconds: { max: 10, reason: Only catches a hang here. }
`,
  'figures.spec.yaml',
);

const text = (selector: Omit<BoundSelector, 'example'>) => specBoundText(SPEC, { example: 'figures', ...selector }, '/page/');
const problem = (selector: Omit<BoundSelector, 'example'>) => specBoundProblem(SPEC, { example: 'figures', ...selector });

describe('specBounds', () => {
  it("lists every bound of every variant, a case's with its condition and the check's together", () => {
    const bounds = specBounds(SPEC);
    expect(bounds.map((bound) => [bound.variant, bound.check, bound.group, bound.when])).toEqual([
      ['default', 'exitCode', undefined, {}],
      ['default', 'wallSeconds', undefined, {}],
      ['default', 'threads/sequential', undefined, { gilEnabled: true }],
      ['default', 'threads/sequential', undefined, { gilEnabled: false, minCpuCount: 2 }],
      ['default', 'requests/sequential', undefined, {}],
      ['default', 'overlap', 'thread', {}],
      ['default', 'count', 'pid', {}],
      ['default', 'count', 'thread', {}],
      ['default', 'exitCode', undefined, { gilEnabled: false }],
      ['default', 'sequential/sequential', undefined, { gilEnabled: false, minCpuCount: 2 }],
      ['spawn', 'exitCode', undefined, {}],
      ['spawn', 'wallSeconds', undefined, {}],
    ]);
    expect(bounds[5]?.values).toEqual({ min: 0.15, atLeast: 3 });
    expect(bounds[6]?.values).toEqual({ lines: 12, distinct: 3 });
  });
});

describe('specBoundText', () => {
  it('writes a bound as a sentence does: a range, "at least", "at most", one number', () => {
    expect(text({ check: 'threads/sequential', when: 'gilEnabled: true' })).toBe('between 0.85 and 1.6');
    expect(text({ check: 'threads/sequential', when: 'minCpuCount: 2, gilEnabled: false' })).toBe('at most 0.9');
    expect(text({ check: 'threads/sequential', when: 'gilEnabled: true', bound: 'min' })).toBe('0.85');
    expect(text({ check: 'wallSeconds' })).toBe('between 2 s and 15 s');
    expect(text({ check: 'wallSeconds', bound: 'min' })).toBe('2 s');
    expect(text({ check: 'wallSeconds', variant: 'spawn' })).toBe('at most 10 s');
    expect(text({ check: 'overlap' })).toBe('at least 0.15 s');
    expect(text({ check: 'overlap', group: 'thread', bound: 'atLeast' })).toBe('3');
    expect(text({ check: 'count', group: 'pid' })).toBe('3');
    expect(text({ check: 'count', group: 'pid', bound: 'lines' })).toBe('12');
    expect(text({ check: 'exitCode' })).toBe('1');
    expect(text({ check: 'exitCode', when: 'gilEnabled: false' })).toBe('0');
    expect(text({ check: 'requests/sequential', format: 'percent' })).toBe('at most 2%');
  });

  it("fails on a bound the spec does not have, naming the page and the props and listing the spec's bounds", () => {
    const error = (() => {
      try {
        text({ check: 'threads/sequential', when: 'gilEnabled: false' });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(BuildStepError.is(error, 'page')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('/page/: <SpecBound example="figures" check="threads/sequential" when="gilEnabled: false">: the spec (variant default) has no such bound.');
    expect(message).toContain('  check="threads/sequential" when="gilEnabled: true"  (min 0.85, max 1.6)');
    expect(message).toContain('  check="threads/sequential" when="gilEnabled: false, minCpuCount: 2"  (max 0.9)');
    expect(message).toContain('  check="overlap" group="thread"  (min 0.15, atLeast 3)');
    expect(message).toMatch(/\nFix: name a bound the spec has/);
    // The condition must be the spec's own: a bound that holds on fewer interpreters is another bound.
    expect(problem({ check: 'threads/sequential' })).toMatch(/^the spec \(variant default\) has no such bound/);
  });

  it('fails on a name that is not one: condition, number, format, variant, or two bounds that fit', () => {
    expect(problem({ check: 'wallSeconds', when: 'gil: on' })).toMatch(/^when="gil: on" is not a condition; write it as the spec does/);
    expect(problem({ check: 'wallSeconds', bound: 'atLeast' })).toBe('bound="atLeast" is not one of this bound\'s numbers: bound="min", bound="max".');
    expect(problem({ check: 'wallSeconds', bound: 'toString' })).toMatch(/^bound="toString" is not one of/);
    expect(problem({ check: 'wallSeconds', format: 'percent' })).toBe('format="percent" is for ratios; check="wallSeconds" is not one.');
    expect(problem({ check: 'threads/sequential', when: 'gilEnabled: true', format: 'permille' })).toMatch(/^format="permille" is not a format/);
    expect(problem({ check: 'wallSeconds', variant: 'fork' })).toBe('the spec has no variant "fork"; it has: default, spawn.');
    expect(problem({ check: 'count' })).toMatch(/^2 bounds of the spec fit; name one with group="…":\n {2}check="count" group="pid"/);
    expect(problem({ check: 'count', group: 'pid' })).toBeUndefined();
  });
});

describe('measuredValueText', () => {
  const result = (interpreter: InterpreterInfo, metrics: Record<string, number>): ShownResult => ({
    id: 'figures',
    sourceFile: 'src/examples/figures.py',
    specFile: 'src/examples/figures.spec.yaml',
    interpreter,
    ranAt: '2026-12-07T00:00:00.000Z',
    cacheKey: 'key',
    variants: [
      {
        name: 'default',
        startMethod: 'fork',
        timing: { runs: 1, medianMs: 1, minMs: 1, maxMs: 1 },
        metrics,
        shown: shownRun(),
      },
    ],
  });

  it('writes one number where every interpreter printed the same, else each with its interpreter', () => {
    const results = [result(cpython311Linux, { requests: 40, sequential: 6.18 }), result(cpython314Linux, { requests: 40, sequential: 6.2 })];
    expect(measuredValueText(results, { example: 'figures', metric: 'requests' }, '/page/')).toBe('40');
    expect(measuredValueText(results, { example: 'figures', metric: 'sequential', unit: 'ms' }, '/page/')).toBe(
      '6.18 ms on CPython 3.11.7 and 6.2 ms on CPython 3.14.8',
    );
  });

  it('fails on a metric a run did not print, naming the interpreter and what it has', () => {
    const results = [result(cpython311Linux, { requests: 40 }), result(cpython314Linux, {})];
    expect(() => measuredValueText(results, { example: 'figures', metric: 'requests' }, '/page/')).toThrow(
      '/page/: <MeasuredValue example="figures" metric="requests">: the run on CPython 3.14.8 has no metric "requests" (it has: none).',
    );
  });

  it("the plan's check: a metric must be read on every interpreter, in the variant and each of its cases", () => {
    expect(metricProblem(SPEC, { example: 'figures', metric: 'sequential' })).toBeUndefined();
    expect(metricProblem(SPEC, { example: 'figures', metric: 'requests' })).toMatch(
      /^the spec does not read metric "requests" on every interpreter \(it does: sequential\)/,
    );
  });
});

describe('formatNumber', () => {
  it('separates thousands and drops float noise', () => {
    expect(formatNumber(4_000_000)).toBe('4,000,000');
    expect(formatNumber(0.85)).toBe('0.85');
    expect(formatNumber(0.1 * 100)).toBe('10');
  });
});
