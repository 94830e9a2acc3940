/**
 * Runs every variant of one example the number of times its spec asks, verifies each
 * run and summarises the timings. Throws an ExampleMismatchError on any difference.
 * Variants whose start method the interpreter does not offer are left out.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExampleFiles } from './discover-examples.ts';
import { runInProcessGroup } from './run-in-process-group.ts';
import {
  traceEventSchema,
  type ExampleRun,
  type InterpreterInfo,
  type TimingSummary,
  type TraceEvent,
  type VariantResult,
} from './result-schema.ts';
import type { VariantSpec } from './spec-schema.ts';
import { measureRun, verifyRatios } from './verify-measurements.ts';
import { verifyRun, verifyWallTime } from './verify-output.ts';

export class ExampleMismatchError extends Error {
  override name = 'ExampleMismatchError';
}

export interface RunExampleOptions {
  /** Directory holding sitecustomize.py, put first on PYTHONPATH. */
  sitecustomizeDir: string;
  maxOutputBytes: number;
  env: NodeJS.ProcessEnv;
}

export async function runExample(
  example: ExampleFiles,
  interpreter: InterpreterInfo,
  options: RunExampleOptions,
): Promise<VariantResult[]> {
  const results: VariantResult[] = [];
  for (const [index, variant] of example.spec.variants.entries()) {
    // "Under each start method the platform offers": e.g. no fork or forkserver on Windows.
    if (variant.startMethod && !interpreter.availableStartMethods.includes(variant.startMethod)) continue;
    const runs: ExampleRun[] = [];
    for (let repeat = 0; repeat < example.spec.repeats; repeat += 1) {
      const run = await runOnce(example, variant, interpreter, options);
      const problems = [
        ...verifyRun(variant.expect, { ...run, stdout: run.stdout.text, stderr: run.stderr.text }, example.spec.timeoutSeconds),
        ...measureRun(variant.expect, run.stdout.text).problems,
      ];
      if (problems.length > 0) {
        throw mismatch(example, index, variant, interpreter, problems, run, `run ${repeat + 1} of ${example.spec.repeats}`);
      }
      runs.push(run);
    }
    const timing = summarise(runs.map((r) => r.wallMs));
    const shownRun = medianIndex(runs.map((r) => r.wallMs));
    const shown = runs[shownRun] as ExampleRun;
    // Ratios are checked on the run the page shows, so the page never states a ratio that failed.
    const metrics = measureRun(variant.expect, shown.stdout.text).metrics;
    const problems = [
      ...verifyWallTime(variant.expect, timing.medianMs),
      ...verifyRatios(variant.expect.ratios ?? [], metrics, interpreter),
    ];
    if (problems.length > 0) {
      throw mismatch(example, index, variant, interpreter, problems, shown, `median of ${runs.length} runs`);
    }
    const stdoutSpec = variant.expect.stdout;
    results.push({
      name: variant.startMethod ?? 'default',
      startMethod: variant.startMethod ?? interpreter.defaultStartMethod,
      runs,
      shownRun,
      timing,
      ...(stdoutSpec.json ? { json: JSON.parse(shown.stdout.text) as unknown } : {}),
      ...(variant.expect.metrics ? { metrics } : {}),
    });
  }
  return results;
}

async function runOnce(
  example: ExampleFiles,
  variant: VariantSpec,
  interpreter: InterpreterInfo,
  options: RunExampleOptions,
): Promise<ExampleRun> {
  // A fresh working directory per run: whatever the example writes stays out of src/.
  const cwd = await mkdtemp(join(tmpdir(), `pyconc-${example.id}-`));
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
    };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/**
 * The builder's environment minus PYTHON* and PYCONC_* variables: those change what
 * an example prints (PYTHONUNBUFFERED=1, set on this machine, splits print() into two
 * writes that interleave between processes) and are not part of the cache key.
 * A spec that needs one sets it in `env`.
 */
function withoutPythonSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(env).filter(([name]) => !name.startsWith('PYTHON') && !name.startsWith('PYCONC_')),
  );
}

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

export function summarise(wallMs: readonly number[]): TimingSummary {
  const sorted = [...wallMs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return {
    runs: sorted.length,
    medianMs: median,
    minMs: sorted[0] ?? 0,
    maxMs: sorted.at(-1) ?? 0,
  };
}

/** Index of the run whose time is the (lower) median: a representative run to show. */
function medianIndex(wallMs: readonly number[]): number {
  const order = wallMs.map((ms, i) => [ms, i] as const).sort((a, b) => a[0] - b[0]);
  return (order[Math.floor((order.length - 1) / 2)] as readonly [number, number])[1];
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
  variantIndex: number,
  variant: VariantSpec,
  interpreter: InterpreterInfo,
  problems: readonly string[],
  run: ExampleRun,
  which: string,
): ExampleMismatchError {
  const variantName = variant.startMethod ? `start method ${variant.startMethod}` : 'default start method';
  const block = (title: string, text: string) =>
    `  ${title}:\n${text === '' ? '    (empty)' : shorten(text).replace(/\n$/, '').replace(/^/gm, '    ')}`;
  return new ExampleMismatchError(
    [
      `Example ${example.sourceFile} did not do what ${example.specFile} expects ` +
        `(${variantName}, ${interpreter.requested} ${interpreter.versionInfo.join('.')}, ${which}):`,
      ...problems.map((p) => `  - ${p.length <= SHOWN_PROBLEM_CHARS ? p : `${p.slice(0, SHOWN_PROBLEM_CHARS)}…`}`),
      block('actual stdout', run.stdout.text),
      block('actual stderr', run.stderr.text),
      `  exit status: ${run.exitCode ?? `killed by ${run.signal}`}, wall time ${(run.wallMs / 1000).toFixed(2)} s`,
      `How to fix: if the example is wrong, fix ${example.sourceFile}; if the new behaviour is right, ` +
        `update variants[${variantIndex}].expect in ${example.specFile}. ` +
        `Check with: npm run examples -- ${example.id}`,
    ].join('\n'),
  );
}
