/**
 * The measured-timeline diagrams: runs (or takes from the runner's cache) the examples that
 * have threads or processes worth drawing and turns each variant's shown run into a gantt.
 */
import { runExamples } from '../examples/index.ts';
import type { DiagramSource } from './diagram-source.ts';
import { timelineSource } from './timeline-gantt.ts';

/** Examples drawn by <Timeline>: sleeping threads, GIL turns, side-by-side processes, CPU-bound work. */
export const TIMELINE_EXAMPLES = ['threads-sleep', 'gil-turns', 'processes-guarded', 'gil-cpu-bound', 'exercise-processes-threads'] as const;

export interface MeasuredTimelinesOptions {
  /** Project root. */
  root: string;
  /** Progress lines. Default console.log. */
  log?: (line: string) => void;
}

/** One diagram source per example variant, from the first interpreter's result. */
export async function measuredTimelines({ root, log }: MeasuredTimelinesOptions): Promise<DiagramSource[]> {
  const report = await runExamples({ root, only: TIMELINE_EXAMPLES, ...(log ? { log } : {}) });
  return report.entries.flatMap((entry) => {
    const result = entry.results[0];
    return result ? result.variants.map((variant, index) => timelineSource(result, variant, index === 0)) : [];
  });
}
