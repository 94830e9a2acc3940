/**
 * Every example of the plan on every interpreter of the plan: each result from the cache, or run
 * now through one scheduler and verified, then assembled into the `examples` collection's entries.
 * A mismatch does not stop the others: the error lists every example that failed.
 */
import { dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeVersion, contentKey } from '../cache/content-key.ts';
import { createJsonCache, type JsonCache } from '../cache/json-cache.ts';
import { programName } from '../interpreters/identify-python.ts';
import type { InterpreterInfo } from '../interpreters/interpreter-info.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { firstLine } from '../shared/error-text.ts';
import { formatMs } from '../shared/format.ts';
import type { ExampleFiles } from './discover-examples.ts';
import { conditionHolds } from './interpreter-condition.ts';
import { exampleResultSchema, type ExampleEntry, type ExampleResult, type RunPaths } from './result-schema.ts';
import type { JudgedRun } from './run-example.ts';
import { RunScheduler } from './run-scheduler.ts';
import { toShownResult } from './shown-result.ts';

const SITECUSTOMIZE_DIR = fileURLToPath(new URL('./python/', import.meta.url));

/**
 * The code that decides what a result is: an edit to any of it makes every cached result a
 * miss, without anyone bumping a version.
 */
const RESULT_CODE = [
  './python/sitecustomize.py',
  './run-example.ts',
  './run-in-process-group.ts',
  './capture-output.ts',
  './verify-output.ts',
  './verify-measurements.ts',
  './interpreter-condition.ts',
  './spec-schema.ts',
  './result-schema.ts',
].map((module) => new URL(module, import.meta.url));

export interface RunExamplesOptions {
  /** The examples, parsed (the build plan's). */
  examples: readonly ExampleFiles[];
  /** The interpreters, resolved (the build plan's), in the order pages show them. */
  interpreters: readonly InterpreterInfo[];
  /** The `examples` cache area. */
  cacheDir: string;
  /**
   * Re-run everything, ignoring the cache.
   * @default false
   */
  force?: boolean;
  /**
   * Keep what runs now in the cache. The canary compares with the pinned interpreters' results
   * without adding to them.
   * @default true
   */
  store?: boolean;
  /**
   * Cap per captured stream, bytes.
   * @default DEFAULT_MAX_OUTPUT_BYTES (1 MiB)
   */
  maxOutputBytes?: number;
  /**
   * The builder's environment (PATH…; PYTHON* is never passed on).
   * @default process.env
   */
  env?: NodeJS.ProcessEnv;
  /**
   * Progress lines.
   * @default console.log
   */
  log?: (line: string) => void;
  /**
   * Decides which runs may overlap.
   * @default a new one for this call
   */
  scheduler?: RunScheduler;
}

export interface RunExamplesReport {
  /** One per example, in the plan's order. */
  entries: ExampleEntry[];
  /** Every result in full (all runs), for measurements across runs. */
  results: ExampleResult[];
  /** Results taken from the cache / produced by running Python now. */
  cached: number;
  ran: number;
  /** Wall time of the whole call and the summed wall time of the Python runs, ms. */
  elapsedMs: number;
  pythonMs: number;
}

/**
 * Everything a result depends on. The interpreter counts by what it is (its full `sys.version`
 * names the build), not where it lies (its executable, library and prefixes): an obtained CPython sits in each clone's cache, and a cache
 * restored into another checkout must still hit.
 */
function resultKey(
  example: ExampleFiles,
  { requested: _requested, executable: _executable, stdlib: _stdlib, prefixes: _prefixes, ...interpreter }: InterpreterInfo,
  code: string,
): string {
  return contentKey({ source: example.source, spec: example.specText, interpreter, code });
}

interface Job {
  example: ExampleFiles;
  interpreter: InterpreterInfo;
  key: string;
}

export async function runExamples(options: RunExamplesOptions): Promise<RunExamplesReport> {
  const started = performance.now();
  const log = options.log ?? console.log;
  const cache = createJsonCache(options.cacheDir, exampleResultSchema);
  const code = await codeVersion(RESULT_CODE);

  const jobs: Job[] = options.examples.flatMap((example) =>
    options.interpreters
      .filter((interpreter) => conditionHolds(example.spec.requires?.when, interpreter))
      .map((interpreter) => ({ example, interpreter, key: resultKey(example, interpreter, code) })),
  );
  const hits = new Map<Job, ExampleResult>();
  if (!options.force) {
    await Promise.all(
      jobs.map(async (job) => {
        const hit = await cache.get(job.key);
        if (hit) hits.set(job, { ...hit, interpreter: job.interpreter });
      }),
    );
  }
  const misses = jobs.filter((job) => !hits.has(job));
  if (misses.length > 0) {
    log(`[examples] running ${misses.length} of ${jobs.length} example results (${hits.size} cached)`);
  }
  const { produced, failures } = await produce(misses, cache, options, log);

  if (failures.length > 0) {
    // Each failure names its file and fix; this one error lists them all.
    throw new BuildStepError(
      // The list first: when the details run long, the build's closing summary (cut to a few
      // kilobytes) still names every failing example.
      `${failures.length} of ${jobs.length} example runs do not match their specs:\n` +
        failures.map((failure) => `- ${firstLine(failure.message)}`).join('\n') +
        '\n\n' +
        failures.map((failure) => failure.message).join('\n\n'),
      { step: 'examples', cause: failures[0] },
    );
  }
  const results = jobs.map((job) => hits.get(job) ?? produced.get(job)!);
  const entries = options.examples.map((example) => ({
    id: example.id,
    sourceFile: example.sourceFile,
    source: example.source,
    results: results.filter((result) => result.id === example.id).map(toShownResult),
    skipped: options.interpreters
      .filter((interpreter) => !conditionHolds(example.spec.requires?.when, interpreter))
      .map((interpreter) => ({ interpreter, reason: example.spec.requires!.reason })),
    spec: example.spec,
  }));
  const pythonMs = [...produced.values()]
    .flatMap((result) => result.variants.flatMap((variant) => variant.runs))
    .reduce((sum, run) => sum + run.wallMs, 0);
  return { entries, results, cached: hits.size, ran: produced.size, elapsedMs: performance.now() - started, pythonMs };
}

