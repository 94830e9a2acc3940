import { expect, test } from './site.ts';

test.use({ colorScheme: 'light' });

test('the theme select switches to dark, and the choice survives a reload', async ({ page, site }) => {
  await page.goto(site.url('/'));
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.locator('starlight-theme-select select').first().selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('starlight-theme-select select').first()).toHaveValue('dark');
});
