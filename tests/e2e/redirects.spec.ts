import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { redirects } from '../../src/redirects.ts';
import { builtSite } from './site.ts';

const anchors = builtSite;

for (const [from, to] of Object.entries(redirects)) {
  test(`${from} redirects to ${to}`, async ({ page }) => {
    const arrival = page.waitForResponse((response) => response.request().isNavigationRequest() && new URL(response.url()).pathname === to);
    await page.goto(from);
    expect((await arrival).status()).toBe(200);
    await expect(page).toHaveURL((url) => url.pathname === to);
    await expect(page.locator('main h1')).toBeVisible();
  });

  test(`${from}#anchor arrives at the same anchor of ${to}`, async ({ page }) => {
    const anchor = anchors[to]?.at(-1);
    expect(anchor, `${to} has heading anchors`).toBeDefined();
    await page.goto(`${from}#${anchor}`);
    await expect(page).toHaveURL((url) => url.pathname === to && url.hash === `#${anchor}`);
  });

  test(`${from} redirects to ${to} without JavaScript too (meta refresh)`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(from);
    await expect(page).toHaveURL((url) => url.pathname === to);
    await context.close();
  });

  test(`${from}, where the redirect does not happen, is an English page linking to ${to}, with no axe violation`, async ({ page }) => {
    // As a browser that runs no page scripts and does not follow refreshes shows it: the page
    // comes as built, with a header that blocks its scripts (Playwright's own still run, for
    // axe), and a 204 answer to the meta refresh's navigation cancels that.
    await page.route(
      (url) => url.pathname === from,
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" } });
      },
    );
    const refreshed = page.waitForRequest((request) => new URL(request.url()).pathname === to);
    await page.route((url) => url.pathname === to, (route) => route.fulfill({ status: 204 }));
    await page.goto(from);
    await refreshed;
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('main').getByRole('link')).toHaveAttribute('href', to);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`^https?://[^/]+${to}$`));
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map(({ id, impact, help }) => ({ id, impact, help }))).toEqual([]);
    expect(new URL(page.url()).pathname).toBe(from);
  });
}
