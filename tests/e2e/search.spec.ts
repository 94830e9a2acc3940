import { expect, test, type Locator, type Page } from '@playwright/test';
import { pagefind, searchDebounceMs } from '../../src/search.ts';

/** One Pagefind result: its page URL and its section URLs, best first. */
interface Result {
  url: string;
  sections: string[];
}

/** Asks Pagefind with the site's own ranking, as the search box does; returns the first `count` results. */
async function search(page: Page, query: string, count = 5): Promise<Result[]> {
  return page.evaluate(
    async ({ query, count, ranking }) => {
      const api = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      await api.options({ ranking });
      const { results } = await api.search(query);
      const data = await Promise.all(results.slice(0, count).map((result: { data(): Promise<unknown> }) => result.data()));
      return (data as { url: string; sub_results: { url: string }[] }[]).map(({ url, sub_results }) => ({
        url,
        sections: sub_results.map((sub) => sub.url),
      }));
    },
    { query, count, ranking: pagefind.ranking },
  );
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('"mutual exclusion": first result is the Locks page, at its Mutual exclusion section', async ({ page }) => {
  const [first] = await search(page, 'mutual exclusion');
  expect(first?.url).toBe('/locks/');
  expect(first?.sections[0]).toBe('/locks/#mutual-exclusion');
});

test('"mutex" finds the Locks page', async ({ page }) => {
  const results = await search(page, 'mutex', 3);
  expect(results.map((result) => result.url)).toContain('/locks/');
});

for (const query of ['GIL', 'global interpreter lock']) {
  test(`"${query}": first result is the GIL page`, async ({ page }) => {
    const [first] = await search(page, query);
    expect(first?.url).toBe('/gil/');
  });
}

test('"fork" finds the start methods section of Processes', async ({ page }) => {
  const results = await search(page, 'fork');
  expect(results.flatMap((result) => result.sections)).toContain('/processes/#start-methods');
});

test('the search dialog, typed into like a reader would, leads to Locks › Mutual exclusion', async ({ page }) => {
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox', { name: 'Search' }).fill('mutual exclusion');
  const first = dialog.locator('.pagefind-ui__result').first();
  await expect(first.locator('.pagefind-ui__result-title .pagefind-ui__result-link').first()).toHaveAttribute('href', '/locks/');
  const section = first.locator('.pagefind-ui__result-nested .pagefind-ui__result-link').first();
  await expect(section).toHaveAttribute('href', '/locks/#mutual-exclusion');
  await section.click();
  await expect(page).toHaveURL(/\/locks\/#mutual-exclusion$/);
  await expect(page.locator('#mutual-exclusion')).toBeInViewport();
});

/** What the dialog shows at one moment: its message and its first result's page and section. */
interface Shown {
  message: string;
  page: string | null;
  section: string | null;
}

/**
 * Records, in the page, every change of what the search dialog shows, from now on. The list
 * proves that once the right answer appeared nothing else replaced it, however briefly.
 */
async function recordShown(search: Locator): Promise<() => Promise<Shown[]>> {
  await search.evaluate((element) => {
    const shown: Shown[] = [];
    (window as unknown as { __shown: Shown[] }).__shown = shown;
    new MutationObserver(() => {
      const first = element.querySelector('.pagefind-ui__result');
      const now: Shown = {
        message: element.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? '',
        page: first?.querySelector('.pagefind-ui__result-title .pagefind-ui__result-link')?.getAttribute('href') ?? null,
        section: first?.querySelector('.pagefind-ui__result-nested .pagefind-ui__result-link')?.getAttribute('href') ?? null,
      };
      const last = shown.at(-1);
      if (last?.message !== now.message || last.page !== now.page || last.section !== now.section) shown.push(now);
    }).observe(element, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  return () => search.evaluate(() => (window as unknown as { __shown: Shown[] }).__shown);
}

/**
 * The dialog shows the answer to the whole query, and keeps showing it: the message names the
 * whole query (Pagefind UI names the term of the search whose results it shows, so a prefix's
 * results cannot pass for it) and the first result is `page` with `section` first under it.
 */
async function expectAnswer(dialog: Locator, shown: () => Promise<Shown[]>, query: string, page: string, section: string): Promise<void> {
  await expect(dialog.locator('.pagefind-ui__message')).toHaveText(new RegExp(` for ${query}$`));
  const first = dialog.locator('.pagefind-ui__result').first();
  await expect(first.locator('.pagefind-ui__result-title .pagefind-ui__result-link').first()).toHaveAttribute('href', page);
  await expect(first.locator('.pagefind-ui__result-nested .pagefind-ui__result-link').first()).toHaveAttribute('href', section);
  // Long enough for any search still under way to land: ten debounce periods.
  await dialog.page().waitForTimeout(10 * searchDebounceMs);
  const states = await shown();
  const answer = states.findIndex((state) => state.message.endsWith(` for ${query}`) && state.page === page && state.section === section);
  expect(answer, `the answer never showed; the dialog showed: ${JSON.stringify(states)}`).toBeGreaterThanOrEqual(0);
  expect(states.slice(answer), 'after the answer showed, the dialog showed something else').toEqual([{ message: expect.stringMatching(new RegExp(` for ${query}$`)), page, section }]);
}

const OPEN_SEARCH = {
  'a click on the search button': (page: Page) => page.getByRole('button', { name: 'Search' }).click(),
  'the Ctrl K shortcut': (page: Page) => page.keyboard.press('Control+k'),
};

for (const [how, open] of Object.entries(OPEN_SEARCH)) {
  test(`opened with ${how} and typed into fast, key by key, the dialog ends on the whole query's answer`, async ({ page }) => {
    // Pagefind UI is created once the page is idle; it must be there before the dialog opens.
    await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
    const shown = await recordShown(page.locator('#starlight__search'));
    await open(page);
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('textbox', { name: 'Search' }).pressSequentially('mutual exclusion');
    await expectAnswer(dialog, shown, 'mutual exclusion', '/locks/', '/locks/#mutual-exclusion');
  });
}

test("after a prefix's results have shown, typing on fast ends on the whole query's answer, not the prefix's", async ({ page }) => {
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const input = dialog.getByRole('textbox', { name: 'Search' });
  await input.pressSequentially('fo');
  // "fo" ranks the Exercises page first; "fork" ranks Processes first.
  await expect(dialog.locator('.pagefind-ui__result-title .pagefind-ui__result-link').first()).toHaveAttribute('href', '/exercises/');
  const shown = await recordShown(dialog);
  await input.pressSequentially('rk');
  await expectAnswer(dialog, shown, 'fork', '/processes/', '/processes/#start-methods');
});

test('Pagefind loads when a reader heads for the search button, not with the page', async ({ page }) => {
  const requested: string[] = [];
  page.context().on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/locks/', { waitUntil: 'networkidle' });
  await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
  expect(requested.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
  const loaded = page.waitForRequest((request) => new URL(request.url()).pathname === '/pagefind/pagefind.js');
  await page.getByRole('button', { name: 'Search' }).hover();
  await loaded;
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();
});

test('keys typed while Pagefind is still loading are searched once it has loaded, as the whole query', async ({ page }) => {
  let release = () => {};
  const loaded = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/pagefind/pagefind.js', async (route) => {
    await loaded;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const shown = await recordShown(dialog);
  const input = dialog.getByRole('textbox', { name: 'Search' });
  // Pauses longer than the debounce: each key would start a search of its own, all of them
  // waiting for Pagefind at once.
  for (const key of 'fork') {
    await input.press(key);
    await page.waitForTimeout(3 * searchDebounceMs);
  }
  release();
  await expectAnswer(dialog, shown, 'fork', '/processes/', '/processes/#start-methods');
});
