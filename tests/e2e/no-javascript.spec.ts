import { BASE_PATH, expect, pages, test } from './site.ts';

test.use({ javaScriptEnabled: false });

for (const url of pages) {
  test(`${url} is readable with JavaScript disabled`, BASE_PATH, async ({ page, site }) => {
    await page.goto(site.url(url));
    const main = page.locator('main');
    await expect(main.locator('h1')).toBeVisible();
    // Collapsed sections (worked solutions) open natively, without JavaScript: open them as a reader would.
    const closed = main.locator('details:not([open]) > summary');
    while ((await closed.count()) > 0) await closed.first().click();
    // Every heading and code block shown (as Playwright's toBeVisible judges: rendered, a box of
    // some size), and no code block empty; asked in one pass, not one round trip per element.
    const unreadable = await main.evaluate((element) => {
      const shown = (node: Element) => {
        const box = node.getBoundingClientRect();
        return node.checkVisibility({ visibilityProperty: true }) && box.width > 0 && box.height > 0;
      };
      const where = (node: Element) => `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''} "${(node.textContent ?? '').trim().slice(0, 60)}"`;
      return [
        ...[...element.querySelectorAll('.sl-markdown-content :is(h2, h3, h4)')]
          .filter((heading) => !shown(heading))
          .map((heading) => `hidden: ${where(heading)}`),
        ...[...element.querySelectorAll('pre')].filter((pre) => !shown(pre)).map((pre) => `hidden: ${where(pre)}`),
        ...[...element.querySelectorAll<HTMLElement>('pre')].filter((pre) => pre.innerText.trim() === '').map((pre) => `empty: ${where(pre)}`),
      ];
    });
    expect(unreadable).toEqual([]);
    expect((await main.innerText()).trim().length).toBeGreaterThan(0);
  });
}
