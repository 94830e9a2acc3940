import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { isAlive } from '../../../scripts/shared/is-alive.ts';

test('a running process is alive, one that has exited is not', () => {
  expect(isAlive(process.pid)).toBe(true);
  const exited = spawnSync('true').pid;
  expect(exited).toBeGreaterThan(0);
  expect(isAlive(exited!)).toBe(false);
});
