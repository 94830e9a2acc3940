/**
 * What an interpreter reported about itself. Every result names the interpreter it came from,
 * and pages label results with `interpreterLabel`, so "ran on" always says which Python it was.
 */
import { z } from 'astro/zod';

/** Multiprocessing start methods CPython offers (which ones exist depends on the platform). */
export const startMethodSchema = z.enum(['fork', 'spawn', 'forkserver']);
export type StartMethod = z.infer<typeof startMethodSchema>;

export const interpreterInfoSchema = z.object({
  /** What was asked for: a `PYTHONS` entry, `python3`, or `python3.14` (found or obtained). */
  requested: z.string(),
  /** Absolute path of the real executable (pyenv shims resolved). */
  executable: z.string(),
  /** `sys.version`, e.g. `3.11.7 (main, May  9 2026, 07:35:25) [GCC 12.2.0]`. */
  version: z.string(),
  /** `sys.version_info[:3]`. */
  versionInfo: z.tuple([z.number(), z.number(), z.number()]),
  /** `sys.implementation.name`, e.g. `cpython`. */
  implementation: z.string(),
  /** Built free-threaded (`sysconfig` `Py_GIL_DISABLED`), e.g. `python3.14t`. */
  freeThreadedBuild: z.boolean(),
  /** GIL actually on at run time (`sys._is_gil_enabled()` where present, else true). */
  gilEnabled: z.boolean(),
  /** `os.cpu_count()`. */
  cpuCount: z.number().nullable(),
  /**
   * CPUs this process may run on (`len(os.sched_getaffinity(0))` where available, else
   * `os.cpu_count()`): a container or `taskset` can allow 1 of 2, which is what parallelism gets.
   */
  usableCpuCount: z.number().nullable(),
  /** `platform.platform()`, e.g. `Linux-6.1.0-x86_64-with-glibc2.36`. */
  platform: z.string(),
  /** `multiprocessing.get_start_method()` with nothing set. */
  defaultStartMethod: startMethodSchema,
  /** `multiprocessing.get_all_start_methods()`. */
  availableStartMethods: z.array(startMethodSchema),
  /**
   * Where its standard library lies (`sysconfig` `stdlib` and `platstdlib`, once each): the
   * directory a traceback's library frames name, which pages shorten to `<python3.14>`.
   */
  stdlib: z.array(z.string()),
  /**
   * Where it is installed (`sys.prefix`, `sys.base_prefix`, `sys.exec_prefix`, once each): other
   * paths of the installation, e.g. `python314.zip` on `sys.path`, shortened to `<python3.14 prefix>`.
   */
  prefixes: z.array(z.string()),
});
export type InterpreterInfo = z.infer<typeof interpreterInfoSchema>;

/**
 * What an interpreter says about itself when run (the one probe: ./identify-python.ts): all of
 * InterpreterInfo but `requested`, with `executable` its own `sys.executable` (shims resolved; what
 * multiprocessing starts its children with).
 */
export const pythonIdentitySchema = interpreterInfoSchema.omit({ requested: true });
export type PythonIdentity = z.infer<typeof pythonIdentitySchema>;

const IMPLEMENTATION_NAMES: Readonly<Record<string, string>> = { cpython: 'CPython', pypy: 'PyPy', graalpy: 'GraalPy' };

/**
 * `CPython 3.14.8`, or `CPython 3.14.0 free-threaded`: short, stable across builds of one
 * version (tabs synced by this label stay in step from page to page).
 */
export function interpreterLabel(info: Pick<InterpreterInfo, 'implementation' | 'versionInfo' | 'freeThreadedBuild'>): string {
  const name = IMPLEMENTATION_NAMES[info.implementation] ?? info.implementation;
  return `${name} ${info.versionInfo.join('.')}${info.freeThreadedBuild ? ' free-threaded' : ''}`;
}

/**
 * The newest of `interpreters` by version; of one version, the default (GIL) build before its
 * free-threaded one, whose results are the odd ones out. Undefined for none.
 */
export function newestInterpreter<T extends Pick<InterpreterInfo, 'versionInfo' | 'freeThreadedBuild'>>(interpreters: readonly T[]): T | undefined {
  const newer = (a: T, b: T) => {
    const order = a.versionInfo.findIndex((part, index) => part !== b.versionInfo[index]);
    return order < 0 ? !a.freeThreadedBuild && b.freeThreadedBuild : a.versionInfo[order]! > b.versionInfo[order]!;
  };
  return interpreters.reduce<T | undefined>((best, interpreter) => (best === undefined || newer(interpreter, best) ? interpreter : best), undefined);
}
