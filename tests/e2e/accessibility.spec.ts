import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { pages, waitForPageScripts } from './site.ts';

/** What the site promises: WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe's tags for them; 2.2 added AA rules only). */
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    for (const url of pages) {
      test(`${url} has no WCAG A/AA violation (axe), whatever its impact`, async ({ page }) => {
        await page.goto(url);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        // axe judges what a reader gets: the page after its scripts changed it.
        await waitForPageScripts(page);
        // Legacy mode runs axe in the page itself instead of gathering frame results in a second,
        // blank page: our pages have no frames, and it halves each analysis (19 s → 5 s on
        // /coordination/, measured), which on 2 cores decided whether the suite fit its time.
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_A_AA).setLegacyMode(true).analyze();
        const found = violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, targets: nodes.map((node) => node.target.join(' ')) }));
        expect(found).toEqual([]);
      });
    }
  });
}
