/**
 * The figures pages quote from an example: a bound its spec holds every run to (`<SpecBound>`:
 * "between 0.85 and 1.6", "at least 0.45 s") and a number its runs printed (`<MeasuredValue>`:
 * "40"). A page names the figure, never types it, so the number a reader sees is the spec's or the
 * run's own and cannot drift from it. The plan checks every use written with plain attributes
 * against the specs (naming page and line); the components look the figure up again as they render.
 */
import { parse } from 'yaml';
import { interpreterLabel } from '../interpreters/interpreter-info.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { formatNumber } from '../shared/format.ts';
import { interpreterConditionSchema, type InterpreterCondition } from './interpreter-condition.ts';
import type { ShownResult } from './result-schema.ts';
import { drawnVariant, groupNames, variantName, type ExampleSpec, type Expectation } from './spec-schema.ts';

/** The numbers a bound can hold, by the names pages use for them (`bound="min"`). */
export type BoundValue = 'min' | 'max' | 'atLeast' | 'lines' | 'distinct' | 'exitCode';

/** One bound of a spec, with where it applies. */
export interface SpecBound {
  /** Variant name: the start method, or `default`. */
  variant: string;
  /** `metric/over` for a ratio, or `wallSeconds`, `overlap`, `count`, `exitCode`. */
  check: string;
  /** For `overlap`, the kind (`thread`, `process`); for `count`, the named group counted distinct. */
  group?: string;
  /**
   * Where it applies: the `when` of the case it belongs to and its own, together (`{}`: wherever
   * the variant's own expectation applies).
   */
  when: InterpreterCondition;
  /**
   * Its numbers: `min`/`max` (ratios, wall time, an overlap's seconds), `atLeast` (how many
   * overlap), `lines`/`distinct` (counts), `exitCode`.
   */
  values: Partial<Record<BoundValue, number>>;
  /** Unit of `min` and `max`: seconds for wall time and overlap, none for ratios. */
  unit: '' | 's';
}

/** What a `<SpecBound>` names, as written on the page. */
export interface BoundSelector {
  example: string;
  /** @default the spec's first variant */
  variant?: string | undefined;
  check: string;
  /** @default any (an error asks for it when two bounds differ only by it) */
  group?: string | undefined;
  /** The condition, written as in the spec without braces: `gilEnabled: true, minCpuCount: 2`. @default none: a bound for every interpreter */
  when?: string | undefined;
  /** One number; @default "at least …", "at most …", "between … and …" for a range, else the one number */
  bound?: string | undefined;
  /** `percent`: a ratio as a percentage (0.02 → `2%`). @default the number as it is */
  format?: string | undefined;
}

/** What a `<MeasuredValue>` names. */
export interface MetricSelector {
  example: string;
  /** @default the example's first variant */
  variant?: string | undefined;
  /** A metric of the spec (a named group of `metrics`). */
  metric: string;
  /** Written after each number, e.g. `ms`. @default none */
  unit?: string | undefined;
}

/** Every bound of a spec: each variant's own expectation, then its cases, in the spec's order. */
export function specBounds(spec: ExampleSpec): SpecBound[] {
  return spec.variants.flatMap((variant) =>
    [{ when: {}, expect: variant.expect }, ...variant.cases].flatMap(({ when, expect }) =>
      boundsOf(expect).map((bound) => ({ ...bound, variant: variantName(variant), when: { ...when, ...bound.when } })),
    ),
  );
}

function boundsOf(expect: Expectation): Omit<SpecBound, 'variant'>[] {
  const range = (bound: { min?: number | undefined; max?: number | undefined }) =>
    Object.fromEntries(Object.entries({ min: bound.min, max: bound.max }).filter(([, value]) => value !== undefined));
  return [
    { check: 'exitCode', when: {}, values: { exitCode: expect.exitCode }, unit: '' as const },
    ...(expect.wallSeconds ? [{ check: 'wallSeconds', when: {}, values: range(expect.wallSeconds), unit: 's' as const }] : []),
    ...(expect.ratios ?? []).map((ratio) => ({ check: `${ratio.metric}/${ratio.over}`, when: ratio.when ?? {}, values: range(ratio), unit: '' as const })),
    ...(expect.overlap ?? []).map((overlap) => ({
      check: 'overlap',
      group: overlap.kind,
      when: {},
      values: { min: overlap.forSeconds, atLeast: overlap.atLeast },
      unit: 's' as const,
    })),
    ...(expect.counts ?? []).flatMap((count) => {
      const lines = count.lines === undefined ? {} : { lines: count.lines };
      const distinct = Object.entries(count.distinct ?? {});
      if (distinct.length === 0) return [{ check: 'count', when: {}, values: lines, unit: '' as const }];
      return distinct.map(([group, value]) => ({ check: 'count', group, when: {}, values: { ...lines, distinct: value }, unit: '' as const }));
    }),
  ];
}

