import { expect, test } from '@playwright/test';
import { layoutShiftOnSlowCpu, pages, watchForErrors } from './site.ts';

for (const url of pages) {
  test(`${url} loads with no console error and no failed request, and every heading links to itself`, async ({ page }) => {
    const problems = watchForErrors(page);
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('main h1')).toBeVisible();
    expect(problems).toEqual([]);
    const headings = await page.locator('.sl-markdown-content :is(h2, h3, h4)[id]').evaluateAll((elements) =>
      elements.map((heading) => ({
        id: heading.id,
        link: heading.parentElement?.querySelector('a.sl-anchor-link')?.getAttribute('href') ?? null,
      })),
    );
    expect(headings.filter(({ id, link }) => link !== `#${id}`)).toEqual([]);
  });
}

// The overview and the two longest pages (the longer the page, the more of it is painted before
// the rest arrives): nothing moves while they load, even on a slow CPU.
for (const url of ['/', '/gil/', '/coordination/']) {
  test(`${url} does not shift while it loads on a slow CPU`, async ({ page }) => {
    const { cls, shifted } = await layoutShiftOnSlowCpu(page, async () => {
      await page.goto(url, { waitUntil: 'networkidle' });
    });
    expect(cls, `shifted: ${shifted.join(', ')}`).toBeLessThan(0.01);
  });
}
