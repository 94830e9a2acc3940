/**
 * pyenv shims. A shim is a shell script whose target depends on PYENV_VERSION and .python-version
 * files; its own file never changes, so it cannot identify an interpreter. `pyenv which` (shell
 * scripts, no Python) names the real one, slowly enough to be much of a warm build's plan. Its answer
 * is kept by everything pyenv reads to give it, so it is asked again as soon as any of that changes.
 */
import { execFile } from 'node:child_process';
import { open, readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'astro/zod';
import { contentKey } from '../cache/content-key.ts';
import { createJsonCache } from '../cache/json-cache.ts';
import { isExecutable } from '../shared/is-executable.ts';

const run = promisify(execFile);

/** What a shim runs: `exec "<root>/libexec/pyenv" exec "$program"`, with `PYENV_ROOT` exported above it. */
export interface PyenvShim {
  pyenv: string;
  root: string;
}

/** The shim's pyenv and root when `file` is a pyenv shim, else undefined. */
export async function readPyenvShim(file: string): Promise<PyenvShim | undefined> {
  // The first KiB only: an interpreter's binary is megabytes, and this runs on every build.
  const handle = await open(file);
  const head = await handle
    .read(Buffer.alloc(1024), 0, 1024, 0)
    .then(({ buffer, bytesRead }) => buffer.subarray(0, bytesRead).toString('latin1'))
    .finally(() => handle.close());
  const pyenv = /exec "([^"]*\/pyenv)" exec/.exec(head)?.[1];
  if (!pyenv) return undefined;
  const root = /export PYENV_ROOT="([^"]*)"/.exec(head)?.[1] ?? dirname(dirname(pyenv));
  return { pyenv, root };
}

const whichSchema = z.strictObject({ pyenvWhich: z.string() });

/**
 * The interpreter `pyenv which <program>` names for `shim` when run in `cwd`, asked again only
 * when what pyenv reads changed (see `pyenvInputs`) or the interpreter it named is gone.
 * `cacheDir`: the `interpreters` cache area.
 */
export async function pyenvWhich(
  shim: PyenvShim,
  program: string,
  env: NodeJS.ProcessEnv,
  cacheDir: string,
  cwd = process.cwd(),
): Promise<string> {
  const cache = createJsonCache(cacheDir, whichSchema);
  const key = contentKey({ shim, program, inputs: await pyenvInputs(shim.root, env, cwd) });
  const cached = await cache.get(key);
  if (cached && (await isExecutable(cached.pyenvWhich))) return cached.pyenvWhich;
  const { stdout } = await run(shim.pyenv, ['which', program], { env, cwd });
  const answer = { pyenvWhich: stdout.trim() };
  await cache.set(key, answer);
  return answer.pyenvWhich;
}

/**
 * Everything `pyenv which` reads (pyenv's libexec/pyenv-version-file, -version-name, -which): the
 * environment (PYENV_VERSION, PYENV_DIR, hooks, PATH for the `system` version), every
 * `.python-version` from the working directory (and PYENV_DIR) up to `/`, the global version file,
 * the installed versions (a prefix such as `3.12` means the newest installed) and the plugins (their
 * hooks can change the answer). Listed, not interpreted: pyenv's own rules stay pyenv's.
 */
async function pyenvInputs(root: string, env: NodeJS.ProcessEnv, cwd: string): Promise<Record<string, unknown>> {
  const readOrNull = (file: string) => readFile(file, 'utf8').catch(() => null);
  const listOrNull = (dir: string) => readdir(dir).then((names) => names.sort(), () => null);
  const starts = [...new Set([env['PYENV_DIR'] ? resolve(cwd, env['PYENV_DIR']) : cwd, cwd])];
  const versionFiles = starts.flatMap(ancestors).map((dir) => join(dir, '.python-version'));
  return {
    env: Object.fromEntries(['PYENV_VERSION', 'PYENV_DIR', 'PYENV_HOOK_PATH', 'PATH'].map((name) => [name, env[name] ?? null])),
    cwd,
    versionFiles: await Promise.all(versionFiles.map(async (file) => [file, await readOrNull(file)])),
    globalVersion: await readOrNull(join(root, 'version')),
    versions: await listOrNull(join(root, 'versions')),
    plugins: await listOrNull(join(root, 'plugins')),
  };
}

/** `dir` and every folder above it, up to `/`. */
function ancestors(dir: string): string[] {
  const parent = dirname(dir);
  return parent === dir ? [dir] : [dir, ...ancestors(parent)];
}
