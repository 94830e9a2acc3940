/**
 * `npm run canary` end to end, on real interpreters: with CPython 3.14 given as the "newest" and
 * the pinned set CPython 3.15, it must report the post's unguarded process example (3.14's fork
 * server dies and the parent exits 1; 3.15's survives and the parent exits 0), report nothing for
 * an example that behaves alike, exit 1, and leave the examples cache and dist/ as they were.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDir } from '../../../scripts/cache/paths.ts';
import { findOrObtainPython } from '../../../scripts/interpreters/find-python.ts';

const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));

let cache: string;
let outcome: { code: number; stdout: string; stderr: string };
let distBefore: number | undefined;

const distTime = () => stat(join(PROJECT, 'dist')).then((s) => s.mtimeMs, () => undefined);

beforeAll(async () => {
  // The build's own interpreters: found on the machine or in the project's cache (obtained once).
  const python = (version: string) => findOrObtainPython({ version, cacheDir: cacheDir(PROJECT, 'python'), log: () => {} });
  const [older, pinned] = await Promise.all([python('3.14'), python('3.15')]);
  cache = await mkdtemp(join(tmpdir(), 'pyconc-canary-test-'));
  distBefore = await distTime();
  outcome = await new Promise((done) => {
    execFile(
      join(PROJECT, 'node_modules/.bin/node'),
      [join(PROJECT, 'scripts/commands/canary.ts'), '--python', older, 'processes-unguarded', 'locks-with-statement'],
      { cwd: PROJECT, env: { ...process.env, PYTHONS: pinned, PYCONC_CACHE_DIR: cache, GITHUB_STEP_SUMMARY: join(cache, 'summary.md') } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}, 240_000);

afterAll(async () => {
  await rm(cache, { recursive: true, force: true });
});

describe('npm run canary', () => {
  it('reports the unguarded example, whose parent exits 1 on 3.14 and 0 on 3.15, and exits 1', () => {
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toMatch(/^\[canary\] 2 example variant\(s\) behave differently on CPython 3\.14\.\d+:$/m);
    expect(outcome.stdout).toMatch(/^- processes-unguarded \(default\) on CPython 3\.14\.\d+, compared with CPython 3\.15\.\d+:\n {4}exit status 1 \(pinned: 0\)$/m);
    expect(outcome.stdout).toMatch(/^ {4}standard error \+ ConnectionResetError: \[Errno N\] Connection reset by peer$/m);
  });

  it('reports nothing for an example that behaves alike', () => {
    expect(outcome.stdout).toMatch(/^\[canary\] \d\/2 locks-with-statement \[.*python3\.14 3\.14\.\d+\]: as its spec expects$/m);
    expect(outcome.stdout).not.toMatch(/^- locks-with-statement/m);
  });

  it('writes the report to the GitHub job summary as a table', async () => {
    const summary = await readFile(join(cache, 'summary.md'), 'utf8');
    expect(summary).toMatch(/^## Canary: CPython 3\.14\.\d+$/m);
    expect(summary).toMatch(/^\| processes-unguarded \| default \| CPython 3\.14\.\d+ \| CPython 3\.15\.\d+ \| exit status 1 \(pinned: 0\)<br>/m);
  });

  it('adds nothing to the examples cache and leaves dist/ alone', async () => {
    expect(await readdir(join(cache, 'examples')).catch(() => [])).toEqual([]);
    expect(await distTime()).toBe(distBefore);
  });
});
