/**
 * Turns measured timings (metrics the runner read from an example's output) into the
 * answers the pages give: speed-ups, a summary row, and "which is faster, and why?"
 * written from what was seen on the machine that built the site, never from expectation.
 */
import type { ExampleEntry, InterpreterInfo } from '../examples/result-schema.ts';

/**
 * Speed-ups within 25 % of 1 are reported as "about the same": on the shared 2-core build
 * machine, load from other builds moved the same ratio by that much between runs.
 */
export const NOISE_BAND = 0.25;

/** The three timings of one example run (seconds), and where it ran. */
export interface Measurement {
  sequential: number;
  threads: number;
  processes: number;
  /** CPUs the example could use (affinity), which is what parallelism gets. */
  cpuCount: number | null;
  gilEnabled: boolean;
  freeThreadedBuild: boolean;
  /** Interpreter as named in PYTHONS/PYTHON, e.g. `python3`. */
  interpreter: string;
}

export type Effect = 'faster' | 'same' | 'slower';

/** How many times faster than sequential: 2 means half the time. */
export function speedup(sequential: number, other: number): number {
  return sequential / other;
}

export function effectOf(speed: number): Effect {
  if (speed >= 1 + NOISE_BAND) return 'faster';
  if (speed <= 1 / (1 + NOISE_BAND)) return 'slower';
  return 'same';
}

/** One measurement per interpreter the example ran on, from its `metrics`. */
export function measurementsOf(entry: ExampleEntry): Measurement[] {
  return entry.results.map((result) => {
    const variant = result.variants[0];
    const metrics = variant?.metrics ?? {};
    const read = (name: string): number => {
      const value = metrics[name];
      if (value === undefined || value <= 0) {
        throw new Error(
          `Example ${entry.id}: no positive metric "${name}" in its result (got ${JSON.stringify(metrics)}). ` +
            `Add a \`metrics\` regex with a (?<${name}>...) group to ${result.specFile}.`,
        );
      }
      return value;
    };
    return {
      sequential: read('sequential'),
      threads: read('threads'),
      processes: read('processes'),
      ...where(result.interpreter),
    };
  });
}

function where(interpreter: InterpreterInfo) {
  return {
    cpuCount: interpreter.usableCpuCount,
    gilEnabled: interpreter.gilEnabled,
    freeThreadedBuild: interpreter.freeThreadedBuild,
    interpreter: interpreter.requested,
  };
}

export const seconds = (s: number): string => `${s.toFixed(2)} s`;
export const times = (speed: number): string => `${speed.toFixed(1)}×`;

/** A row of the summary table on the CPU vs I/O page. */
export interface SummaryRow {
  workload: string;
  sequential: string;
  threads: string;
  processes: string;
  /** The best way's speed-up over sequential, or that none was seen. */
  speedup: string;
}

/** `cpu`: pure-Python computation; `io`: work that mostly waits. */
export type WorkloadKind = 'cpu' | 'io';

/**
 * Threads cannot share out pure-Python work while the GIL is on, so for CPU-bound work
 * under the GIL a thread "speed-up" is load noise and is never reported as one.
 */
function threadsCanSpeedUp(kind: WorkloadKind, m: Measurement): boolean {
  return kind === 'io' || !m.gilEnabled;
}

/**
 * Speed-up of processes over doing the work one piece at a time. For CPU-bound work under
 * the GIL, threads also do it one piece at a time, so their time is a second measure of that
 * baseline: the faster of the two is used, so load that slowed the sequential tries alone
 * is not counted as a gain from processes.
 */
export function processSpeedup(kind: WorkloadKind, m: Measurement): number {
  const baseline = threadsCanSpeedUp(kind, m) ? m.sequential : Math.min(m.sequential, m.threads);
  return speedup(baseline, m.processes);
}

