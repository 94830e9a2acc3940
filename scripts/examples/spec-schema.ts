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
});
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
