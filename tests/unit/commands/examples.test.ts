/** `npm run examples` end to end: progress lines, summary, exit status and message. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = join(PROJECT, 'tests/fixtures/runner-examples');

let root: string;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      join(PROJECT, 'node_modules/.bin/node'),
      [join(PROJECT, 'scripts/commands/examples.ts'), ...args],
      // One interpreter: the CLI's job here, not the list of interpreters. A cache of its own:
      // one the caller shares (PYCONC_CACHE_DIR) may hold the fixture's result already.
      { cwd: root, env: { ...process.env, PYTHONS: 'python3', PYCONC_CACHE_DIR: join(root, 'cache') } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pyconc-cli-test-'));
  await cp(FIXTURE, root, { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('npm run examples', { timeout: 60_000 }, () => {
  it('prints progress and a summary, then exits 0', async () => {
    const cold = await cli('hello');
    expect(cold.code).toBe(0);
    expect(cold.stdout).toMatch(/^\[examples\] running 1 of 1 example results \(0 cached\)$/m);
    expect(cold.stdout).toMatch(/^\[examples\] 1\/1 hello \[python3 3\.\d+\.\d+\]: verified, 1 runs, \d+\.\d s of Python$/m);
    expect(cold.stdout).toMatch(/1 examples x 1 interpreter\(s\) verified: 1 ran, 0 cached in/);
    const warm = await cli('hello');
    expect(warm.stdout).toMatch(/verified: 0 ran, 1 cached in/);
    expect(warm.stdout).not.toMatch(/\[examples\]/);
    const forced = await cli('--force', 'hello');
    expect(forced.stdout).toMatch(/^\[examples\] 1\/1 hello/m);
  });

  it('--print shows each run as printed, machine paths and all, where pages shorten them', async () => {
    await writeFile(join(root, 'src/examples/where.py'), 'print(__file__)\n');
    await writeFile(
      join(root, 'src/examples/where.spec.yaml'),
      "description: d\nrepeats: 1\nrepeatsReason: one is enough\nvariants:\n  - expect:\n      stdout:\n        lines: [{ regex: '.*/where\\.py' }]\n",
    );
    const printed = await cli('--print', 'where');
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(/^=== where on CPython 3\.\d+\.\d+ \(.+\), default: exit 0$/m);
    expect(printed.stdout).toContain(`--- stdout\n${join(root, 'src/examples/where.py')}\n`);
  });

  it('exits non-zero with the mismatch message', async () => {
    await writeFile(
      join(root, 'src/examples/hello.spec.yaml'),
      'description: d\nrepeats: 1\nrepeatsReason: one is enough\nvariants:\n  - expect:\n      stdout:\n        lines: [goodbye]\n',
    );
    const failed = await cli('hello');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('stdout line 1: expected "goodbye", got "hello"');
  });
});
