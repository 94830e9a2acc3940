import { describe, expect, it } from 'vitest';
import { RunScheduler, type Workload } from '../../../scripts/examples/run-scheduler.ts';

/** Tasks that record when they run; each finishes when the test says so. */
function recorder() {
  let running: string[] = [];
  const seen: string[][] = [];
  const finish = new Map<string, () => void>();
  const task = (name: string) => () =>
    new Promise<string>((resolve) => {
      running = [...running, name];
      seen.push(running.toSorted());
      finish.set(name, () => {
        running = running.filter((other) => other !== name);
        resolve(name);
      });
    });
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { seen, finish: async (name: string) => (finish.get(name)!(), tick()), tick, task };
}

describe('RunScheduler', () => {
  it('runs CPU-bound runs alone, waiting and untimed runs together (up to the cap), those first', async () => {
    const scheduler = new RunScheduler({ maxWaiting: 2 });
    const { seen, finish, tick, task } = recorder();
    const submitted: [string, Workload][] = [['cpu1', 'cpu'], ['wait1', 'waiting'], ['cpu2', 'cpu'], ['wait2', 'untimed'], ['wait3', 'waiting']];
    const done = submitted.map(([name, workload]) => scheduler.run(workload, task(name)));
    await tick();
    // cpu1 was first in line, so it runs; nothing joins it.
    expect(seen).toEqual([['cpu1']]);
    await finish('cpu1');
    expect(seen.at(-1)).toEqual(['wait1', 'wait2']);
    await finish('wait1');
    expect(seen.at(-1)).toEqual(['wait2', 'wait3']);
    await finish('wait2');
    await finish('wait3');
    expect(seen.at(-1)).toEqual(['cpu2']);
    await finish('cpu2');
    expect(await Promise.all(done)).toEqual(submitted.map(([name]) => name));
    for (const together of seen) if (together.some((name) => name.startsWith('cpu'))) expect(together).toHaveLength(1);
  });

  it('passes a failure on to its caller and keeps going', async () => {
    const scheduler = new RunScheduler();
    const failed = scheduler.run('cpu', () => Promise.reject(new Error('the run failed')));
    const next = scheduler.run('cpu', () => Promise.resolve('next'));
    await expect(failed).rejects.toThrow('the run failed');
    await expect(next).resolves.toBe('next');
  });
});
