/**
 * The words of "Which is faster, and why?" and of the measured summary table: one sentence per
 * situation, chosen by the figures of scripts/measurements/speedups.ts (GIL on or off, one core or
 * several, faster / about the same / slower). Edit the sentences here; the numbers come from runs.
 *
 * Some situations cannot be measured honestly (threads beating one-after-another on pure-Python
 * work under the GIL; processes computing in parallel on one core): the examples' specs fail the
 * build on them, and here they are an error, never a sentence that explains them away.
 */
import { bestSpeedup, BuildStepError, formatSeconds, formatTimes, NOISE_BAND, type Effect, type Figures, type Way } from '../../scripts/pipeline/site-data.ts';

type Sentence = (f: Figures) => string;

const cpus = ({ m }: Figures) => (m.cpuCount === null ? 'an unknown number of CPUs' : m.cpuCount === 1 ? '1 CPU' : `${m.cpuCount} CPUs`);
const WAY_WORDS: Record<Way, string> = { sequential: 'one after another', threads: 'with threads', processes: 'with processes' };
const band = `${NOISE_BAND * 100} %`;

/** "Threads took 0.52 s against 0.50 s one after another: about the same." */
function compared(way: 'threads' | 'processes', f: Figures): string {
  const { speedup, effect } = f[way];
  const base = `${way === 'threads' ? 'Threads' : 'Processes'} took ${formatSeconds(f.m[way])} against ${formatSeconds(f.m.sequential)} one after another`;
  const how: Record<Effect, string> = {
    faster: `${formatTimes(speedup)} faster`,
    same: `about the same (less than ${band} apart)`,
    slower: `${formatTimes(1 / speedup)} slower`,
  };
  return `${base}: ${how[effect]}.`;
}

function verdict(f: Figures): string[] {
  const first = f.fastest
    ? `Fastest on this build: ${WAY_WORDS[f.fastest]}.`
    : `No way was clearly fastest: ${WAY_WORDS[f.tied![0]]} and ${WAY_WORDS[f.tied![1]]} finished less than ${band} apart.`;
  return [first, compared('threads', f), compared('processes', f)];
}

/** Pure-Python work in threads, by GIL state and what was measured. */
const CPU_THREADS: Record<`${'gil' | 'nogil'}-${Effect}`, Sentence | 'impossible'> = {
  'gil-same': () => 'The GIL was on, so the threads took turns at the Python bytecode: the work was not shared out, and taking turns costs only a little.',
  'gil-slower': () =>
    'The GIL was on, so the threads took turns at the Python bytecode: the work was not shared out, and starting the threads and handing the GIL back and forth cost extra time.',
  'gil-faster': 'impossible',
  'nogil-faster': (f) => `The GIL was off in this interpreter, so the threads computed at the same time on ${cpus(f)}.`,
  'nogil-same': (f) => `The GIL was off in this interpreter, yet the threads did not finish sooner on ${cpus(f)}.`,
  'nogil-slower': (f) => `The GIL was off in this interpreter, yet the threads were slower on ${cpus(f)}.`,
};

/** Pure-Python work in processes, by usable cores and what was measured. */
const CPU_PROCESSES: Record<`${'several' | 'one'}-${Effect}`, Sentence | 'impossible'> = {
  'several-faster': (f) =>
    `Each process has its own interpreter and its own GIL, so on ${cpus(f)} they computed at the same time, which paid for starting them and sending them the work.`,
  'several-same': (f) =>
    `The machine had ${cpus(f)}, yet the processes finished no sooner: starting them and sending them the work costs time that computing side by side must win back, and they compute side by side only while enough CPUs are free for them at the same time.`,
  'several-slower': (f) =>
    `The machine had ${cpus(f)}, yet the processes finished later: starting them and sending them the work costs time that computing side by side must win back, and they compute side by side only while enough CPUs are free for them at the same time.`,
  'one-faster': 'impossible',
  'one-same': (f) => `With ${cpus(f)} the processes could not compute at the same time: they only added the cost of starting them.`,
  'one-slower': (f) => `With ${cpus(f)} the processes could not compute at the same time: they only added the cost of starting them.`,
};

/** Waiting work in threads and processes. */
const IO_THREADS: Record<Effect, Sentence> = {
  faster: () =>
    'Almost all of the time is waiting for the server to answer, and a thread that waits on a socket releases the GIL, so the waits of several threads overlap.',
  same: () => 'The threads did not finish sooner on this build, although a thread waiting on a socket releases the GIL: the waits did not overlap.',
  slower: () => 'The threads were slower on this build, although a thread waiting on a socket releases the GIL: the waits did not overlap.',
};
const IO_PROCESSES: Record<'no-gain' | 'behind-threads' | 'like-threads', Sentence> = {
  'no-gain': () => 'The processes did not finish sooner: starting them and passing work to them cost more than the waiting they overlapped.',
  'behind-threads': () => 'Processes overlap their waits too, but each has to be started and sent its work, which threads avoid.',
  'like-threads': () => 'Processes overlap their waits too, about as well as threads here.',
};
const ioProcesses = (f: Figures) =>
  f.processes.effect !== 'faster' ? 'no-gain' : f.threadsOverProcesses === 'faster' ? 'behind-threads' : 'like-threads';

