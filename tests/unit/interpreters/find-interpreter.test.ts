import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interpretersFromEnv } from '../../../scripts/interpreters/configured-interpreters.ts';
import { findInterpreter } from '../../../scripts/interpreters/find-interpreter.ts';
import { cpython311Linux } from '../../fixtures/interpreter/recorded.ts';

describe('interpretersFromEnv', () => {
  it('splits PYTHONS, and is undefined when it is unset or blank', () => {
    expect(interpretersFromEnv({ PYTHONS: ' python3.11  python3.14t ' })).toEqual(['python3.11', 'python3.14t']);
    expect(interpretersFromEnv({ PYTHONS: '  ' })).toBeUndefined();
    expect(interpretersFromEnv({})).toBeUndefined();
  });
});

describe('findInterpreter', { timeout: 30_000 }, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pyconc-interp-test-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('describes the real python3', async () => {
    const info = await findInterpreter('python3', dir, process.env);
    expect(info.requested).toBe('python3');
    expect(info.executable).toMatch(/^\//);
    expect(info.executable).not.toMatch(/\/shims\//);
    expect(info.version).toMatch(/^3\.\d+\.\d+/);
    expect(info.implementation).toBe('cpython');
    expect(info.availableStartMethods).toContain('spawn');
    expect(info.cpuCount).toBeGreaterThan(0);
    expect(typeof info.gilEnabled).toBe('boolean');
  });

  it('counts the CPUs this process may use, as the OS reports them to Node too', async () => {
    const info = await findInterpreter('python3', dir, process.env);
    // Both read the CPU affinity mask, which a container or taskset can narrow below cpu_count.
    expect(info.usableCpuCount).toBe(availableParallelism());
  });

  it('refuses an interpreter older than 3.9, saying which and what to do', async () => {
    const fake = join(dir, 'python-old');
    const { requested: _requested, ...probe } = cpython311Linux;
    const answer = { ...probe, version: '3.8.18', versionInfo: [3, 8, 18] };
    await writeFile(fake, `#!/bin/sh\necho '${JSON.stringify(answer)}'\n`);
    await chmod(fake, 0o755);
    await expect(findInterpreter(fake, dir, process.env)).rejects.toThrow(
      /is 3\.8\.18; the examples need 3\.9 or newer\.\nFix: set PYTHONS/,
    );
  });

  it('says when an interpreter is not found', async () => {
    await expect(findInterpreter('python-does-not-exist', dir, { PATH: dir })).rejects.toThrow(
      /"python-does-not-exist" not found on PATH/,
    );
  });
});
