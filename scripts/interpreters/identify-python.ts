/**
 * Asks a Python interpreter what it really is, by running it. Running it (rather than reading
 * its name or path) also sees through pyenv shims and wrapper scripts: whatever they exec
 * answers, and a shim that resolves to nothing fails.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BuildStepError } from '../shared/build-step-error.ts';
import { firstLine, messageOf, outputLines, stderrOf } from '../shared/error-text.ts';
import { searchPath } from '../shared/is-executable.ts';
import { pythonIdentitySchema, type PythonIdentity } from './interpreter-info.ts';

const run = promisify(execFile);

/** Which interpreter is wanted. */
export interface PythonRequest {
  /** Major and minor version, e.g. `3.14`. */
  version: string;
  /**
   * The free-threaded build (`python3.14t`) instead of the default one.
   * @default false
   */
  freeThreaded?: boolean;
}

/**
 * The probe: what pythonIdentitySchema reads. Modules named on the command line are imported
 * first, so a missing extension module (an _ssl that cannot load its libssl, say) fails it.
 */
export const PROBE = `
import importlib, json, multiprocessing, os, platform, sys, sysconfig
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps({
    "executable": sys.executable,
    "version": sys.version,
    "versionInfo": list(sys.version_info[:3]),
    "implementation": sys.implementation.name,
    "freeThreadedBuild": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
    "gilEnabled": sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True,
    "cpuCount": os.cpu_count(),
    "usableCpuCount": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
    "platform": platform.platform(),
    "defaultStartMethod": multiprocessing.get_start_method(),
    "availableStartMethods": multiprocessing.get_all_start_methods(),
    "stdlib": sorted({sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"]}),
    "prefixes": sorted({sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}),
}))
`;

/** Throws unless `version` is a major.minor version such as `3.14`. */
export function checkRequestedVersion(version: string): void {
  if (!/^3\.\d+$/.test(version)) {
    throw new BuildStepError(`Python version "${version}" is not a major.minor version.`, { step: 'plan', fix: 'ask for one like "3.14".' });
  }
}

/** The program name a request is installed under: `python3.14`, or `python3.14t` for free-threaded. */
export function programName(request: PythonRequest): string {
  return `python${request.version}${request.freeThreaded ? 't' : ''}`;
}

/**
 * Runs `command` (a name looked up on `env.PATH`, or a path) and returns what it says it is,
 * or undefined when there is no such command. Throws when it exists but does not answer,
 * e.g. a pyenv shim for a version that is not selected, or when an `imports` module fails.
 */
export async function identifyPython(
  command: string,
  options: {
    /**
     * Environment to run it in (its PATH finds `command`).
     * @default process.env
     */
    env?: NodeJS.ProcessEnv;
    /**
     * Modules that must import.
     * @default []
     */
    imports?: readonly string[];
  } = {},
): Promise<PythonIdentity | undefined> {
  const env = options.env ?? process.env;
  // Looked up first: starting a process that is not there costs as much as one that is, every build.
  if (!command.includes('/') && !(await searchPath(command, env))) return undefined;
  let stdout: string;
  try {
    // -I: ignore PYTHON* variables and the user's site-packages, which could break the probe.
    ({ stdout } = await run(command, ['-I', '-c', PROBE, ...(options.imports ?? [])], {
      env,
      timeout: 60_000,
    }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    const detail = firstAndLastLines(stderrOf(error)) || firstLine(messageOf(error));
    throw new Error(`${command} does not run as a Python interpreter: ${detail}`, { cause: error });
  }
  try {
    return pythonIdentitySchema.parse(JSON.parse(stdout));
  } catch (error) {
    const printed = JSON.stringify(stdout.slice(0, 200));
    throw new Error(`${command} did not answer like a Python interpreter (printed ${printed})`, { cause: error });
  }
}

/**
 * What went wrong, in one line: a shim says it first ("pyenv: python3.14: command not found"),
 * Python last (the exception under a traceback).
 */
function firstAndLastLines(stderr: string): string {
  const lines = outputLines(stderr);
  return lines.length <= 2 ? lines.join(' ') : `${lines[0]} … ${lines.at(-1)}`;
}

/** Why `identity` is not the requested interpreter, or undefined when it is. */
export function mismatch(identity: Pick<PythonIdentity, 'implementation' | 'versionInfo' | 'freeThreadedBuild'>, request: PythonRequest): string | undefined {
  const [major, minor] = identity.versionInfo;
  if (identity.implementation !== 'cpython') return `it is ${identity.implementation}, not CPython`;
  if (`${major}.${minor}` !== request.version) return `it is ${identity.versionInfo.join('.')}, not ${request.version}`;
  const wanted = request.freeThreaded ?? false;
  if (identity.freeThreadedBuild !== wanted) {
    return wanted ? 'it is not a free-threaded build' : 'it is a free-threaded build';
  }
  return undefined;
}
