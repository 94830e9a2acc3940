/**
 * One `astro build` at a time per project. Astro keeps its content store in node_modules/.astro
 * and writes it through one fixed temporary name, so two builds started at once in one checkout
 * (two terminals, an editor's task beside a CI step) fail with ENOENT on its rename. The second
 * build waits for the first instead; everything else of the build (staging, publish) already
 * works side by side. proper-lockfile keeps the lock fresh while it is held and treats a lock left
 * by a killed build as stale, so a crash never blocks the next build for long.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { workDir } from '../cache/paths.ts';

/** A held lock's age, ms, after which it counts as left by a dead build (it is refreshed at half this). */
const STALE_MS = 10_000;

/** Waits until no other build of this project is in `astro build`, then holds that until released. */
export async function lockAstroBuild(root: string, log: (line: string) => void): Promise<() => Promise<void>> {
  const dir = workDir(root, 'site');
  mkdirSync(dir, { recursive: true });
  // The lock is a directory `astro.lock` beside the staging directories (publish.ts ignores it).
  const target = join(dir, 'astro');
  const options = { realpath: false, stale: STALE_MS, lockfilePath: `${target}.lock` };
  try {
    return await lockfile.lock(target, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
  }
  log('another build of this project is in `astro build`; waiting for it (Astro cannot run two at once in one project)');
  return lockfile.lock(target, { ...options, retries: { forever: true, factor: 1, minTimeout: 250, maxTimeout: 250 } });
}
