import { expect, test } from '@playwright/test';
import { redirects } from '../../src/redirects.ts';

for (const [from, to] of Object.entries(redirects)) {
  test(`${from} redirects to ${to}`, async ({ page }) => {
    await page.goto(from);
    await expect(page).toHaveURL((url) => url.pathname === to);
    await expect(page.locator('main h1')).toBeVisible();
  });
}
