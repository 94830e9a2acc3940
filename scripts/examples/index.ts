/** Public API of the example runner, for the content loader, the CLI and the timeline work. */
export { runExamples, ExamplesFailedError } from './run-examples.ts';
export type { RunExamplesOptions, RunExamplesReport } from './run-examples.ts';
export { examplesLoader } from './examples-loader.ts';
export * from './result-schema.ts';
export type { ExampleSpec, Expectation, ExpectedLine, ExpectedOutput, VariantSpec } from './spec-schema.ts';
