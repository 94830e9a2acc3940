/**
 * The spec beside each example (`src/examples/<id>.spec.yaml`): how to run it and
 * what it must do. A page never states an output; the spec states what is verified.
 */
import { z } from 'astro/zod';
import { interpreterConditionSchema } from './interpreter-condition.ts';
import { startMethodSchema } from '../interpreters/interpreter-info.ts';

/** A line of output: literal text, or `{ regex: '...' }` where the output varies. */
export const expectedLineSchema = z.union([
  z.string(),
  z.strictObject({
    /** JavaScript regular expression matched against the whole line (anchors added). */
    regex: z.string().refine(isValidRegex, { message: 'not a valid JavaScript regular expression' }),
  }),
]);
export type ExpectedLine = z.infer<typeof expectedLineSchema>;

/**
 * Parse the stream as JSON and expose it as `json` in the result.
 * @default false
 */
const jsonFlag = z.boolean().default(false);

const linesOutputSchema = z.strictObject({
  /** The stream consists of exactly these lines (a trailing newline is ignored). */
  lines: z.array(expectedLineSchema),
  /**
   * `exact`: in this order. `any`: in any order, e.g. two threads printing
   * concurrently.
   * @default 'exact'
   */
  order: z.enum(['exact', 'any']).default('exact'),
  json: jsonFlag,
});

const containsOutputSchema = z.strictObject({
  /**
   * Each of these must match some line; other lines may appear too (for tracebacks,
   * whose frames differ between Python versions).
   */
  contains: z.array(expectedLineSchema).min(1),
  json: jsonFlag,
});

/** What one stream must contain. */
export const expectedOutputSchema = z.union([
  linesOutputSchema,
  containsOutputSchema,
  z.strictObject({
    /** Any one of these will do: for outputs that really come out in different shapes. */
    anyOf: z.array(z.union([linesOutputSchema, containsOutputSchema])).min(2),
    json: jsonFlag,
  }),
]);
export type ExpectedOutput = z.infer<typeof expectedOutputSchema>;

const secondsBoundSchema = z.strictObject({
  /** Lower bound, seconds. */
  min: z.number().nonnegative().optional(),
  /** Upper bound, seconds. */
  max: z.number().positive().optional(),
  /** Why these bounds hold: a bound without a reason is a guess. */
  reason: z.string().min(10, 'say why the bound holds (at least 10 characters)'),
});

/** A regular expression with at least one named group `(?<name>...)`. */
const namedGroupRegexSchema = z
  .string()
  .refine(isValidRegex, { message: 'not a valid JavaScript regular expression' })
  .refine((source) => !isValidRegex(source) || groupNames(source).length > 0, {
    message: 'needs a named group, e.g. (?<seconds>\\d+\\.\\d+)',
  });

/**
 * Counts over the stdout lines matching `regex`, e.g. "12 lines naming 3 distinct pids".
 * Lines that do not match are ignored here (the `stdout` expectation covers them).
 */
export const lineCountSchema = z
  .strictObject({
    /** JavaScript regular expression matched against the whole line (anchors added). */
    regex: z.string().refine(isValidRegex, { message: 'not a valid JavaScript regular expression' }),
    /** Exactly this many lines match. */
    lines: z.number().int().nonnegative().optional(),
    /** Named group → how many distinct values it takes over the matching lines, e.g. `{ pid: 3 }`. */
    distinct: z.record(z.string(), z.number().int().nonnegative()).optional(),
  })
  .refine((count) => count.lines !== undefined || count.distinct !== undefined, {
    message: 'say what to count: `lines`, `distinct`, or both',
  })
  .refine(
    (count) =>
      !isValidRegex(count.regex) || Object.keys(count.distinct ?? {}).every((g) => groupNames(count.regex).includes(g)),
    { message: 'every key of `distinct` must be a named group of `regex`', path: ['distinct'] },
  );
export type LineCount = z.infer<typeof lineCountSchema>;

/**
 * A relative timing check: `metric / over` within bounds. Ratios survive a busy machine
 * far better than absolute times, because load slows every part of one run alike.
 */
