import { describe, expect, it } from 'vitest';
import { compareResults, describeComparison, type Comparison } from '../../../scripts/examples/compare-results.ts';
import type { ShownResult, ShownRun, ShownVariant } from '../../../scripts/examples/result-schema.ts';
import type { InterpreterInfo } from '../../../scripts/interpreters/interpreter-info.ts';
import { cpython311Linux, cpython314Linux } from '../../fixtures/interpreter/recorded.ts';
import { shownRun } from '../../fixtures/shown-run.ts';

const cpython315Linux = { ...cpython314Linux, version: '3.15.0', versionInfo: [3, 15, 0] } satisfies InterpreterInfo;

const run = (overrides: Partial<ShownRun> = {}): ShownRun =>
  shownRun({
    stdout: { text: 'done\n', bytes: 5, truncated: false },
    wallMs: 100,
    trace: [{ kind: 'process', name: 'MainProcess', pid: 1, startNs: 0, endNs: 1 }],
    ...overrides,
  });
const stderr = (text: string) => ({ stderr: { text, bytes: text.length, truncated: false } });
const result = (interpreter: InterpreterInfo, shown: ShownRun, extra: Partial<ShownVariant> = {}): ShownResult => ({
  id: 'x',
  sourceFile: 'src/examples/x.py',
  specFile: 'src/examples/x.spec.yaml',
  interpreter,
  ranAt: '2026-11-25T00:00:00Z',
  cacheKey: 'k',
  variants: [{ name: 'default', startMethod: interpreter.defaultStartMethod, shown, timing: { runs: 1, medianMs: 100, minMs: 100, maxMs: 100 }, ...extra }],
});
const PRELOAD = { when: 'Python >=3.14', reason: 'The fork server preloads __main__.' };
const line = (comparison: Comparison) => {
  const { headline, detail, reasons } = describeComparison(comparison);
  return [`${headline} ${detail}`, ...reasons].join(' ');
};

describe('compareResults', () => {
  it('finds nothing to say about interpreters that behaved alike, whatever their default start method', () => {
    expect(compareResults([result(cpython311Linux, run()), result(cpython314Linux, run())], 'default')).toEqual({
      labels: ['CPython 3.11.7', 'CPython 3.14.8'],
      sameStdout: true,
      sameStderr: true,
      differences: [],
      cases: [{ labels: ['CPython 3.11.7', 'CPython 3.14.8'] }],
    });
  });

  it('names each fact that differs, with each interpreter’s value, and groups interpreters by the spec’s case', () => {
    const child = { kind: 'process' as const, name: 'Process-1', pid: 2, startNs: 0, endNs: 1 };
    const failing = run({ exitCode: 1, stdout: { text: '', bytes: 0, truncated: false }, ...stderr('a\nb\n'), trace: [child] });
    const comparison = compareResults(
      [
        result(cpython311Linux, run({ trace: [child] })),
        result(cpython314Linux, failing, { expectation: PRELOAD }),
        result(cpython315Linux, failing, { expectation: PRELOAD }),
      ],
      'default',
    );
    expect(comparison.sameStdout).toBe(false);
    expect(comparison.sameStderr).toBe(false);
    expect(comparison.differences.map((d) => d.fact)).toEqual(['exit status', 'start method', 'standard error']);
    expect(comparison.differences[0]?.values).toEqual([
      { label: 'CPython 3.11.7', value: '0' },
      { label: 'CPython 3.14.8', value: '1' },
      { label: 'CPython 3.15.0', value: '1' },
    ]);
    expect(comparison.cases).toEqual([{ labels: ['CPython 3.11.7'] }, { labels: ['CPython 3.14.8', 'CPython 3.15.0'], case: PRELOAD }]);
  });
});

