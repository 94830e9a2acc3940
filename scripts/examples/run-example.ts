/**
 * Runs every variant of one example on one interpreter the number of times its spec asks,
 * verifies each run against the expectation for that interpreter, and picks the run pages show:
 * the one with the median time, which is also the time that was verified. Throws a
 * BuildStepError (step `examples`) on any difference. Variants whose start method the interpreter
 * does not offer are left out.
 */
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InterpreterInfo } from '../interpreters/interpreter-info.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { formatSeconds } from '../shared/format.ts';
import { medianIndex } from '../shared/median.ts';
import type { ExampleFiles } from './discover-examples.ts';
import { conditionHolds, describeCondition } from './interpreter-condition.ts';
import { runInProcessGroup } from './run-in-process-group.ts';
import { traceEventSchema, type ExampleRun, type TimingSummary, type TraceEvent, type VariantResult } from './result-schema.ts';
import { variantName, type Expectation, type ExpectationCase, type VariantSpec } from './spec-schema.ts';
import { measureRun, verifyOverlap, verifyRatios } from './verify-measurements.ts';
import { verifyRun, verifyWallTime } from './verify-output.ts';

export interface RunExampleOptions {
  /** Directory holding sitecustomize.py, put first on PYTHONPATH. */
  sitecustomizeDir: string;
  maxOutputBytes: number;
  env: NodeJS.ProcessEnv;
  /**
   * Runs one timed run when the scheduler allows it (alone for CPU-bound examples, beside other
   * waiting runs otherwise).
   * @default at once
   */
  schedule?: <T>(task: () => Promise<T>) => Promise<T>;
}

/** The expectation on this interpreter: the first case whose `when` holds, else the variant's own. */
export function expectationFor(
  variant: VariantSpec,
  interpreter: InterpreterInfo,
): { expect: Expectation; matched?: ExpectationCase } {
  const matched = variant.cases.find((c) => conditionHolds(c.when, interpreter));
  return matched ? { expect: matched.expect, matched } : { expect: variant.expect };
}

/** The variants of `example` that `interpreter` can run: every one whose start method it offers. */
function offeredVariants(example: ExampleFiles, interpreter: InterpreterInfo): { variant: VariantSpec; index: number }[] {
  // "Under each start method the platform offers": e.g. no fork or forkserver on Windows.
  return example.spec.variants
    .map((variant, index) => ({ variant, index }))
    .filter(({ variant }) => !variant.startMethod || interpreter.availableStartMethods.includes(variant.startMethod));
}

export async function runExample(
  example: ExampleFiles,
  interpreter: InterpreterInfo,
  options: RunExampleOptions,
): Promise<VariantResult[]> {
  // All variants and repeats are handed to the scheduler at once: it decides what may overlap.
  return Promise.all(offeredVariants(example, interpreter).map(({ variant, index }) => runVariant(example, variant, index, interpreter, options)));
}

/** What one run breaks of its expectation, output and traced overlap (empty when it holds). */
function runProblems(expect: Expectation, run: ExampleRun, example: ExampleFiles): string[] {
  return [
    ...verifyRun(expect, { ...run, stdout: run.stdout.text, stderr: run.stderr.text }, example.spec.timeoutSeconds),
    ...measureRun(expect, run.stdout.text).problems,
    ...verifyOverlap(expect.overlap ?? [], run.trace),
  ];
}

/** What the run a page shows breaks of the bounds checked on it alone: wall time and ratios. */
function shownProblems(expect: Expectation, shown: ExampleRun, medianMs: number, interpreter: InterpreterInfo) {
  const metrics = measureRun(expect, shown.stdout.text).metrics;
  return { metrics, problems: [...verifyWallTime(expect, medianMs), ...verifyRatios(expect.ratios ?? [], metrics, interpreter)] };
}

/** The spec's reason where an interpreter-specific case applied, for the pages. */
function expectationFacts(matched: ExpectationCase | undefined) {
  return matched ? { expectation: { when: describeCondition(matched.when), reason: matched.reason } } : {};
}

/** One run of one variant, judged against its spec but never thrown: what the canary compares. */
export interface JudgedRun {
  /** Variant name (start method or `default`). */
  name: string;
  run: ExampleRun;
  /** Everything the run breaks of the spec's expectation for this interpreter; empty when verified. */
  problems: string[];
  /** Set when an interpreter-specific case of the spec applied. */
  expectation?: { when: string; reason: string };
}

