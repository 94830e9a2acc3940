/**
 * The 404 page (Starlight's, dist/404.html): what a host serves for an address the site does not
 * have, GitHub Pages included. Its styles, scripts and links work from any depth under the base
 * path, and its search leads to the pages.
 */
import AxeBuilder from '@axe-core/playwright';
import { BASE_PATH, expect, test, watchForErrors } from './site.ts';

/** An address the site does not have, a few folders deep: the 404 page's own URLs must not be relative to it. */
const MISSING = '/no-such-page/in/a/folder/';

test('a missing page answers 404 with a page that offers search, and the search leads to the right page', BASE_PATH, async ({ page, site }) => {
  const problems = watchForErrors(page);
  const response = await page.goto(site.url(MISSING), { waitUntil: 'networkidle' });
  expect(response?.status()).toBe(404);
  await expect(page.locator('main h1')).toHaveText('404');
  await expect(page.locator('main')).toContainText('Page not found. Check the URL or try using the search bar.');
  // The site title leads home, under the base path.
  await expect(page.locator('header a.site-title')).toHaveAttribute('href', site.url('/'));
  if (site.checksContent) {
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map(({ id, impact, help }) => ({ id, impact, help }))).toEqual([]);
  }

  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox', { name: 'Search' }).fill('mutual exclusion');
  const first = dialog.locator('.pagefind-ui__result-title .pagefind-ui__result-link').first();
  await expect(first).toHaveAttribute('href', site.url('/locks/'));
  await first.click();
  await expect(page).toHaveURL((url) => url.pathname === site.url('/locks/'));
  await expect(page.locator('main h1')).toBeVisible();
  // The only errors: the 404 itself, as the network and the console report it.
  expect(problems).toEqual([
    `HTTP 404: ${new URL(site.url(MISSING), page.url()).href}`,
    'console error: Failed to load resource: the server responded with a status of 404 (Not Found)',
  ]);
});
