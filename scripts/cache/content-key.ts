/**
 * Content keys: an entry is found by the hash of everything that affects it, so a change to any
 * input (source, spec, interpreter, the code that produced it) is a miss, never a stale hit.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from 'ohash';

/** scripts/: modules are named from here, so a clone at another path computes the same version. */
const SCRIPTS = fileURLToPath(new URL('..', import.meta.url));

/**
 * The key of an entry made from `parts` (any JSON-like values). Object keys are sorted before
 * hashing, so the order parts are listed in never matters; the result is file-name safe.
 */
export function contentKey(parts: Readonly<Record<string, unknown>>): string {
  return hash(parts);
}

/**
 * A version that changes by itself when the code producing an entry changes: the key of the
 * modules' source text. Pass every module whose edit can change the entry.
 */
export async function codeVersion(modules: readonly URL[]): Promise<string> {
  const sources = await Promise.all(modules.map(async (url) => [relative(SCRIPTS, fileURLToPath(url)), await readFile(url, 'utf8')] as const));
  return contentKey(Object.fromEntries(sources));
}
