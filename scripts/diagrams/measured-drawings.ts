/**
 * The drawings of measurements pages ask for (the build plan's `measured`): for each, one diagram
 * per interpreter, from the run that page shows: a gantt for `<Timeline>`, a bar chart for
 * `<MeasuredChart>`. They go through the same cached pipeline as every other diagram.
 */
import type { ExampleEntry } from '../examples/result-schema.ts';
import { requestKey, type MeasuredRequest } from '../plan/measured-requests.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import type { DiagramSource } from './diagram-source.ts';
import { chartSource } from './measured-chart.ts';
import { timelineSource } from './timeline-gantt.ts';

/** A diagram name unique per drawing and interpreter (by position), kebab-case. */
function drawingName(request: MeasuredRequest, interpreterIndex: number): string {
  const series = request.kind === 'chart' ? [request.series.join('-').replaceAll('_', '-')] : [];
  return [request.kind, request.example, request.variant, ...series, interpreterIndex + 1].join('-');
}

export function measuredSources(requests: readonly MeasuredRequest[], entries: readonly ExampleEntry[]): DiagramSource[] {
  return requests.flatMap((request) => {
    const entry = entries.find((e) => e.id === request.example);
    if (!entry) throw new BuildStepError(`<${request.kind}> of "${request.example}": the example has no results.`, { step: 'diagrams' });
    return entry.results.flatMap((result, index) => {
      const variant = result.variants.find((v) => v.name === request.variant);
      if (!variant) return [];
      const name = drawingName(request, index);
      const source = request.kind === 'timeline' ? timelineSource(result, variant, name) : chartSource(request, result, variant, name);
      return [{ ...source, measured: { key: requestKey(request), interpreter: result.interpreter } }];
    });
  });
}