export const ratioCheckSchema = z
  .strictObject({
    /** Numerator: a metric name (a named group of `metrics`). */
    metric: z.string(),
    /** Denominator: a metric name. */
    over: z.string(),
    /** Lower bound of the ratio. */
    min: z.number().nonnegative().optional(),
    /** Upper bound of the ratio. */
    max: z.number().positive().optional(),
    /**
     * Check only on interpreters where the bound is expected to hold, e.g. a speed-up
     * from processes needs 2 CPUs; threads take turns only while the GIL is on.
     * @default always
     */
    when: interpreterConditionSchema.optional(),
    /** Why these bounds hold, and how much the ratio was seen to move. */
    reason: z.string().min(10, 'say why the bound holds (at least 10 characters)'),
  })
  .refine((check) => check.min !== undefined || check.max !== undefined, { message: 'give `min`, `max` or both' });
export type RatioCheck = z.infer<typeof ratioCheckSchema>;

/**
 * Concurrency seen in the recorded lifetimes of threads or processes (the runner traces them):
 * e.g. "2 child processes were alive at once for at least 1 s" proves they slept at the same time,
 * however long a busy machine took to start them. The main thread and main process do not count.
 */
export const overlapCheckSchema = z.strictObject({
  /** `thread` or `process`. */
  kind: z.enum(['thread', 'process']),
  /** How many must have been alive at once. */
  atLeast: z.number().int().min(2),
  /** For at least this long in all, seconds (checked on every run). */
  forSeconds: z.number().positive(),
  /** Why they must overlap (what runs side by side). */
  reason: z.string().min(10, 'say why they overlap (at least 10 characters)'),
});
export type OverlapCheck = z.infer<typeof overlapCheckSchema>;

/** Expectations of one run. */
export const expectationSchema = z.strictObject({
  /**
   * Exit status.
   * @default 0
   */
  exitCode: z.number().int().default(0),
  /**
   * Stdout.
   * @default must be empty
   */
  stdout: expectedOutputSchema.default({ lines: [], order: 'exact', json: false }),
  /**
   * Stderr.
   * @default must be empty
   */
  stderr: expectedOutputSchema.default({ lines: [], order: 'exact', json: false }),
  /** Bounds on the median wall time of the repeats (interpreter start-up included). */
  wallSeconds: secondsBoundSchema.optional(),
  /**
   * Numbers read from stdout, for pages that compute from them: each regex must match
   * exactly one line, and each of its named groups becomes a metric of that name, e.g.
   * `'sequential: +(?<sequential>[\d.]+) s'`.
   * @default none
   */
  metrics: z.array(namedGroupRegexSchema).optional(),
  /**
   * Relative timing checks between metrics, on the run the page shows.
   * @default none
   */
  ratios: z.array(ratioCheckSchema).optional(),
  /**
   * Line counts over stdout.
   * @default none
   */
  counts: z.array(lineCountSchema).optional(),
  /**
   * Threads or processes that must have run at the same time, from the run's trace.
   * @default none
   */
  overlap: z.array(overlapCheckSchema).optional(),
}).refine(
  (expect) => {
    const names = (expect.metrics ?? []).filter(isValidRegex).flatMap(groupNames);
    return (expect.ratios ?? []).every((r) => names.includes(r.metric) && names.includes(r.over));
  },
  { message: 'a ratio names a metric that no `metrics` regex defines', path: ['ratios'] },
);
export type Expectation = z.infer<typeof expectationSchema>;

/** What a variant does on the interpreters a condition picks out, and why it differs there. */
export const expectationCaseSchema = z.strictObject({
  /** The interpreters this case is for. */
  when: interpreterConditionSchema,
  /** Why the behaviour differs there, with its source (a changelog, a PEP, a measurement). */
  reason: z.string().min(10, 'say why the behaviour differs there (at least 10 characters)'),
  /** The whole expectation on those interpreters (it replaces the variant's `expect`). */
  expect: expectationSchema,
});
export type ExpectationCase = z.infer<typeof expectationCaseSchema>;

