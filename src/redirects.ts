/**
 * Old or alternative URLs and the page each now lives at. Each becomes a redirect page
 * (src/pages/[...from].astro), left out of the sitemap and of search.
 *
 * A page slug is permanent; when one must change anyway, add `'/old-slug/': '/new-slug/'` here so
 * links people already shared keep working. The anchors check (scripts/site/anchors.ts) counts a
 * redirected URL from src/anchors.json as present and looks for its anchors on the target page.
 * Keys and values are site paths with a trailing slash, the form the site publishes.
 */
export const redirects = {
  /** People who know the module name type it as the URL. */
  '/threading/': '/threads/',
  /** Same, for the multiprocessing module. */
  '/multiprocessing/': '/processes/',
} as const satisfies Record<`/${string}/`, `/${string}/`>;

/** Whether a site path (e.g. `/threading/`) is one of the old URLs above. */
export function isRedirect(path: string): boolean {
  return Object.hasOwn(redirects, path);
}
