import { expect, test } from '@playwright/test';
import { pages, waitForPageScripts } from './site.ts';

// Playwright's default desktop viewport, stated because the test is about it: at this width every
// line of code and output must fit its column. Narrower screens scroll a code block in its own box.
test.use({ viewport: { width: 1280, height: 720 } });

for (const url of pages) {
  test(`no code block on ${url} is wider than its column at 1280 px`, async ({ page }) => {
    await page.goto(url);
    await waitForPageScripts(page);
    // Worked solutions sit in collapsed <details>; a reader opens them.
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    const tooWide = await page.locator('main pre').evaluateAll((blocks) =>
      blocks
        .filter((pre) => pre.scrollWidth > pre.clientWidth)
        .map((pre) => {
          const where = pre.closest('figure.example')?.getAttribute('aria-label') ?? pre.closest('figure')?.querySelector('.title')?.textContent ?? 'a code block';
          const what = pre.getAttribute('aria-label') ?? 'source';
          const lines = (pre.textContent ?? '').split('\n');
          const longest = lines.reduce((long, line) => (line.length > long.length ? line : long), '');
          return `${where}, ${what}: ${pre.scrollWidth} px in a ${pre.clientWidth} px column; longest line (${longest.length} characters): ${longest.trim()}`;
        }),
    );
    expect(
      tooWide,
      'Fix: break the line in src/examples/<id>.py (what it prints must stay the same: its spec checks), or shorten the code block.',
    ).toEqual([]);
  });
}