export function summaryRow(label: string, kind: WorkloadKind, m: Measurement): SummaryRow {
  const threadSpeed = speedup(m.sequential, m.threads);
  const processSpeed = speedup(m.sequential, m.processes);
  const candidates: [string, number][] = [['processes', processSpeedup(kind, m)]];
  if (threadsCanSpeedUp(kind, m)) candidates.push(['threads', threadSpeed]);
  const [bestWay, bestSpeed] = candidates.reduce((best, c) => (c[1] > best[1] ? c : best));
  const shownSpeed = bestWay === 'threads' ? threadSpeed : processSpeed;
  const noise = !threadsCanSpeedUp(kind, m) && effectOf(threadSpeed) === 'faster' ? ' (threads: load noise, the GIL was on)' : '';
  return {
    workload: label,
    sequential: seconds(m.sequential),
    threads: `${seconds(m.threads)} (${times(threadSpeed)})`,
    processes: `${seconds(m.processes)} (${times(processSpeed)})`,
    speedup: (effectOf(bestSpeed) === 'faster' ? `${times(shownSpeed)} with ${bestWay}` : 'none seen') + noise,
  };
}

/** An answer in four parts, each a list of sentences. */
export interface Answer {
  /** What was measured: which way was fastest, by how much. */
  verdict: string[];
  /** Why, as far as this run's data and interpreter allow. */
  why: string[];
  /** What a build with the GIL off (or on, if this one had it off) would change. */
  freeThreaded: string[];
  /** What one CPU core would change, or what it did change if this run had one. */
  oneCore: string[];
}

function cpus(m: Measurement): string {
  return m.cpuCount === null ? 'an unknown number of CPUs' : m.cpuCount === 1 ? '1 CPU' : `${m.cpuCount} CPUs`;
}

function compared(way: string, m: Measurement, time: number): string {
  const speed = speedup(m.sequential, time);
  const effect = effectOf(speed);
  const base = `${way} took ${seconds(time)} against ${seconds(m.sequential)} one after another`;
  if (effect === 'faster') return `${base}: ${times(speed)} faster.`;
  if (effect === 'slower') return `${base}: ${times(1 / speed)} slower.`;
  return `${base}: about the same (within the ${NOISE_BAND * 100} % that load moves these timings).`;
}

/** Which of the three ways finished first, as a sentence. */
function fastest(m: Measurement): string {
  const ways: [string, number][] = [
    ['one after another', m.sequential],
    ['with threads', m.threads],
    ['with processes', m.processes],
  ];
  ways.sort((a, b) => a[1] - b[1]);
  const [first, second] = ways as [[string, number], [string, number], [string, number]];
  if (effectOf(second[1] / first[1]) === 'same') {
    return `No way was clearly fastest: ${first[0]} and ${second[0]} finished within ${NOISE_BAND * 100} % of each other.`;
  }
  return `Fastest on this build: ${first[0]}.`;
}

