import { fileURLToPath } from 'node:url';
import type { APIResponse } from '@playwright/test';
import { findUnlisted, readManifest } from '../../scripts/site/anchors.ts';
import { BASE_PATH, builtSite, expect, pages, test } from './site.ts';

const manifestPath = fileURLToPath(new URL('../../src/anchors.json', import.meta.url));

test('src/anchors.json lists every published URL and heading anchor (else: npm run anchors:update)', () => {
  expect(findUnlisted(readManifest(manifestPath), builtSite)).toEqual([]);
});

test('the sitemap lists exactly the published pages, at their addresses under the base path', BASE_PATH, async ({ request, site }) => {
  const address = site.deployment.site;
  const index = await request.get(site.url('/sitemap-index.xml'));
  if (!address) {
    // No address to give (SITE_URL unset): no sitemap, rather than one naming a host nobody serves.
    expect(index.status()).toBe(404);
    return;
  }
  const locs = async (response: APIResponse) => [...(await response.text()).matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]!);
  const sitemaps = await locs(index);
  expect(sitemaps.filter((sitemap) => !sitemap.startsWith(address)), `sitemaps outside ${address}`).toEqual([]);
  // The entries name the deployed address; here the site is served elsewhere, so each is fetched by its path.
  const listed = (await Promise.all(sitemaps.map(async (sitemap) => locs(await request.get(new URL(sitemap).pathname))))).flat();
  expect(listed.sort()).toEqual(pages.map((url) => new URL(site.url(url), address).href).sort());
});
