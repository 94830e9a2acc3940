/**
 * Where a cold build's time went: the pipeline's own summary (examples, diagrams), and, from
 * the results it cached, how much of the examples' time had to be spent alone (CPU-bound runs,
 * one after another: the floor no scheduling can beat) and how much could overlap (waiting runs).
 */
import { runExamples } from '../examples/run-examples.ts';
import { readPipelineSummary } from '../pipeline/pipeline-summary.ts';
import { createBuildPlan } from '../plan/build-plan.ts';

export interface ColdBreakdown {
  /** Wall time of the examples phase and of the diagrams phase, ms (the pipeline's summary). */
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

/** Read right after the cold build of `site`: its pipeline's summary is the last one written there. */
export async function coldBreakdown(site: string, env: NodeJS.ProcessEnv): Promise<ColdBreakdown> {
  const summary = await readPipelineSummary(site);
  if (!summary) throw new Error(`The cold build of ${site} left no pipeline summary (scripts/pipeline/pipeline-summary.ts).`);
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
    examplesMs: summary.examplesMs,
    diagramsMs: summary.diagramsMs,
    results: summary.resultsRan,
    interpreters: plan.interpreters.map((interpreter) => `${interpreter.requested} ${interpreter.versionInfo.join('.')}`),
    aloneMs: sum('cpu'),
    overlappingMs: sum('waiting'),
  };
}
