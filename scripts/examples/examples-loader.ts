/**
 * Astro content loader for the `examples` collection: the site build runs the
 * examples through the same runner as `npm run examples`; a mismatch fails the build.
 */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { exampleEntrySchema } from './result-schema.ts';
import { runExamples, type RunExamplesOptions } from './run-examples.ts';

/** The schema is part of the return type so that `getEntry('examples', id)` is typed. */
export function examplesLoader(
  options: Omit<RunExamplesOptions, 'root' | 'log'> = {},
): Loader & { schema: typeof exampleEntrySchema } {
  return {
    name: 'pyconc-examples',
    schema: exampleEntrySchema,
    async load({ store, logger, parseData, config }) {
      const report = await runExamples({
        ...options,
        root: fileURLToPath(config.root),
        log: (line) => logger.info(line),
      });
      logger.info(
        `${report.entries.length} examples: ${report.ran} ran, ${report.cached} cached, ` +
          `${(report.elapsedMs / 1000).toFixed(1)} s`,
      );
      store.clear();
      for (const entry of report.entries) {
        store.set({ id: entry.id, data: await parseData({ id: entry.id, data: entry }) });
      }
    },
  };
}
