import type { Page } from '@playwright/test';
import { BASE_PATH, expect, pages, test } from './site.ts';

/** A link that does not lead where it says: its href, and what is wrong. */
interface BrokenLink {
  href: string;
  problem: string;
}

/** What a link target answered: its HTTP status and the ids in it (after the site's meta-refresh redirects). */
interface Target {
  status: number;
  ids: string[];
}

/**
 * Every target is fetched and parsed once per worker, however many pages link to it: each page
 * parsing every page it links to made this file quadratic in the site's size (42 s of the suite).
 */
const targets = new Map<string, Promise<Target>>();

/** Fetches `path` in the page, follows meta-refresh redirects (fetch does not), parses it with the browser's own parser. */
function target(page: Page, path: string): Promise<Target> {
  let loaded = targets.get(path);
  if (!loaded) {
    loaded = page.evaluate(async (start) => {
      let url = new URL(start, location.origin);
      for (let hops = 0; ; hops++) {
        const response = await fetch(url);
        const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
        const next = doc
          .querySelector('meta[http-equiv="refresh"]')
          ?.getAttribute('content')
          ?.match(/url=(.+)$/i)?.[1];
        if (!next || hops > 3) return { status: response.status, ids: [...doc.querySelectorAll('[id]')].map((element) => element.id) };
        url = new URL(next, url);
      }
    }, path);
    targets.set(path, loaded);
    // A failure (the page closed mid-fetch) is not an answer: the next page asks again.
    loaded.catch(() => targets.delete(path));
  }
  return loaded;
}

for (const url of pages) {
  test(`every internal link and anchor on ${url} resolves, under the base path`, BASE_PATH, async ({ page, site }) => {
    await page.goto(site.url(url));
    // The links of the page as a reader gets it (after its scripts ran), not only its HTML.
    const links = await page.evaluate(() =>
      [...new Set([...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href))].filter((href) => new URL(href).origin === location.origin),
    );
    const broken: BrokenLink[] = [];
    for (const href of links) {
      const { pathname, hash } = new URL(href);
      // Served elsewhere, a link from the host's root leads out of the site (to another project's pages, or a 404).
      if (site.path(pathname) === null) {
        broken.push({ href, problem: `outside the base path ${site.base}` });
        continue;
      }
      const { status, ids } = await target(page, pathname);
      if (status >= 400) broken.push({ href, problem: `HTTP ${status}` });
      else if (hash && !ids.includes(decodeURIComponent(hash.slice(1)))) broken.push({ href, problem: `no element with id ${hash}` });
    }
    expect(broken).toEqual([]);
  });
}
