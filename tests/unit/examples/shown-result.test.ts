import { describe, expect, it } from 'vitest';
import type { ExampleResult, ExampleRun, RunPaths } from '../../../scripts/examples/result-schema.ts';
import { toShownResult, toShownRun } from '../../../scripts/examples/shown-result.ts';
import { cpython314Linux } from '../../fixtures/interpreter/recorded.ts';

const PATHS: RunPaths = {
  source: '/srv/site/src/examples/demo.py',
  project: '/srv/site',
  runner: '/srv/site/scripts/examples/python',
  stdlib: ['/opt/py/lib/python3.14'],
  prefixes: ['/opt/py'],
  python: 'python3.14',
};
const output = (text: string) => ({ text, bytes: text.length, truncated: false });
const run = (stdout: string, stderr: string, wallMs = 100): ExampleRun => ({
  stdout: output(stdout),
  stderr: output(stderr),
  exitCode: 1,
  signal: null,
  timedOut: false,
  wallMs,
  trace: [],
  workDir: '/tmp/pyconc-demo-1',
});

describe('toShownRun', () => {
  it('shortens each stream, keeps the text as printed beside it only where that changed it, and lists the placeholders used', () => {
    const traceback = 'Traceback (most recent call last):\n  File "/srv/site/src/examples/demo.py", line 2, in <module>\n  File "/opt/py/lib/python3.14/threading.py", line 9\n';
    const shown = toShownRun(run('written to /tmp/pyconc-demo-1/out.txt\n', traceback), PATHS);
    expect(shown.stdout).toEqual({ ...output('written to /tmp/pyconc-demo-1/out.txt\n'), text: 'written to <tmp>/out.txt\n', raw: 'written to /tmp/pyconc-demo-1/out.txt\n' });
    expect(shown.stderr.text).toBe('Traceback (most recent call last):\n  File "demo.py", line 2, in <module>\n  File "<python3.14>/threading.py", line 9\n');
    expect(shown.stderr.raw).toBe(traceback);
    expect(shown.placeholders.map((p) => p.text)).toEqual(['<tmp>', 'demo.py', '<python3.14>']);
    // The page-facing run names no machine path of its own.
    expect(shown).not.toHaveProperty('workDir');
  });

  it('gives a stream without machine paths no text as printed', () => {
    const shown = toShownRun(run('hello\n', ''), PATHS);
    expect(shown.stdout).toEqual(output('hello\n'));
    expect(shown.stderr).toEqual(output(''));
    expect(shown.placeholders).toEqual([]);
  });
});

describe('toShownResult', () => {
  it('keeps the shown run of each variant, shortened by the paths the result recorded', () => {
    const result: ExampleResult = {
      id: 'demo',
      sourceFile: 'src/examples/demo.py',
      specFile: 'src/examples/demo.spec.yaml',
      interpreter: cpython314Linux,
      ranAt: '2026-12-07T00:00:00Z',
      cacheKey: 'k',
      paths: PATHS,
      variants: [
        {
          name: 'default',
          startMethod: 'forkserver',
          timing: { runs: 2, medianMs: 200, minMs: 100, maxMs: 200 },
          runs: [run('', 'first\n', 100), run('', '/srv/site/src/examples/demo.py\n', 200)],
          shownRun: 1,
        },
      ],
    };
    const shown = toShownResult(result);
    expect(shown).not.toHaveProperty('paths');
    expect(shown.variants[0]?.shown.stderr).toEqual({ ...output('/srv/site/src/examples/demo.py\n'), text: 'demo.py\n', raw: '/srv/site/src/examples/demo.py\n' });
    expect(shown.variants[0]?.shown.wallMs).toBe(200);
  });
});
