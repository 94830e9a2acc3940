/**
 * Runner overhead: the runner's whole time minus the examples' own wall time (each run's
 * `wallMs`, spawn to exit), with every example run afresh (`force`).
 */
import { runExamples } from '../examples/index.ts';

export interface RunnerOverhead {
  totalMs: number;
  examplesMs: number;
  overheadMs: number;
  /** Overhead as a share of the examples' own time. */
  overheadRatio: number;
  runs: number;
}

export async function measureRunnerOverhead(root: string, log: (line: string) => void): Promise<RunnerOverhead> {
  const report = await runExamples({ root, force: true, log });
  const runs = report.entries.flatMap((entry) => entry.results.flatMap((result) => result.variants.flatMap((variant) => variant.runs)));
  const examplesMs = runs.reduce((sum, run) => sum + run.wallMs, 0);
  const overheadMs = report.elapsedMs - examplesMs;
  return { totalMs: report.elapsedMs, examplesMs, overheadMs, overheadRatio: overheadMs / examplesMs, runs: runs.length };
}
