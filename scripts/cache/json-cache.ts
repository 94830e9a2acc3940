/**
 * A cache area of JSON entries, one file per content key, schema-checked on the way back in and
 * written atomically (a temporary file renamed over the entry), so an interrupted build never
 * leaves half an entry and a stale or foreign file is a miss, never a result.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { messageOf } from '../shared/error-text.ts';
import { codeVersion, contentKey } from './content-key.ts';

export interface JsonCache<T> {
  /** The entry, or undefined when missing, unreadable or not matching the schema (an older format). */
  get(key: string): Promise<T | undefined>;
  /** Stores the entry; readers see the old one or the new one, never a mix. */
  set(key: string, value: T): Promise<void>;
  /** The entry, or else what `compute` returns, stored under `key` before it is returned. */
  getOrSet(key: string, compute: () => Promise<T>): Promise<T>;
}

export function createJsonCache<T>(directory: string, schema: z.ZodType<T>): JsonCache<T> {
  const cache: JsonCache<T> = {
    async get(key) {
      let text: string;
      try {
        text = await readFile(join(directory, `${key}.json`), 'utf8');
      } catch {
        return undefined;
      }
      try {
        const parsed = schema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      const target = join(directory, `${key}.json`);
      const temporary = temporaryBeside(target);
      try {
        await mkdir(directory, { recursive: true });
        await writeFile(temporary, JSON.stringify(value));
        await rename(temporary, target);
      } catch (error) {
        // Best effort: the write error below is the one worth reporting.
        await rm(temporary, { force: true }).catch(() => undefined);
        throw new Error(
          `Could not write cache entry ${target}: ${messageOf(error)}. Fix: check that the directory is writable.`,
          { cause: error },
        );
      }
    },
    async getOrSet(key, compute) {
      const cached = await cache.get(key);
      if (cached !== undefined) return cached;
      const value = await compute();
      await cache.set(key, value);
      return value;
    },
  };
  return cache;
}

/** A file name beside `target`, this process's own, to write before renaming it over `target`. */
export function temporaryBeside(target: string): string {
  return `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/** Keeps what `compute` makes from an input (see `keptByContent`). */
export type KeptByContent<T> = (input: Readonly<Record<string, unknown>>, compute: () => Promise<T>) => Promise<T>;

/**
 * What `compute` makes from an input, kept in `directory` by the input and by the source of the
 * `modules` that make it, so an edit to either is a miss. Without a directory nothing is kept:
 * every call computes.
 */
export function keptByContent<T>(directory: string | undefined, schema: z.ZodType<T>, modules: readonly URL[]): KeptByContent<T> {
  if (directory === undefined) return (_input, compute) => compute();
  const cache = createJsonCache(directory, schema);
  let code: Promise<string> | undefined;
  return async (input, compute) => cache.getOrSet(contentKey({ ...input, code: await (code ??= codeVersion(modules)) }), compute);
}
