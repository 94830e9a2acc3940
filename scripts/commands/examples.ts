/**
 * `npm run examples [-- --force] [id ...]`: runs and verifies the examples alone, on the
 * configured interpreters, through the same plan and runner as the site build.
 * Exits non-zero with the mismatch message when one does not match its spec.
 */
import { parseArgs } from 'node:util';
import { createBuildPlan } from '../plan/build-plan.ts';
import { messageOf } from '../shared/error-text.ts';
import { formatMs } from '../shared/format.ts';
import { runExamples } from '../examples/run-examples.ts';

// Exit through process.exit so that running example process groups are killed too.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const { values, positionals } = parseArgs({
  options: { force: { type: 'boolean', default: false } },
  allowPositionals: true,
});

try {
  // npm runs scripts in the project's root.
  const plan = await createBuildPlan({ root: process.cwd() });
  // Here every example counts, also one that no page shows yet.
  const all = [...plan.examples, ...plan.unused].toSorted((a, b) => a.id.localeCompare(b.id));
  const unknown = positionals.filter((id) => !all.some((example) => example.id === id));
  if (unknown.length > 0) {
    throw new Error(`No example named ${unknown.join(', ')}; known: ${all.map((example) => example.id).join(', ')}`);
  }
  const report = await runExamples({
    examples: positionals.length > 0 ? all.filter((example) => positionals.includes(example.id)) : all,
    interpreters: plan.interpreters,
    cacheDir: plan.cache.examples,
    force: values.force,
  });
  console.log(
    `${report.entries.length} examples x ${plan.interpreters.length} interpreter(s) verified: ` +
      `${report.ran} ran, ${report.cached} cached in ${formatMs(report.elapsedMs)} ` +
      `(Python ${formatMs(report.pythonMs)} summed over runs that may overlap)`,
  );
} catch (error) {
  console.error(messageOf(error));
  process.exitCode = 1;
}
