import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { describeSpeeds, measureOnEvenCpus, spread, startCpuProbe, type CpuSpeeds } from '../../../scripts/examples/even-cpus.ts';

const even: CpuSpeeds = { cpus: [0, 1], seconds: [0.004, 0.0042] };
const uneven: CpuSpeeds = { cpus: [0, 1], seconds: [0.004, 0.0068] };

/** Answers the given measurements in turn (the last one from then on), counting the probes. */
function probes(...answers: CpuSpeeds[]) {
  let asked = 0;
  return { probe: { speeds: async () => answers[Math.min(asked++, answers.length - 1)]! }, asked: () => asked };
}

describe('even CPUs', () => {
  it('the real probe times every CPU this process may use, on this machine', async () => {
    const probe = startCpuProbe('python3');
    try {
      const cpus = JSON.parse(execFileSync('python3', ['-c', 'import os; print(sorted(os.sched_getaffinity(0)))'], { encoding: 'utf8' })) as number[];
      for (let ask = 0; ask < 2; ask++) {
        const speeds = await probe.speeds();
        expect(speeds.cpus).toEqual(cpus);
        expect(speeds.seconds).toHaveLength(cpus.length);
        // A loop of 100,000 additions: well over 0.1 ms and well under a second on any CPU.
        for (const seconds of speeds.seconds) expect(seconds).toBeGreaterThan(0.0001);
        for (const seconds of speeds.seconds) expect(seconds).toBeLessThan(1);
      }
    } finally {
      probe.close();
    }
  });

  it('spread and description name the slow CPU', () => {
    expect(spread(even)).toBeCloseTo(1.05);
    expect(spread({ cpus: [3], seconds: [0.01] })).toBe(1);
    expect(describeSpeeds(uneven)).toBe('CPU 1 runs 1.7× slower than CPU 0');
  });

  it('runs at once when the CPUs agree before and after', async () => {
    const { probe, asked } = probes(even);
    const log: string[] = [];
    const measure = measureOnEvenCpus(probe, { log: (line) => log.push(line) });
    let runs = 0;
    await measure('ex', async () => runs++);
    expect([runs, asked(), log]).toEqual([1, 2, []]);
  });

  it('waits for the CPUs to agree before timing, and says so once', async () => {
    const { probe } = probes(uneven, uneven, even);
    const log: string[] = [];
    const measure = measureOnEvenCpus(probe, { pollMs: 1, log: (line) => log.push(line) });
    let runs = 0;
    await measure('ex', async () => runs++);
    expect(runs).toBe(1);
    expect(log).toEqual(['[examples] ex: CPU 1 runs 1.7× slower than CPU 0 (the host is using it): waiting for the CPUs to agree before timing']);
  });

  it('measures again when the CPUs disagree after a run, whatever the run printed', async () => {
    // before, after (uneven), before, after (even)
    const { probe } = probes(even, uneven, even, even);
    const log: string[] = [];
    const measure = measureOnEvenCpus(probe, { log: (line) => log.push(line) });
    const results: number[] = [];
    const kept = await measure('ex', async () => results.push(results.length));
    expect(results).toEqual([0, 1]);
    expect(kept).toBe(2);
    expect(log).toEqual(['[examples] ex: CPU 1 runs 1.7× slower than CPU 0 after the run, so its timing may be skewed: measuring again (try 2 of 3)']);
  });

  it('gives up waiting and measuring again at its limits, and lets the spec judge', async () => {
    const { probe } = probes(uneven);
    const log: string[] = [];
    const measure = measureOnEvenCpus(probe, { maxWaitMs: 0, maxAttempts: 2, pollMs: 1, log: (line) => log.push(line) });
    let runs = 0;
    await measure('ex', async () => runs++);
    expect(runs).toBe(2);
    expect(log.at(-1)).toBe('[examples] ex: CPU 1 runs 1.7× slower than CPU 0 after each of 2 tries: keeping the last, its spec judges it');
  });

  it('stops waiting and measuring again for the rest of the build once its budget is spent', async () => {
    const { probe, asked } = probes(uneven);
    const log: string[] = [];
    const measure = measureOnEvenCpus(probe, { maxWaitMs: 30, maxExtraMs: 50, pollMs: 5, log: (line) => log.push(line) });
    let runs = 0;
    // First timing: waits 30 ms in vain, runs, is still uneven after: waits the 20 ms left, runs, keeps it.
    await measure('first', async () => runs++);
    expect(log.at(-1)).toMatch(/^\[examples\] first: 0 s spent in this build waiting for the CPUs and measuring again: the host keeps a CPU busy/);
    const runsSoFar = runs;
    const probesSoFar = asked();
    // Later timings run once, at once, without asking the probe.
    await measure('second', async () => runs++);
    expect(runs - runsSoFar).toBe(1);
    expect(asked()).toBe(probesSoFar);
  });

  it('counts a run measured again against the budget', async () => {
    // even before, uneven after: the run is measured again unless its time spent the budget.
    const { probe } = probes(even, uneven, even, even);
    const log: string[] = [];
    const measure = measureOnEvenCpus(probe, { maxExtraMs: 20, log: (line) => log.push(line) });
    let runs = 0;
    await measure('slow', async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 30));
    });
    expect(runs).toBe(1);
    expect(log).toEqual([expect.stringMatching(/^\[examples\] slow: 0 s spent in this build waiting for the CPUs and measuring again/)]);
  });
});
