/**
 * Build aside, then swap: the site is built into a staging directory and replaces dist/ only once
 * every check has passed, so dist/ always holds one whole build, the previous one on any failure.
 *
 * Staging and the previous dist/ live in node_modules/.cache/pyconc/site/ (same file system as
 * dist/, so the swap is two renames) and carry the owning process id in their name, so a build
 * that was killed outright is cleaned up by the next one without touching a build still running.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { workDir } from '../cache/paths.ts';
import { isAlive } from '../shared/is-alive.ts';

/** A fresh, empty staging directory owned by this process. */
export function createStaging(root: string): string {
  const staging = join(workDir(root, 'site'), `staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  return staging;
}

/**
 * Repairs what a build killed mid-way left behind: a dist/ renamed away but not yet replaced is
 * put back, and leftover staging/previous directories of dead processes are removed.
 * Returns what it did, for the build log.
 */
export function cleanUpAfterDeadBuilds(root: string, dist: string): string[] {
  const done: string[] = [];
  const dir = workDir(root, 'site');
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return done;
  }
  for (const entry of entries) {
    const match = /^(staging|previous)-(\d+)$/.exec(entry);
    if (!match || isAlive(Number(match[2]))) continue;
    const path = join(dir, entry);
    if (match[1] === 'previous' && !existsSync(dist)) {
      renameSync(path, dist);
      done.push(`restored dist/ from an interrupted swap (${entry})`);
    } else {
      rmSync(path, { recursive: true, force: true });
      done.push(`removed ${entry} left by an interrupted build`);
    }
  }
  return done;
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/**
 * Replaces dist/ with the staging directory: dist → previous, staging → dist, remove previous.
 * Synchronous on purpose: a signal handler cannot run between the two renames. When another
 * build published in between (dist/ reappeared), it simply goes round again.
 */
export function publish(staging: string, dist: string, root: string): void {
  const previous = join(workDir(root, 'site'), `previous-${process.pid}`);
  // An --out-dir may name a folder whose parent does not exist yet (a fresh clone's cache).
  mkdirSync(dirname(dist), { recursive: true });
  for (let attempt = 1; ; attempt++) {
    rmSync(previous, { recursive: true, force: true });
    try {
      renameSync(dist, previous);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw new Error(`Could not move the old ${dist} aside.`, { cause: error });
    }
    try {
      renameSync(staging, dist);
      break;
    } catch (error) {
      const raced = errnoCode(error) === 'ENOTEMPTY' || errnoCode(error) === 'EEXIST';
      if (raced && attempt < 5) continue;
      if (existsSync(previous) && !existsSync(dist)) renameSync(previous, dist);
      throw new Error(`Could not move the new build into ${dist}; the previous build is still there.`, { cause: error });
    }
  }
  rmSync(previous, { recursive: true, force: true });
}
