import { expect, test } from '@playwright/test';
import { pages } from './site.ts';

/** A link that does not lead where it says: the page it sits on, its href, and what is wrong. */
interface BrokenLink {
  href: string;
  problem: string;
}

for (const url of pages) {
  test(`every internal link and anchor on ${url} resolves`, async ({ page }) => {
    await page.goto(url);
    // Runs in the page: fetch each internal target once (following the site's meta-refresh
    // redirects, which fetch does not), parse it with the browser's own parser, find the #fragment.
    const broken = await page.evaluate(async (): Promise<BrokenLink[]> => {
      const documents = new Map<string, Promise<{ status: number; doc: Document }>>();
      const load = (path: string) => {
        let loaded = documents.get(path);
        if (!loaded) {
          loaded = (async () => {
            let target = new URL(path, location.origin);
            for (let hops = 0; ; hops++) {
              const response = await fetch(target);
              const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
              const refresh = doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content');
              const next = refresh?.match(/url=(.+)$/i)?.[1];
              if (!next || hops > 3) return { status: response.status, doc };
              target = new URL(next, target);
            }
          })();
          documents.set(path, loaded);
        }
        return loaded;
      };
      const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
        .map((a) => a.href)
        .filter((href) => new URL(href).origin === location.origin);
      const problems: BrokenLink[] = [];
      for (const href of new Set(links)) {
        const { pathname, hash } = new URL(href);
        const { status, doc } = await load(pathname);
        if (status >= 400) problems.push({ href, problem: `HTTP ${status}` });
        else if (hash && !doc.getElementById(decodeURIComponent(hash.slice(1)))) problems.push({ href, problem: `no element with id ${hash}` });
      }
      return problems;
    });
    expect(broken).toEqual([]);
  });
}