/** One example's variants run once on one interpreter and judged (see judgeExample), for the canary. */
export interface JudgedExample {
  example: ExampleFiles;
  variants: JudgedRun[];
}

/**
 * Every example whose `requires` holds for `interpreter`, each variant run once through one
 * scheduler and judged against its spec without stopping at a mismatch; nothing is cached.
 */
export async function judgeExamples(options: {
  examples: readonly ExampleFiles[];
  interpreter: InterpreterInfo;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): Promise<JudgedExample[]> {
  const { interpreter, env = process.env, log = console.log } = options;
  const { judgeExample } = await import('./run-example.ts');
  const { DEFAULT_MAX_OUTPUT_BYTES } = await import('./capture-output.ts');
  const scheduler = new RunScheduler();
  const examples = options.examples.filter((example) => conditionHolds(example.spec.requires?.when, interpreter));
  let done = 0;
  return Promise.all(
    examples.map(async (example) => {
      const variants = await judgeExample(example, interpreter, {
        sitecustomizeDir: SITECUSTOMIZE_DIR,
        maxOutputBytes: DEFAULT_MAX_OUTPUT_BYTES,
        env,
        schedule: (task) => scheduler.run(example.spec.workload, task),
      });
      done += 1;
      const failed = variants.filter((variant) => variant.problems.length > 0).length;
      log(`[canary] ${done}/${examples.length} ${example.id} [${interpreter.requested} ${interpreter.versionInfo.join('.')}]: ${failed === 0 ? 'as its spec expects' : `${failed} variant(s) not as its spec expects`}`);
      return { example, variants };
    }),
  );
}

/** The machine paths a result's output may name, as they are for this run (see runPathsSchema). */
function runPaths(example: ExampleFiles, interpreter: InterpreterInfo): RunPaths {
  const [major, minor] = interpreter.versionInfo;
  // sourceFile is sourcePath relative to the project root, so the rest of sourcePath is the root
  // (for an examples folder outside the root, that folder stands in).
  const project = example.sourcePath.endsWith(`${sep}${example.sourceFile}`) ? example.sourcePath.slice(0, -example.sourceFile.length - 1) : dirname(example.sourcePath);
  return {
    source: example.sourcePath,
    project,
    runner: SITECUSTOMIZE_DIR,
    stdlib: interpreter.stdlib,
    prefixes: interpreter.prefixes,
    python: programName({ version: `${major}.${minor}`, freeThreaded: interpreter.freeThreadedBuild }),
  };
}

/** Runs the misses through one scheduler; only verified results are cached. */
async function produce(
  misses: readonly Job[],
  cache: JsonCache<ExampleResult>,
  options: RunExamplesOptions,
  log: (line: string) => void,
): Promise<{ produced: Map<Job, ExampleResult>; failures: BuildStepError[] }> {
  const produced = new Map<Job, ExampleResult>();
  const failures: BuildStepError[] = [];
  if (misses.length === 0) return { produced, failures };
  // Loaded only when something must run: a warm build never imports the runner.
  const { runExample } = await import('./run-example.ts');
  const { DEFAULT_MAX_OUTPUT_BYTES } = await import('./capture-output.ts');
  const { measureOnEvenCpus, startCpuProbe } = await import('./even-cpus.ts');
  const scheduler = options.scheduler ?? new RunScheduler();
  // Any interpreter can time the CPUs: the probe measures the machine, not Python.
  const probe = startCpuProbe(misses[0]!.interpreter.executable);
  const onEvenCpus = measureOnEvenCpus(probe, { log });
  let done = 0;
  try {
    await Promise.all(
      misses.map(async (job) => {
        const { example, interpreter, key } = job;
        const label = `${example.id} [${interpreter.requested} ${interpreter.versionInfo.join('.')}]`;
        try {
          const ranAt = new Date().toISOString();
          const variants = await runExample(example, interpreter, {
            sitecustomizeDir: SITECUSTOMIZE_DIR,
            maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
            env: options.env ?? process.env,
            // Where the spec asks, a run is timed only while the CPUs agree (even-cpus.ts).
            schedule: (task) => scheduler.run(example.spec.workload, example.spec.evenCpus ? () => onEvenCpus(label, task) : task),
          });
          const result: ExampleResult = {
            id: example.id,
            sourceFile: example.sourceFile,
            specFile: example.specFile,
            interpreter,
            variants,
            ranAt,
            cacheKey: key,
            paths: runPaths(example, interpreter),
          };
          if (options.store !== false) await cache.set(key, result);
          produced.set(job, result);
          done += 1;
          const runs = variants.flatMap((variant) => variant.runs);
          const ownMs = runs.reduce((sum, run) => sum + run.wallMs, 0);
          log(`[examples] ${done}/${misses.length} ${label}: verified, ${runs.length} runs, ${formatMs(ownMs)} of Python`);
        } catch (error) {
          // A run that did not match its spec is one failure among the others; anything else stops the build.
          if (!BuildStepError.is(error, 'examples')) throw error;
          failures.push(error);
          done += 1;
          log(`[examples] ${done}/${misses.length} ${label}: FAILED (the message below says how)`);
        }
      }),
    );
  } finally {
    probe.close();
  }
  return { produced, failures };
}
