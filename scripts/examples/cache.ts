/**
 * The on-disk cache (node_modules/.cache/pyconc/examples): JSON entries named by a
 * content hash, written atomically so an interrupted build never leaves half an entry.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'astro/zod';

/** Bump when the runner changes what a result means (sitecustomize.py is hashed separately). */
export const RUNNER_VERSION = '2';

export const DEFAULT_CACHE_DIR = 'node_modules/.cache/pyconc/examples';

/** Everything that affects an example's result. */
export interface CacheKeyParts {
  source: string;
  spec: string;
  /** Interpreter identity: executable and what it reported. */
  interpreter: string;
  /** RUNNER_VERSION plus a hash of the runner's Python side. */
  runner: string;
}

export function cacheKey(parts: CacheKeyParts): string {
  const hash = createHash('sha256');
  // Length-prefixed so that moving text from one part to the next changes the key.
  for (const part of [parts.source, parts.spec, parts.interpreter, parts.runner]) {
    hash.update(`${Buffer.byteLength(part)}:`).update(part);
  }
  return hash.digest('hex');
}

/** The entry, or undefined when missing, unreadable or not matching `schema` (older runner). */
export async function readCacheEntry<T>(
  dir: string,
  key: string,
  schema: z.ZodType<T>,
): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, `${key}.json`), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a temporary file beside the entry, then renames it over: readers see all or nothing. */
export async function writeCacheEntry(dir: string, key: string, value: unknown): Promise<void> {
  const target = join(dir, `${key}.json`);
  const temporary = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, JSON.stringify(value));
    await rename(temporary, target);
  } catch (error) {
    // Best effort: the write error below is the one worth reporting.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new Error(
      `Could not write cache entry ${target}: ${(error as Error).message}. Fix: check that the directory is writable.`,
      { cause: error },
    );
  }
}
