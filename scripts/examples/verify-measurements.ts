/**
 * Verification beyond line matching: numbers read from stdout (metrics), relative timing
 * checks between them, and counts of matching lines (e.g. distinct pids). Returns problems
 * as sentences, like verify-output.ts; the caller adds which file and run.
 */
import { conditionHolds, type ConditionSubject } from './interpreter-condition.ts';
import type { TraceEvent } from './result-schema.ts';
import type { Expectation, LineCount, OverlapCheck, RatioCheck } from './spec-schema.ts';
import { timeWithAtLeast } from '../shared/intervals.ts';
import { splitLines } from './verify-output.ts';

export interface ExtractedMetrics {
  metrics: Record<string, number>;
  problems: string[];
}

/** Reads every named group of every regex from the one stdout line it must match. */
export function extractMetrics(patterns: readonly string[], stdout: string): ExtractedMetrics {
  const lines = splitLines(stdout);
  const metrics: Record<string, number> = {};
  const problems: string[] = [];
  for (const source of patterns) {
    const regex = new RegExp(`^(?:${source})$`);
    const matches = lines.map((line) => regex.exec(line)).filter((m): m is RegExpExecArray => m !== null);
    if (matches.length !== 1) {
      problems.push(`metric /${source}/ should match exactly one stdout line, matched ${matches.length}`);
      continue;
    }
    for (const [name, text] of Object.entries((matches[0] as RegExpExecArray).groups ?? {})) {
      const value = Number(text);
      if (text === undefined || text.trim() === '' || !Number.isFinite(value)) {
        problems.push(`metric ${name} from /${source}/ is not a number: ${JSON.stringify(text)}`);
      } else {
        metrics[name] = value;
      }
    }
  }
  return { metrics, problems };
}

export function verifyCounts(counts: readonly LineCount[], stdout: string): string[] {
  const lines = splitLines(stdout);
  const problems: string[] = [];
  for (const count of counts) {
    const regex = new RegExp(`^(?:${count.regex})$`);
    const matches = lines.map((line) => regex.exec(line)).filter((m): m is RegExpExecArray => m !== null);
    if (count.lines !== undefined && matches.length !== count.lines) {
      problems.push(`stdout: expected ${count.lines} lines matching /${count.regex}/, got ${matches.length}`);
    }
    for (const [group, expected] of Object.entries(count.distinct ?? {})) {
      const values = new Set(matches.map((m) => m.groups?.[group]).filter((v) => v !== undefined));
      if (values.size !== expected) {
        problems.push(
          `stdout: expected ${expected} distinct values of ${group} in lines matching /${count.regex}/, ` +
            `got ${values.size} (${[...values].join(', ')})`,
        );
      }
    }
  }
  return problems;
}

export function verifyRatios(
  checks: readonly RatioCheck[],
  metrics: Readonly<Record<string, number>>,
  interpreter: ConditionSubject,
): string[] {
  const problems: string[] = [];
  for (const check of checks.filter((c) => conditionHolds(c.when, interpreter))) {
    const top = metrics[check.metric];
    const bottom = metrics[check.over];
    if (top === undefined || bottom === undefined || bottom === 0) {
      problems.push(`ratio ${check.metric} / ${check.over}: metric missing or zero (${top} / ${bottom})`);
      continue;
    }
    const ratio = top / bottom;
    const shown = `${check.metric} / ${check.over} = ${ratio.toFixed(2)}`;
    if (check.min !== undefined && ratio < check.min) {
      problems.push(`${shown} is below the minimum ${check.min} (${check.reason})`);
    } else if (check.max !== undefined && ratio > check.max) {
      problems.push(`${shown} is above the maximum ${check.max} (${check.reason})`);
    }
  }
  return problems;
}

/** The main thread and process are the program itself; concurrency is about what it started. */
const MAIN = new Set(['MainThread', 'MainProcess']);

export function verifyOverlap(checks: readonly OverlapCheck[], trace: readonly TraceEvent[]): string[] {
  return checks.flatMap((check) => {
    const lives = trace
      .filter((event) => event.kind === check.kind && !MAIN.has(event.name))
      .map((event) => ({ start: event.startNs / 1e9, end: event.endNs / 1e9 }));
    const together = timeWithAtLeast(lives, check.atLeast);
    const plural = check.kind === 'process' ? 'processes' : 'threads';
    return together >= check.forSeconds
      ? []
      : [
          `${check.atLeast} ${plural} should have been alive at once for at least ${check.forSeconds} s, ` +
            `but were for ${together.toFixed(2)} s (${lives.length} ${plural} recorded; ${check.reason})`,
        ];
  });
}

/** Metrics and line counts of one run, as its spec asks (nothing when it asks for neither). */
export function measureRun(
  expect: Pick<Expectation, 'metrics' | 'counts'>,
  stdout: string,
): ExtractedMetrics {
  const extracted = extractMetrics(expect.metrics ?? [], stdout);
  return { metrics: extracted.metrics, problems: [...extracted.problems, ...verifyCounts(expect.counts ?? [], stdout)] };
}
