import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { pages, waitForPageScripts } from './site.ts';

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    for (const url of pages) {
      test(`${url} has no serious or critical axe violation`, async ({ page }) => {
        await page.goto(url);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        // axe judges what a reader gets: the page after its scripts changed it.
        await waitForPageScripts(page);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const severe = violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map(({ id, impact, help, nodes }) => ({ id, impact, help, targets: nodes.map((node) => node.target.join(' ')) }));
        expect(severe).toEqual([]);
      });
    }
  });
}