/** What the other kind of build would change. */
const FREE_THREADED: Record<'cpu-gil' | 'cpu-ft-gil-on' | 'cpu-nogil' | 'io', Sentence> = {
  'cpu-gil': (f) =>
    `This interpreter has the GIL. On a free-threaded build (for example python3.14t) threads can run the same pure-Python work at the same time on ${cpus(f)}, like processes but without their start-up cost; this build did not measure one.`,
  'cpu-ft-gil-on': () =>
    'This is a free-threaded build, but the GIL was switched back on while it ran (for example by an extension module), so threads behaved as under the GIL.',
  'cpu-nogil': () =>
    'This run had no GIL, so the thread timings above are of threads running in parallel. With the GIL on, the threads would take turns and finish no sooner than one after another.',
  io: () =>
    'A free-threaded build would change little here: the threads already wait at the same time, and the GIL only matters for the short Python work between waits.',
};

const ONE_CORE: Record<'cpu-several' | 'cpu-one' | 'io-several' | 'io-one', Sentence> = {
  'cpu-several': () =>
    'On a one-core machine neither threads nor processes can compute at the same time, GIL or not: expect no speed-up from either, only their overhead. This build had more than one core, so it did not measure that.',
  'cpu-one': (f) => `This build ran on ${cpus(f)}: nothing could compute at the same time, so the page claims no parallel speed-up.`,
  'io-several': () => 'Waiting needs no core, so one core would still let the waits overlap; only the Python work between them would be squeezed.',
  'io-one': (f) => `This build ran on ${cpus(f)}, and the waits still ${f.threads.effect === 'faster' ? 'overlapped' : 'did not overlap'}: waiting needs no core.`,
};

/** An answer in four parts, each a list of sentences. */
export interface Answer {
  verdict: string[];
  why: string[];
  freeThreaded: string[];
  oneCore: string[];
}

function pick(sentence: Sentence | 'impossible', f: Figures, situation: string): string {
  if (sentence === 'impossible') {
    throw new BuildStepError(
      `${f.m.interpreter}: ${situation}, which the hardware and the GIL do not allow (sequential ${f.m.sequential} s, ` +
        `threads ${f.m.threads} s, processes ${f.m.processes} s on ${cpus(f)}). The measurement is misleading (a warm-up, ` +
        'load, or a baseline that ran first).',
      { step: 'page', fix: 'give the example a spec band that fails such a run, and fix the example.' },
    );
  }
  return sentence(f);
}

export function answer(f: Figures): Answer {
  const cores = f.multiCore ? 'several' : 'one';
  if (f.kind === 'io') {
    return {
      verdict: verdict(f),
      why: [IO_THREADS[f.threads.effect](f), IO_PROCESSES[ioProcesses(f)](f)],
      freeThreaded: [FREE_THREADED.io(f)],
      oneCore: [ONE_CORE[`io-${cores}`](f)],
    };
  }
  const gil = f.m.gilEnabled ? 'gil' : 'nogil';
  return {
    verdict: verdict(f),
    why: [
      pick(CPU_THREADS[`${gil}-${f.threads.effect}`], f, 'pure-Python threads finished faster than one after another with the GIL on'),
      pick(CPU_PROCESSES[`${cores}-${f.processes.effect}`], f, 'processes computed faster than one after another on one CPU'),
    ],
    freeThreaded: [FREE_THREADED[!f.m.gilEnabled ? 'cpu-nogil' : f.m.freeThreadedBuild ? 'cpu-ft-gil-on' : 'cpu-gil'](f)],
    oneCore: [ONE_CORE[`cpu-${cores}`](f)],
  };
}

/** The cells of one interpreter's part of a row of the summary table. */
export function summaryCells(f: Figures): { sequential: string; threads: string; processes: string; best: string } {
  const best = bestSpeedup(f);
  return {
    sequential: formatSeconds(f.m.sequential),
    threads: `${formatSeconds(f.m.threads)} (${formatTimes(f.threads.speedup)})`,
    processes: `${formatSeconds(f.m.processes)} (${formatTimes(f.processes.speedup)})`,
    best: best ? `${formatTimes(best.speedup)} with ${best.way}` : 'none seen',
  };
}
