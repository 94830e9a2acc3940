/**
 * "On which interpreters does this hold?": the `when` of a spec's cases, ratio checks and
 * requirements. Behaviour that depends on the Python version, the GIL, the default start method
 * or the CPUs a run may use is stated with its condition, never averaged over interpreters.
 */
import { z } from 'astro/zod';
import semver from 'semver';
import { startMethodSchema, type InterpreterInfo } from '../interpreters/interpreter-info.ts';

export const interpreterConditionSchema = z.strictObject({
  /**
   * Python versions, as a semver range over `major.minor.micro`, e.g. `>=3.14`,
   * `>=3.13.8 <3.14` or `<3.10 || >=3.14`.
   * @default any version
   */
  python: z
    .string()
    .refine((range) => semver.validRange(range) !== null, {
      message: 'not a version range; write e.g. ">=3.14" or ">=3.10 <3.14"',
    })
    .optional(),
  /**
   * The GIL is on (`true`) or off (`false`) while the example runs.
   * @default either
   */
  gilEnabled: z.boolean().optional(),
  /**
   * A free-threaded build (`python3.14t`), whether or not the GIL was turned back on.
   * @default either
   */
  freeThreadedBuild: z.boolean().optional(),
  /**
   * The interpreter's default start method, e.g. `forkserver` (Linux since 3.14).
   * @default any
   */
  defaultStartMethod: startMethodSchema.optional(),
  /**
   * At least this many usable CPUs (affinity, not the machine's count).
   * @default no minimum
   */
  minCpuCount: z.number().int().positive().optional(),
  /**
   * At most this many usable CPUs, e.g. `1` for what a single core does.
   * @default no maximum
   */
  maxCpuCount: z.number().int().positive().optional(),
});
export type InterpreterCondition = z.infer<typeof interpreterConditionSchema>;

export type ConditionSubject = Pick<
  InterpreterInfo,
  'versionInfo' | 'gilEnabled' | 'freeThreadedBuild' | 'defaultStartMethod' | 'usableCpuCount'
>;

/** True when every field the condition sets holds for the interpreter (an empty condition always holds). */
export function conditionHolds(when: InterpreterCondition | undefined, interpreter: ConditionSubject): boolean {
  if (!when) return true;
  const cpus = interpreter.usableCpuCount ?? 1;
  return (
    (when.python === undefined || semver.satisfies(interpreter.versionInfo.join('.'), when.python)) &&
    (when.gilEnabled === undefined || when.gilEnabled === interpreter.gilEnabled) &&
    (when.freeThreadedBuild === undefined || when.freeThreadedBuild === interpreter.freeThreadedBuild) &&
    (when.defaultStartMethod === undefined || when.defaultStartMethod === interpreter.defaultStartMethod) &&
    (when.minCpuCount === undefined || cpus >= when.minCpuCount) &&
    (when.maxCpuCount === undefined || cpus <= when.maxCpuCount)
  );
}

/** `Python >=3.14, GIL off, 2+ CPUs`: a condition in words, for messages and pages. */
export function describeCondition(when: InterpreterCondition): string {
  const parts = [
    when.python && `Python ${when.python}`,
    when.gilEnabled !== undefined && `GIL ${when.gilEnabled ? 'on' : 'off'}`,
    when.freeThreadedBuild !== undefined && (when.freeThreadedBuild ? 'free-threaded build' : 'default (GIL) build'),
    when.defaultStartMethod && `default start method ${when.defaultStartMethod}`,
    when.minCpuCount !== undefined && `${when.minCpuCount}+ usable CPUs`,
    when.maxCpuCount !== undefined && `at most ${when.maxCpuCount} usable CPU${when.maxCpuCount === 1 ? '' : 's'}`,
  ].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length > 0 ? parts.join(', ') : 'any interpreter';
}
