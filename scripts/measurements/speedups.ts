/**
 * The numbers behind the pages' "which is faster, and why?": speed-ups read from an example's
 * measured timings, classified, with the facts of where they ran. No sentences here: the words
 * that interpret these figures are a table beside the components (src/components/measured-answers.ts).
 */
import type { ExampleEntry } from '../examples/result-schema.ts';
import { interpreterLabel } from '../interpreters/interpreter-info.ts';
import { BuildStepError } from '../shared/build-step-error.ts';

/**
 * Speed-ups within 25 % of 1 are "about the same": repeated runs of the same example on the
 * 2-core build machine differ by up to that much, so a smaller gap says nothing.
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
  /** Interpreter label, e.g. `CPython 3.14.8`. */
  interpreter: string;
}

export type Effect = 'faster' | 'same' | 'slower';
/** `cpu`: pure-Python computation; `io`: work that mostly waits. */
export type WorkloadKind = 'cpu' | 'io';
export type Way = 'sequential' | 'threads' | 'processes';

/** How many times faster than sequential: 2 means half the time. */
export function speedup(sequential: number, other: number): number {
  return sequential / other;
}

export function effectOf(speed: number): Effect {
  if (speed >= 1 + NOISE_BAND) return 'faster';
  if (speed <= 1 / (1 + NOISE_BAND)) return 'slower';
  return 'same';
}

/** Everything the answer's sentences are chosen by and filled in with. */
export interface Figures {
  m: Measurement;
  kind: WorkloadKind;
  threads: { speedup: number; effect: Effect };
  processes: { speedup: number; effect: Effect };
  /** Threads against processes: `faster` when threads beat processes beyond the noise. */
  threadsOverProcesses: Effect;
  /** The fastest way, or undefined when the two fastest are within the noise band. */
  fastest: Way | undefined;
  /** The two ways that finished closest to first, when no single one did. */
  tied: [Way, Way] | undefined;
  /** More than one usable CPU: parallelism was possible at all. */
  multiCore: boolean;
}

export function figuresOf(kind: WorkloadKind, m: Measurement): Figures {
  const threads = speedup(m.sequential, m.threads);
  const processes = speedup(m.sequential, m.processes);
  const ways = (
    [
      ['sequential', m.sequential],
      ['threads', m.threads],
      ['processes', m.processes],
    ] as [Way, number][]
  ).sort((a, b) => a[1] - b[1]);
  const [first, second] = ways as [[Way, number], [Way, number]];
  const tie = effectOf(second[1] / first[1]) === 'same';
  return {
    m,
    kind,
    threads: { speedup: threads, effect: effectOf(threads) },
    processes: { speedup: processes, effect: effectOf(processes) },
    threadsOverProcesses: effectOf(speedup(m.processes, m.threads)),
    fastest: tie ? undefined : first[0],
    tied: tie ? [first[0], second[0]] : undefined,
    multiCore: (m.cpuCount ?? 1) >= 2,
  };
}

/** The best speed-up over sequential and the way that gave it, or undefined when none beat the noise. */
export function bestSpeedup(f: Figures): { way: Way; speedup: number } | undefined {
  const best = f.threads.speedup >= f.processes.speedup ? { way: 'threads' as const, ...f.threads } : { way: 'processes' as const, ...f.processes };
  return best.effect === 'faster' ? { way: best.way, speedup: best.speedup } : undefined;
}

/** One measurement per interpreter the example ran on, from its `metrics`. */
export function measurementsOf(entry: ExampleEntry): Measurement[] {
  return entry.results.map((result) => {
    const metrics = result.variants[0]?.metrics ?? {};
    const read = (name: string): number => {
      const value = metrics[name];
      if (value === undefined || value <= 0) {
        throw new BuildStepError(`Example ${entry.id}: no positive metric "${name}" in its result (got ${JSON.stringify(metrics)}).`, {
          step: 'page',
          file: result.specFile,
          fix: `add a \`metrics\` regex with a (?<${name}>...) group to ${result.specFile}.`,
        });
      }
      return value;
    };
    return {
      sequential: read('sequential'),
      threads: read('threads'),
      processes: read('processes'),
      cpuCount: result.interpreter.usableCpuCount,
      gilEnabled: result.interpreter.gilEnabled,
      freeThreadedBuild: result.interpreter.freeThreadedBuild,
      interpreter: interpreterLabel(result.interpreter),
    };
  });
}
