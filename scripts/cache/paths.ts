/**
 * Where the project keeps what it computed: one root, one folder per kind of entry. Everything
 * here can be deleted at any time; it is recomputed (examples re-run, diagrams re-render).
 */
import { isAbsolute, join, resolve } from 'node:path';

/**
 * The cache folders and what each holds:
 * `examples` verified example results, `interpreters` what each Python reported about itself,
 * `diagrams` rendered and finished SVG, `python` interpreters the build obtained (CPython 3.14),
 * `pages` the components each page's MDX uses (parsing every page is most of a cold plan),
 * `specs` each example's spec, parsed and validated (the YAML parser is slow to load and run),
 * `anchors` the heading ids of each built page (parsing every built page is slow),
 * `code` the examples' sources as Expressive Code highlighted them (scripts/cache/highlighted-blocks.ts).
 */
export const CACHE_AREAS = ['examples', 'interpreters', 'diagrams', 'python', 'pages', 'specs', 'anchors', 'code'] as const;
export type CacheArea = (typeof CACHE_AREAS)[number];

/**
 * The cache root: `PYCONC_CACHE_DIR` (absolute, or relative to the project) when set, e.g. for a CI
 * cache that must survive `npm ci`; default `node_modules/.cache/pyconc`, where tools keep caches
 * and where a fresh `npm ci` clears it.
 */
export function cacheRoot(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['PYCONC_CACHE_DIR']?.trim();
  if (configured) return isAbsolute(configured) ? configured : resolve(root, configured);
  return join(root, 'node_modules', '.cache', 'pyconc');
}

export function cacheDir(root: string, area: CacheArea, env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(root, env), area);
}

/**
 * Scratch space that is not a cache: the site build's staging directory (it must share a file
 * system with dist/ for the swap), the pipeline's summary of its last pass, e2e traces and bench
 * output. Always under node_modules.
 */
export function workDir(root: string, purpose: 'site' | 'pipeline' | 'e2e' | 'bench'): string {
  return join(root, 'node_modules', '.cache', 'pyconc', purpose);
}
