/**
 * The interpreters the site shows. `PYTHONS` (space-separated names on PATH or paths) replaces
 * the list; otherwise it is the machine's `python3` and CPython 3.14.
 */
import type { CacheArea } from '../cache/paths.ts';
import { findInterpreter } from './find-interpreter.ts';
import type { InterpreterInfo } from './interpreter-info.ts';

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
  const requested = interpretersFromEnv(options.env) ?? ['python3'];
  const found = await Promise.all(requested.map((name) => findInterpreter(name, options.cacheDirs.interpreters, options.env)));
  return found.filter((info, index) => found.findIndex((other) => other.executable === info.executable) === index);
}
