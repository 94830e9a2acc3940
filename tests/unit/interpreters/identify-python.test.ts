import { describe, expect, it } from 'vitest';
import {
  checkRequestedVersion,
  identifyPython,
  mismatch,
  programName,
} from '../../../scripts/interpreters/identify-python.ts';
import type { PythonIdentity } from '../../../scripts/interpreters/interpreter-info.ts';
import { cpython314Linux } from '../../fixtures/interpreter/recorded.ts';

const { requested: _requested, ...cpython314 }: PythonIdentity & { requested: string } = cpython314Linux;

describe('mismatch', () => {
  it('accepts the requested minor version, release candidates included', () => {
    expect(mismatch(cpython314, { version: '3.14' })).toBeUndefined();
    // 3.14.0rc1 reports sys.version_info[:3] == (3, 14, 0).
    expect(mismatch({ ...cpython314, versionInfo: [3, 14, 0] }, { version: '3.14' })).toBeUndefined();
  });

  it('says what is wrong: another version, another implementation, another build', () => {
    expect(mismatch({ ...cpython314, versionInfo: [3, 140, 1] }, { version: '3.14' })).toBe('it is 3.140.1, not 3.14');
    expect(mismatch({ ...cpython314, versionInfo: [3, 13, 1] }, { version: '3.14' })).toBe('it is 3.13.1, not 3.14');
    expect(mismatch({ ...cpython314, implementation: 'pypy' }, { version: '3.14' })).toBe('it is pypy, not CPython');
    expect(mismatch(cpython314, { version: '3.14', freeThreaded: true })).toBe('it is not a free-threaded build');
    expect(mismatch({ ...cpython314, freeThreadedBuild: true }, { version: '3.14' })).toBe('it is a free-threaded build');
  });
});

describe('programName and checkRequestedVersion', () => {
  it('name the program as installed, t for free-threaded', () => {
    expect(programName({ version: '3.14' })).toBe('python3.14');
    expect(programName({ version: '3.14', freeThreaded: true })).toBe('python3.14t');
  });

  it('refuse a version that is not major.minor, saying what to ask for', () => {
    expect(() => checkRequestedVersion('3.14')).not.toThrow();
    for (const bad of ['3', '3.14.1', '3.14t', 'python3.14', '']) {
      expect(() => checkRequestedVersion(bad)).toThrow(/is not a major\.minor version\.\nFix: ask for one like "3\.14"/);
    }
  });
});

describe('identifyPython', () => {
  it('runs the machine python3 and reports the binary that ran', async () => {
    const identity = await identifyPython('python3', { imports: ['json'] });
    expect(identity?.executable).toMatch(/^\/.*python/);
    expect(identity?.executable).not.toMatch(/\/shims\//);
    expect(identity?.version).toMatch(/^3\.\d+\.\d+/);
    expect(identity?.implementation).toBe('cpython');
    // The same probe describes the interpreters examples run on (find-interpreter.ts).
    expect(identity?.availableStartMethods).toContain('spawn');
  });

  it('returns undefined for a command that does not exist', async () => {
    expect(await identifyPython('python-does-not-exist', { env: { PATH: '/nonexistent' } })).toBeUndefined();
  });

  it('fails, quoting Python, when a required module does not import', async () => {
    await expect(identifyPython('python3', { imports: ['module_that_is_not_there'] })).rejects.toThrow(
      /python3 does not run as a Python interpreter: .*No module named 'module_that_is_not_there'/,
    );
  });
});
