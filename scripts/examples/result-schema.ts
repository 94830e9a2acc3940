/**
 * What running an example produced. These schemas are the contract with the pages
 * (`<Example>`), the timeline work (`<Timeline>`) and the on-disk cache, which is
 * parsed with them so that an entry from an older runner is a miss, not a crash.
 */
import { z } from 'astro/zod';

/** Multiprocessing start methods CPython offers (which ones exist depends on the platform). */
export const startMethodSchema = z.enum(['fork', 'spawn', 'forkserver']);
export type StartMethod = z.infer<typeof startMethodSchema>;

/** The interpreter an example ran on, as it reported itself. */
export const interpreterInfoSchema = z.object({
  /** What was asked for: `PYTHON`, a `PYTHONS` entry, the config value, or `python3`. */
  requested: z.string(),
  /** Absolute path of the real executable (pyenv shims resolved). */
  executable: z.string(),
  /** `sys.version`, e.g. `3.11.7 (main, May  9 2026, 07:35:25) [GCC 12.2.0]`. */
  version: z.string(),
  /** `sys.version_info[:3]`. */
  versionInfo: z.tuple([z.number(), z.number(), z.number()]),
  /** `sys.implementation.name`, e.g. `cpython`. */
  implementation: z.string(),
  /** Built free-threaded (`sysconfig` `Py_GIL_DISABLED`), e.g. `python3.14t`. */
  freeThreadedBuild: z.boolean(),
  /** GIL actually on at run time (`sys._is_gil_enabled()` where present, else true). */
  gilEnabled: z.boolean(),
  /** `os.cpu_count()`. */
  cpuCount: z.number().nullable(),
  /**
   * CPUs this process may run on (`len(os.sched_getaffinity(0))` where available, else
   * `os.cpu_count()`): a container or `taskset` can allow 1 of 2, which is what parallelism gets.
   */
  usableCpuCount: z.number().nullable(),
  /** `platform.platform()`, e.g. `Linux-6.1.0-x86_64-with-glibc2.36`. */
  platform: z.string(),
  /** `multiprocessing.get_start_method()` with nothing set. */
  defaultStartMethod: startMethodSchema,
  /** `multiprocessing.get_all_start_methods()`. */
  availableStartMethods: z.array(startMethodSchema),
});
export type InterpreterInfo = z.infer<typeof interpreterInfoSchema>;

/** Captured text of one stream, capped and decoded without ever throwing. */
export const capturedOutputSchema = z.object({
  /** Decoded text (invalid UTF-8 becomes U+FFFD). */
  text: z.string(),
  /** Bytes the program wrote, including any beyond the cap. */
  bytes: z.number(),
  /** True when the program wrote more than the cap and the rest was dropped. */
  truncated: z.boolean(),
});
export type CapturedOutput = z.infer<typeof capturedOutputSchema>;

/**
 * A thread or process lifetime recorded by scripts/examples/python/sitecustomize.py
 * when it ends (one killed on timeout leaves none; such a run fails verification
 * anyway). Times are nanoseconds since the runner spawned the interpreter
 * (CLOCK_MONOTONIC on Linux is system-wide, so times from different processes line up).
 */
export const traceEventSchema = z.object({
  kind: z.enum(['thread', 'process']),
  /** `Thread.name` / `Process.name` (`MainThread` and `MainProcess` for the main ones). */
  name: z.string(),
  pid: z.number(),
  startNs: z.number(),
  endNs: z.number(),
});
export type TraceEvent = z.infer<typeof traceEventSchema>;

/** One execution of an example. */
export const exampleRunSchema = z.object({
  stdout: capturedOutputSchema,
  stderr: capturedOutputSchema,
  /** Exit status, null when killed by a signal. */
  exitCode: z.number().nullable(),
  /** Signal that ended the interpreter, e.g. `SIGKILL` after a timeout. */
  signal: z.string().nullable(),
  /** True when the runner killed the process group because the timeout passed. */
  timedOut: z.boolean(),
  /** Wall time from spawn to exit, milliseconds (includes interpreter start-up). */
  wallMs: z.number(),
  /** Thread/process lifetimes, sorted by start. */
  trace: z.array(traceEventSchema),
});
export type ExampleRun = z.infer<typeof exampleRunSchema>;

export const timingSummarySchema = z.object({
  runs: z.number(),
  medianMs: z.number(),
  minMs: z.number(),
  maxMs: z.number(),
});
export type TimingSummary = z.infer<typeof timingSummarySchema>;

/** All runs of one variant (start method) of an example, all of them verified. */
export const variantResultSchema = z.object({
  /** Variant name: the start method, or `default` when the spec does not set one. */
  name: z.string(),
  /** Start method in effect: the one set, or the interpreter's default. */
  startMethod: startMethodSchema,
  runs: z.array(exampleRunSchema),
  /** Index in `runs` of the run with the median wall time: the one pages show. */
  shownRun: z.number(),
  timing: timingSummarySchema,
  /** Stdout parsed as JSON when the spec says `stdout.json: true` (e.g. gil-turns slices). */
  json: z.unknown().optional(),
  /** Numbers read from the shown run's stdout when the spec lists `metrics` (e.g. timings a page compares). */
  metrics: z.record(z.string(), z.number()).optional(),
});
export type VariantResult = z.infer<typeof variantResultSchema>;

/** An example run and verified on one interpreter. */
export const exampleResultSchema = z.object({
  id: z.string(),
  /** Path of the .py file relative to the project root. */
  sourceFile: z.string(),
  source: z.string(),
  specFile: z.string(),
  interpreter: interpreterInfoSchema,
  variants: z.array(variantResultSchema),
  /** ISO date-time of the (first) run that produced this result. */
  ranAt: z.string(),
  /** The cache key this result is stored under. */
  cacheKey: z.string(),
});
export type ExampleResult = z.infer<typeof exampleResultSchema>;

/** One example with a result per interpreter: an entry of the `examples` collection. */
export const exampleEntrySchema = z.object({
  id: z.string(),
  sourceFile: z.string(),
  source: z.string(),
  /** One per interpreter, in `PYTHONS` order. */
  results: z.array(exampleResultSchema),
});
export type ExampleEntry = z.infer<typeof exampleEntrySchema>;
