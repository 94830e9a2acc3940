import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { workDir } from '../../../scripts/cache/paths.ts';
import { cleanUpAfterDeadBuilds, createStaging, publish } from '../../../scripts/site/publish.ts';

let root: string;
let dist: string;

function site(dir: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
}

/** A process id that certainly belonged to a process that has exited. */
function deadPid(): number {
  const pid = spawnSync('true').pid;
  if (pid === undefined) throw new Error('could not start `true`');
  return pid;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'publish-'));
  dist = join(root, 'dist');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('publish replaces dist/ with the staging build and leaves nothing behind', () => {
  site(dist, 'old');
  const staging = createStaging(root);
  site(staging, 'new');
  publish(staging, dist, root);
  expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new');
  expect(readdirSync(workDir(root, 'site'))).toEqual([]);
});

test('publish works when there is no dist/ yet', () => {
  const staging = createStaging(root);
  site(staging, 'first');
  publish(staging, dist, root);
  expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('first');
});

test('publish creates the folders above an output directory that does not exist yet', () => {
  const out = join(root, 'node_modules', '.cache', 'e2e', 'sub-path-site');
  const staging = createStaging(root);
  site(staging, 'under a base');
  publish(staging, out, root);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('under a base');
});

test('publish keeps the old dist/ when the new build cannot be moved in', () => {
  site(dist, 'old');
  expect(() => publish(join(root, 'no-such-staging'), dist, root)).toThrow(/previous build is still there/);
  expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('old');
});

test('a swap interrupted between its renames is repaired by the next build', () => {
  site(join(workDir(root, 'site'), `previous-${deadPid()}`), 'old');
  const done = cleanUpAfterDeadBuilds(root, dist);
  expect(done).toEqual([expect.stringMatching(/^restored dist\//)]);
  expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('old');
});

test('staging of a dead build is removed, staging of a live one is kept', () => {
  site(dist, 'current');
  const dead = join(workDir(root, 'site'), `staging-${deadPid()}`);
  site(dead, 'half');
  const live = createStaging(root);
  expect(cleanUpAfterDeadBuilds(root, dist)).toHaveLength(1);
  expect(existsSync(dead)).toBe(false);
  expect(existsSync(live)).toBe(true);
  expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('current');
});
