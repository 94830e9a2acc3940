/**
 * A content-addressed cache of rendered diagrams on disk: one JSON file per key, written
 * atomically (temporary file, then rename) so a crash or a parallel build never leaves half a file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'astro/zod';

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
  const fileOf = (key: string) => join(directory, `${key}.json`);
  return {
    async get(key) {
      try {
        const parsed = schema.safeParse(JSON.parse(await readFile(fileOf(key), 'utf8')));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      const temporary = `${fileOf(key)}.${randomUUID()}.tmp`;
      try {
        await mkdir(directory, { recursive: true });
        await writeFile(temporary, JSON.stringify(value));
        await rename(temporary, fileOf(key));
      } catch (error) {
        // Best effort: the write error below is the one worth reporting.
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new Error(`Writing the diagram cache ${fileOf(key)} failed. Fix: check that the directory is writable.`, {
          cause: error,
        });
      }
    },
  };
}
