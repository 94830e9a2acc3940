/**
 * The answers the pages give, from measurements shaped like real runs: the numbers of
 * scripts/measurements/speedups.ts and the words of src/components/measured-answers.ts.
 */
import { describe, expect, it } from 'vitest';
import { exampleSpecSchema } from '../../../scripts/examples/spec-schema.ts';
import type { ExampleEntry } from '../../../scripts/examples/result-schema.ts';
import { effectOf, figuresOf, measurementsOf, type Measurement } from '../../../scripts/measurements/speedups.ts';
import { answer, summaryCells } from '../../../src/components/measured-answers.ts';
import { cpython311Linux } from '../../fixtures/interpreter/recorded.ts';
import { shownRun } from '../../fixtures/shown-run.ts';

const twoCoresGil = { cpuCount: 2, gilEnabled: true, freeThreadedBuild: false, interpreter: 'CPython 3.11.7' };
/** Fibonacci, 2 cores, GIL on: threads take turns, processes share out the work. */
const fib: Measurement = { sequential: 0.498, threads: 0.52, processes: 0.29, ...twoCoresGil };
/** The same with processes that did not pay off. */
const fibBusy: Measurement = { ...fib, threads: 0.62, processes: 0.528 };
/** One usable core. */
const fibOneCore: Measurement = { ...fib, processes: 0.55, cpuCount: 1 };
/** A free-threaded interpreter running with the GIL off. */
const fibNoGil: Measurement = { ...fib, sequential: 0.61, threads: 0.33, processes: 0.35, gilEnabled: false, freeThreadedBuild: true, interpreter: 'CPython 3.14.0 free-threaded' };
const io: Measurement = { sequential: 1.108, threads: 0.137, processes: 0.241, ...twoCoresGil };

const cpu = (m: Measurement) => answer(figuresOf('cpu', m));

describe('effectOf', () => {
  it('treats speed-ups within the noise band as the same', () => {
    expect([effectOf(1.3), effectOf(1.1), effectOf(0.9), effectOf(0.7)]).toEqual(['faster', 'same', 'same', 'slower']);
  });
});

describe('summaryCells', () => {
  it('gives times, speed-ups and the best way', () => {
    expect(summaryCells(figuresOf('io', io))).toEqual({
      sequential: '1.11 s',
      threads: '0.14 s (8.1×)',
      processes: '0.24 s (4.6×)',
      best: '8.1× with threads',
    });
    expect(summaryCells(figuresOf('cpu', fib)).best).toBe('1.7× with processes');
  });

  it('says none was seen when nothing beat sequential beyond the noise', () => {
    expect(summaryCells(figuresOf('cpu', fibBusy)).best).toBe('none seen');
  });
});

describe('the CPU-bound answer', () => {
  it('on 2 cores with the GIL: threads take turns, processes compute at the same time', () => {
    const { verdict, why, freeThreaded, oneCore } = cpu(fib);
    expect(verdict).toEqual([
      'Fastest on this build: with processes.',
      'Threads took 0.52 s against 0.50 s one after another: about the same (less than 25 % apart).',
      'Processes took 0.29 s against 0.50 s one after another: 1.7× faster.',
    ]);
    expect(why.join(' ')).toMatch(/GIL was on, so the threads took turns/);
    expect(why.join(' ')).toMatch(/own GIL, so on 2 CPUs they computed at the same time/);
    expect(freeThreaded.join(' ')).toMatch(/On a free-threaded build .* did not measure one/);
    expect(oneCore.join(' ')).toMatch(/did not measure that/);
  });

  it('says so when processes did not pay for their start-up, and never blames other programs', () => {
    const text = Object.values(cpu(fibBusy)).flat().join(' ');
    expect(text).toMatch(/Processes took 0.53 s .*about the same/);
    expect(text).toMatch(/costs time that computing side by side must win back/);
    expect(text).not.toMatch(/computed at the same time|load|other programs/);
  });

  it('refuses to explain threads beating one-after-another on pure-Python work under the GIL', () => {
    expect(() => cpu({ ...fib, sequential: 0.75, threads: 0.52 })).toThrow(
      /CPython 3\.11\.7: pure-Python threads finished faster than one after another with the GIL on.*give the example a spec band/s,
    );
  });

  it('on one core claims no parallel speed-up, and refuses one that was measured', () => {
    expect(cpu(fibOneCore).oneCore).toEqual([
      'This build ran on 1 CPU: nothing could compute at the same time, so the page claims no parallel speed-up.',
    ]);
    expect(() => cpu({ ...fibOneCore, processes: 0.29 })).toThrow(/processes computed faster than one after another on one CPU/);
  });

  it('with the GIL off follows the data: threads ran in parallel', () => {
    const { verdict, why, freeThreaded } = cpu(fibNoGil);
    expect(verdict[0]).toBe('No way was clearly fastest: with threads and with processes finished less than 25 % apart.');
    expect(why[0]).toBe('The GIL was off in this interpreter, so the threads computed at the same time on 2 CPUs.');
    expect(freeThreaded.join(' ')).toMatch(/This run had no GIL/);
    expect(cpu({ ...fibNoGil, threads: 0.6 }).why[0]).toBe('The GIL was off in this interpreter, yet the threads did not finish sooner on 2 CPUs.');
  });

  it('on a free-threaded build that turned the GIL back on says so', () => {
    expect(cpu({ ...fib, freeThreadedBuild: true }).freeThreaded[0]).toMatch(/switched back on/);
  });
});

describe('the I/O-bound answer', () => {
  it('explains the threads gain by the GIL released while waiting', () => {
    const { verdict, why } = answer(figuresOf('io', io));
    expect(verdict[0]).toBe('Fastest on this build: with threads.');
    expect(why).toEqual([
      'Almost all of the time is waiting for the server to answer, and a thread that waits on a socket releases the GIL, so the waits of several threads overlap.',
      'Processes overlap their waits too, but each has to be started and sent its work, which threads avoid.',
    ]);
  });

  it('gives no cause for a difference within the noise', () => {
    const close: Measurement = { ...io, sequential: 0.897, threads: 0.148, processes: 0.161 };
    expect(answer(figuresOf('io', close)).why[1]).toBe('Processes overlap their waits too, about as well as threads here.');
  });

  it('says when processes did not pay for their start-up', () => {
    expect(answer(figuresOf('io', { ...io, processes: 1.163 })).why[1]).toMatch(/processes did not finish sooner/);
  });
});

describe('measurementsOf', () => {
  const entry = (metrics: Record<string, number>): ExampleEntry => ({
    id: 'exercise-fibonacci',
    sourceFile: 'src/examples/exercise-fibonacci.py',
    source: '',
    skipped: [],
    spec: exampleSpecSchema.parse({ description: 'A fixture.', variants: [{ expect: {} }] }),
    results: [
      {
        id: 'exercise-fibonacci',
        sourceFile: 'src/examples/exercise-fibonacci.py',
        specFile: 'src/examples/exercise-fibonacci.spec.yaml',
        interpreter: cpython311Linux,
        variants: [
          {
            name: 'default',
            startMethod: 'fork',
            shown: shownRun({ wallMs: 6000 }),
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
    expect(measurementsOf(entry({ workers: 2, sequential: 0.498, threads: 0.52, processes: 0.29 }))).toEqual([fib]);
  });

  it('names the example, the missing metric and the spec to fix', () => {
    expect(() => measurementsOf(entry({ sequential: 0.5, threads: 0.5 }))).toThrow(
      /Example exercise-fibonacci: no positive metric "processes".*src\/examples\/exercise-fibonacci\.spec\.yaml/s,
    );
  });
});
