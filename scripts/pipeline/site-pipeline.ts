/**
 * The build's data flow in one object: plan → examples → diagrams (static ones and the drawings
 * of measurements pages ask for: timelines, charts). `src/content.config.ts` hands its two loaders
 * (through ./pipeline-loaders.ts) to the `examples` and `diagrams` collections, so both read the
 * same results: the plan is made once and every example runs once per build, by construction.
 *
 * Heavy machinery (the Python runner, Chromium, svgo) is imported only when something must run
 * or render: a warm build reads the cache and nothing else.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { buildDiagrams } from '../diagrams/build-diagrams.ts';
import type { DiagramEntry } from '../diagrams/diagram-entry.ts';
import { readDiagramSources } from '../diagrams/diagram-source.ts';
import { measuredSources } from '../diagrams/measured-drawings.ts';
import { runExamples, type RunExamplesReport } from '../examples/run-examples.ts';
import { RunScheduler } from '../examples/run-scheduler.ts';
import { createBuildPlan, unusedWarnings, type BuildPlan, type ProjectLayout } from '../plan/build-plan.ts';
import { messageOf } from '../shared/error-text.ts';
import { describePipelineSummary, writePipelineSummary, type PipelineSummary } from './pipeline-summary.ts';

export interface SitePipelineOptions {
  /**
   * Where the parts live, relative to the project root.
   * @default the project's layout (DEFAULT_LAYOUT)
   */
  layout?: Partial<ProjectLayout>;
  /**
   * The environment: PYTHONS, PYCONC_CACHE_DIR, PATH.
   * @default process.env
   */
  env?: NodeJS.ProcessEnv;
}

/** What one pass of the pipeline produced. */
export interface PipelineOutput {
  plan: BuildPlan;
  examples: RunExamplesReport;
  diagrams: Map<string, DiagramEntry>;
}

/** Fills a collection's store from the pipeline's output (and again after a change, in `astro dev`). */
export type Sync = (context: LoaderContext) => Promise<void>;

export interface SitePipeline {
  /** The `examples` collection: one entry per example a page shows. */
  syncExamples: Sync;
  /** The `diagrams` collection: every `diagrams/*.mmd` and every drawing of a measurement. */
  syncDiagrams: Sync;
  /** Runs the pipeline (once until the next change) and returns what it produced. */
  data(root: string, log: (line: string) => void): Promise<PipelineOutput>;
}

/** Pipeline progress is the pipeline's, whichever collection's loader happened to start it. */
const pipelineLogger = (context: LoaderContext) => context.logger.fork('pyconc');

export function createSitePipeline(options: SitePipelineOptions = {}): SitePipeline {
  let current: Promise<PipelineOutput> | undefined;
  /** The loaders' syncs, re-run after a change in `astro dev`. */
  const resyncs = new Set<() => Promise<void>>();
  let watching = false;

  const data = (root: string, log: (line: string) => void): Promise<PipelineOutput> => {
    if (!current) {
      const pass = produce(root, log, options);
      current = pass;
      // A failed pass is not kept: the next sync (after a fix, in dev) tries again.
      pass.catch(() => {
        if (current === pass) current = undefined;
      });
    }
    return current;
  };

  /** In `astro dev`: an edited example, spec, diagram or page runs the pipeline again, then both loaders sync. */
  const watch = (context: LoaderContext, root: string) => {
    if (watching || !context.watcher) return;
    watching = true;
    const layout = { ...options.layout };
    const folders = [layout.examplesDir ?? 'src/examples', layout.diagramsDir ?? 'diagrams', layout.docsDir ?? 'src/content/docs'].map(
      (folder) => join(root, folder),
    );
    context.watcher.add(folders);
    context.watcher.on('all', (_event, path) => {
      if (!folders.some((folder) => path.startsWith(folder))) return;
      current = undefined;
      for (const resync of resyncs) {
        resync().catch((error: unknown) => context.logger.error(messageOf(error)));
      }
    });
  };

  const collection =
    (entries: (site: PipelineOutput) => Iterable<readonly [string, Record<string, unknown>]>): Sync =>
    async (context) => {
      const root = fileURLToPath(context.config.root);
      const sync = async () => {
        const site = await data(root, (line) => pipelineLogger(context).info(line));
        const ids = new Set<string>();
        for (const [id, entry] of entries(site)) {
          ids.add(id);
          // Like Astro's glob loader: an entry whose digest did not change is left as it is.
          const digest = context.generateDigest(entry);
          if (context.store.get(id)?.digest === digest) continue;
          context.store.set({ id, data: await context.parseData({ id, data: entry }), digest });
        }
        for (const id of context.store.keys()) if (!ids.has(id)) context.store.delete(id);
      };
      await sync();
      resyncs.add(sync);
      watch(context, root);
    };

  return {
    data,
    syncExamples: collection((site) => site.examples.entries.map((entry) => [entry.id, entry] as const)),
    syncDiagrams: collection((site) => site.diagrams),
  };
}

async function produce(root: string, log: (line: string) => void, options: SitePipelineOptions): Promise<PipelineOutput> {
  const started = performance.now();
  const plan = await createBuildPlan({ root, log, ...(options.layout ? { layout: options.layout } : {}), ...(options.env ? { env: options.env } : {}) });
  for (const warning of unusedWarnings(plan)) log(warning);
  const staticSources = await readDiagramSources(join(root, plan.layout.diagramsDir), root);
  // The diagrams of diagrams/*.mmd need no example result, so they render while examples run,
  // through the examples' scheduler as an untimed job: beside runs that mostly wait, never beside
  // a CPU-bound run being timed. A cold build hides Chromium's start (its install, on a fresh
  // machine) and the renders in time that was sleeping anyway.
  const scheduler = new RunScheduler();
  const [examples, staticDiagrams] = await Promise.all([
    runExamples({ examples: plan.examples, interpreters: plan.interpreters, cacheDir: plan.cache.examples, log, scheduler, ...(options.env ? { env: options.env } : {}) }),
    scheduler.run('untimed', () => buildDiagrams(staticSources, { cacheDir: plan.cache.diagrams, log })),
  ]);
  const measuredStarted = performance.now();
  const measured = await buildDiagrams(measuredSources(plan.measured, examples.entries), { cacheDir: plan.cache.diagrams, log });
  const diagrams = new Map([...staticDiagrams.entries, ...measured.entries]);
  const summary: PipelineSummary = {
    interpreters: plan.interpreters.length,
    examples: examples.entries.length,
    resultsRan: examples.ran,
    resultsCached: examples.cached,
    examplesMs: examples.elapsedMs,
    diagrams: diagrams.size,
    diagramsRendered: staticDiagrams.stats.rendered + measured.stats.rendered,
    diagramsCached: staticDiagrams.stats.cached + measured.stats.cached,
    diagramsMs: performance.now() - measuredStarted,
    totalMs: performance.now() - started,
  };
  log(describePipelineSummary(summary));
  // The bench reads a build's figures from here (scripts/bench/cold-breakdown.ts).
  await writePipelineSummary(root, summary);
  return { plan, examples, diagrams };
}
