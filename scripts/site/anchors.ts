/**
 * The stable-anchors contract: every public URL and every heading anchor of the built site,
 * committed as src/anchors.json. The build fails when one of them disappears; new ones join the
 * manifest only through `npm run anchors:update`, so every change to it is a reviewed diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { z } from 'astro/zod';
import { keptByContent } from '../cache/json-cache.ts';
import { BuildStepError } from '../shared/build-step-error.ts';

/** A site path as published: leading and trailing slash, e.g. `/locks/` (the home page is `/`). */
const SitePath = z.string().regex(/^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/, 'a site path like /locks/');

/** Page URL → the ids of its headings, in page order. */
export const AnchorsManifest = z.record(SitePath, z.array(z.string().min(1)));
export type AnchorsManifest = z.infer<typeof AnchorsManifest>;

/** Old URL → the URL it redirects to (src/redirects.ts). */
export type Redirects = Readonly<Record<string, string>>;

/** Heading anchors people can link to: Starlight renders a page's own content in `.sl-markdown-content`. */
const HEADING_ANCHORS = ['h2', 'h3', 'h4', 'h5', 'h6'].map((h) => `.sl-markdown-content ${h}[id]`).join(', ');

/** One page's heading ids, in page order; null for a redirect page. */
const PageAnchors = z.array(z.string()).nullable();

/** Reads one built page. The HTML parser loads on first use: a warm build finds every page in the cache. */
async function pageAnchors(html: string): Promise<z.infer<typeof PageAnchors>> {
  const [{ fromHtml }, { select, selectAll }] = await Promise.all([import('hast-util-from-html'), import('hast-util-select')]);
  const tree = fromHtml(html);
  if (select('meta[http-equiv="refresh"]', tree)) return null;
  return selectAll(HEADING_ANCHORS, tree).map((heading) => String(heading.properties['id']));
}

/**
 * Reads every page of a built site (`<dir>/**\/index.html`) and returns its URL and heading ids.
 * Redirect pages (a meta refresh, src/pages/[...from].astro) are left out: src/redirects.ts is their source of truth.
 * With `cacheDir`, each page's ids are kept by its HTML (and this module's code): parsing every
 * page is slow, and most builds publish most pages unchanged.
 */
export async function extractAnchors(siteDir: string, cacheDir?: string): Promise<AnchorsManifest> {
  const files = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file === 'index.html' || file.endsWith(`${sep}index.html`))
    .sort();
  const kept = keptByContent(cacheDir, PageAnchors, [new URL(import.meta.url)]);
  const anchors = await Promise.all(
    files.map(async (file) => {
      const html = await readFile(join(siteDir, file), 'utf8');
      return kept({ html }, () => pageAnchors(html));
    }),
  );
  const pages: AnchorsManifest = {};
  files.forEach((file, index) => {
    const ids = anchors[index];
    if (ids) pages[`/${file.slice(0, -'index.html'.length).split(sep).join('/')}`] = ids;
  });
  return pages;
}

/** A manifest entry the built site no longer has: a whole page (`anchor` undefined) or one anchor. */
export interface MissingAnchor {
  url: string;
  anchor?: string;
  /** The page that was searched: `url` itself, or where a redirect sends it. */
  lookedAt: string;
}

/**
 * Lists every manifest URL and anchor the built site lacks. A URL with a redirect counts as
 * present, and its anchors are looked for on the redirect's target: browsers keep the `#fragment`
 * across an HTTP redirect.
 */
export function findMissing(manifest: AnchorsManifest, built: AnchorsManifest, redirects: Redirects): MissingAnchor[] {
  const missing: MissingAnchor[] = [];
  for (const [url, anchors] of Object.entries(manifest)) {
    const lookedAt = url in built ? url : (redirects[url] ?? url);
    const present = built[lookedAt];
    if (!present) {
      missing.push({ url, lookedAt });
      continue;
    }
    for (const anchor of anchors) {
      if (!present.includes(anchor)) missing.push({ url, anchor, lookedAt });
    }
  }
  return missing;
}

/** URLs and anchors of the built site that the manifest does not list yet, as `url` or `url#anchor`. */
export function findUnlisted(manifest: AnchorsManifest, built: AnchorsManifest): string[] {
  const unlisted: string[] = [];
  for (const [url, anchors] of Object.entries(built)) {
    const listed = manifest[url];
    if (!listed) unlisted.push(url);
    for (const anchor of anchors) {
      if (!listed?.includes(anchor)) unlisted.push(`${url}#${anchor}`);
    }
  }
  return unlisted;
}

/** The build's error for missing anchors: each `URL#anchor` and the two ways to fix it. */
export function missingAnchorsError(missing: readonly MissingAnchor[], manifestPath: string): BuildStepError {
  const lines = missing.map(({ url, anchor, lookedAt }) => {
    const where = lookedAt === url ? '' : ` (redirected to ${lookedAt})`;
    return anchor === undefined ? `  ${url}: page missing${where}` : `  ${url}#${anchor}: anchor missing${where}`;
  });
  return new BuildStepError(
    [`Published URLs or anchors listed in ${manifestPath} are missing from the built site:`, ...lines, 'Links people already shared point there.'].join('\n'),
    {
      step: 'anchors',
      file: manifestPath,
      fix:
        "restore the heading id (a heading's text may change, its id must not) or the page; for a page that moved, " +
        'add a redirect in src/redirects.ts. If removing it is deliberate, run `npm run anchors:update` and commit the rewritten manifest.',
    },
  );
}

/**
 * The manifest after a deliberate update: everything the site now has, plus old URLs that a
 * redirect keeps alive (with their anchors, which the target page must go on providing).
 */
export function updateManifest(manifest: AnchorsManifest, built: AnchorsManifest, redirects: Redirects): AnchorsManifest {
  const updated: AnchorsManifest = { ...built };
  for (const [url, anchors] of Object.entries(manifest)) {
    if (!(url in built) && url in redirects) updated[url] = anchors;
  }
  return updated;
}

/** Reads and validates the committed manifest; a missing file is an empty manifest. */
export function readManifest(path: string): AnchorsManifest {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const parsed = AnchorsManifest.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new BuildStepError(`${path} is not a valid anchors manifest: ${z.prettifyError(parsed.error)}`, {
      step: 'anchors',
      file: path,
      fix: 'restore it from git, or run `npm run anchors:update` to regenerate it from the site.',
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Writes the manifest with sorted URLs, so its diffs are small and reviewable. */
export function writeManifest(path: string, manifest: AnchorsManifest): void {
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path, `${JSON.stringify(sorted, null, 2)}\n`);
}
