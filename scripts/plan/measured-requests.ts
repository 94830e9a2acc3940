/**
 * Drawings made from measurements, as pages ask for them: `<Timeline>` (a gantt of a run's threads
 * and processes, or of printed turns) and `<MeasuredChart>` (a bar chart of numbers the example
 * printed as JSON). The plan collects them from the pages; the pipeline draws each once per
 * interpreter; the components find their drawings by the same key.
 */
import type { ExampleFiles } from '../examples/discover-examples.ts';
import type { ExampleEntry } from '../examples/result-schema.ts';
import { drawnVariant, variantName } from '../examples/spec-schema.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import type { ComponentUse } from './page-usage.ts';

export interface TimelineRequest {
  kind: 'timeline';
  example: string;
  /** Variant name (`default` or a start method). */
  variant: string;
}

export interface ChartRequest {
  kind: 'chart';
  example: string;
  variant: string;
  /** JSON key of the category names, e.g. `percentiles` for `["p10", "median", …]`. */
  categories: string;
  /** JSON keys of the value arrays, one bar per category each, e.g. `alone_ms beside_cpu_ms`. */
  series: string[];
  /** Unit of the values, e.g. `ms`. */
  unit: string;
  /** The chart's title (its accessible name too). */
  title: string;
}

export type MeasuredRequest = TimelineRequest | ChartRequest;

/** The components that draw measurements, and what each needs besides `example`. */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  Timeline: [],
  MeasuredChart: ['categories', 'series', 'unit', 'title'],
};

/** One identity per drawing, shared by the plan and the components. */
export function requestKey(request: Pick<MeasuredRequest, 'kind' | 'example' | 'variant'> & { series?: readonly string[] }): string {
  return [request.kind, request.example, request.variant, ...(request.series ?? [])].join(':');
}

/** What a component knows of the drawing it shows: its attributes as written on the page. */
export type DrawingAttributes = Pick<MeasuredRequest, 'kind' | 'example'> & { variant?: string | undefined; series?: readonly string[] };

/** The key of the drawing a `<Timeline>` or `<MeasuredChart>` shows, given its example's entry. */
export function drawingKey(drawing: DrawingAttributes, entry: ExampleEntry | undefined): string {
  const variants = entry?.results[0]?.variants.map((variant) => variant.name) ?? [];
  return requestKey({ ...drawing, variant: drawnVariant(drawing.variant, variants) });
}

/**
 * The drawing a page element asks for; undefined for an element that draws no measurement.
 * Throws naming the page, line and missing attribute.
 */
export function measuredRequest(use: ComponentUse, example: ExampleFiles): MeasuredRequest | undefined {
  const required = REQUIRED[use.component];
  if (!required) return undefined;
  const missing = required.filter((name) => !use.attributes[name]);
  if (missing.length > 0) {
    throw new BuildStepError(
      `${use.page}:${use.line}: <${use.component}> needs ${missing.map((name) => `${name}="…"`).join(', ')} ` +
        '(written as plain strings: the build reads them before the page renders).',
      { step: 'plan', file: `${use.page}:${use.line}` },
    );
  }
  const variant = drawnVariant(use.attributes['variant'], example.spec.variants.map(variantName));
  if (use.component === 'Timeline') return { kind: 'timeline', example: example.id, variant };
  const { categories, series, unit, title } = use.attributes as Record<'categories' | 'series' | 'unit' | 'title', string>;
  return { kind: 'chart', example: example.id, variant, categories, series: series.split(/\s+/), unit, title };
}
