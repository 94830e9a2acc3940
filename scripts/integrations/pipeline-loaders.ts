/**
 * The pipeline's two content loaders for a content config, with the pipeline
 * (scripts/pipeline/site-pipeline.ts and its 30-odd modules) loaded by Node itself when a
 * collection first syncs, instead of by Vite with the content config. Vite's module runner transformed those modules again on every build and
 * Astro bundled them into its prerender output, where nothing uses them; Node keeps them compiled
 * (the compile cache Astro's CLI turns on), so a warm build's content sync does not pay for them.
 *
 * Only the entries' schemas are loaded with the content config: Astro needs them to type and check
 * the collections. `astro dev` reloads the pipeline's code only when it restarts.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { diagramEntrySchema } from '../diagrams/diagram-entry.ts';
import { exampleEntrySchema } from '../examples/result-schema.ts';
import type { SitePipeline, SitePipelineOptions } from '../pipeline/site-pipeline.ts';

const SITE_PIPELINE = new URL('../pipeline/site-pipeline.ts', import.meta.url).href;

/**
 * Node's own `import()`. Written out here, Vite's module runner would rewrite it into its own and
 * transform the pipeline again; `require` would not do either (a test runner's TypeScript hook,
 * Playwright's, compiles required files as CommonJS, where `import.meta` is an error).
 */
const importByNode = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

/** A loader whose schema is part of its type, so `getEntry('examples', id)` is typed. */
export type TypedLoader<S> = Loader & { schema: S };

export interface PipelineLoaders {
  examplesLoader: TypedLoader<typeof exampleEntrySchema>;
  diagramsLoader: TypedLoader<typeof diagramEntrySchema>;
}

/** Both collections' loaders, sharing one pipeline (one plan, every example run once). */
export function pipelineLoaders(options: SitePipelineOptions = {}): PipelineLoaders {
  let pipeline: SitePipeline | undefined;
  const load = (sync: 'syncExamples' | 'syncDiagrams') => async (context: LoaderContext) => {
    const { createSitePipeline } = (await importByNode(SITE_PIPELINE)) as typeof import('../pipeline/site-pipeline.ts');
    pipeline ??= createSitePipeline(options);
    return pipeline[sync](context);
  };
  return {
    examplesLoader: { name: 'pyconc-examples', schema: exampleEntrySchema, load: load('syncExamples') },
    diagramsLoader: { name: 'pyconc-diagrams', schema: diagramEntrySchema, load: load('syncDiagrams') },
  };
}
