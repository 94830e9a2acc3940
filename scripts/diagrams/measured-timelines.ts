/**
 * The measured-timeline diagrams: every example variant whose run recorded more than the main
 * process (or printed GIL turns) becomes a gantt. The runner hands this caller the same report
 * as its own collection (same options, same build), so asking for all examples costs nothing extra.
 */
import { runExamples } from '../examples/index.ts';
import type { DiagramSource } from './diagram-source.ts';
import { hasTimeline, timelineSource } from './timeline-gantt.ts';

export interface MeasuredTimelinesOptions {
  /** Project root. */
  root: string;
  /** Progress lines. Default console.log. */
  log?: (line: string) => void;
}

/** One diagram source per example variant worth drawing, from the first interpreter's result. */
export async function measuredTimelines({ root, log }: MeasuredTimelinesOptions): Promise<DiagramSource[]> {
  const report = await runExamples({ root, ...(log ? { log } : {}) });
  return report.entries.flatMap((entry) => {
    const result = entry.results[0];
    if (!result) return [];
    return result.variants
      .map((variant, index) => ({ variant, first: index === 0 }))
      .filter(({ variant }) => hasTimeline(variant))
      .map(({ variant, first }) => timelineSource(result, variant, first));
  });
}
