/**
 * The interpreters the site shows, declared like dependencies: `config.pythons` in package.json,
 * in the order pages show their tabs. A new CPython release is one edit there (and the same
 * version in the workflow's setup-python list, which tests/unit/ci/workflows.test.ts keeps in
 * step), not a change of code. Each entry is one of:
 *
 * - a command, e.g. `python3`: the machine's own interpreter, as PATH finds it (required);
 * - a version, e.g. `3.15`: CPython 3.15, found on the machine or obtained from Debian;
 * - a free-threaded version, e.g. `3.15t`: used when the machine has one; never obtained (no
 *   free-threaded build is packaged where the build obtains interpreters), so pages never show a
 *   result it did not give.
 *
 * `PYTHONS` (space-separated commands or paths) replaces the whole list for one build.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { BuildStepError } from '../shared/build-step-error.ts';

export type PythonEntry =
  /** An interpreter found by name on PATH (or a path), e.g. `python3`. */
  | { kind: 'command'; command: string }
  /** CPython of a major.minor version; `freeThreaded` for its `t` build. */
  | { kind: 'cpython'; version: string; freeThreaded: boolean };

/** Where the list lives, relative to the project root, and the field that holds it. */
export const PYTHON_CONFIG = { file: 'package.json', field: 'config.pythons' } as const;

const VERSION = /^(3\.\d+)(t?)$/;
const COMMAND = /^[\w./-]+$/;

/** One entry of the list, or undefined when it is neither a version nor a command. */
export function parsePythonEntry(text: string): PythonEntry | undefined {
  const version = VERSION.exec(text);
  if (version) return { kind: 'cpython', version: version[1]!, freeThreaded: version[2] === 't' };
  return COMMAND.test(text) && !/^\d/.test(text) ? { kind: 'command', command: text } : undefined;
}

/** How an entry is named where it shows (the `requested` of its interpreter): `python3`, `python3.15t`. */
export function entryName(entry: PythonEntry): string {
  return entry.kind === 'command' ? entry.command : `python${entry.version}${entry.freeThreaded ? 't' : ''}`;
}

const packageSchema = z.object({ config: z.object({ pythons: z.array(z.string()).min(1) }) });

/**
 * The declared list, in order, from the package `root` belongs to: the nearest package.json at or
 * above it (a fixture site inside tests/ shows the project's interpreters). Throws, naming the
 * file and the fix, when there is none or its list is missing or wrong.
 */
export async function readPythonConfig(root: string): Promise<PythonEntry[]> {
  const fix =
    `list the interpreters in ${PYTHON_CONFIG.file} as "config": { "pythons": ["python3", "3.14", "3.15"] }: ` +
    'a command such as "python3", a CPython version such as "3.15" (found or obtained), or "3.15t" for a free-threaded build used when present.';
  const found = await nearestPackageJson(resolve(root));
  if (!found) {
    throw new BuildStepError(`No ${PYTHON_CONFIG.file} in ${root} or above it, so no interpreters are declared.`, { step: 'plan', fix });
  }
  const parsed = packageSchema.safeParse(JSON.parse(found.text));
  if (!parsed.success) {
    throw new BuildStepError(`${found.path} has no list of interpreters in "${PYTHON_CONFIG.field}".`, { step: 'plan', file: found.path, fix });
  }
  const entries = parsed.data.config.pythons.map((text) => ({ text, entry: parsePythonEntry(text.trim()) }));
  const wrong = entries.filter(({ entry }) => entry === undefined).map(({ text }) => JSON.stringify(text));
  if (wrong.length > 0) {
    throw new BuildStepError(`${found.path} "${PYTHON_CONFIG.field}": ${wrong.join(', ')} is neither a command nor a CPython version.`, {
      step: 'plan',
      file: found.path,
      fix,
    });
  }
  return entries.map(({ entry }) => entry!);
}

async function nearestPackageJson(dir: string): Promise<{ path: string; text: string } | undefined> {
  for (let at = dir; ; at = dirname(at)) {
    const path = join(at, PYTHON_CONFIG.file);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text !== undefined) return { path, text };
    if (dirname(at) === at) return undefined;
  }
}
