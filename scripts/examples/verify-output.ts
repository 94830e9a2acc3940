/**
 * Compares what an example did with what its spec expects. Returns problems as
 * sentences (empty when all is as expected); the caller adds which file and run.
 */
import { messageOf } from '../shared/error-text.ts';
import { formatSeconds } from '../shared/format.ts';
import type { Expectation, ExpectedLine, ExpectedOutput } from './spec-schema.ts';

export interface ObservedRun {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
}

export function verifyRun(expect: Expectation, run: ObservedRun, timeoutSeconds: number): string[] {
  const problems: string[] = [];
  if (run.timedOut) {
    problems.push(
      `timed out after ${timeoutSeconds} s: the runner killed its whole process group (children included)`,
    );
  } else if (run.exitCode !== expect.exitCode) {
    const got = run.exitCode === null ? `killed by ${run.signal ?? 'a signal'}` : `exit status ${run.exitCode}`;
    problems.push(`expected exit status ${expect.exitCode}, got ${got}`);
  }
  problems.push(...verifyOutput('stdout', expect.stdout, run.stdout));
  problems.push(...verifyOutput('stderr', expect.stderr, run.stderr));
  return problems;
}

/** Lines of a stream; the newline ending the last line does not start another. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export function lineMatches(expected: ExpectedLine, actual: string): boolean {
  return typeof expected === 'string' ? expected === actual : new RegExp(`^(?:${expected.regex})$`).test(actual);
}

export function describeLine(expected: ExpectedLine): string {
  return typeof expected === 'string' ? JSON.stringify(expected) : `/${expected.regex}/`;
}

export function verifyOutput(stream: string, expected: ExpectedOutput, text: string): string[] {
  if ('anyOf' in expected) {
    const attempts = expected.anyOf.map((alternative) => verifyOutput(stream, alternative, text));
    if (attempts.some((problems) => problems.length === 0)) return verifyJson(stream, expected.json, text);
    return [
      `${stream} matches none of the ${attempts.length} alternatives: ` +
        attempts.map((problems, i) => `(${i + 1}) ${problems.join('; ')}`).join(' '),
    ];
  }
  const actual = splitLines(text);
  const problems = 'contains' in expected ? verifyContains(stream, expected.contains, actual) : [];
  if ('lines' in expected) {
    problems.push(
      ...(expected.order === 'exact'
        ? verifyOrdered(stream, expected.lines, actual)
        : verifyUnordered(stream, expected.lines, actual)),
    );
  }
  return [...problems, ...verifyJson(stream, expected.json, text)];
}

function verifyJson(stream: string, json: boolean, text: string): string[] {
  if (!json) return [];
  try {
    JSON.parse(text);
    return [];
  } catch (error) {
    return [`${stream} should be JSON but does not parse: ${messageOf(error)}`];
  }
}

function verifyOrdered(stream: string, expected: readonly ExpectedLine[], actual: readonly string[]): string[] {
  for (let i = 0; i < Math.max(expected.length, actual.length); i += 1) {
    const want = expected[i];
    const got = actual[i];
    if (want === undefined) return [`${stream} line ${i + 1}: expected no more lines, got ${JSON.stringify(got)}`];
    if (got === undefined) return [`${stream} line ${i + 1}: expected ${describeLine(want)}, got end of output`];
    if (!lineMatches(want, got)) {
      return [`${stream} line ${i + 1}: expected ${describeLine(want)}, got ${JSON.stringify(got)}`];
    }
  }
  return [];
}

/** Same lines in any order: a perfect matching between expected and actual lines. */
function verifyUnordered(stream: string, expected: readonly ExpectedLine[], actual: readonly string[]): string[] {
  if (expected.length !== actual.length) {
    return [`${stream}: expected ${expected.length} lines in any order, got ${actual.length}`];
  }
  // Kuhn's augmenting paths: regex lines may overlap, so greedy matching could fail wrongly.
  const owner: (number | undefined)[] = new Array(actual.length).fill(undefined);
  const assign = (e: number, seen: boolean[]): boolean => {
    for (let a = 0; a < actual.length; a += 1) {
      if (seen[a] || !lineMatches(expected[e] as ExpectedLine, actual[a] as string)) continue;
      seen[a] = true;
      const current = owner[a];
      if (current === undefined || assign(current, seen)) {
        owner[a] = e;
        return true;
      }
    }
    return false;
  };
  const unmatched = expected.filter((_, e) => !assign(e, new Array(actual.length).fill(false)));
  const extra = actual.filter((_, a) => owner[a] === undefined);
  if (unmatched.length === 0) return [];
  return [
    `${stream} (any order): no line matches ${unmatched.map(describeLine).join(', ')}; ` +
      `unexpected: ${extra.map((line) => JSON.stringify(line)).join(', ')}`,
  ];
}

function verifyContains(stream: string, patterns: readonly ExpectedLine[], actual: readonly string[]): string[] {
  return patterns
    .filter((pattern) => !actual.some((line) => lineMatches(pattern, line)))
    .map((pattern) => `${stream}: no line matches ${describeLine(pattern)}`);
}

/** Checks the median wall time against the spec's bounds. */
export function verifyWallTime(expect: Expectation, medianMs: number): string[] {
  const bound = expect.wallSeconds;
  if (!bound) return [];
  const seconds = medianMs / 1000;
  const shown = formatSeconds(seconds);
  if (bound.min !== undefined && seconds < bound.min) {
    return [`median wall time ${shown} is below the minimum ${bound.min} s (${bound.reason})`];
  }
  if (bound.max !== undefined && seconds > bound.max) {
    return [`median wall time ${shown} is above the maximum ${bound.max} s (${bound.reason})`];
  }
  return [];
}
