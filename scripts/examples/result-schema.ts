/**
 * What running an example produced. These schemas are the contract with the pages
 * (`<Example>`), the timeline work (`<Timeline>`) and the on-disk cache, which is
 * parsed with them so that an entry from an older runner is a miss, not a crash.
 */
import { z } from 'astro/zod';
import { interpreterInfoSchema, startMethodSchema } from '../interpreters/interpreter-info.ts';
import { exampleSpecSchema } from './spec-schema.ts';

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
  /** The run's own temporary working directory (gone after the run), which its output may name. */
  workDir: z.string(),
});
export type ExampleRun = z.infer<typeof exampleRunSchema>;

/** How a run ended, as comparisons name it: `0`, `1`, `killed by SIGKILL`. */
export function exitText(run: Pick<ExampleRun, 'exitCode' | 'signal'>): string {
  return run.exitCode === null ? `killed by ${run.signal ?? 'a signal'}` : String(run.exitCode);
}

/** One stream as pages show it: machine paths shortened (./shorten-paths.ts). */
export const shownOutputSchema = capturedOutputSchema.extend({
  /** The text exactly as the program printed it, when shortening changed `text`. */
  raw: z.string().optional(),
});
export type ShownOutput = z.infer<typeof shownOutputSchema>;

/** A placeholder in a shown output and what it stands for, e.g. `<python3.14>`, "the standard library of python3.14". */
export const placeholderSchema = z.object({ text: z.string(), means: z.string() });
export type Placeholder = z.infer<typeof placeholderSchema>;

/** The run a page shows: its streams shortened, and the placeholders they use, in order of first use. */
export const shownRunSchema = exampleRunSchema.omit({ workDir: true }).extend({
  stdout: shownOutputSchema,
  stderr: shownOutputSchema,
  placeholders: z.array(placeholderSchema),
});
export type ShownRun = z.infer<typeof shownRunSchema>;

export const timingSummarySchema = z.object({
  runs: z.number(),
  medianMs: z.number(),
  minMs: z.number(),
  maxMs: z.number(),
});
export type TimingSummary = z.infer<typeof timingSummarySchema>;

/** What every variant result says besides its runs. */
const variantFactsSchema = z.object({
  /** Variant name: the start method, or `default` when the spec does not set one. */
  name: z.string(),
  /** Start method in effect: the one set, or the interpreter's default. */
  startMethod: startMethodSchema,
  /** Wall times of all runs; `medianMs` is the shown run's own time. */
  timing: timingSummarySchema,
  /**
   * Set when an interpreter-specific case of the spec applied instead of the variant's own
   * expectation: its condition in words and why the behaviour differs there.
   */
  expectation: z.object({ when: z.string(), reason: z.string() }).optional(),
  /** Stdout parsed as JSON when the spec says `stdout.json: true` (e.g. gil-turns slices). */
  json: z.unknown().optional(),
  /** Numbers read from the shown run's stdout when the spec lists `metrics` (e.g. timings a page compares). */
  metrics: z.record(z.string(), z.number()).optional(),
});

/** All runs of one variant (start method) of an example, all of them verified: what the cache keeps. */
export const variantResultSchema = variantFactsSchema.extend({
  runs: z.array(exampleRunSchema),
  /** Index in `runs` of the run with the median wall time: the one pages show. */
  shownRun: z.number(),
});
export type VariantResult = z.infer<typeof variantResultSchema>;

/** A variant as pages get it: the run they show, not the others. */
export const shownVariantSchema = variantFactsSchema.extend({
  /** The run with the median wall time, its output's machine paths shortened. */
  shown: shownRunSchema,
});
export type ShownVariant = z.infer<typeof shownVariantSchema>;

/** Where and when a result was produced. */
const resultFactsSchema = z.object({
  id: z.string(),
  /** Path of the .py file relative to the project root. */
  sourceFile: z.string(),
  specFile: z.string(),
  interpreter: interpreterInfoSchema,
  /** ISO date-time of the (first) run that produced this result. */
  ranAt: z.string(),
  /** The cache key this result is stored under. */
  cacheKey: z.string(),
});

/**
 * The machine-specific paths a run's output may name, recorded when it ran: a cached result can
 * come from another checkout or machine (a CI cache, another worktree), so pages shorten its
 * output by what was true there, never by the current root. Absolute paths.
 */
export const runPathsSchema = z.object({
  /** The example's .py file as run. */
  source: z.string(),
  /** The project root it ran in. */
  project: z.string(),
  /** The runner's Python directory, first on PYTHONPATH (scripts/examples/python). */
  runner: z.string(),
  /** The interpreter's standard library directories (InterpreterInfo `stdlib`). */
  stdlib: z.array(z.string()),
  /** The interpreter's install prefixes (InterpreterInfo `prefixes`). */
  prefixes: z.array(z.string()),
  /** The interpreter's program name, e.g. `python3.14` or `python3.14t`: what its placeholders say. */
  python: z.string(),
});
export type RunPaths = z.infer<typeof runPathsSchema>;

/** An example run and verified on one interpreter, as cached: its output exactly as printed. */
export const exampleResultSchema = resultFactsSchema.extend({
  variants: z.array(variantResultSchema),
  paths: runPathsSchema,
});
export type ExampleResult = z.infer<typeof exampleResultSchema>;

/** An example's result on one interpreter, as pages get it. */
export const shownResultSchema = resultFactsSchema.extend({
  variants: z.array(shownVariantSchema),
});
export type ShownResult = z.infer<typeof shownResultSchema>;

/** One example with a result per interpreter: an entry of the `examples` collection. */
export const exampleEntrySchema = z.object({
  id: z.string(),
  sourceFile: z.string(),
  source: z.string(),
  /** One per interpreter it ran on, in the configured order. */
  results: z.array(shownResultSchema),
  /** Interpreters the spec's `requires` left out, with its reason. */
  skipped: z.array(z.object({ interpreter: interpreterInfoSchema, reason: z.string() })),
  /** The spec, parsed: the bounds pages quote come from here (scripts/examples/quoted-figures.ts). */
  spec: exampleSpecSchema,
});
export type ExampleEntry = z.infer<typeof exampleEntrySchema>;
