/**
 * Runs (or takes from the cache) every example on every interpreter asked for.
 * The one code path behind `npm run examples` and the `examples` content collection.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheKey, DEFAULT_CACHE_DIR, readCacheEntry, RUNNER_VERSION, writeCacheEntry } from './cache.ts';
import { DEFAULT_MAX_OUTPUT_BYTES } from './capture-output.ts';
import { discoverExamples } from './discover-examples.ts';
import { findInterpreter, requestedInterpreters } from './find-interpreter.ts';
import { exampleResultSchema, type ExampleEntry, type ExampleResult, type InterpreterInfo } from './result-schema.ts';
import { ExampleMismatchError, runExample } from './run-example.ts';

const SITECUSTOMIZE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'python');

export interface RunExamplesOptions {
  /** Project root. Default: the current directory. */
  root?: string;
  /** Examples directory, relative to root. Default `src/examples`. */
  examplesDir?: string;
  /** Only these example ids. Default: all. */
  only?: readonly string[];
  /** Interpreter when neither PYTHONS nor PYTHON is set. Default `python3`. */
  python?: string;
  /** Re-run everything, ignoring the cache. Default false. */
  force?: boolean;
  /** Cache directory, relative to root. Default `node_modules/.cache/pyconc/examples`. */
  cacheDir?: string;
  /** Cap per captured stream, bytes. Default 1 MiB. */
  maxOutputBytes?: number;
  /** Environment (PYTHONS, PYTHON, PATH, …). Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Progress lines. Default `console.log`. */
  log?: (line: string) => void;
}

export interface RunExamplesReport {
  entries: ExampleEntry[];
  /** Results taken from the cache / produced by running Python now. */
  cached: number;
  ran: number;
  /** Wall time of the whole call and the summed wall time of the Python runs, ms. */
  elapsedMs: number;
  pythonMs: number;
}

/** Thrown when one or more examples do not match their specs; `message` lists them all. */
export class ExamplesFailedError extends Error {
  override name = 'ExamplesFailedError';
}

/**
 * Several callers may ask at once in one build (the `examples` collection and the
 * measured timelines both call runExamples). Examples run one at a time, whoever asks,
 * because examples sharing the CPU would skew each other's timings; and a result that
 * is already being produced is awaited rather than produced twice.
 */
const inFlight = new Map<string, Promise<ExampleResult>>();
let pythonQueue: Promise<unknown> = Promise.resolve();

function produceOnce(
  key: string,
  force: boolean,
  produce: () => Promise<ExampleResult>,
  fromCache: () => Promise<ExampleResult | undefined>,
): Promise<ExampleResult> {
  const pending = inFlight.get(key);
  if (pending) return pending;
  // Re-read the cache once our turn comes: the caller before us may have just written it.
  const task = pythonQueue.then(async () => (!force && (await fromCache())) || produce());
  pythonQueue = task.catch(() => undefined);
  const shared = task.finally(() => inFlight.delete(key));
  inFlight.set(key, shared);
  return shared;
}

/**
 * The latest report per set of options, so the second caller in one build (or one asking while
 * the first is still running) gets the first one's report: nothing is read, hashed or printed
 * twice. Only the latest is kept, so a long dev session does not pile up reports; failed reports
 * are dropped so the next call tries again.
 */
const reports = new Map<string, { inputs: string; report: Promise<RunExamplesReport> }>();

/**
 * The size and mtime of every file the report is made from, so a dev server that calls again
 * after an edit gets a fresh report; stat-ing is much cheaper than reading and hashing them all.
 * The interpreter is not among them: a Python upgraded under a running dev server needs a restart.
 */
async function inputsOf(examplesDir: string): Promise<string> {
  const files = [
    ...(await readdir(examplesDir)).sort().map((name) => join(examplesDir, name)),
    join(SITECUSTOMIZE_DIR, 'sitecustomize.py'),
  ];
  const stats = await Promise.all(
    files.map(async (file) => {
      const { size, mtimeMs } = await stat(file);
      return [file, size, mtimeMs];
    }),
  );
  return JSON.stringify(stats);
}

