import { spawn, type SpawnOptions } from 'node:child_process';

export interface CollectedRun {
  /** The exit code, or null when a signal ended the process. */
  exitCode: number | null;
  /** Standard output and standard error, interleaved as they came. */
  output: string;
}

/** Runs a command to its end and keeps what it printed, for a log shown only when it matters. */
export async function runCollecting(command: string, args: readonly string[], options: Pick<SpawnOptions, 'cwd' | 'env'>): Promise<CollectedRun> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  return { exitCode, output };
}
