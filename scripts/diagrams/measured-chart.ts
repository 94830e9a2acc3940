/**
 * Measured bar charts: numbers an example printed as JSON (e.g. response-time percentiles alone
 * and beside a CPU-bound thread), drawn as a Mermaid xychart at build time. Every bar's label
 * names its series and category, so nothing is told by colour alone.
 */
import type { ShownResult, ShownVariant } from '../examples/result-schema.ts';
import { interpreterLabel } from '../interpreters/interpreter-info.ts';
import type { ChartRequest } from '../plan/measured-requests.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import type { DiagramSource } from './diagram-source.ts';

export interface Bar {
  label: string;
  value: number;
}

/** `alone_ms` → `alone`: the series name as a reader says it. */
function seriesName(key: string, unit: string): string {
  return key.replace(new RegExp(`_${unit}$`), '').replaceAll('_', ' ');
}

/** The bars of a request: for each series, one per category, in order. */
export function barsOf(request: ChartRequest, json: unknown, origin: string): Bar[] {
  const data = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const categories = data[request.categories];
  if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string')) {
    throw new BuildStepError(`${origin}: its JSON has no list of names under "${request.categories}" for the chart's categories.`, {
      step: 'diagrams',
      file: origin,
    });
  }
  return request.series.flatMap((key) => {
    const values = data[key];
    if (!Array.isArray(values) || values.length !== categories.length || !values.every((v) => typeof v === 'number')) {
      throw new BuildStepError(`${origin}: its JSON has no list of ${categories.length} numbers under "${key}" (one per "${request.categories}").`, {
        step: 'diagrams',
        file: origin,
      });
    }
    return categories.map((category, index) => ({ label: `${seriesName(key, request.unit)} ${category}`, value: values[index] as number }));
  });
}

/** Mermaid xychart source: one bar series, labelled categories, the y axis from 0 with room above. */
export function barChartSource(title: string, unit: string, bars: readonly Bar[]): string {
  const quote = (text: string) => `"${text.replace(/"/g, "'")}"`;
  const top = Math.max(...bars.map((bar) => bar.value));
  const values = bars.map((bar) => `${bar.label} ${bar.value} ${unit}`).join(', ');
  return [
    '---',
    'config:',
    '  xyChart:',
    '    width: 640',
    '    height: 320',
    '---',
    'xychart-beta',
    `  accTitle: ${title.replace(/[;#\n]/g, ' ')}`,
    `  accDescr: Measured at build time: ${values}.`,
    `  x-axis [${bars.map((bar) => quote(bar.label)).join(', ')}]`,
    `  y-axis ${quote(unit)} 0 --> ${Number((top * 1.1).toPrecision(2))}`,
    `  bar [${bars.map((bar) => bar.value).join(', ')}]`,
    '',
  ].join('\n');
}

/** The chart of one variant of an example's result on one interpreter. `name` must be unique among all diagrams. */
export function chartSource(request: ChartRequest, result: ShownResult, variant: ShownVariant, name: string): DiagramSource {
  const python = interpreterLabel(result.interpreter);
  const origin = `${result.sourceFile} (variant ${variant.name}, ${python}, measured chart)`;
  const title = `${request.title} (${python})`;
  return { name, origin, source: barChartSource(title, request.unit, barsOf(request, variant.json, origin)) };
}