export async function runExamples(options: RunExamplesOptions = {}): Promise<RunExamplesReport> {
  const root = resolve(options.root ?? process.cwd());
  const env = options.env ?? process.env;
  // `force` means run now: never answered from an earlier report.
  if (options.force) return produceReport(options, root, env);
  const { log: _log, ...decisive } = options;
  const key = JSON.stringify({ ...decisive, root, env });
  const inputs = await inputsOf(resolve(root, options.examplesDir ?? 'src/examples'));
  const latest = reports.get(key);
  if (latest?.inputs === inputs) return latest.report;
  const report = produceReport(options, root, env);
  reports.set(key, { inputs, report });
  report.catch(() => {
    if (reports.get(key)?.report === report) reports.delete(key);
  });
  return report;
}

async function produceReport(options: RunExamplesOptions, root: string, env: NodeJS.ProcessEnv): Promise<RunExamplesReport> {
  const started = performance.now();
  const log = options.log ?? console.log;
  const cacheDir = resolve(root, options.cacheDir ?? DEFAULT_CACHE_DIR);

  const all = await discoverExamples(root, options.examplesDir ?? 'src/examples');
  const unknown = (options.only ?? []).filter((id) => !all.some((e) => e.id === id));
  if (unknown.length > 0) {
    throw new Error(`No example named ${unknown.join(', ')}; known: ${all.map((e) => e.id).join(', ')}`);
  }
  const examples = options.only?.length ? all.filter((e) => options.only?.includes(e.id)) : all;
  const interpreters: InterpreterInfo[] = [];
  for (const requested of requestedInterpreters(env, options.python)) {
    interpreters.push(await findInterpreter(requested, cacheDir, env));
  }
  const runner = `${RUNNER_VERSION}:${createHash('sha256')
    .update(await readFile(join(SITECUSTOMIZE_DIR, 'sitecustomize.py')))
    .digest('hex')}`;

  const total = examples.length * interpreters.length;
  const failures: ExampleMismatchError[] = [];
  const entries: ExampleEntry[] = [];
  let step = 0;
  let cached = 0;
  let pythonMs = 0;
  for (const example of examples) {
    const results: ExampleResult[] = [];
    for (const interpreter of interpreters) {
      step += 1;
      const label = `example ${step}/${total} ${example.id}${interpreters.length > 1 ? ` [${interpreter.requested}]` : ''}`;
      const { requested: _requested, ...identity } = interpreter;
      const key = cacheKey({
        source: example.source,
        spec: example.specText,
        interpreter: JSON.stringify(identity),
        runner,
      });
      const hit = options.force ? undefined : await readCacheEntry(cacheDir, key, exampleResultSchema);
      if (hit) {
        cached += 1;
        log(`${label}: cached`);
        results.push({ ...hit, interpreter });
        continue;
      }
      const runStarted = performance.now();
      try {
        const result = await produceOnce(key, options.force === true, async () => {
          const ranAt = new Date().toISOString();
          const variants = await runExample(example, interpreter, {
            sitecustomizeDir: SITECUSTOMIZE_DIR,
            maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
            env,
          });
          const produced: ExampleResult = {
            id: example.id,
            sourceFile: example.sourceFile,
            source: example.source,
            specFile: example.specFile,
            interpreter,
            variants,
            ranAt,
            cacheKey: key,
          };
          // Only verified results are cached: a failure is re-run next time.
          await writeCacheEntry(cacheDir, key, produced);
          return produced;
        }, () => readCacheEntry(cacheDir, key, exampleResultSchema));
        pythonMs += result.variants.flatMap((v) => v.runs).reduce((sum, run) => sum + run.wallMs, 0);
        results.push({ ...result, interpreter });
        log(`${label}: ran in ${((performance.now() - runStarted) / 1000).toFixed(1)} s`);
      } catch (error) {
        if (!(error instanceof ExampleMismatchError)) throw error;
        failures.push(error);
        log(`${label}: FAILED after ${((performance.now() - runStarted) / 1000).toFixed(1)} s`);
      }
    }
    entries.push({ id: example.id, sourceFile: example.sourceFile, source: example.source, results });
  }
  if (failures.length > 0) {
    throw new ExamplesFailedError(
      `${failures.length} of ${total} example runs do not match their specs:\n\n` +
        failures.map((f) => f.message).join('\n\n'),
      { cause: failures[0] },
    );
  }
  return { entries, cached, ran: total - cached, elapsedMs: performance.now() - started, pythonMs };
}
