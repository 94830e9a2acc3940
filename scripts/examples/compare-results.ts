/**
 * How one variant of an example behaved on each interpreter, side by side: the facts in which the
 * runs differ (exit status, start method, standard error, output) and the spec's reasons where a
 * difference was expected. Pages turn these facts into a sentence at the top of the results.
 */
import { interpreterLabel } from '../interpreters/interpreter-info.ts';
import type { ShownResult, ShownVariant } from './result-schema.ts';

/** One interpreter's value of a fact, e.g. `{ label: 'CPython 3.14.8', value: 'exit status 1' }`. */
export interface Observed {
  label: string;
  value: string;
}

export interface Comparison {
  /** Interpreters compared, in the configured order. */
  labels: string[];
  /** Stdout text identical on every interpreter. */
  sameOutput: boolean;
  /** Facts whose value differs between interpreters (empty when they behaved alike). */
  differences: { fact: 'exit status' | 'start method' | 'standard error'; values: Observed[] }[];
  /** Interpreters on which the spec expected something else, with its reason. */
  expectedDifferently: (Observed & { when: string })[];
}

/** Compares variant `name` across the results (one per interpreter); those without it are left out. */
export function compareResults(results: readonly ShownResult[], name: string): Comparison {
  const runs = results.flatMap((result) => {
    const variant = result.variants.find((v) => v.name === name);
    return variant ? [{ label: interpreterLabel(result.interpreter), variant }] : [];
  });
  const fact = (read: (variant: ShownVariant) => string): Observed[] =>
    runs.map(({ label, variant }) => ({ label, value: read(variant) }));
  // The start method matters only to a program that started a process (the trace shows children).
  const startsProcesses = runs.some(({ variant }) => variant.shown.trace.some((event) => event.kind === 'process' && event.name !== 'MainProcess'));
  const facts = {
    'exit status': fact(({ shown }) => (shown.exitCode === null ? `killed by ${shown.signal ?? 'a signal'}` : String(shown.exitCode))),
    'start method': startsProcesses ? fact((variant) => variant.startMethod) : [],
    // Whether anything was written, not how much: tracebacks differ in length between versions.
    'standard error': fact(({ shown }) => (shown.stderr.text === '' ? 'empty' : 'written to')),
  } as const;
  return {
    labels: runs.map((run) => run.label),
    sameOutput: new Set(runs.map((run) => run.variant.shown.stdout.text)).size <= 1,
    differences: Object.entries(facts)
      .filter(([, values]) => new Set(values.map((v) => v.value)).size > 1)
      .map(([name, values]) => ({ fact: name as keyof typeof facts, values })),
    expectedDifferently: runs.flatMap(({ label, variant }) =>
      variant.expectation ? [{ label, value: variant.expectation.reason, when: variant.expectation.when }] : [],
    ),
  };
}