/**
 * Every variant of `example` run once on `interpreter` and judged by the same checks a build makes
 * (the single run standing in for the median), without throwing: a canary on an interpreter the
 * spec does not know yet wants what happened as well as whether it was expected.
 */
export async function judgeExample(example: ExampleFiles, interpreter: InterpreterInfo, options: RunExampleOptions): Promise<JudgedRun[]> {
  const schedule = options.schedule ?? ((task) => task());
  return Promise.all(
    offeredVariants(example, interpreter).map(async ({ variant }) => {
      const { expect, matched } = expectationFor(variant, interpreter);
      const run = await schedule(() => runOnce(example, variant, interpreter, options));
      const problems = [...runProblems(expect, run, example), ...shownProblems(expect, run, run.wallMs, interpreter).problems];
      return { name: variantName(variant), run, problems, ...expectationFacts(matched) };
    }),
  );
}

async function runVariant(
  example: ExampleFiles,
  variant: VariantSpec,
  index: number,
  interpreter: InterpreterInfo,
  options: RunExampleOptions,
): Promise<VariantResult> {
  const schedule = options.schedule ?? ((task) => task());
  const { expect, matched } = expectationFor(variant, interpreter);
  const specPath = matched ? `variants[${index}].cases[${variant.cases.indexOf(matched)}].expect` : `variants[${index}].expect`;
  const fail = (problems: string[], run: ExampleRun, which: string) =>
    mismatch(example, specPath, variant, interpreter, problems, run, matched ? `${which}, when ${describeCondition(matched.when)}` : which);
  // Every repeat is scheduled on its own, so waiting runs of one example may overlap each other.
  const runs = await Promise.all(
    Array.from({ length: example.spec.repeats }, async (_, repeat) => {
      const run = await schedule(() => runOnce(example, variant, interpreter, options));
      const problems = runProblems(expect, run, example);
      if (problems.length > 0) {
        throw fail(problems, run, `run ${repeat + 1} of ${example.spec.repeats}`);
      }
      return run;
    }),
  );
  const shownRun = medianIndex(runs.map((r) => r.wallMs));
  const shown = runs[shownRun]!;
  const timing = summarise(runs.map((r) => r.wallMs));
  // The wall time and the ratios are checked on the run the page shows, so the page never
  // states a time or a ratio that was not verified.
  const { metrics, problems } = shownProblems(expect, shown, timing.medianMs, interpreter);
  if (problems.length > 0) {
    throw fail(problems, shown, `the median of ${runs.length} runs`);
  }
  return {
    name: variantName(variant),
    startMethod: variant.startMethod ?? interpreter.defaultStartMethod,
    runs,
    shownRun,
    timing,
    ...expectationFacts(matched),
    ...(expect.stdout.json ? { json: JSON.parse(shown.stdout.text) as unknown } : {}),
    ...(expect.metrics ? { metrics } : {}),
  };
}

async function runOnce(
  example: ExampleFiles,
  variant: VariantSpec,
  interpreter: InterpreterInfo,
  options: RunExampleOptions,
): Promise<ExampleRun> {
  // A fresh working directory per run: whatever the example writes stays out of src/.
  // Its real path, as os.getcwd() names it in the output (tmpdir() may be a symlink, as on macOS).
  const cwd = await realpath(await mkdtemp(join(tmpdir(), `pyconc-${example.id}-`)));
  const traceFile = join(cwd, '.pyconc-trace.jsonl');
  try {
    const env: NodeJS.ProcessEnv = {
      ...withoutPythonSettings(options.env),
      ...example.spec.env,
      PYTHONPATH: [options.sitecustomizeDir, example.spec.env['PYTHONPATH']].filter(Boolean).join(':'),
      // Keeps __pycache__ out of scripts/examples/python.
      PYTHONDONTWRITEBYTECODE: '1',
      PYCONC_TRACE_FILE: traceFile,
      ...(variant.startMethod ? { PYCONC_START_METHOD: variant.startMethod } : {}),
    };
    const outcome = await runInProcessGroup({
      command: interpreter.executable,
      args: [...example.spec.args, example.sourcePath],
      cwd,
      env,
      timeoutMs: example.spec.timeoutSeconds * 1000,
      maxOutputBytes: options.maxOutputBytes,
    });
    return {
      stdout: outcome.stdout,
      stderr: outcome.stderr,
      exitCode: outcome.exitCode,
      signal: outcome.signal,
      timedOut: outcome.timedOut,
      wallMs: outcome.wallMs,
      trace: await readTrace(traceFile, outcome.startedNs),
      workDir: cwd,
    };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/**
 * The builder's environment minus PYTHON* and PYCONC_* variables and the colour switches: those
 * change what an example prints and are not part of the cache key. PYTHONUNBUFFERED=1, which some
 * shells and CI images set, splits print() into two writes that interleave between processes;
 * FORCE_COLOR, which test runners such as Playwright set for their children, makes Python 3.13 and
 * later colour its tracebacks (escape codes in every line a spec reads). A spec that needs one
 * sets it in `env`.
 */
function withoutPythonSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !name.startsWith('PYTHON') && !name.startsWith('PYCONC_') && !COLOUR_SWITCHES.has(name)),
  );
}

