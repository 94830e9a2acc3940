/**
 * The interpreters the site shows: those package.json declares (`config.pythons`, read by
 * ./python-config.ts), each found or obtained, or every one `PYTHONS` names instead.
 */
import type { CacheArea } from '../cache/paths.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { messageOf } from '../shared/error-text.ts';
import { findInterpreter } from './find-interpreter.ts';
import { findInstalledPython, findOrObtainPython } from './find-python.ts';
import type { InterpreterInfo } from './interpreter-info.ts';
import { entryName, readPythonConfig, type PythonEntry } from './python-config.ts';

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
 * executable asked for twice (python3 may be 3.15) is listed once.
 */
export async function configuredInterpreters(options: ConfiguredInterpretersOptions): Promise<InterpreterInfo[]> {
  const { env, log, cacheDirs } = options;
  const describe = (name: string, requested = name) =>
    findInterpreter(name, cacheDirs.interpreters, env).then((info) => ({ ...info, requested }));
  const resolveEntry = async (entry: PythonEntry): Promise<InterpreterInfo | undefined> => {
    if (entry.kind === 'command') return describe(entry.command);
    const { version, freeThreaded } = entry;
    if (!freeThreaded) return describe(await findOrObtainPython({ version, cacheDir: cacheDirs.python, env, log }), entryName(entry));
    const path = await findInstalledPython({ version, freeThreaded, env, log: () => {} });
    if (!path) log(`[python] no free-threaded CPython ${version} (${entryName(entry)}) on this machine; none is obtained, so pages show the others`);
    return path ? describe(path, entryName(entry)) : undefined;
  };
  const fromEnv = interpretersFromEnv(env);
  const found: (InterpreterInfo | undefined)[] = fromEnv
    ? await allOrEveryFailure(fromEnv.map((name) => describe(name)))
    : await Promise.all((await readPythonConfig(options.root)).map(resolveEntry));
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
