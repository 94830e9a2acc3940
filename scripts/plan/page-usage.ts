/**
 * Which page shows which example, timeline and diagram: read from the pages' MDX, the one place
 * a writer states it. The build plan follows this, so a new `<Example id="…" />` on a new page is
 * all it takes, and an example no page shows is reported instead of silently run.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import { keptByContent } from '../cache/json-cache.ts';
import { listFolder } from '../shared/list-folder.ts';
import type { ComponentUse } from './parse-page-uses.ts';

export type { ComponentUse };

/** The parser (loaded on a cache miss only); its code is part of every cached entry's key. */
const PARSER = new URL('./parse-page-uses.ts', import.meta.url);

/** Every page file (`.md`, `.mdx`) under `docsDir`, sorted; none when there is no such folder. */
export async function listPages(docsDir: string): Promise<string[]> {
  const files = await listFolder(docsDir, { recursive: true });
  return files.filter((file) => /\.mdx?$/.test(file)).sort().map((file) => join(docsDir, file));
}

/** The URL a page file is published at: `gil.mdx` → `/gil/`, `index.mdx` → `/`. */
export function pageUrl(pageFile: string, docsDir: string): string {
  const slug = relative(docsDir, pageFile).replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
  return slug === '' ? '/' : `/${slug}/`;
}

const componentUsesSchema: z.ZodType<ComponentUse[]> = z.array(
  z.strictObject({
    page: z.string(),
    line: z.number(),
    component: z.string(),
    examples: z.array(z.string()),
    attributes: z.record(z.string(), z.string()),
  }),
);

/**
 * Every use on every page under `docsDir`. With `cacheDir`, each page's uses are kept by its text
 * (and the parser's code): parsing MDX is slow, reading them back is not.
 */
export async function readComponentUses(root: string, docsDir: string, cacheDir?: string): Promise<ComponentUse[]> {
  const pages = await listPages(docsDir);
  const kept = keptByContent(cacheDir, componentUsesSchema, [PARSER]);
  const perPage = await Promise.all(
    pages.map(async (file) => {
      const text = await readFile(file, 'utf8');
      const page = relative(root, file);
      const parse = async () => (await import('./parse-page-uses.ts')).componentUses(text, page);
      return kept({ text, page }, parse);
    }),
  );
  return perPage.flat();
}

