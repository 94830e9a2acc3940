/**
 * Where a cold build's time went: the pipeline's own summary line (examples, diagrams), and, from
 * the results it cached, how much of the examples' time had to be spent alone (CPU-bound runs,
 * one after another: the floor no scheduling can beat) and how much could overlap (waiting runs).
 */
import { runExamples } from '../examples/run-examples.ts';
import { createBuildPlan } from '../plan/build-plan.ts';

export interface ColdBreakdown {
  /** Wall time of the examples phase and of the diagrams phase, ms (from the build's log). */
  examplesMs: number;
  diagramsMs: number;
  /** Results (example × interpreter) produced. */
  results: number;
  interpreters: string[];
  /** Summed wall time of the CPU-bound runs, which run alone: the examples phase's floor, ms. */
  aloneMs: number;
  /** Summed wall time of the waiting runs, which overlap each other, ms. */
  overlappingMs: number;
}

const SUMMARY = /\[pipeline\] (\d+) interpreter\(s\); \d+ examples \((\d+) results ran, \d+ cached\) in ([\d.]+) s; \d+ diagrams \(\d+ rendered, \d+ cached\) in ([\d.]+) s/;

export async function coldBreakdown(site: string, buildOutput: string, env: NodeJS.ProcessEnv): Promise<ColdBreakdown> {
  const summary = SUMMARY.exec(buildOutput);
  if (!summary) throw new Error(`The cold build printed no pipeline summary line (${SUMMARY}); did the pipeline's log change?`);
  const plan = await createBuildPlan({ root: site, env, log: () => {} });
  // Everything is cached now: this reads the results back without running anything.
  const { results } = await runExamples({ examples: plan.examples, interpreters: plan.interpreters, cacheDir: plan.cache.examples, env, log: () => {} });
  const workloadOf = new Map(plan.examples.map((example) => [example.id, example.spec.workload]));
  const sum = (workload: string) =>
    results
      .filter((result) => workloadOf.get(result.id) === workload)
      .flatMap((result) => result.variants.flatMap((variant) => variant.runs))
      .reduce((total, run) => total + run.wallMs, 0);
  return {
    examplesMs: Number(summary[3]) * 1000,
    diagramsMs: Number(summary[4]) * 1000,
    results: Number(summary[2]),
    interpreters: plan.interpreters.map((interpreter) => `${interpreter.requested} ${interpreter.versionInfo.join('.')}`),
    aloneMs: sum('cpu'),
    overlappingMs: sum('waiting'),
  };
}
