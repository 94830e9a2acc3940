/**
 * The spec beside each example (`src/examples/<id>.spec.yaml`): how to run it and
 * what it must do. A page never states an output; the spec states what is verified.
 */
import { z } from 'astro/zod';
import { startMethodSchema } from './result-schema.ts';

/** A line of output: literal text, or `{ regex: '...' }` where the output varies. */
export const expectedLineSchema = z.union([
  z.string(),
  z.strictObject({
    /** JavaScript regular expression matched against the whole line (anchors added). */
    regex: z.string().refine(isValidRegex, { message: 'not a valid JavaScript regular expression' }),
  }),
]);
export type ExpectedLine = z.infer<typeof expectedLineSchema>;

/** Parse the stream as JSON and expose it as `json` in the result. Default false. */
const jsonFlag = z.boolean().default(false);

const linesOutputSchema = z.strictObject({
  /** The stream consists of exactly these lines (a trailing newline is ignored). */
  lines: z.array(expectedLineSchema),
  /**
   * `exact`: in this order. `any`: in any order, e.g. two threads printing
   * concurrently. Default `exact`.
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
     * from processes needs 2 CPUs; threads take turns only while the GIL is on. Default: always.
     */
    when: z
      .strictObject({
        /** Only when the GIL is on (`true`) or off (`false`) at run time. */
        gilEnabled: z.boolean().optional(),
        /** Only when at least this many CPUs are usable (`usableCpuCount`: affinity, not just `os.cpu_count()`). */
        minCpuCount: z.number().int().positive().optional(),
      })
      .optional(),
    /** Why these bounds hold, and how much the ratio was seen to move. */
    reason: z.string().min(10, 'say why the bound holds (at least 10 characters)'),
  })
  .refine((check) => check.min !== undefined || check.max !== undefined, { message: 'give `min`, `max` or both' });
export type RatioCheck = z.infer<typeof ratioCheckSchema>;

/** Expectations of one run. */
export const expectationSchema = z.strictObject({
  /** Exit status. Default 0. */
  exitCode: z.number().int().default(0),
  /** Stdout. Default: must be empty. */
  stdout: expectedOutputSchema.default({ lines: [], order: 'exact', json: false }),
  /** Stderr. Default: must be empty. */
  stderr: expectedOutputSchema.default({ lines: [], order: 'exact', json: false }),
  /** Bounds on the median wall time of the repeats (interpreter start-up included). */
  wallSeconds: secondsBoundSchema.optional(),
  /**
   * Numbers read from stdout, for pages that compute from them: each regex must match
   * exactly one line, and each of its named groups becomes a metric of that name, e.g.
   * `'sequential: +(?<sequential>[\d.]+) s'`. Default none.
   */
  metrics: z.array(namedGroupRegexSchema).optional(),
  /** Relative timing checks between metrics, on the run the page shows. Default none. */
  ratios: z.array(ratioCheckSchema).optional(),
  /** Line counts over stdout. Default none. */
  counts: z.array(lineCountSchema).optional(),
}).refine(
  (expect) => {
    const names = (expect.metrics ?? []).filter(isValidRegex).flatMap(groupNames);
    return (expect.ratios ?? []).every((r) => names.includes(r.metric) && names.includes(r.over));
  },
  { message: 'a ratio names a metric that no `metrics` regex defines', path: ['ratios'] },
);
export type Expectation = z.infer<typeof expectationSchema>;

/** A way to run the example: a start method with its own expectations. */
export const variantSpecSchema = z.strictObject({
  /** Start method set before the example runs; omitted: the interpreter's default. */
  startMethod: startMethodSchema.optional(),
  expect: expectationSchema,
});
export type VariantSpec = z.infer<typeof variantSpecSchema>;

export const exampleSpecSchema = z
  .strictObject({
    /** One sentence on what the example shows (for people reading the spec). */
    description: z.string().min(1),
    /** Interpreter arguments before the file, e.g. `['-X', 'dev']`. Default none. */
    args: z.array(z.string()).default([]),
    /** Extra environment variables. Default none. */
    env: z.record(z.string(), z.string()).default({}),
    /** Seconds before the whole process group is killed. Default 60. */
    timeoutSeconds: z.number().positive().default(60),
    /** Timed runs per variant. Default 5. */
    repeats: z.number().int().min(1).default(5),
    /** Required when `repeats` is lowered below 5: why fewer runs are enough. */
    repeatsReason: z.string().optional(),
    /** Run once per variant, e.g. one per start method. */
    variants: z.array(variantSpecSchema).min(1),
  })
  .refine((spec) => spec.repeats >= 5 || (spec.repeatsReason ?? '').length > 0, {
    message: 'repeats below 5 need a repeatsReason',
    path: ['repeats'],
  })
  .refine(
    (spec) => new Set(spec.variants.map((v) => v.startMethod ?? 'default')).size === spec.variants.length,
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
