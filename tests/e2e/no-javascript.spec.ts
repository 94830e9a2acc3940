import { expect, test } from '@playwright/test';
import { pages } from './site.ts';

test.use({ javaScriptEnabled: false });

for (const url of pages) {
  test(`${url} is readable with JavaScript disabled`, async ({ page }) => {
    await page.goto(url);
    const main = page.locator('main');
    await expect(main.locator('h1')).toBeVisible();
    for (const heading of await main.locator('.sl-markdown-content :is(h2, h3, h4)').all()) {
      await expect(heading).toBeVisible();
    }
    // Collapsed sections (worked solutions) open natively, without JavaScript: open them as a reader would.
    const closed = main.locator('details:not([open]) > summary');
    while ((await closed.count()) > 0) await closed.first().click();
    for (const code of await main.locator('pre').all()) {
      await expect(code).toBeVisible();
      expect((await code.innerText()).trim()).not.toBe('');
    }
    expect((await main.innerText()).trim().length).toBeGreaterThan(0);
  });
}
