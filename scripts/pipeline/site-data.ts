/**
 * The one door from src/ into scripts/: everything pages and components use of the build, and
 * nothing else. A component imports from here, never from another module of scripts/ (the
 * boundary check, tests/unit/architecture/imports.test.ts, fails on any other import across),
 * so what the pages depend on is this list, and the modules behind it can move freely.
 */

/** The entries of the `examples` and `diagrams` collections, and the parts components show. */
export type { DiagramEntry } from '../diagrams/diagram-entry.ts';
export type { ExampleEntry, ShownResult, ShownRun, TimingSummary } from '../examples/result-schema.ts';
export { interpreterLabel, type InterpreterInfo, type StartMethod } from '../interpreters/interpreter-info.ts';

/** How an example's results compare across interpreters, and that in words, for the line above its tabs. */
export { compareResults, describeComparison } from '../examples/compare-results.ts';

/** The figures pages quote: a bound of an example's spec (`<SpecBound>`), a number its runs printed (`<MeasuredValue>`). */
export { measuredValueText, specBoundText } from '../examples/quoted-figures.ts';

/** Which drawing `<Timeline>` and `<MeasuredChart>` show: the one rule for their default variant. */
export { drawingKey, type DrawingAttributes } from '../plan/measured-requests.ts';

/** The speed-up figures behind "Which is faster, and why?" and the summary tables. */
export { bestSpeedup, figuresOf, measurementsOf, NOISE_BAND, type Effect, type Figures, type Way, type WorkloadKind } from '../measurements/speedups.ts';

/** Number formats, the same in pages, the build log and the bench. */
export { formatMs, formatSeconds, formatTimes } from '../shared/format.ts';

/** The build's error shape: a component's bad prop or missing entry fails the build like any step. */
export { BuildStepError } from '../shared/build-step-error.ts';

/** Highlighted example sources kept between builds (render time: HighlightedCode.astro, TakeRender.astro). */
export { highlightedBlock, type TakeRender } from '../cache/highlighted-blocks.ts';
