import { describe, expect, it } from 'vitest';
import { behaviourDifferences, behaviourOf, stderrMessages } from '../../../scripts/examples/compare-behaviour.ts';
import type { ExampleRun } from '../../../scripts/examples/result-schema.ts';

const run = (exitCode: number, stderr: string): ExampleRun => ({
  stdout: { text: '', bytes: 0, truncated: false },
  stderr: { text: stderr, bytes: stderr.length, truncated: false },
  exitCode,
  signal: null,
  timedOut: false,
  wallMs: 10,
  trace: [],
  workDir: '/tmp/pyconc-x-1',
});

const TRACEBACK_314 = `Traceback (most recent call last):
  File "/work/x/cpython-3.14-1-a/usr/lib/python3.14/multiprocessing/forkserver.py", line 300, in main
    spawn.import_main_path(main_path)
    ~~~~~~~~~~~~~~~~~~~~~~^^^^^^^^^^^
RuntimeError:
        An attempt has been made to start a new process before the
Traceback (most recent call last):
  File "/tmp/pyconc-x/processes-unguarded.py", line 13, in <module>
ConnectionResetError: [Errno 104] Connection reset by peer
`;

describe('stderrMessages', () => {
  it('keeps the lines that say what happened, numbers and paths masked, each once, sorted', () => {
    expect(stderrMessages(TRACEBACK_314)).toEqual(['ConnectionResetError: [Errno N] Connection reset by peer', 'RuntimeError:', 'Traceback (most recent call last):']);
    expect(stderrMessages('Process 4242 terminated abruptly with exit code 3\nProcess 17 terminated abruptly with exit code 9\n')).toEqual([
      'Process N terminated abruptly with exit code N',
    ]);
    expect(stderrMessages('')).toEqual([]);
  });
});

describe('behaviourDifferences', () => {
  it('is empty when the exit status, the messages and the spec case agree, whatever the numbers', () => {
    const pinned = behaviourOf(run(0, 'Warning: pid 12\n'), [], 'Python >=3.15');
    expect(behaviourDifferences(pinned, behaviourOf(run(0, 'Warning: pid 99\n'), [], 'Python >=3.15'))).toEqual([]);
  });

  it('names a changed exit status, messages gained and lost, a broken spec and another spec case', () => {
    const pinned = behaviourOf(run(0, 'RuntimeError:\nOld: 1\n'), [], 'Python >=3.15');
    const newest = behaviourOf(run(1, 'RuntimeError:\nConnectionResetError: [Errno 104] x\n'), ['exit status 1, expected 0'], undefined);
    expect(behaviourDifferences(pinned, newest)).toEqual([
      'exit status 1 (pinned: 0)',
      'standard error + ConnectionResetError: [Errno N] x',
      'standard error - Old: N',
      'spec: exit status 1, expected 0',
      "spec case: the variant's own expectation (pinned: Python >=3.15)",
    ]);
  });
});
