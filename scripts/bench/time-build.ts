/** Runs a build command in a site copy and times it (wall clock, output kept for a failure). */
import { spawn } from 'node:child_process';

export interface TimedBuild {
  ms: number;
  exitCode: number | null;
  output: string;
}

export function timeBuild(site: string, args: readonly string[]): Promise<TimedBuild> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: site,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ ms: performance.now() - started, exitCode, output }));
  });
}

/** Throws with the end of the output when a build the benchmark depends on failed. */
export function mustSucceed(what: string, build: TimedBuild): TimedBuild {
  if (build.exitCode !== 0) throw new Error(`${what} failed (exit ${build.exitCode}):\n${build.output.slice(-3000)}`);
  return build;
}
