/**
 * The answers the pages give, from measurements shaped like real runs: the numbers are
 * ones seen on the 2-core build machine (idle and busy), plus the one-core and GIL-off cases.
 */
import { describe, expect, it } from 'vitest';
import type { ExampleEntry } from '../../../scripts/examples/result-schema.ts';
import {
  answerCpuBound,
  answerIoBound,
  effectOf,
  measurementsOf,
  summaryRow,
  type Measurement,
} from '../../../scripts/measurements/speedups.ts';
import { cpython311Linux } from '../../fixtures/interpreter/cpython-3.11-linux.ts';

const twoCoresGil = { cpuCount: 2, gilEnabled: true, freeThreadedBuild: false, interpreter: 'python3' };
/** Fibonacci on an idle moment of the build machine. */
const fibIdle: Measurement = { sequential: 0.498, threads: 0.52, processes: 0.29, ...twoCoresGil };
/** Fibonacci while other builds kept both cores busy (load average 14). */
const fibBusy: Measurement = { sequential: 0.498, threads: 0.828, processes: 0.528, ...twoCoresGil };
/** The same on a one-core machine, where noise made processes look faster. */
const fibOneCore: Measurement = { ...fibIdle, processes: 0.36, cpuCount: 1 };
/** A free-threaded interpreter running with the GIL off. */
const fibNoGil: Measurement = {
  sequential: 0.61,
  threads: 0.33,
  processes: 0.35,
  cpuCount: 2,
  gilEnabled: false,
  freeThreadedBuild: true,
  interpreter: 'python3.14t',
};
const ioBusy: Measurement = { sequential: 1.108, threads: 0.137, processes: 0.241, ...twoCoresGil };

describe('effectOf', () => {
  it('treats speed-ups within the noise band as the same', () => {
    expect([effectOf(1.3), effectOf(1.1), effectOf(0.9), effectOf(0.7)]).toEqual(['faster', 'same', 'same', 'slower']);
  });
});

describe('summaryRow', () => {
  it('gives times, speed-ups and the best way', () => {
    expect(summaryRow('I/O', 'io', ioBusy)).toEqual({
      workload: 'I/O',
      sequential: '1.11 s',
      threads: '0.14 s (8.1×)',
      processes: '0.24 s (4.6×)',
      speedup: '8.1× with threads',
    });
  });

  it('says none was seen when nothing beat sequential beyond the noise', () => {
    expect(summaryRow('CPU', 'cpu', fibBusy).speedup).toBe('none seen');
  });

  it('never reports CPU-bound threads under the GIL as a speed-up', () => {
    // Seen on the busy build machine: the sequential tries were slowed by other builds.
    const busySequential: Measurement = { ...fibBusy, sequential: 0.26, threads: 0.2, processes: 0.25 };
    expect(summaryRow('CPU', 'cpu', busySequential).speedup).toBe('none seen (threads: load noise, the GIL was on)');
    expect(summaryRow('CPU', 'cpu', { ...busySequential, gilEnabled: false }).speedup).toBe('1.3× with threads');
    expect(summaryRow('CPU', 'cpu', fibIdle).speedup).toBe('1.7× with processes');
  });
});

