/**
 * Starlight's page furniture as a reader and a link preview get it: the "Edit page" link, the
 * "Last updated" date, the header's repository link, and the page's social and canonical
 * metadata. `pageFurniture(page)` reads them from the page; `pageFurniture.expected()` says what
 * they must be, from what the build was told (tests/e2e/builds.ts) and the page's source: each is
 * there when the build knows what it needs, and absent (never empty or broken) when it does not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { root } from './builds.ts';
import type { Site } from './site.ts';

export interface PageFurniture {
  /** The "Edit page" link's address. */
  editLink: string | null;
  /** The "Last updated" date (`<time datetime>`), or what was wrong with it. */
  lastUpdated: string | null;
  /** The header's links to elsewhere (Starlight's social links): the repository. */
  headerLinks: { href: string; name: string }[];
  /** `<link rel="canonical">`, `og:url`, `<link rel="sitemap">`. */
  canonical: string | null;
  ogUrl: string | null;
  sitemap: string | null;
  ogTitle: string | null;
  ogDescription: string | null;
  description: string | null;
  twitterCard: string | null;
}

export async function pageFurniture(page: Page): Promise<PageFurniture> {
  return page.evaluate(() => {
    const attribute = (selector: string, name: string) => document.querySelector(selector)?.getAttribute(name) ?? null;
    const editLinks = [...document.querySelectorAll<HTMLAnchorElement>('a')].filter((a) => a.textContent?.trim() === 'Edit page');
    const lastUpdated = [...document.querySelectorAll('p')].filter((p) => p.textContent?.trim().startsWith('Last updated:'));
    return {
      editLink: editLinks.length === 1 ? editLinks[0]!.href : editLinks.length === 0 ? null : `${editLinks.length} "Edit page" links`,
      lastUpdated: lastUpdated.length === 0 ? null : (lastUpdated[0]!.querySelector('time')?.getAttribute('datetime') ?? 'a "Last updated" with no date'),
      headerLinks: [...document.querySelectorAll<HTMLAnchorElement>('header .social-icons a')].map((a) => ({ href: a.href, name: a.textContent?.trim() ?? '' })),
      canonical: attribute('link[rel="canonical"]', 'href'),
      ogUrl: attribute('meta[property="og:url"]', 'content'),
      sitemap: attribute('link[rel="sitemap"]', 'href'),
      ogTitle: attribute('meta[property="og:title"]', 'content'),
      ogDescription: attribute('meta[property="og:description"]', 'content'),
      description: attribute('meta[name="description"]', 'content'),
      twitterCard: attribute('meta[name="twitter:card"]', 'content'),
    };
  });
}

/** The page's source, relative to the project: `src/content/docs/<slug>.mdx` (`index` for `/`). */
function sourceOf(url: string): string {
  const slug = url === '/' ? 'index' : url.slice(1, -1);
  const source = ['mdx', 'md'].map((extension) => `src/content/docs/${slug}.${extension}`).find((file) => existsSync(`${root}${file}`));
  if (!source) throw new Error(`e2e: no source for ${url} in src/content/docs/`);
  return source;
}

/** When each commit that changed the file was made (Starlight dates a page by its newest: `git log`'s %ct). */
function commitDates(file: string): string[] {
  const log = spawnSync('git', ['log', '--format=%ct', '--', file], { cwd: root, encoding: 'utf8' });
  return log.status === 0 ? log.stdout.split('\n').filter(Boolean).map((seconds) => new Date(Number(seconds) * 1000).toISOString()) : [];
}

/**
 * What `url`'s furniture must be. `shownDate` is the date the page shows: it must be one of its
 * source's commit dates (the newest when dist/ was built; a commit since does not make it wrong).
 */
pageFurniture.expected = function expected(site: Site, url: string, shownDate: string | null): PageFurniture {
  const { deployment } = site;
  const source = sourceOf(url);
  const frontmatter = parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(`${root}${source}`, 'utf8'))?.[1] ?? '') as { title?: string; description?: string };
  const canonical = deployment.site ? new URL(site.url(url), deployment.site).href : null;
  const dates = commitDates(source);
  const lastUpdated = !deployment.lastUpdated || dates.length === 0 ? null : shownDate !== null && dates.includes(shownDate) ? shownDate : `a date of a commit of ${source}, newest ${dates[0]}`;
  return {
    editLink: deployment.repository?.editBaseUrl ? `${deployment.repository.editBaseUrl}${source}` : null,
    lastUpdated,
    headerLinks: deployment.repository ? [{ href: deployment.repository.url, name: 'Source on GitHub' }] : [],
    canonical,
    ogUrl: canonical,
    sitemap: deployment.site ? site.url('/sitemap-index.xml') : null,
    ogTitle: frontmatter.title ?? null,
    ogDescription: frontmatter.description ?? null,
    description: frontmatter.description ?? null,
    twitterCard: 'summary_large_image',
  };
};
