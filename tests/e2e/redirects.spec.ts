import { expect, test } from '@playwright/test';
import { redirects } from '../../src/redirects.ts';

for (const [from, to] of Object.entries(redirects)) {
  test(`${from} redirects to ${to}`, async ({ page }) => {
    const arrival = page.waitForResponse((response) => response.request().isNavigationRequest() && new URL(response.url()).pathname === to);
    await page.goto(from);
    expect((await arrival).status()).toBe(200);
    await expect(page).toHaveURL((url) => url.pathname === to);
    await expect(page.locator('main h1')).toBeVisible();
  });
}