/** A way to run the example: a start method with its own expectations. */
export const variantSpecSchema = z.strictObject({
  /** Start method set before the example runs; omitted: the interpreter's default. */
  startMethod: startMethodSchema.optional(),
  /** What the run must do, wherever no case below applies. */
  expect: expectationSchema,
  /**
   * Interpreter-dependent expectations: the first case whose `when` holds replaces `expect`,
   * e.g. the unguarded example exits 1 under forkserver from 3.14 on.
   * @default []
   */
  cases: z.array(expectationCaseSchema).default([]),
});
export type VariantSpec = z.infer<typeof variantSpecSchema>;

/** A variant's name, as results, pages and `<Example variant>` call it: its start method, or `default`. */
export function variantName(variant: Pick<VariantSpec, 'startMethod'>): string {
  return variant.startMethod ?? 'default';
}

/**
 * The variant a page element means: the one it names, else the example's first (`variants`, in the
 * spec's order; `default` for an example without start methods). The plan reads the spec, the
 * components the example's entry: both through here, so they agree.
 */
export function drawnVariant(named: string | undefined, variants: readonly string[]): string {
  return named ?? variants[0] ?? 'default';
}

export const exampleSpecSchema = z
  .strictObject({
    /** One sentence on what the example shows (for people reading the spec). */
    description: z.string().min(1),
    /**
     * Interpreter arguments before the file, e.g. `['-X', 'dev']`.
     * @default []
     */
    args: z.array(z.string()).default([]),
    /**
     * Extra environment variables.
     * @default {}
     */
    env: z.record(z.string(), z.string()).default({}),
    /**
     * Seconds before the whole process group is killed.
     * @default 60
     */
    timeoutSeconds: z.number().positive().default(60),
    /**
     * Timed runs per variant: the page shows the run with the median time.
     * @default 5
     */
    repeats: z.number().int().min(1).default(5),
    /** Required when `repeats` is lowered below 5: why fewer runs are enough. */
    repeatsReason: z.string().optional(),
    /**
     * What the example's time is spent on, which decides how its runs are scheduled:
     * `cpu` runs alone, so nothing else on the machine skews its timings;
     * `waiting` (it mostly sleeps or waits on I/O) may run beside other waiting examples,
     * whose few milliseconds of CPU cannot move its bounds; `untimed` (short, its output is
     * the point and its only time bound catches a hang) may run beside them too, since nothing
     * of its own is timed and its few hundred milliseconds of CPU cannot move their bounds.
     * @default 'cpu'
     */
    workload: z.enum(['cpu', 'waiting', 'untimed']).default('cpu'),
    /**
     * Its timings compare one thread with several on a CPU-bound task: time its runs only while
     * the machine's CPUs run at the same speed (scripts/examples/even-cpus.ts), since a lone
     * thread left on a CPU the host is slowing looks slower than threads taking turns on both.
     * Costs a probe of about 50 ms before and after each run.
     * @default false
     */
    evenCpus: z.boolean().default(false),
    /**
     * Run only on the interpreters this holds for, e.g. `InterpreterPoolExecutor` needs
     * Python 3.14; pages say where it did not run and why.
     * @default every interpreter
     */
    requires: z
      .strictObject({
        when: interpreterConditionSchema,
        /** Why other interpreters cannot run it. */
        reason: z.string().min(10, 'say why other interpreters cannot run it (at least 10 characters)'),
      })
      .optional(),
    /** Run once per variant, e.g. one per start method. */
    variants: z.array(variantSpecSchema).min(1),
  })
  .refine((spec) => spec.repeats >= 5 || (spec.repeatsReason ?? '').length > 0, {
    message: 'repeats below 5 need a repeatsReason',
    path: ['repeats'],
  })
  .refine(
    (spec) => new Set(spec.variants.map(variantName)).size === spec.variants.length,
    { message: 'each variant needs a different startMethod', path: ['variants'] },
  );
export type ExampleSpec = z.infer<typeof exampleSpecSchema>;

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** Names of the named groups in a regex source, in order. */
export function groupNames(source: string): string[] {
  // An empty alternative makes the regex match '' with every group present but undefined.
  return Object.keys(new RegExp(`${source}|`).exec('')?.groups ?? {});
}
