/**
 * Runs one command in a process group of its own, so that everything it starts
 * (multiprocessing children, forkserver, resource tracker) can be killed with it.
 */
import { spawn } from 'node:child_process';
import { captureOutput, DEFAULT_MAX_OUTPUT_BYTES } from './capture-output.ts';
import type { CapturedOutput } from './result-schema.ts';

export interface RunInProcessGroupOptions {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Milliseconds before the whole group is killed with SIGKILL. */
  timeoutMs: number;
  /**
   * Cap per stream, bytes.
   * @default DEFAULT_MAX_OUTPUT_BYTES (1 MiB)
   */
  maxOutputBytes?: number;
}

export interface GroupOutcome {
  stdout: CapturedOutput;
  stderr: CapturedOutput;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** Process group id (= pid of the command). */
  pgid: number;
  /** `process.hrtime.bigint()` just before spawning: CLOCK_MONOTONIC on Linux. */
  startedNs: bigint;
  wallMs: number;
}

/**
 * Groups still running. Detached groups outlive the runner, so if the runner exits
 * (Ctrl-C in the CLI, a crashed build) it takes them down first.
 */
const liveGroups = new Set<number>();
function killLiveGroups(): void {
  for (const pgid of liveGroups) killGroup(pgid);
}
process.on('exit', killLiveGroups);
// A signal's default action ends Node without 'exit' handlers: an interrupted build (Ctrl-C,
// the build wrapper's SIGTERM) left the running example behind. Kill the groups, then let the
// signal do what it would have done.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killLiveGroups();
    process.kill(process.pid, signal);
  });
}

export function runInProcessGroup(options: RunInProcessGroupOptions): Promise<GroupOutcome> {
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const stdout = captureOutput(maxBytes);
  const stderr = captureOutput(maxBytes);
  return new Promise((resolve, reject) => {
    const startedNs = process.hrtime.bigint();
    // detached: the child calls setsid(), so its pid is the id of a new process group.
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) liveGroups.add(child.pid);
    let timedOut = false;
    let wallMs = 0;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not start ${options.command}: ${error.message}`, { cause: error }));
    });
    child.on('exit', () => {
      wallMs = Number(process.hrtime.bigint() - startedNs) / 1e6;
      // Whatever the program left running (a child it never joined, a forkserver)
      // goes with it; it would also hold our pipes open and stall 'close'.
      killGroup(child.pid);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      if (child.pid !== undefined) liveGroups.delete(child.pid);
      resolve({
        stdout: stdout.finish(),
        stderr: stderr.finish(),
        exitCode,
        signal,
        timedOut,
        pgid: child.pid ?? -1,
        startedNs,
        wallMs,
      });
    });
  });
}

function killGroup(pgid: number | undefined): void {
  if (pgid === undefined) return;
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch (error) {
    // ESRCH: the group is already empty, which is what we want.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
