/**
 * Runs `astro build --outDir <dir>` as a child process that can be stopped cleanly.
 *
 * The child gets its own process group, so stopping it also stops whatever it started (Python
 * examples, the diagram renderer's Chromium) instead of leaving them orphaned.
 */
import { spawn } from 'node:child_process';
import { ASTRO_CLI } from './astro-cli.ts';

/** How much of the end of Astro's output is kept to find its error in: errors come last. */
const KEPT_OUTPUT_CHARS = 256 * 1024;
/** Longest error summary repeated at the end of the build, characters. */
const MAX_SUMMARY_CHARS = 4000;

/**
 * The error Astro printed, without its location and stack trace: from the first `[ERROR]` line
 * (an integration's report, e.g. the links validator's) or else from the first line after the
 * last timestamped log line (a content loader's error), up to Astro's `Location:`/`Stack trace:`.
 * The build wrapper repeats it as its last words, so the cause is not lost in the log above.
 */
export function summariseAstroError(output: string): string | undefined {
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const firstError = lines.findIndex((line) => /\[ERROR\]/.test(line));
  const lastLog = lines.findLastIndex((line) => /^\d\d:\d\d:\d\d /.test(line));
  const start = firstError >= 0 ? firstError : lastLog + 1;
  const stop = lines.findIndex((line, index) => index > start && /^ {2}(Location|Stack trace):$/.test(line));
  const summary = lines
    .slice(start, stop >= 0 ? stop : undefined)
    .join('\n')
    .trim();
  if (summary === '') return undefined;
  return summary.length <= MAX_SUMMARY_CHARS ? summary : `${summary.slice(0, MAX_SUMMARY_CHARS)}\n… (cut; the whole error is printed above)`;
}

export interface AstroBuild {
  /** Settles with the exit code (0 on success), or the signal's name if the child was killed. */
  done: Promise<number | NodeJS.Signals>;
  /** The end of what Astro printed (stdout and stderr, interleaved as they came). */
  output(): string;
  /** Stops the build and everything it started, including anything the build left running after it exited. */
  stop(): void;
}

export function runAstroBuild(root: string, outDir: string): AstroBuild {
  const child = spawn(process.execPath, [ASTRO_CLI, 'build', '--outDir', outDir], {
    cwd: root,
    // Piped, and passed on as it comes, so the wrapper can repeat Astro's error at the end.
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      // What is published is the production site, whatever the shell sets: under NODE_ENV=test
      // (a test runner's, say) Vite builds in test mode, and Starlight's search is left out.
      NODE_ENV: 'production',
      ...(process.stdout.isTTY && process.env['NO_COLOR'] === undefined ? { FORCE_COLOR: '1' } : {}),
    },
  });
  let kept = '';
  const keep = (chunk: Buffer) => {
    kept = (kept + chunk.toString()).slice(-KEPT_OUTPUT_CHARS);
  };
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    keep(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    keep(chunk);
  });
  const done = new Promise<number | NodeJS.Signals>((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`Could not start ${ASTRO_CLI}.`, { cause: error })));
    // 'close', not 'exit': all output has been read by then.
    child.once('close', (code, signal) => resolve(code ?? signal ?? 1));
  });
  const stop = () => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  return { done, output: () => kept, stop };
}
