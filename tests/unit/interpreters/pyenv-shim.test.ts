import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pyenvWhich, readPyenvShim } from '../../../scripts/interpreters/pyenv-shim.ts';
import { searchPath } from '../../../scripts/shared/is-executable.ts';

const run = promisify(execFile);

let dir: string;
let cache: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pyconc-pyenv-shim-'));
  cache = join(dir, 'cache');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function executable(file: string, text: string): Promise<string> {
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, text);
  await chmod(file, 0o755);
  return file;
}

/**
 * A pyenv of shell scripts in `<dir>/pyenv`: `which` counts its calls and names
 * `<root>/versions/<PYENV_VERSION, else .python-version here, else the global version>/bin/<program>`.
 */
async function fakePyenv() {
  const root = join(dir, 'pyenv');
  const calls = join(dir, 'calls');
  const pyenv = await executable(
    join(root, 'libexec', 'pyenv'),
    [
      '#!/bin/sh',
      `echo call >> "${calls}"`,
      'version="${PYENV_VERSION:-$(cat .python-version 2>/dev/null || cat "$PYENV_ROOT/version")}"',
      'echo "$PYENV_ROOT/versions/$version/bin/$2"',
      '',
    ].join('\n'),
  );
  const shim = await executable(
    join(root, 'shims', 'python3'),
    ['#!/usr/bin/env bash', 'set -e', 'program="${0##*/}"', '', `export PYENV_ROOT="${root}"`, `exec "${pyenv}" exec "$program" "$@"`, ''].join('\n'),
  );
  for (const version of ['3.12.1', '3.13.0']) await executable(join(root, 'versions', version, 'bin', 'python3'), '#!/bin/sh\n');
  await writeFile(join(root, 'version'), '3.12.1\n');
  const callCount = async () => (await readFile(calls, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
  return { root, pyenv, shim, callCount, env: { PATH: process.env['PATH'], PYENV_ROOT: root } };
}

describe('readPyenvShim', () => {
  it("reads a shim's pyenv and root from its first lines, and nothing from a real interpreter", async () => {
    const { root, pyenv, shim } = await fakePyenv();
    expect(await readPyenvShim(shim)).toEqual({ pyenv, root });
    expect(await readPyenvShim(process.execPath)).toBeUndefined();
  });
});

describe('pyenvWhich', () => {
  it('asks pyenv once, then again only when what pyenv reads changes or its answer is gone', async () => {
    const { root, shim, callCount, env } = await fakePyenv();
    const project = join(dir, 'project');
    await mkdir(join(project, 'sub'), { recursive: true });
    const spec = (await readPyenvShim(shim))!;
    const ask = (environment: NodeJS.ProcessEnv = env, cwd = project) => pyenvWhich(spec, 'python3', environment, cache, cwd);
    const version = (name: string) => join(root, 'versions', name, 'bin', 'python3');

    expect(await ask()).toBe(version('3.12.1'));
    expect(await ask()).toBe(version('3.12.1'));
    expect(await callCount()).toBe(1);

    // The global version file.
    await writeFile(join(root, 'version'), '3.13.0\n');
    expect(await ask()).toBe(version('3.13.0'));
    expect(await callCount()).toBe(2);

    // PYENV_VERSION, then back: the first answer is still kept.
    expect(await ask({ ...env, PYENV_VERSION: '3.12.1' })).toBe(version('3.12.1'));
    expect(await ask()).toBe(version('3.13.0'));
    expect(await callCount()).toBe(3);

    // A .python-version in the working directory, and one in a folder above it.
    await writeFile(join(project, '.python-version'), '3.12.1\n');
    expect(await ask()).toBe(version('3.12.1'));
    expect(await callCount()).toBe(4);
    await ask(env, join(project, 'sub'));
    expect(await callCount()).toBe(5);

    // The interpreter it named is gone (uninstalled): pyenv is asked again.
    await rm(version('3.12.1'));
    await ask();
    expect(await callCount()).toBe(6);
  });

  it('gives the answer the real pyenv gives, where python3 is a pyenv shim', async (context) => {
    const python3 = await searchPath('python3', process.env);
    const shim = python3 && (await readPyenvShim(python3));
    if (!shim) return context.skip();
    const { stdout } = await run(shim.pyenv, ['which', 'python3'], { env: process.env });
    expect(await pyenvWhich(shim, 'python3', process.env, cache)).toBe(stdout.trim());
    expect(await pyenvWhich(shim, 'python3', process.env, cache)).toBe(stdout.trim());
  });
});
