import { expect, test } from 'vitest';
import { runCollecting } from '../../../scripts/shared/run-collecting.ts';

test('keeps both streams and the exit code of a command that fails', async () => {
  const run = await runCollecting('sh', ['-c', 'echo to-stdout; echo to-stderr >&2; exit 3'], { env: process.env });
  expect(run.exitCode).toBe(3);
  expect(run.output).toContain('to-stdout\n');
  expect(run.output).toContain('to-stderr\n');
});

test('rejects when the command cannot be started', async () => {
  await expect(runCollecting('/nonexistent/command', [], { env: process.env })).rejects.toThrow(/ENOENT/);
});
