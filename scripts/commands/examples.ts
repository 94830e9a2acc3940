/**
 * `npm run examples [-- --force] [--print] [id ...]`: runs and verifies the examples alone, on the
 * configured interpreters, through the same plan and runner as the site build (cached results are
 * the build's own). `--print` then prints what each run printed, exactly as printed: pages show
 * it with the machine's paths shortened, and publish nothing more.
 * Exits non-zero with the mismatch message when one does not match its spec.
 */
import { parseArgs } from 'node:util';
import { createBuildPlan, selectExamples } from '../plan/build-plan.ts';
import { messageOf } from '../shared/error-text.ts';
import { formatMs } from '../shared/format.ts';
import { interpreterLabel } from '../interpreters/interpreter-info.ts';
import type { ExampleEntry } from '../examples/result-schema.ts';
import { runExamples } from '../examples/run-examples.ts';
import { printedText } from '../examples/shown-result.ts';

// Exit through process.exit so that running example process groups are killed too.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const { values, positionals } = parseArgs({
  options: { force: { type: 'boolean', default: false }, print: { type: 'boolean', default: false } },
  allowPositionals: true,
});

/** Each run's streams as the program printed them, under a line naming example, interpreter and variant. */
function printOutputs(entries: readonly ExampleEntry[]): void {
  for (const entry of entries) {
    for (const result of entry.results) {
      for (const variant of result.variants) {
        const { shown } = variant;
        console.log(`\n=== ${entry.id} on ${interpreterLabel(result.interpreter)} (${result.interpreter.executable}), ${variant.name}: exit ${shown.exitCode ?? shown.signal}`);
        for (const stream of ['stdout', 'stderr'] as const) {
          const text = printedText(shown[stream]);
          if (text !== '') console.log(`--- ${stream}\n${text.replace(/\n$/, '')}`);
        }
      }
    }
  }
}

try {
  // npm runs scripts in the project's root.
  const plan = await createBuildPlan({ root: process.cwd() });
  // Here every example counts, also one that no page shows yet.
  const all = [...plan.examples, ...plan.unused].toSorted((a, b) => a.id.localeCompare(b.id));
  const report = await runExamples({
    examples: selectExamples(all, positionals),
    interpreters: plan.interpreters,
    cacheDir: plan.cache.examples,
    force: values.force,
  });
  if (values.print) printOutputs(report.entries);
  console.log(
    `${report.entries.length} examples x ${plan.interpreters.length} interpreter(s) verified: ` +
      `${report.ran} ran, ${report.cached} cached in ${formatMs(report.elapsedMs)} ` +
      `(Python ${formatMs(report.pythonMs)} summed over runs that may overlap)`,
  );
} catch (error) {
  console.error(messageOf(error));
  process.exitCode = 1;
}
