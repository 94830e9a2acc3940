import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runInProcessGroup } from '../../../scripts/examples/run-in-process-group.ts';

const HANGING_CHILD = fileURLToPath(new URL('../../fixtures/python/hanging-child.py', import.meta.url));

const python = process.env['PYTHON'] ?? 'python3';

function run(code: string, timeoutMs: number, maxOutputBytes?: number) {
  return runInProcessGroup({
    command: python,
    args: ['-c', code],
    cwd: tmpdir(),
    env: process.env,
    timeoutMs,
    ...(maxOutputBytes === undefined ? {} : { maxOutputBytes }),
  });
}

/**
 * Live processes still in the group, after giving SIGKILL time to land. Zombies are
 * dead: they only wait for PID 1 to reap them (this container's PID 1 does not).
 */
async function survivors(pgid: number): Promise<string[]> {
  let left: string[] = [];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    left = execFileSync('ps', ['-e', '-o', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([, group, stat]) => group === String(pgid) && !stat?.startsWith('Z'))
      .map((fields) => fields.join(' '));
    if (left.length === 0) return left;
    await sleep(100);
  }
  return left;
}

describe('runInProcessGroup', { timeout: 60_000 }, () => {
  it('runs in a process group of its own', async () => {
    const outcome = await run('import os; print(os.getpgid(0) == os.getpid())', 10_000);
    expect(outcome.stdout.text).toBe('True\n');
    expect(outcome.exitCode).toBe(0);
    expect(outcome.pgid).not.toBe(process.pid);
  });

  it('kills a program that sleeps forever and says it timed out', async () => {
    const started = performance.now();
    // 8 s: enough for python3 to start and print even with the load average at 30 on 2 cores.
    const outcome = await run('import time\nprint("sleeping", flush=True)\ntime.sleep(1000)', 8_000);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(outcome).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGKILL' });
    expect(outcome.stdout.text).toBe('sleeping\n');
    expect(await survivors(outcome.pgid)).toEqual([]);
  });

  it('kills a hanging multiprocessing child with its parent', async () => {
    const code = await readFile(HANGING_CHILD, 'utf8');
    const outcome = await run(code, 8_000);
    expect(outcome.timedOut).toBe(true);
    const childPid = outcome.stdout.text.trim();
    expect(childPid).toMatch(/^\d+$/);
    expect(await survivors(outcome.pgid)).toEqual([]);
  });

  it('kills what a program leaves running when it exits, without waiting for it', async () => {
    const code = 'import os, time\nif os.fork() == 0:\n    time.sleep(1000)\nprint("parent done")';
    const started = performance.now();
    const outcome = await run(code, 30_000);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(outcome).toMatchObject({ timedOut: false, exitCode: 0 });
    expect(outcome.stdout.text).toBe('parent done\n');
    expect(await survivors(outcome.pgid)).toEqual([]);
  });

  it('caps each stream and says so', async () => {
    const outcome = await run('import sys\nsys.stdout.write("x" * 3_000_000)\nsys.stderr.write("e")', 30_000, 1024);
    expect(outcome.stdout).toEqual({ text: 'x'.repeat(1024), bytes: 3_000_000, truncated: true });
    expect(outcome.stderr).toEqual({ text: 'e', bytes: 1, truncated: false });
  });

  it('measures the wall time', async () => {
    const started = performance.now();
    const outcome = await run('import time; time.sleep(0.3)', 10_000);
    const around = performance.now() - started;
    // At least the sleep, at most what the caller saw around the call (start-up varies with load).
    expect(outcome.wallMs).toBeGreaterThanOrEqual(300);
    expect(outcome.wallMs).toBeLessThanOrEqual(around);
  });
});
