/**
 * Whether an example behaves on one interpreter as it did on another, in the facts a reader of
 * the page would notice: the exit status, the messages on standard error (the lines that say what
 * went wrong, not the traceback frames around them), and whether the run still does what the
 * spec expects. Timings and printed numbers are left out: they differ from run to run.
 */
import { exitText, type ExampleRun } from './result-schema.ts';

export interface Behaviour {
  /** `0`, `1`, `killed by SIGKILL`, `timed out`. */
  exit: string;
  /** Standard error's message lines, numbers and paths masked (see stderrMessages). */
  messages: string[];
  /** What the run breaks of its spec (empty when it is verified). */
  problems: string[];
  /** The spec's interpreter-specific case that applied, in words, if one did. */
  expectedAs?: string | undefined;
}

/**
 * The lines of a traceback or warning that say what happened: those not indented (frames, source
 * lines and carets are), with numbers (pids, addresses, line numbers, timings) and absolute paths
 * masked, each once, sorted: two interpreters that fail the same way give the same list.
 */
export function stderrMessages(stderr: string): string[] {
  const lines = stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s/.test(line))
    .map((line) => line.replace(/(?:\/[\w.+@-]+)+/g, '<path>').replace(/\d+/g, 'N').trimEnd());
  return [...new Set(lines)].sort();
}

/** What `run` did; `stderr.text` as printed (not shortened: paths are masked here anyway). */
export function behaviourOf(
  run: Pick<ExampleRun, 'timedOut' | 'exitCode' | 'signal'> & { stderr: { text: string } },
  problems: readonly string[],
  expectedAs?: string,
): Behaviour {
  const exit = run.timedOut ? 'timed out' : exitText(run);
  return { exit, messages: stderrMessages(run.stderr.text), problems: [...problems], expectedAs };
}

/**
 * How `newest` differs from `pinned`, one line each (empty when it behaves alike): a changed exit
 * status, messages gained (+) or lost (-), a spec it now breaks, a different case of the spec.
 */
export function behaviourDifferences(pinned: Behaviour, newest: Behaviour): string[] {
  const differences: string[] = [];
  if (pinned.exit !== newest.exit) differences.push(`exit status ${newest.exit} (pinned: ${pinned.exit})`);
  const gained = newest.messages.filter((line) => !pinned.messages.includes(line));
  const lost = pinned.messages.filter((line) => !newest.messages.includes(line));
  differences.push(...gained.map((line) => `standard error + ${line}`), ...lost.map((line) => `standard error - ${line}`));
  if (newest.problems.length > 0) differences.push(...newest.problems.map((problem) => `spec: ${problem}`));
  if ((pinned.expectedAs ?? '') !== (newest.expectedAs ?? '')) {
    differences.push(`spec case: ${newest.expectedAs ?? 'the variant\'s own expectation'} (pinned: ${pinned.expectedAs ?? 'the variant\'s own expectation'})`);
  }
  return differences;
}
