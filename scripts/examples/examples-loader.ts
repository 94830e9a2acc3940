/**
 * Astro content loader for the `examples` collection: the site build runs the
 * examples through the same runner as `npm run examples`; a mismatch fails the build.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { exampleEntrySchema } from './result-schema.ts';
import { runExamples, type RunExamplesOptions } from './run-examples.ts';

/** The schema is part of the return type so that `getEntry('examples', id)` is typed. */
export function examplesLoader(
  options: Omit<RunExamplesOptions, 'root' | 'log'> = {},
): Loader & { schema: typeof exampleEntrySchema } {
  return {
    name: 'pyconc-examples',
    schema: exampleEntrySchema,
    async load(context) {
      const root = fileURLToPath(context.config.root);
      await loadExamples(context, root, options);
      // In `astro dev`, editing an example or its spec runs it again (the cache keeps
      // the others instant); a mismatch is logged instead of stopping the server.
      const examplesDir = resolve(root, options.examplesDir ?? 'src/examples');
      context.watcher?.add(examplesDir);
      context.watcher?.on('all', (_event, path) => {
        if (!path.startsWith(examplesDir)) return;
        loadExamples(context, root, options).catch((error: unknown) =>
          context.logger.error(error instanceof Error ? error.message : String(error)),
        );
      });
    },
  };
}

async function loadExamples(
  { store, logger, parseData }: LoaderContext,
  root: string,
  options: Omit<RunExamplesOptions, 'root' | 'log'>,
): Promise<void> {
  const report = await runExamples({ ...options, root, log: (line) => logger.info(line) });
  logger.info(
    `${report.entries.length} examples: ${report.ran} ran, ${report.cached} cached, ` +
      `${(report.elapsedMs / 1000).toFixed(1)} s`,
  );
  store.clear();
  for (const entry of report.entries) {
    store.set({ id: entry.id, data: await parseData({ id: entry.id, data: entry }) });
  }
}
