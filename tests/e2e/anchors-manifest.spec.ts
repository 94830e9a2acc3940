import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { findUnlisted, readManifest } from '../../scripts/site/anchors.ts';
import { builtSite, pages } from './site.ts';

const manifestPath = fileURLToPath(new URL('../../src/anchors.json', import.meta.url));

test('src/anchors.json lists every published URL and heading anchor (else: npm run anchors:update)', () => {
  expect(findUnlisted(readManifest(manifestPath), builtSite)).toEqual([]);
});

test('the sitemap lists exactly the published pages', async ({ page }) => {
  await page.goto('/');
  const inSitemap = await page.evaluate(async () => {
    const locs = async (path: string) => {
      const xml = new DOMParser().parseFromString(await (await fetch(path)).text(), 'application/xml');
      return [...xml.querySelectorAll('loc')].map((loc) => new URL(loc.textContent ?? '').pathname);
    };
    const sitemaps = await locs('/sitemap-index.xml');
    return (await Promise.all(sitemaps.map(locs))).flat();
  });
  expect(inSitemap.sort()).toEqual(pages);
});
