import { describe, expect, it } from 'vitest';
import { expectationSchema } from '../../../scripts/examples/spec-schema.ts';
import { splitLines, verifyOutput, verifyRun, verifyWallTime } from '../../../scripts/examples/verify-output.ts';

const ok = { stdout: '', stderr: '', exitCode: 0, signal: null, timedOut: false };

describe('splitLines', () => {
  it('ignores the final newline only', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
  });
});

describe('verifyOutput, exact order', () => {
  const spec = { lines: ['one', { regex: 'two \\d+' }], order: 'exact' as const, json: false };
  it('accepts the lines in order, regex lines included', () => {
    expect(verifyOutput('stdout', spec, 'one\ntwo 42\n')).toEqual([]);
  });
  it('rejects another order, naming line, expected and actual', () => {
    expect(verifyOutput('stdout', spec, 'two 42\none\n')).toEqual([
      'stdout line 1: expected "one", got "two 42"',
    ]);
  });
  it('anchors regexes to the whole line', () => {
    expect(verifyOutput('stdout', spec, 'one\ntwo 42 and more\n')).toEqual([
      'stdout line 2: expected /two \\d+/, got "two 42 and more"',
    ]);
  });
  it('rejects missing and extra lines', () => {
    expect(verifyOutput('stdout', spec, 'one\n')[0]).toMatch(/line 2: expected \/two \\d\+\/, got end of output/);
    expect(verifyOutput('stdout', spec, 'one\ntwo 1\nthree\n')[0]).toMatch(/line 3: expected no more lines, got "three"/);
  });
});

describe('verifyOutput, any order', () => {
  const spec = { lines: ['Rip n Tear: 1', 'Rip n Tear: 2'], order: 'any' as const, json: false };
  it('accepts either order', () => {
    expect(verifyOutput('stdout', spec, 'Rip n Tear: 1\nRip n Tear: 2\n')).toEqual([]);
    expect(verifyOutput('stdout', spec, 'Rip n Tear: 2\nRip n Tear: 1\n')).toEqual([]);
  });
  it('rejects a duplicate in place of a line', () => {
    expect(verifyOutput('stdout', spec, 'Rip n Tear: 1\nRip n Tear: 1\n')[0]).toMatch(
      /no line matches "Rip n Tear: 2"; unexpected: "Rip n Tear: 1"/,
    );
  });
  it('finds a matching even when a regex could take a literal line first', () => {
    const overlapping = { lines: [{ regex: 'a.*' }, 'ab'], order: 'any' as const, json: false };
    expect(verifyOutput('stdout', overlapping, 'ab\nax\n')).toEqual([]);
  });
});

describe('verifyOutput, contains and json', () => {
  it('needs each pattern on some line', () => {
    const spec = { contains: [{ regex: '^RuntimeError: ?$' }], json: false };
    expect(verifyOutput('stderr', spec, 'Traceback\nRuntimeError: \n')).toEqual([]);
    expect(verifyOutput('stderr', spec, 'Traceback\n')).toEqual(['stderr: no line matches /^RuntimeError: ?$/']);
  });
  it('checks that JSON parses', () => {
    const spec = { contains: [{ regex: '.*' }], json: true };
    expect(verifyOutput('stdout', spec, '{"a": 1}\n')).toEqual([]);
    expect(verifyOutput('stdout', spec, '{"a": \n')[0]).toMatch(/stdout should be JSON but does not parse/);
  });
});

describe('verifyRun', () => {
  const expectation = expectationSchema.parse({});
  it('checks the exit status, not only the output', () => {
    expect(verifyRun(expectation, ok, 60)).toEqual([]);
    expect(verifyRun(expectation, { ...ok, exitCode: 1 }, 60)).toEqual(['expected exit status 0, got exit status 1']);
  });
  it('checks the output, not only the exit status', () => {
    expect(verifyRun(expectation, { ...ok, stderr: 'RuntimeError\n' }, 60)).toEqual([
      'stderr line 1: expected no more lines, got "RuntimeError"',
    ]);
  });
  it('says when the run timed out and was killed', () => {
    expect(verifyRun(expectation, { ...ok, exitCode: null, signal: 'SIGKILL', timedOut: true }, 2)[0]).toMatch(
      /timed out after 2 s: the runner killed its whole process group/,
    );
  });
});

describe('verifyWallTime', () => {
  const expectation = expectationSchema.parse({ wallSeconds: { min: 2, max: 3.5, reason: 'two 2 s sleeps overlap' } });
  it('checks the median against both bounds, with the reason', () => {
    expect(verifyWallTime(expectation, 2100)).toEqual([]);
    expect(verifyWallTime(expectation, 4000)[0]).toMatch(/4\.00 s is above the maximum 3\.5 s \(two 2 s sleeps overlap\)/);
    expect(verifyWallTime(expectation, 1000)[0]).toMatch(/below the minimum 2 s/);
  });
});

describe('verifyOutput, alternatives', () => {
  const spec = {
    anyOf: [
      { lines: ['a', 'b'], order: 'any' as const, json: false },
      { lines: ['ab', ''], order: 'exact' as const, json: false },
    ],
    json: false,
  };
  it('accepts any one alternative', () => {
    expect(verifyOutput('stdout', spec, 'b\na\n')).toEqual([]);
    expect(verifyOutput('stdout', spec, 'ab\n\n')).toEqual([]);
  });
  it('says why each alternative failed', () => {
    expect(verifyOutput('stdout', spec, 'ba\n')).toEqual([
      'stdout matches none of the 2 alternatives: (1) stdout: expected 2 lines in any order, got 1 ' +
        '(2) stdout line 1: expected "ab", got "ba"',
    ]);
  });
});
