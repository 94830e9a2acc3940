import { describe, expect, it } from 'vitest';
import { compareResults } from '../../../scripts/examples/compare-results.ts';
import type { ExampleRun, ShownResult, ShownVariant } from '../../../scripts/examples/result-schema.ts';
import type { InterpreterInfo } from '../../../scripts/interpreters/interpreter-info.ts';
import { cpython311Linux, cpython314Linux } from '../../fixtures/interpreter/recorded.ts';

const run = (overrides: Partial<ExampleRun> = {}): ExampleRun => ({
  stdout: { text: 'done\n', bytes: 5, truncated: false },
  stderr: { text: '', bytes: 0, truncated: false },
  exitCode: 0,
  signal: null,
  timedOut: false,
  wallMs: 100,
  trace: [{ kind: 'process', name: 'MainProcess', pid: 1, startNs: 0, endNs: 1 }],
  ...overrides,
});
const result = (interpreter: InterpreterInfo, shown: ExampleRun, extra: Partial<ShownVariant> = {}): ShownResult => ({
  id: 'x',
  sourceFile: 'src/examples/x.py',
  specFile: 'src/examples/x.spec.yaml',
  interpreter,
  ranAt: '2026-11-25T00:00:00Z',
  cacheKey: 'k',
  variants: [{ name: 'default', startMethod: interpreter.defaultStartMethod, shown, timing: { runs: 1, medianMs: 100, minMs: 100, maxMs: 100 }, ...extra }],
});

describe('compareResults', () => {
  it('finds nothing to say about interpreters that behaved alike, whatever their default start method', () => {
    expect(compareResults([result(cpython311Linux, run()), result(cpython314Linux, run())], 'default')).toEqual({
      labels: ['CPython 3.11.7', 'CPython 3.14.8'],
      sameOutput: true,
      differences: [],
      expectedDifferently: [],
    });
  });

  it('names each fact that differs, with each interpreter’s value, and the spec’s reason', () => {
    const child = { kind: 'process' as const, name: 'Process-1', pid: 2, startNs: 0, endNs: 1 };
    const failing = run({ exitCode: 1, stdout: { text: '', bytes: 0, truncated: false }, stderr: { text: 'a\nb\n', bytes: 4, truncated: false } });
    const comparison = compareResults(
      [
        result(cpython311Linux, run({ trace: [child] })),
        result(cpython314Linux, { ...failing, trace: [child] }, { expectation: { when: 'Python >=3.14', reason: 'The fork server preloads __main__.' } }),
      ],
      'default',
    );
    expect(comparison.sameOutput).toBe(false);
    expect(comparison.differences).toEqual([
      { fact: 'exit status', values: [{ label: 'CPython 3.11.7', value: '0' }, { label: 'CPython 3.14.8', value: '1' }] },
      { fact: 'start method', values: [{ label: 'CPython 3.11.7', value: 'fork' }, { label: 'CPython 3.14.8', value: 'forkserver' }] },
      { fact: 'standard error', values: [{ label: 'CPython 3.11.7', value: 'empty' }, { label: 'CPython 3.14.8', value: 'written to' }] },
    ]);
    expect(comparison.expectedDifferently).toEqual([{ label: 'CPython 3.14.8', value: 'The fork server preloads __main__.', when: 'Python >=3.14' }]);
  });
});
