/**
 * The measured timelines pages draw (`<Timeline>`, found by the build plan): one gantt per
 * interpreter for each, from the run that page shows. They go through the same cached pipeline
 * as every other diagram.
 */
import type { ExampleEntry } from '../examples/result-schema.ts';
import type { TimelineRequest } from '../plan/build-plan.ts';
import type { DiagramSource } from './diagram-source.ts';
import { TimelineDataError, timelineSource } from './timeline-gantt.ts';

/** The diagram name of a timeline: unique per example, variant and interpreter (by position). */
export function timelineName(request: TimelineRequest, interpreterIndex: number): string {
  return `timeline-${request.example}-${request.variant}-${interpreterIndex + 1}`;
}

export function timelineSources(requests: readonly TimelineRequest[], entries: readonly ExampleEntry[]): DiagramSource[] {
  return requests.flatMap((request) => {
    const entry = entries.find((e) => e.id === request.example);
    if (!entry) throw new TimelineDataError(`<Timeline example="${request.example}">: the example has no results.`);
    return entry.results.flatMap((result, index) => {
      const variant = result.variants.find((v) => v.name === request.variant);
      if (!variant) return [];
      return [
        {
          ...timelineSource(result, variant, timelineName(request, index)),
          timeline: { example: request.example, variant: request.variant, interpreter: result.interpreter },
        },
      ];
    });
  });
}