/** What Python 3.13+ reads to decide on coloured output besides PYTHON_COLORS (its "Using Python" docs). */
const COLOUR_SWITCHES = new Set(['FORCE_COLOR', 'NO_COLOR']);

/** Trace events relative to the spawn; a line cut short by a kill is skipped. */
async function readTrace(file: string, startedNs: bigint): Promise<TraceEvent[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  const origin = Number(startedNs);
  const events: TraceEvent[] = [];
  for (const line of text.split('\n')) {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = traceEventSchema.safeParse(raw);
    if (!parsed.success) continue;
    const event = parsed.data;
    events.push({
      ...event,
      startNs: event.startNs - origin,
      endNs: event.endNs - origin,
    });
  }
  return events.sort((a, b) => a.startNs - b.startNs);
}

/** The timings of all runs; `medianMs` is the time of the run `medianIndex` picks, an actual run's. */
export function summarise(wallMs: readonly number[]): TimingSummary {
  return {
    runs: wallMs.length,
    medianMs: wallMs[medianIndex(wallMs)] ?? 0,
    minMs: Math.min(...wallMs),
    maxMs: Math.max(...wallMs),
  };
}

/** Most of a stream a failure message shows: the first lines say what went wrong. */
const SHOWN_OUTPUT_LINES = 40;
const SHOWN_OUTPUT_CHARS = 2000;
const SHOWN_PROBLEM_CHARS = 300;

/** The start of `text`, saying how much more there was: a failure message stays readable at 50 MB. */
function shorten(text: string): string {
  const head = text.split('\n').slice(0, SHOWN_OUTPUT_LINES).join('\n').slice(0, SHOWN_OUTPUT_CHARS);
  return head.length >= text.length ? text : `${head}\n… (${text.length - head.length} more characters not shown)`;
}

function mismatch(
  example: ExampleFiles,
  specPath: string,
  variant: VariantSpec,
  interpreter: InterpreterInfo,
  problems: readonly string[],
  run: ExampleRun,
  which: string,
): BuildStepError {
  const startMethod = variant.startMethod ? `start method ${variant.startMethod}` : 'default start method';
  const block = (title: string, text: string) =>
    `  ${title}:\n${text === '' ? '    (empty)' : shorten(text).replace(/\n$/, '').replace(/^/gm, '    ')}`;
  return new BuildStepError(
    [
      `Example ${example.sourceFile} did not do what ${example.specFile} expects ` +
        `(${startMethod}, ${interpreter.requested} ${interpreter.versionInfo.join('.')}, ${which}):`,
      ...problems.map((p) => `  - ${p.length <= SHOWN_PROBLEM_CHARS ? p : `${p.slice(0, SHOWN_PROBLEM_CHARS)}…`}`),
      block('actual stdout', run.stdout.text),
      block('actual stderr', run.stderr.text),
      `  exit status: ${run.exitCode ?? `killed by ${run.signal}`}, wall time ${formatSeconds(run.wallMs / 1000)}`,
    ].join('\n'),
    {
      step: 'examples',
      file: example.sourceFile,
      fix:
        `if the example is wrong, fix ${example.sourceFile}; if the new behaviour is right, ` +
        `update ${specPath} in ${example.specFile} (a behaviour that differs by interpreter gets a case of its own). ` +
        `Check with: npm run examples -- ${example.id}`,
    },
  );
}
