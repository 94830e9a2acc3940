import AxeBuilder from '@axe-core/playwright';
import { redirects } from '../../src/redirects.ts';
import { BASE_PATH, builtSite, expect, test } from './site.ts';

const anchors = builtSite;

for (const [from, to] of Object.entries(redirects)) {
  test(`${from} redirects to ${to}`, BASE_PATH, async ({ page, site }) => {
    const arrival = page.waitForResponse((response) => response.request().isNavigationRequest() && new URL(response.url()).pathname === site.url(to));
    await page.goto(site.url(from));
    expect((await arrival).status()).toBe(200);
    await expect(page).toHaveURL((url) => url.pathname === site.url(to));
    await expect(page.locator('main h1')).toBeVisible();
  });

  test(`${from}#anchor arrives at the same anchor of ${to}`, BASE_PATH, async ({ page, site }) => {
    const anchor = anchors[to]?.at(-1);
    expect(anchor, `${to} has heading anchors`).toBeDefined();
    await page.goto(site.url(`${from}#${anchor}`));
    await expect(page).toHaveURL((url) => url.pathname === site.url(to) && url.hash === `#${anchor}`);
  });

  test(`${from} redirects to ${to} without JavaScript too (meta refresh)`, BASE_PATH, async ({ browser, site }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url(from));
    await expect(page).toHaveURL((url) => url.pathname === site.url(to));
    await context.close();
  });

  test(`${from}, where the redirect does not happen, is an English page linking to ${to}, with no axe violation`, BASE_PATH, async ({ page, site }) => {
    // As a browser that runs no page scripts and does not follow refreshes shows it: the page
    // comes as built, with a header that blocks its scripts (Playwright's own still run, for
    // axe), and a 204 answer to the meta refresh's navigation cancels that.
    await page.route(
      (url) => url.pathname === site.url(from),
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" } });
      },
    );
    const refreshed = page.waitForRequest((request) => new URL(request.url()).pathname === site.url(to));
    await page.route((url) => url.pathname === site.url(to), (route) => route.fulfill({ status: 204 }));
    await page.goto(site.url(from));
    await refreshed;
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('main').getByRole('link')).toHaveAttribute('href', site.url(to));
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    // Only where the site's address is known, as on Starlight's pages.
    const canonical = page.locator('link[rel="canonical"]');
    if (site.deployment.site) await expect(canonical).toHaveAttribute('href', new URL(site.url(to), site.deployment.site).href);
    else await expect(canonical).toHaveCount(0);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map(({ id, impact, help }) => ({ id, impact, help }))).toEqual([]);
    expect(new URL(page.url()).pathname).toBe(site.url(from));
  });
}