describe('describeComparison (the line above the results)', () => {
  it('says "identical output" only when standard output and standard error are both the same text', () => {
    expect(line(compareResults([result(cpython311Linux, run()), result(cpython314Linux, run())], 'default'))).toBe(
      'Same behaviour on CPython 3.11.7 and CPython 3.14.8: identical output.',
    );
    const traceback = (version: string) => run({ exitCode: 1, ...stderr(`File "<python${version}>/x.py", line 1\nValueError\n`) });
    expect(line(compareResults([result(cpython311Linux, traceback('3.11')), result(cpython314Linux, traceback('3.14'))], 'default'))).toBe(
      'Same behaviour on CPython 3.11.7 and CPython 3.14.8 (exit status and streams); standard error’s text differs, see each tab.',
    );
  });

  it('says when the printed values differ, and when both those and standard error’s text do', () => {
    const printed = (text: string, err = '') => run({ stdout: { text, bytes: text.length, truncated: false }, ...stderr(err) });
    expect(line(compareResults([result(cpython311Linux, printed('1\n')), result(cpython314Linux, printed('2\n'))], 'default'))).toBe(
      'Same behaviour on CPython 3.11.7 and CPython 3.14.8 (exit status and streams); the printed values differ, see each tab.',
    );
    expect(line(compareResults([result(cpython311Linux, printed('1\n', 'w1')), result(cpython314Linux, printed('2\n', 'w2'))], 'default'))).toBe(
      'Same behaviour on CPython 3.11.7 and CPython 3.14.8 (exit status and streams); the printed values and standard error’s text differ, see each tab.',
    );
  });

  it('lists each differing fact once per value, with its interpreters', () => {
    const failed = run({ exitCode: 1, ...stderr('Traceback\n') });
    expect(line(compareResults([result(cpython311Linux, run()), result(cpython314Linux, failed), result(cpython315Linux, failed)], 'default'))).toBe(
      'Differs between interpreters: exit status 0 on CPython 3.11.7, 1 on CPython 3.14.8 and CPython 3.15.0; ' +
        'standard error empty on CPython 3.11.7, written to on CPython 3.14.8 and CPython 3.15.0.',
    );
  });

  it('never says "Same behaviour" where the interpreters ran under different cases of the spec, and gives the cases’ reasons', () => {
    // The spec's case for 3.14+ says they behave differently, though this run's facts agree.
    const text = line(compareResults([result(cpython311Linux, run()), result(cpython314Linux, run(), { expectation: PRELOAD })], 'default'));
    expect(text).not.toContain('Same behaviour');
    expect(text).toBe(
      'The spec expects a difference here: on CPython 3.11.7 and CPython 3.14.8 the exit status and streams agree in this build, with identical output. ' +
        'On CPython 3.14.8 (Python >=3.14): The fork server preloads __main__.',
    );
    // Two different cases, one for each interpreter, and facts that differ.
    const other = { when: 'Python >=3.15', reason: 'An error in the preload is ignored.' };
    const differs = line(
      compareResults(
        [result(cpython314Linux, run({ exitCode: 1, ...stderr('a\n') }), { expectation: PRELOAD }), result(cpython315Linux, run({ ...stderr('b\n') }), { expectation: other })],
        'default',
      ),
    );
    expect(differs).toBe(
      'Differs between interpreters, as the spec expects: exit status 1 on CPython 3.14.8, 0 on CPython 3.15.0; standard error’s text differs. ' +
        'On CPython 3.14.8 (Python >=3.14): The fork server preloads __main__. On CPython 3.15.0 (Python >=3.15): An error in the preload is ignored.',
    );
  });

  it('gives a case’s reason once for all the interpreters it applied to, also when it applied to all', () => {
    const all = line(compareResults([result(cpython314Linux, run(), { expectation: PRELOAD }), result(cpython315Linux, run(), { expectation: PRELOAD })], 'default'));
    expect(all).toBe('Same behaviour on CPython 3.14.8 and CPython 3.15.0: identical output. On CPython 3.14.8 and CPython 3.15.0 (Python >=3.14): The fork server preloads __main__.');
  });
});
