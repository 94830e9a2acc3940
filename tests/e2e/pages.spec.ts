import { expect, test } from '@playwright/test';
import { pages, watchForErrors } from './site.ts';

for (const url of pages) {
  test(`${url} loads with no console error and no failed request`, async ({ page }) => {
    const problems = watchForErrors(page);
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('main h1')).toBeVisible();
    expect(problems).toEqual([]);
  });
}
