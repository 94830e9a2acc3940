/**
 * Finds the Python interpreters to run examples on and asks each what it is.
 * The answer is cached by the executable's identity on disk, so a warm build
 * starts no Python at all.
 */
import { realpath, stat } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { basename, resolve } from 'node:path';
import { contentKey } from '../cache/content-key.ts';
import { createJsonCache } from '../cache/json-cache.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { isExecutable, searchPath } from '../shared/is-executable.ts';
import { identifyPython, PROBE } from './identify-python.ts';
import { interpreterInfoSchema, type InterpreterInfo } from './interpreter-info.ts';
import { pyenvWhich, readPyenvShim } from './pyenv-shim.ts';

/**
 * Oldest Python accepted: 3.9 makes `__main__.__file__` absolute (spawned children
 * find the example) and allows `dict[str, list[int]]` at run time (gil-turns uses it);
 * 3.8 is end-of-life.
 */
export const MIN_PYTHON: readonly [number, number] = [3, 9];

/**
 * Resolves `requested` to a real executable and describes it. The answer is cached in `cacheDir`
 * (the `interpreters` cache area) by the executable's identity, so a warm build starts no Python.
 */
export async function findInterpreter(
  requested: string,
  cacheDir: string,
  env: NodeJS.ProcessEnv,
): Promise<InterpreterInfo> {
  const executable = await resolveExecutable(requested, env, cacheDir);
  const { ino, size, mtimeMs } = await stat(executable);
  // CPUs are the machine's, not the executable's: a cache restored elsewhere, or a build under
  // taskset, must probe again (and so re-run the examples, whose timings depend on them).
  const key = contentKey({ executable, ino, size, mtimeMs, probe: PROBE, cpus: cpus().length, usable: availableParallelism() });
  const cache = createJsonCache(cacheDir, interpreterInfoSchema);
  const info = await cache.getOrSet(key, () => probe(requested, executable));
  const [major, minor] = info.versionInfo;
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
    throw new BuildStepError(
      `Python interpreter ${requested} (${executable}) is ${info.versionInfo.join('.')}; the examples need ${MIN_PYTHON.join('.')} or newer.`,
      { step: 'plan', fix: 'set PYTHONS to newer interpreters, e.g. PYTHONS="python3.12 python3.14".' },
    );
  }
  return { ...info, requested };
}

/** Runs the probe; `executable` stays the resolved path it was started by, whatever `sys.executable` says. */
async function probe(requested: string, executable: string): Promise<InterpreterInfo> {
  try {
    const identity = await identifyPython(executable);
    if (!identity) throw new Error(`${executable} cannot be started`);
    return interpreterInfoSchema.parse({ ...identity, requested, executable });
  } catch (error) {
    throw new BuildStepError(`Could not ask ${executable} (from "${requested}") what it is: is it a Python interpreter?`, {
      step: 'plan',
      fix: 'set PYTHONS to Python interpreters.',
      cause: error,
    });
  }
}

/** PATH lookup, then through a pyenv shim to the interpreter it would run (scripts/interpreters/pyenv-shim.ts), then realpath. */
async function resolveExecutable(requested: string, env: NodeJS.ProcessEnv, cacheDir: string): Promise<string> {
  const found = requested.includes('/') ? await executableAt(resolve(requested)) : await searchPath(requested, env);
  if (!found) {
    throw new BuildStepError(`Python interpreter "${requested}" not found ${requested.includes('/') ? 'or not executable' : 'on PATH'}.`, {
      step: 'plan',
      fix: 'install it, or set PYTHONS to Python 3.9+ interpreters (names on PATH or paths, e.g. PYTHONS="python3.11 /opt/python3.14/bin/python3.14").',
    });
  }
  const shim = await readPyenvShim(found);
  return realpath(shim ? await pyenvWhich(shim, basename(requested), env, cacheDir) : found);
}

async function executableAt(path: string): Promise<string | undefined> {
  return (await isExecutable(path)) ? path : undefined;
}
