/**
 * Finds a real CPython of a given version for the build, the way scripts/browser/find-chromium.ts
 * finds a browser: one already on the machine is used as it is (a distribution package,
 * python.org, pyenv, uv), and only where there is none is one obtained from Debian
 * (obtain-debian-python.ts). The caller applies `PYTHONS` first: an interpreter named there
 * is used without looking here.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { messageOf } from '../shared/error-text.ts';
import { searchPath } from '../shared/is-executable.ts';
import { checkRequestedVersion, identifyPython, mismatch, programName, type PythonRequest } from './identify-python.ts';
import { obtainDebianPython } from './obtain-debian-python.ts';

const run = promisify(execFile);

export interface FindPythonOptions extends PythonRequest {
  /**
   * Environment whose PATH is searched and in which candidates run.
   * @default process.env
   */
  env?: NodeJS.ProcessEnv;
  /**
   * Receives what was used or skipped and why (`[python] …`).
   * @default console.log
   */
  log?: (line: string) => void;
}

export interface FindOrObtainPythonOptions extends Omit<FindPythonOptions, 'freeThreaded'> {
  /** Where an obtained interpreter is kept, e.g. `<root>/node_modules/.cache/pyconc/python`. */
  cacheDir: string;
}

/**
 * An interpreter already on the machine: `python3.14` on PATH (`python3.14t` for a
 * free-threaded request), then what `uv python find --system 3.14` names when uv is there.
 * A candidate counts only if running it shows CPython of that version and build, so a pyenv
 * shim counts when it runs a real 3.14 and not when pyenv has none selected. Returns its
 * `sys.executable` (shims resolved), or undefined. Never installs anything.
 */
export async function findInstalledPython(options: FindPythonOptions): Promise<string | undefined> {
  const { env = process.env, log = console.log } = options;
  const request = { version: options.version, freeThreaded: options.freeThreaded ?? false };
  checkRequestedVersion(request.version);
  const program = programName(request);
  const onPath = await usable(program, `${program} on PATH`, request, env, log);
  if (onPath) return onPath;
  const fromUv = await uvPythonFind(request, env);
  return fromUv ? usable(fromUv, `${fromUv} (from uv python find)`, request, env, log) : undefined;
}

/**
 * findInstalledPython, else obtainDebianPython: the path of a working CPython `version`
 * (GIL build). Throws, with the manual fix, only when none is installed and none can be obtained.
 */
export async function findOrObtainPython(options: FindOrObtainPythonOptions): Promise<string> {
  const installed = await findInstalledPython(options);
  if (installed) return installed;
  const { version, cacheDir, log } = options;
  return obtainDebianPython({ version, cacheDir, ...(log ? { log } : {}) });
}

/**
 * The path `uv python find` names, or undefined when uv is absent or finds none (its normal "no"
 * is an error exit). `--system` leaves out virtual environments: one in the current directory
 * is not the machine's.
 */
async function uvPythonFind(request: PythonRequest, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const wanted = `${request.version}${request.freeThreaded ? 't' : ''}`;
  if (!(await searchPath('uv', env))) return undefined;
  try {
    const { stdout } = await run('uv', ['python', 'find', '--system', wanted], { env, timeout: 60_000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/** `sys.executable` of `command` when it is what `request` asks for; logs why not otherwise. */
async function usable(
  command: string,
  source: string,
  request: PythonRequest,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<string | undefined> {
  let reason: string | undefined;
  try {
    const identity = await identifyPython(command, { env });
    if (!identity) return undefined;
    reason = mismatch(identity, request) ?? (identity.executable ? undefined : 'its sys.executable is empty');
    if (!reason) {
      log(`[python] using ${source}: ${identity.executable} (CPython ${identity.versionInfo.join('.')})`);
      return identity.executable;
    }
  } catch (error) {
    reason = messageOf(error);
  }
  log(`[python] not using ${source}: ${reason}`);
  return undefined;
}
