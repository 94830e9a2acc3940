/**
 * The interpreters the site shows. `PYTHONS` (space-separated names on PATH or paths) replaces
 * the list; otherwise it is the machine's `python3`, CPython 3.14 (found, or obtained once into
 * the cache) and a free-threaded `python3.14t` when the machine has one (never obtained).
 */
import type { CacheArea } from '../cache/paths.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { messageOf } from '../shared/error-text.ts';
import { findInterpreter } from './find-interpreter.ts';
import { findInstalledPython, findOrObtainPython } from './find-python.ts';
import type { InterpreterInfo } from './interpreter-info.ts';

/** The Python people use today, shown beside the machine's own. */
const CURRENT = '3.14';

export interface ConfiguredInterpretersOptions {
  root: string;
  env: NodeJS.ProcessEnv;
  cacheDirs: Readonly<Record<CacheArea, string>>;
  log: (line: string) => void;
}

/** `PYTHONS` split into names, or undefined when it is not set. */
export function interpretersFromEnv(env: NodeJS.ProcessEnv): string[] | undefined {
  const several = env['PYTHONS']?.trim();
  return several ? several.split(/\s+/) : undefined;
}

/**
 * Resolves and describes every configured interpreter, in the order pages show them. The same
 * executable asked for twice (python3 may be 3.14) is listed once.
 */
export async function configuredInterpreters(options: ConfiguredInterpretersOptions): Promise<InterpreterInfo[]> {
  const { env, log, cacheDirs } = options;
  const describe = (name: string, requested = name) =>
    findInterpreter(name, cacheDirs.interpreters, env).then((info) => ({ ...info, requested }));
  const fromEnv = interpretersFromEnv(env);
  const found: (InterpreterInfo | undefined)[] = fromEnv
    ? await allOrEveryFailure(fromEnv.map((name) => describe(name)))
    : await Promise.all([
        describe('python3'),
        findOrObtainPython({ version: CURRENT, cacheDir: cacheDirs.python, env, log }).then((path) => describe(path, `python${CURRENT}`)),
        findInstalledPython({ version: CURRENT, freeThreaded: true, env, log: () => {} }).then((path) =>
          path ? describe(path, `python${CURRENT}t`) : undefined,
        ),
      ]);
  const interpreters = found.filter((info): info is InterpreterInfo => info !== undefined);
  return interpreters.filter((info, index) => interpreters.findIndex((other) => other.executable === info.executable) === index);
}

/**
 * Every value, or one error naming every interpreter that failed: a reader who listed several
 * in PYTHONS fixes them all in one go instead of one per build.
 */
async function allOrEveryFailure<T>(lookups: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(lookups);
  const failures = settled.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    const messages = failures.map(messageOf);
    // Each names its own fix.
    throw new BuildStepError(`${failures.length} interpreters in PYTHONS cannot be used:\n${messages.map((message) => `- ${message}`).join('\n')}`, {
      step: 'plan',
      cause: failures[0],
    });
  }
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
}
