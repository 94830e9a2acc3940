/**
 * How one variant of an example behaved on each interpreter, side by side: the facts in which the
 * runs differ (exit status, start method, whether standard error was written), whether their
 * output is the same text (as pages show it: machine paths shortened, ./shorten-paths.ts), and the
 * spec's case each ran under. describeComparison turns these into the line above the results.
 */
import { interpreterLabel } from '../interpreters/interpreter-info.ts';
import { exitText, type ShownResult, type ShownVariant } from './result-schema.ts';

/** One interpreter's value of a fact, e.g. `{ label: 'CPython 3.14.8', value: '1' }`. */
export interface Observed {
  label: string;
  value: string;
}

/** The spec's interpreter-specific case a run was judged by: its condition in words and why. */
export interface SpecCase {
  when: string;
  reason: string;
}

export interface Comparison {
  /** Interpreters compared, in the configured order. */
  labels: string[];
  /** Standard output the same text on every interpreter, as shown. */
  sameStdout: boolean;
  /** Standard error the same text on every interpreter, as shown (all empty counts as the same). */
  sameStderr: boolean;
  /** Facts whose value differs between interpreters (empty when they behaved alike). */
  differences: { fact: 'exit status' | 'start method' | 'standard error'; values: Observed[] }[];
  /**
   * The interpreters grouped by the spec's case that applied, in order of first interpreter;
   * `case` is unset for those judged by the variant's own expectation. More than one group means
   * the spec itself says they behave differently here.
   */
  cases: { labels: string[]; case?: SpecCase }[];
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
    'exit status': fact(({ shown }) => exitText(shown)),
    'start method': startsProcesses ? fact((variant) => variant.startMethod) : [],
    // Whether anything was written here; whether the text is the same is sameStderr.
    'standard error': fact(({ shown }) => (shown.stderr.text === '' ? 'empty' : 'written to')),
  } as const;
  const same = (read: (variant: ShownVariant) => string) => new Set(runs.map(({ variant }) => read(variant))).size <= 1;
  const cases = new Map<string, { labels: string[]; case?: SpecCase }>();
  for (const { label, variant } of runs) {
    const key = variant.expectation ? JSON.stringify([variant.expectation.when, variant.expectation.reason]) : '';
    const group = cases.get(key) ?? { labels: [], ...(variant.expectation ? { case: { ...variant.expectation } } : {}) };
    group.labels.push(label);
    cases.set(key, group);
  }
  return {
    labels: runs.map((run) => run.label),
    sameStdout: same((variant) => variant.shown.stdout.text),
    sameStderr: same((variant) => variant.shown.stderr.text),
    differences: Object.entries(facts)
      .filter(([, values]) => new Set(values.map((v) => v.value)).size > 1)
      .map(([name, values]) => ({ fact: name as keyof typeof facts, values })),
    cases: [...cases.values()],
  };
}

/** The line above an example's results, in three parts: a bold headline, the rest of the sentence, and the spec's reasons. */
export interface ComparisonLine {
  headline: string;
  detail: string;
  /** One sentence per spec case that applied: `On CPython 3.14.8 (Python >=3.14): …`. */
  reasons: string[];
}

const and = (items: readonly string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(items);

/** `exit status 0 on CPython 3.11.7, 1 on CPython 3.14.8 and CPython 3.15.0`: each value once, with its interpreters. */
function describeFact({ fact, values }: Comparison['differences'][number]): string {
  const byValue = new Map<string, string[]>();
  for (const { label, value } of values) byValue.set(value, [...(byValue.get(value) ?? []), label]);
  return `${fact} ${[...byValue].map(([value, labels]) => `${value} on ${and(labels)}`).join(', ')}`;
}

/** What differs in the text itself, e.g. `the printed values and standard error’s text differ`; empty when nothing does. */
function textDifferences(comparison: Comparison): string {
  // A difference in whether standard error was written is already a fact of its own.
  const stderrIsAFact = comparison.differences.some((d) => d.fact === 'standard error');
  const parts = [!comparison.sameStdout && 'the printed values', !comparison.sameStderr && !stderrIsAFact && 'standard error’s text'];
  const named = parts.filter((part): part is string => typeof part === 'string');
  if (named.length === 0) return '';
  return named.length === 2 ? `${and(named)} differ` : `${named[0]} ${named[0] === 'the printed values' ? 'differ' : 'differs'}`;
}

/**
 * The comparison in words. "Same behaviour" only when every interpreter ran under the same case
 * of the spec and no fact differs; "identical output" only when standard output and standard
 * error are both the same text; and where the spec has different cases for them (it says they
 * behave differently there) the headline says so, with each case's reason, whatever this run showed.
 */
export function describeComparison(comparison: Comparison): ComparisonLine {
  const texts = textDifferences(comparison);
  const identical = comparison.sameStdout && comparison.sameStderr;
  const facts = comparison.differences.map(describeFact).join('; ');
  const expected = comparison.cases.length > 1;
  const reasons = comparison.cases.flatMap((group) => (group.case ? [`On ${and(group.labels)} (${group.case.when}): ${group.case.reason}`] : []));
  let headline: string;
  let detail: string;
  if (comparison.differences.length > 0) {
    headline = expected ? 'Differs between interpreters, as the spec expects:' : 'Differs between interpreters:';
    detail = `${facts}${texts ? `; ${texts}` : ''}.`;
  } else if (expected) {
    headline = 'The spec expects a difference here:';
    detail = `on ${and(comparison.labels)} the exit status and streams agree in this build${identical ? ', with identical output' : `, but ${texts}, see each tab`}.`;
  } else {
    headline = 'Same behaviour';
    detail = `on ${and(comparison.labels)}${identical ? ': identical output.' : ` (exit status and streams); ${texts}, see each tab.`}`;
  }
  return { headline, detail, reasons };
}