/** "Which is faster, and why?" for pure-Python CPU-bound work (Fibonacci, counting). */
export function answerCpuBound(m: Measurement): Answer {
  const threadEffect = effectOf(speedup(m.sequential, m.threads));
  const processEffect = effectOf(processSpeedup('cpu', m));
  const multiCore = (m.cpuCount ?? 1) >= 2;
  const verdict = [fastest(m), `Threads: ${compared('they', m, m.threads)}`, `Processes: ${compared('they', m, m.processes)}`];

  const why: string[] = [];
  if (m.gilEnabled) {
    why.push(
      threadEffect === 'faster'
        ? 'The GIL was on, so the threads could only take turns at the Python bytecode; a speed-up this large ' +
            'is not what turn-taking gives, so load from other programs during the sequential tries is the likely cause.'
        : 'The GIL was on, so the threads took turns at the Python bytecode: the work was not shared out' +
          (threadEffect === 'slower'
            ? ', and handing the GIL back and forth between them cost extra time.'
            : ', and taking turns costs only a little.'),
    );
  } else {
    why.push(
      threadEffect === 'faster'
        ? `The GIL was off in this interpreter, so the threads computed at the same time on ${cpus(m)}.`
        : `The GIL was off in this interpreter, yet the threads did not finish sooner on ${cpus(m)}.`,
    );
  }
  if (processEffect === 'faster') {
    why.push(
      multiCore
        ? `Each process has its own interpreter and its own GIL, so on ${cpus(m)} they computed at the same time, ` +
            'which paid for starting them and sending them the work.'
        : `The run recorded ${cpus(m)}, so the processes could not compute at the same time; ` +
            'this gap is load from other programs, not parallelism.',
    );
  } else if (effectOf(speedup(m.sequential, m.processes)) === 'faster') {
    why.push(
      'Threads under the GIL do the work one piece at a time too, so their time is a second measure of the ' +
        'one-after-another time; the processes did not beat it by more than the noise, so this build shows no ' +
        'speed-up from processes.',
    );
  } else {
    why.push(
      multiCore
        ? `The machine had ${cpus(m)}, but the processes did not finish sooner on this build: starting them and ` +
            'sending them work costs time, and any other programs running on the machine compete for the same cores.'
        : `With ${cpus(m)} the processes cannot compute at the same time: they only add the cost of starting them.`,
    );
  }

  const freeThreaded = m.gilEnabled
    ? [
        m.freeThreadedBuild
          ? 'This is a free-threaded build, but the GIL was switched back on while it ran (for example by an extension module), so threads behaved as under the GIL.'
          : 'This interpreter has the GIL. On a free-threaded build (for example python3.14t) the threads could run the ' +
              `same pure-Python work at the same time on ${cpus(m)}, like processes but without their start-up cost; ` +
              'this build did not measure one.',
      ]
    : [
        'This run had no GIL, so the thread timings above are of threads running in parallel. ' +
          'With the GIL on, the threads would take turns and finish no sooner than one after another.',
      ];

  const oneCore = multiCore
    ? [
        'On a one-core machine neither threads nor processes can compute at the same time, GIL or not: expect no ' +
          'speed-up from either, only their overhead. This build had more than one core, so it did not measure that.',
      ]
    : [
        `This build ran on ${cpus(m)}: nothing could compute at the same time, so the page claims no parallel speed-up.`,
      ];
  return { verdict, why, freeThreaded, oneCore };
}

/** "Which is faster, and why?" for work that waits (downloads). */
export function answerIoBound(m: Measurement): Answer {
  const threadEffect = effectOf(speedup(m.sequential, m.threads));
  const processEffect = effectOf(speedup(m.sequential, m.processes));
  const verdict = [fastest(m), `Threads: ${compared('they', m, m.threads)}`, `Processes: ${compared('they', m, m.processes)}`];
  const why = [
    threadEffect === 'faster'
      ? 'Almost all of the time is waiting for the server to answer, and a thread that waits on a socket releases ' +
        'the GIL, so the waits of several threads overlap.'
      : 'The threads did not finish sooner on this build, although a thread waiting on a socket releases the GIL: ' +
        'the waits did not overlap as expected.',
    processEffect === 'faster'
      ? effectOf(speedup(m.processes, m.threads)) === 'faster'
        ? 'Processes overlap their waits too, but each has to be started and sent its work, which threads avoid.'
        : 'Processes overlap their waits too, about as well as threads here.'
      : 'The processes did not finish sooner: starting them and passing work to them cost more than the waiting they overlapped.',
  ];
  // Waiting needs no core, so neither a GIL-free build nor one core changes the threads' gain much.
  const freeThreaded = [
    'A free-threaded build would change little here: the threads already run at the same time while they wait, ' +
      'and the GIL only matters for the short Python work between waits.',
  ];
  const oneCore =
    (m.cpuCount ?? 1) >= 2
      ? ['Waiting needs no core, so one core would still let the waits overlap; only the Python work between them would be squeezed.']
      : [`This build ran on ${cpus(m)}, and the waits still ${threadEffect === 'faster' ? 'overlapped' : 'did not overlap'}: waiting needs no core.`];
  return { verdict, why, freeThreaded, oneCore };
}
