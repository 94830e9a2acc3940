/**
 * `npm run diagrams`: renders every diagrams/*.mmd and the measured timelines (light and dark)
 * into the cache and prints time, cache use and SVG bytes per diagram. The site build does the
 * same through the content loader; run this to warm the cache or to measure.
 */
import { fileURLToPath } from 'node:url';
import { buildDiagrams } from './build-diagrams.ts';
import { readDiagramSources } from './diagram-source.ts';
import { measuredTimelines } from './measured-timelines.ts';
import { DEFAULT_CACHE_DIR } from './render-cache.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const timelines = await measuredTimelines({ root });
const started = performance.now();
const files = await readDiagramSources(`${root}diagrams`, root);
const { entries, stats } = await buildDiagrams([...files, ...timelines], { cacheDir: `${root}${DEFAULT_CACHE_DIR}` });
const elapsed = Math.round(performance.now() - started);
console.log(
  `[diagrams] ${entries.size} diagrams (${timelines.length} measured timelines) in ${elapsed} ms: ${stats.rendered} variant(s) rendered, ` +
    `${stats.cached} cached, ${stats.finished} finished, browser ${stats.browserLaunched ? 'launched once' : 'not launched'}`,
);
for (const [name, entry] of entries) {
  console.log(
    `  ${name.padEnd(34)} light ${entry.light.svg.length} B, dark ${entry.dark.svg.length} B, ${entry.steps.length} steps`,
  );
}
