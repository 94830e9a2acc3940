/**
 * Runs `astro build --outDir <dir>` as a child process that can be stopped cleanly.
 *
 * The child gets its own process group, so stopping it also stops whatever it started (Python
 * examples, the diagram renderer's Chromium) instead of leaving them orphaned.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Astro's CLI entry (its package.json `bin`, which `exports` does not expose), run with this
 * Node (24) rather than whatever `node` comes first on PATH.
 */
const ASTRO_CLI = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

export interface AstroBuild {
  /** Settles with the exit code (0 on success), or the signal's name if the child was killed. */
  done: Promise<number | NodeJS.Signals>;
  /** Stops the build and everything it started, including anything the build left running after it exited. */
  stop(): void;
}

export function runAstroBuild(root: string, outDir: string): AstroBuild {
  const child = spawn(process.execPath, [ASTRO_CLI, 'build', '--outDir', outDir], {
    cwd: root,
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const done = new Promise<number | NodeJS.Signals>((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`Could not start ${ASTRO_CLI}.`, { cause: error })));
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 1));
  });
  const stop = () => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  return { done, stop };
}
