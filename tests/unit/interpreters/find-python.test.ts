import { access, chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findInstalledPython, findOrObtainPython } from '../../../scripts/interpreters/find-python.ts';
import { identifyPython } from '../../../scripts/interpreters/identify-python.ts';
import type { PythonIdentity } from '../../../scripts/interpreters/interpreter-info.ts';

/** The machine's python3: the real interpreter the shims below hand over to. */
let python3: PythonIdentity;
/** Its major.minor, e.g. 3.11. */
let python3Version: string;

beforeAll(async () => {
  const identity = await identifyPython('python3');
  if (!identity) throw new Error('python3 is needed to run these tests');
  python3 = identity;
  python3Version = identity.versionInfo.slice(0, 2).join('.');
});

// These machines carry pyenv builds (not something a user's machine has): where they do,
// the real thing is tested too.
const pyenv = join(process.env['HOME'] ?? '/root', '.pyenv');
const hasPyenv313 = await access(join(pyenv, 'versions', '3.13.0', 'bin', 'python3.13')).then(
  () => true,
  () => false,
);

let bin: string;
let lines: string[];
const log = (line: string) => lines.push(line);

beforeEach(async () => {
  bin = await mkdtemp(join(tmpdir(), 'pyconc-find-python-'));
  lines = [];
});
afterEach(async () => {
  await rm(bin, { recursive: true, force: true });
});

/** An executable shell script in the test's PATH directory. */
async function script(name: string, body: string): Promise<void> {
  await writeFile(join(bin, name), `#!/bin/sh\n${body}\n`);
  await chmod(join(bin, name), 0o755);
}

describe('findInstalledPython', () => {
  it("returns the machine's own interpreter of python3's version, found on PATH", async () => {
    const found = await findInstalledPython({ version: python3Version, log });
    expect(found).toMatch(/^\//);
    // Not necessarily python3's patch release: python3.11 may be another install than python3.
    const version = (await identifyPython(found ?? ''))?.versionInfo.join('.');
    expect(version?.startsWith(`${python3Version}.`)).toBe(true);
    expect(lines).toEqual([`[python] using python${python3Version} on PATH: ${found} (CPython ${version})`]);
  });

  it('looks through a shim to the interpreter it runs, and returns that one', async () => {
    await script(`python${python3Version}`, `exec "${python3.executable}" "$@"`);
    const found = await findInstalledPython({ version: python3Version, env: { PATH: bin }, log });
    expect(found).toBe(python3.executable);
  });

  it('skips, saying why, a shim that runs another version and one that runs nothing', async () => {
    await script('python3.99', `exec "${python3.executable}" "$@"`);
    expect(await findInstalledPython({ version: '3.99', env: { PATH: bin }, log })).toBeUndefined();
    await script('python3.98', 'echo "pyenv: python3.98: command not found" >&2; exit 127');
    expect(await findInstalledPython({ version: '3.98', env: { PATH: bin }, log })).toBeUndefined();
    expect(lines).toEqual([
      `[python] not using python3.99 on PATH: it is ${python3.versionInfo.join('.')}, not 3.99`,
      '[python] not using python3.98 on PATH: python3.98 does not run as a Python interpreter: pyenv: python3.98: command not found',
    ]);
  });

  it('asks uv when the program is not on PATH, and checks what uv names', async () => {
    // uv cannot be installed here (no PyPI, no GitHub): this stand-in answers as `uv python find`
    // does, and only when called with the arguments it expects.
    await script(
      'uv',
      `case "$*" in "python find --system ${python3Version}"|"python find --system ${python3Version}t") echo "${python3.executable}";; *) echo "unexpected: $*" >&2; exit 2;; esac`,
    );
    expect(await findInstalledPython({ version: python3Version, env: { PATH: bin }, log })).toBe(python3.executable);
    expect(
      await findInstalledPython({ version: python3Version, freeThreaded: true, env: { PATH: bin }, log }),
    ).toBeUndefined();
    expect(lines).toEqual([
      `[python] using ${python3.executable} (from uv python find): ${python3.executable} (CPython ${python3.versionInfo.join('.')})`,
      `[python] not using ${python3.executable} (from uv python find): it is not a free-threaded build`,
    ]);
  });

  it('returns undefined, quietly, when there is no such interpreter and no uv', async () => {
    expect(await findInstalledPython({ version: '3.14', freeThreaded: true, env: { PATH: bin }, log })).toBeUndefined();
    expect(lines).toEqual([]);
  });

  it.skipIf(!hasPyenv313)('counts a pyenv shim only when it resolves to a real interpreter', async () => {
    const env = { PATH: `${join(pyenv, 'shims')}:/usr/bin:/bin`, PYENV_ROOT: pyenv, HOME: process.env['HOME'] };
    expect(await findInstalledPython({ version: '3.13', env: { ...env, PYENV_VERSION: '3.13.0' }, log })).toBe(
      join(pyenv, 'versions', '3.13.0', 'bin', 'python3.13'),
    );
    // With another version selected the shim exits with "command not found".
    expect(
      await findInstalledPython({ version: '3.13', env: { ...env, PYENV_VERSION: 'system' }, log }),
    ).toBeUndefined();
    expect(lines.at(-1)).toMatch(/^\[python\] not using python3\.13 on PATH: .*python3\.13: command not found/);
  });
});

describe('findOrObtainPython', () => {
  it('uses an installed interpreter as it is, obtaining nothing', async () => {
    const cacheDir = join(bin, 'cache');
    expect(await findOrObtainPython({ version: python3Version, cacheDir, log })).toMatch(/^\//);
    await expect(access(cacheDir)).rejects.toThrow(/ENOENT/);
  });
});
