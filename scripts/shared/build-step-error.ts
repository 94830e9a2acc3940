/**
 * The build's one error shape: the step that failed, the file at fault, the fix, and the error it
 * explains (`cause`), as Expressive Code wraps a plugin's error with the plugin and hook that
 * failed. The message says what went wrong (naming the file and line where there is one) and
 * ends with `Fix: …`, so a log line carries all of it; the fields are there for code that reacts
 * to a failure (the runner collects failed examples by `step`).
 */

/** The steps a build can fail at, in the order it runs them. */
export type BuildStep =
  /** Reading the pages, the specs and the interpreters: what the build must produce. */
  | 'plan'
  /** Running an example, or verifying its run against its spec. */
  | 'examples'
  /** Reading, rendering or finishing a diagram, or drawing a measurement. */
  | 'diagrams'
  /** A page or component rendering (a name, prop or redirect that does not fit). */
  | 'page'
  /** Checking the site's links and anchors (starlight-links-validator). */
  | 'links'
  /** Checking the built site against src/anchors.json. */
  | 'anchors'
  /** The build command itself: `astro build`, an interrupt, publishing dist/. */
  | 'build';

export interface BuildStepErrorOptions {
  step: BuildStep;
  /**
   * Where: the file at fault, relative to the project root, with `:line` when known (for a drawing
   * of a measurement, the example it draws and how). Unset when several are, each in the message.
   */
  file?: string | undefined;
  /** What to do about it, as a sentence; the message adds `Fix: ` before it. */
  fix?: string | undefined;
  /** The error this one explains. */
  cause?: unknown;
}

export class BuildStepError extends Error {
  override name = 'BuildStepError';
  readonly step: BuildStep;
  readonly file: string | undefined;
  readonly fix: string | undefined;

  constructor(problem: string, { step, file, fix, cause }: BuildStepErrorOptions) {
    super(fix === undefined ? problem : `${problem}\nFix: ${fix}`, cause === undefined ? undefined : { cause });
    this.step = step;
    this.file = file;
    this.fix = fix;
  }

  /**
   * Whether `error` is one (of `step`, when given), also when it comes from another copy of this
   * module: one loaded on demand after a test runner reset its modules, say.
   */
  static is(error: unknown, step?: BuildStep): error is BuildStepError {
    return error instanceof Error && error.name === 'BuildStepError' && (step === undefined || (error as BuildStepError).step === step);
  }
}
