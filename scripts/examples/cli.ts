/**
 * `npm run examples [-- --force] [id ...]`: runs and verifies the examples alone.
 * Exits non-zero with the mismatch message when one does not match its spec.
 */
import { parseArgs } from 'node:util';
import { runExamples } from './run-examples.ts';

// Exit through process.exit so that running example process groups are killed too.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const { values, positionals } = parseArgs({
  options: { force: { type: 'boolean', default: false } },
  allowPositionals: true,
});

try {
  const report = await runExamples({ force: values.force, only: positionals });
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const interpreters = report.entries[0]?.results.length ?? 0;
  console.log(
    `${report.entries.length} examples x ${interpreters} interpreter(s) verified: ` +
      `${report.ran} ran, ${report.cached} cached in ` +
      `${seconds(report.elapsedMs)} (Python ${seconds(report.pythonMs)}, runner overhead ` +
      `${seconds(report.elapsedMs - report.pythonMs)})`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
