/**
 * A content-addressed cache of rendered diagrams on disk: one JSON file per key, read and written
 * by the same schema-checked, atomic (temporary file, then rename) entries as the examples cache.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { readCacheEntry, writeCacheEntry } from '../examples/cache.ts';

/** Default location: gitignored with node_modules, cleared by a fresh `npm ci`. */
export const DEFAULT_CACHE_DIR = join('node_modules', '.cache', 'pyconc', 'diagrams');

/** Hash of everything that affects a rendered SVG. Keys of `parts` are sorted so order never matters. */
export function cacheKey(parts: Record<string, unknown>): string {
  const stable = JSON.stringify(Object.fromEntries(Object.entries(parts).sort(([a], [b]) => a.localeCompare(b))));
  return createHash('sha256').update(stable).digest('hex');
}

export interface RenderCache<T> {
  /** The stored value, or undefined on a miss (also when the file is unreadable or does not match the schema). */
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
}

/** `schema` checks what is read back, so a stale or foreign file counts as a miss, never as a result. */
export function createRenderCache<T>(directory: string, schema: z.ZodType<T>): RenderCache<T> {
  return {
    get: (key) => readCacheEntry(directory, key, schema),
    set: (key, value) => writeCacheEntry(directory, key, value),
  };
}