/**
 * The text of the bound a page names: `between 0.85 and 1.6`, `at least 2 s`, `at most 2%`, or one
 * number (`bound="min"`, a count, an exit status). Throws a BuildStepError (step `page`) that lists
 * the spec's bounds when the page names none of them, or more than one.
 */
export function specBoundText(spec: ExampleSpec, selector: BoundSelector, page: string): string {
  return asPageError(page, 'SpecBound', selector, () => boundText(spec, selector), 'name a bound the spec has (check, group and when as listed), or change the spec and the sentence together.');
}

/** What is wrong with the bound a page names, for the plan; undefined when the spec has it. */
export function specBoundProblem(spec: ExampleSpec, selector: BoundSelector): string | undefined {
  return problemOf(() => boundText(spec, selector));
}

function boundText(spec: ExampleSpec, selector: BoundSelector): string {
  const bound = findBound(specBounds(spec), selector, spec.variants.map(variantName));
  const percent = selector.format === 'percent';
  if (selector.format !== undefined && !percent) throw new Problem(`format="${selector.format}" is not a format; the one there is: format="percent".`);
  if (percent && !bound.check.includes('/')) throw new Problem(`format="percent" is for ratios; check="${bound.check}" is not one.`);
  const number = (value: number, unit: string) => (percent ? `${formatNumber(value * 100)}%` : `${formatNumber(value)}${unit === '' ? '' : ` ${unit}`}`);
  const { values, unit } = bound;
  if (selector.bound !== undefined) {
    const value = Object.hasOwn(values, selector.bound) ? values[selector.bound as BoundValue] : undefined;
    if (value === undefined) {
      throw new Problem(`bound="${selector.bound}" is not one of this bound's numbers: ${Object.keys(values).map((name) => `bound="${name}"`).join(', ')}.`);
    }
    return number(value, selector.bound === 'min' || selector.bound === 'max' ? unit : '');
  }
  const { min, max } = values;
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${number(min, unit)}` : `between ${number(min, unit)} and ${number(max, unit)}`;
  if (min !== undefined) return `at least ${number(min, unit)}`;
  if (max !== undefined) return `at most ${number(max, unit)}`;
  const only = values.exitCode ?? values.distinct ?? values.lines;
  return only === undefined ? '' : number(only, '');
}

/** The one bound the selector names; the error lists what the spec has. */
function findBound(bounds: readonly SpecBound[], selector: BoundSelector, variants: readonly string[]): SpecBound {
  const variant = drawnVariant(selector.variant, variants);
  if (!variants.includes(variant)) throw new Problem(`the spec has no variant "${variant}"; it has: ${variants.join(', ')}.`);
  const when = parseWhen(selector);
  const ofVariant = bounds.filter((bound) => bound.variant === variant);
  const found = ofVariant.filter(
    (bound) => bound.check === selector.check && (selector.group === undefined || bound.group === selector.group) && sameCondition(bound.when, when),
  );
  if (found.length === 1) return found[0]!;
  const listed = (list: readonly SpecBound[]) => list.map((bound) => `  ${describeBound(bound)}`).join('\n');
  if (found.length > 1) {
    throw new Problem(`${found.length} bounds of the spec fit; name one with group="…":\n${listed(found)}`);
  }
  throw new Problem(
    `the spec (variant ${variant}) has no such bound. Its bounds, as a page names them:\n${listed(ofVariant)}`,
  );
}

/** `check="threads/sequential" when="gilEnabled: true"  (min 0.85, max 1.6)` */
export function describeBound(bound: SpecBound): string {
  const group = bound.group === undefined ? '' : ` group="${bound.group}"`;
  const when = Object.keys(bound.when).length === 0 ? '' : ` when="${writeWhen(bound.when)}"`;
  const values = Object.entries(bound.values).map(([name, value]) => `${name} ${value}`).join(', ');
  return `check="${bound.check}"${group}${when}  (${values})`;
}

/** `gilEnabled: true, python: ">=3.14"`: a condition as a page writes it in `when="…"`. */
function writeWhen(when: InterpreterCondition): string {
  return Object.entries(when)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
}

function parseWhen(selector: BoundSelector): InterpreterCondition {
  if (selector.when === undefined || selector.when.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = parse(`{${selector.when}}`);
  } catch {
    parsed = undefined;
  }
  const condition = interpreterConditionSchema.safeParse(parsed);
  if (!condition.success) {
    throw new Problem(`when="${selector.when}" is not a condition; write it as the spec does, without braces, e.g. when="gilEnabled: false, minCpuCount: 2".`);
  }
  return condition.data;
}

function sameCondition(a: InterpreterCondition, b: InterpreterCondition): boolean {
  const canonical = (when: InterpreterCondition) => JSON.stringify(Object.entries(when).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}

/**
 * The text of a metric the example's runs printed: one number where every interpreter printed the
 * same (`40`, `5 ms`), else each with its interpreter (`6.18 ms on CPython 3.11.7 and 6.2 ms on
 * CPython 3.14.8`), never one interpreter's figure as if it held for all.
 */
export function measuredValueText(results: readonly ShownResult[], selector: MetricSelector, page: string): string {
  return asPageError(page, 'MeasuredValue', selector, () => valueText(results, selector), "name a metric the spec reads on every interpreter (in the variant's `metrics` and in each of its cases).");
}

function valueText(results: readonly ShownResult[], selector: MetricSelector): string {
  const variant = drawnVariant(selector.variant, results[0]?.variants.map((v) => v.name) ?? []);
  const values = results.flatMap((result) => {
    const shown = result.variants.find((v) => v.name === variant);
    if (!shown) return [];
    const value = shown.metrics?.[selector.metric];
    if (value === undefined) {
      const known = Object.keys(shown.metrics ?? {});
      throw new Problem(`the run on ${interpreterLabel(result.interpreter)} has no metric "${selector.metric}" (it has: ${known.length > 0 ? known.join(', ') : 'none'}).`);
    }
    return [{ value, label: interpreterLabel(result.interpreter) }];
  });
  if (values.length === 0) throw new Problem(`no interpreter ran variant "${variant}".`);
  const text = (value: number) => `${formatNumber(value)}${selector.unit ? ` ${selector.unit}` : ''}`;
  if (new Set(values.map(({ value }) => value)).size === 1) return text(values[0]!.value);
  const each = values.map(({ value, label }) => `${text(value)} on ${label}`);
  return `${each.slice(0, -1).join(', ')} and ${each.at(-1)}`;
}

/** What is wrong with the metric a page names, for the plan (which has the spec, not the runs); undefined when it is fine. */
export function metricProblem(spec: ExampleSpec, selector: MetricSelector): string | undefined {
  const metrics = metricsOf(spec, selector.variant);
  if (metrics.includes(selector.metric)) return undefined;
  return `the spec does not read metric "${selector.metric}" on every interpreter (it does: ${metrics.length > 0 ? metrics.join(', ') : 'none'}); a metric must be in the variant's \`metrics\` and in each of its cases.`;
}