describe('answerCpuBound', () => {
  it('on 2 cores with the GIL: threads take turns, processes compute at the same time', () => {
    const answer = answerCpuBound(fibIdle);
    expect(answer.verdict).toEqual([
      'Fastest on this build: with processes.',
      'Threads: they took 0.52 s against 0.50 s one after another: about the same (within the 25 % that load moves these timings).',
      'Processes: they took 0.29 s against 0.50 s one after another: 1.7× faster.',
    ]);
    expect(answer.why.join(' ')).toMatch(/GIL was on, so the threads took turns/);
    expect(answer.why.join(' ')).toMatch(/own GIL, so on 2 CPUs they computed at the same time/);
    expect(answer.freeThreaded.join(' ')).toMatch(/On a free-threaded build .* did not measure one/);
    expect(answer.oneCore.join(' ')).toMatch(/did not measure that/);
  });

  it('on a busy machine does not claim the speed-up processes did not show', () => {
    const text = Object.values(answerCpuBound(fibBusy)).flat().join(' ');
    expect(text).toMatch(/Threads: they took 0.83 s .*: 1.7× slower/);
    expect(text).toMatch(/Processes: .*about the same/);
    expect(text).toMatch(/had 2 CPUs, but the processes did not finish sooner on this build/);
    expect(text).not.toMatch(/computed at the same time/);
    expect(text).toMatch(/handing the GIL back and forth between them cost extra time/);
  });

  it('under the GIL takes the thread time as a second baseline, so noise is not a process speed-up', () => {
    // The gil-cpu-bound run seen on the busy build machine: the sequential tries ran during a burst of load.
    const busyBaseline: Measurement = { sequential: 1.54, threads: 1.03, processes: 1.07, ...twoCoresGil };
    const text = answerCpuBound(busyBaseline).why.join(' ');
    expect(text).toMatch(/not what turn-taking gives/);
    expect(text).toMatch(/this build shows no speed-up from processes/);
    expect(text).not.toMatch(/computed at the same time/);
    expect(summaryRow('CPU', 'cpu', busyBaseline).speedup).toBe('none seen (threads: load noise, the GIL was on)');
  });

  it('on one core attributes a faster process run to noise, never to parallelism', () => {
    const answer = answerCpuBound(fibOneCore);
    expect(answer.why.join(' ')).toMatch(/recorded 1 CPU, so the processes could not compute at the same time; this gap is load/);
    expect(answer.oneCore).toEqual([
      'This build ran on 1 CPU: nothing could compute at the same time, so the page claims no parallel speed-up.',
    ]);
    expect(Object.values(answer).flat().join(' ')).not.toMatch(/they computed at the same time/);
  });

  it('with the GIL off follows the data: threads ran in parallel', () => {
    const answer = answerCpuBound(fibNoGil);
    expect(answer.verdict[0]).toBe('No way was clearly fastest: with threads and with processes finished within 25 % of each other.');
    expect(answer.why[0]).toBe('The GIL was off in this interpreter, so the threads computed at the same time on 2 CPUs.');
    expect(answer.freeThreaded.join(' ')).toMatch(/This run had no GIL/);
  });

  it('with the GIL off but no thread speed-up says so', () => {
    expect(answerCpuBound({ ...fibNoGil, threads: 0.6 }).why[0]).toBe(
      'The GIL was off in this interpreter, yet the threads did not finish sooner on 2 CPUs.',
    );
  });

  it('on a free-threaded build that turned the GIL back on says so', () => {
    expect(answerCpuBound({ ...fibIdle, freeThreadedBuild: true }).freeThreaded[0]).toMatch(/switched back on/);
  });
});

describe('answerIoBound', () => {
  it('explains the threads gain by the GIL released while waiting', () => {
    const answer = answerIoBound(ioBusy);
    expect(answer.verdict[0]).toBe('Fastest on this build: with threads.');
    expect(answer.why).toEqual([
      'Almost all of the time is waiting for the server to answer, and a thread that waits on a socket releases the GIL, so the waits of several threads overlap.',
      'Processes overlap their waits too, but each has to be started and sent its work, which threads avoid.',
    ]);
  });

  it('gives no cause for a difference within the noise', () => {
    // Seen on the build machine: 0.148 s with threads, 0.161 s with processes.
    const close: Measurement = { ...ioBusy, sequential: 0.897, threads: 0.148, processes: 0.161 };
    expect(answerIoBound(close).why[1]).toBe('Processes overlap their waits too, about as well as threads here.');
  });

  it('says when processes did not pay for their start-up', () => {
    expect(answerIoBound({ ...ioBusy, processes: 1.163 }).why[1]).toMatch(/processes did not finish sooner/);
  });
});

describe('measurementsOf', () => {
  const entry = (metrics: Record<string, number>): ExampleEntry => ({
    id: 'exercise-fibonacci',
    sourceFile: 'src/examples/exercise-fibonacci.py',
    source: '',
    results: [
      {
        id: 'exercise-fibonacci',
        sourceFile: 'src/examples/exercise-fibonacci.py',
        source: '',
        specFile: 'src/examples/exercise-fibonacci.spec.yaml',
        interpreter: cpython311Linux,
        variants: [
          {
            name: 'default',
            startMethod: 'fork',
            runs: [],
            shownRun: 0,
            timing: { runs: 1, medianMs: 6000, minMs: 6000, maxMs: 6000 },
            metrics,
          },
        ],
        ranAt: '2026-11-25T15:00:00Z',
        cacheKey: 'k',
      },
    ],
  });

  it('reads the timings and where they ran', () => {
    expect(measurementsOf(entry({ workers: 2, sequential: 0.498, threads: 0.828, processes: 0.528 }))).toEqual([fibBusy]);
  });

  it('names the example, the missing metric and the spec to fix', () => {
    expect(() => measurementsOf(entry({ sequential: 0.5, threads: 0.5 }))).toThrow(
      /Example exercise-fibonacci: no positive metric "processes".*src\/examples\/exercise-fibonacci\.spec\.yaml/,
    );
  });
});
