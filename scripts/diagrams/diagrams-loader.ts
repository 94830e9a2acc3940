/**
 * Astro content loader for the `diagrams` collection: every diagrams/*.mmd plus any generated
 * sources (measured timelines), rendered in one batch through the cached Chromium pipeline.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { buildDiagrams, diagramEntrySchema } from './build-diagrams.ts';
import { readDiagramSources, type DiagramSource } from './diagram-source.ts';
import { DEFAULT_CACHE_DIR } from './render-cache.ts';

export interface DiagramsLoaderOptions {
  /** Folder of `.mmd` files, relative to the project root. Default: `diagrams`. */
  directory?: string;
  /**
   * More sources to render in the same batch, e.g. timelines generated from example runs.
   * Default: none.
   */
  generated?: (context: { root: string; log: (line: string) => void }) => Promise<DiagramSource[]>;
  /** Render cache, relative to the project root. Default: `node_modules/.cache/pyconc/diagrams`. */
  cacheDir?: string;
}

/** Directories already watched: Astro calls load() again on every content sync in dev. */
const watching = new Set<string>();

export function diagramsLoader(options: DiagramsLoaderOptions = {}): Loader {
  return {
    name: 'pyconc-diagrams',
    schema: diagramEntrySchema,
    async load({ store, logger, config, generateDigest, watcher }) {
      const root = fileURLToPath(config.root);
      const directory = join(root, options.directory ?? 'diagrams');
      const cacheDir = join(root, options.cacheDir ?? DEFAULT_CACHE_DIR);
      const log = (line: string) => logger.info(line);
      const sync = async () => {
        const started = performance.now();
        const [files, generated] = await Promise.all([
          readDiagramSources(directory, root),
          options.generated?.({ root, log }) ?? [],
        ]);
        const sources = [...files, ...generated];
        const names = new Set<string>();
        for (const source of sources) {
          if (names.has(source.name)) {
            throw new Error(`${source.origin}: a diagram named "${source.name}" already exists. Fix: rename one of them.`);
          }
          names.add(source.name);
        }
        const { entries, stats } = await buildDiagrams(sources, { cacheDir, log });
        store.clear();
        for (const [id, data] of entries) store.set({ id, data, digest: generateDigest(data) });
        logger.info(
          `${entries.size} diagrams in ${Math.round(performance.now() - started)} ms ` +
            `(${stats.rendered} rendered, ${stats.cached} cached, ${stats.finished} finished${stats.browserLaunched ? ', one browser launch' : ', no browser'})`,
        );
      };
      await sync();
      if (watching.has(directory)) return;
      watching.add(directory);
      watcher?.add(directory);
      watcher?.on('change', (path) => {
        if (path.startsWith(directory) && path.endsWith('.mmd')) {
          sync().catch((error: unknown) => logger.error(error instanceof Error ? error.message : String(error)));
        }
      });
    },
  };
}
