/**
 * What one pass of the pipeline did, in figures: printed as the build log's `[pipeline]` line and
 * kept as JSON for the bench, which reads a build's figures from here (not from its log).
 */
import { z } from 'astro/zod';
import { createJsonCache } from '../cache/json-cache.ts';
import { workDir } from '../cache/paths.ts';
import { formatMs } from '../shared/format.ts';

export const pipelineSummarySchema = z.object({
  interpreters: z.number(),
  examples: z.number(),
  /** Results (example × interpreter) run now, and taken from the cache. */
  resultsRan: z.number(),
  resultsCached: z.number(),
  /** Wall time of the examples phase, ms (the diagrams of diagrams/*.mmd render during it). */
  examplesMs: z.number(),
  diagrams: z.number(),
  /** Diagram variants (light, dark) rendered now, and taken from the cache. */
  diagramsRendered: z.number(),
  diagramsCached: z.number(),
  /** What the diagrams added after the examples, ms: the drawings of measurements, which need their results. */
  diagramsMs: z.number(),
  /** The whole pass, ms. */
  totalMs: z.number(),
});
export type PipelineSummary = z.infer<typeof pipelineSummarySchema>;

/** The last pass's summary of the project at `root`, one entry in its `pipeline` work folder. */
const latest = (root: string) => ({ cache: createJsonCache(workDir(root, 'pipeline'), pipelineSummarySchema), key: 'latest' });

export async function writePipelineSummary(root: string, summary: PipelineSummary): Promise<void> {
  const { cache, key } = latest(root);
  await cache.set(key, summary);
}

/** The summary of the last pass a build of `root` made; undefined when none did. */
export async function readPipelineSummary(root: string): Promise<PipelineSummary | undefined> {
  const { cache, key } = latest(root);
  return cache.get(key);
}

/** The build log's line. */
export function describePipelineSummary(s: PipelineSummary): string {
  return (
    `[pipeline] ${s.interpreters} interpreter(s); ${s.examples} examples ` +
    `(${s.resultsRan} results ran, ${s.resultsCached} cached) in ${formatMs(s.examplesMs)}; ${s.diagrams} diagrams ` +
    `(${s.diagramsRendered} rendered, ${s.diagramsCached} cached) in ${formatMs(s.diagramsMs)}; all in ${formatMs(s.totalMs)}`
  );
}
