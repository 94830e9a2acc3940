import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Astro's CLI entry (its package.json `bin`, which `exports` does not expose), for running
 * `astro build` with this Node (24) rather than whatever `node` comes first on PATH.
 */
export const ASTRO_CLI = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