/** Metrics every interpreter's run of the variant prints: those its own expectation and each of its cases read. */
function metricsOf(spec: ExampleSpec, variant: string | undefined): string[] {
  const chosen = spec.variants.find((v) => variantName(v) === drawnVariant(variant, spec.variants.map(variantName)));
  if (!chosen) return [];
  const names = (expect: Expectation) => new Set((expect.metrics ?? []).flatMap(groupNames));
  const sets = [chosen.expect, ...chosen.cases.map((c) => c.expect)].map(names);
  return [...sets[0]!].filter((name) => sets.every((set) => set.has(name)));
}

/** A page's figure that does not fit its example: the message says what the spec or the runs have instead. */
class Problem extends Error {}

function problemOf(resolve: () => unknown): string | undefined {
  try {
    resolve();
    return undefined;
  } catch (error) {
    if (error instanceof Problem) return error.message;
    throw error;
  }
}

/** The page (its URL), the component as the page wrote it, then the problem: a build error of the `page` step. */
function asPageError(page: string, component: string, attributes: object, resolve: () => string, fix: string): string {
  try {
    return resolve();
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const shown = Object.entries(attributes).filter(([, value]) => value !== undefined).map(([name, value]) => `${name}="${String(value)}"`);
    throw new BuildStepError(`${page}: <${component} ${shown.join(' ')}>: ${error.message}`, { step: 'page', fix, cause: error });
  }
}
