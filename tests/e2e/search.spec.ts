import { expect, test, type Page } from '@playwright/test';
import { pagefind } from '../../src/search.ts';

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

/** Words a learner types about thread safety and free threading, and the page (and section) they must land on first. */
const threadingQueries: { query: string; url: string; section?: string }[] = [
  { query: 'free-threaded', url: '/free-threading/' },
  { query: 'no-GIL', url: '/free-threading/' },
  { query: 'PYTHON_GIL', url: '/free-threading/', section: '/free-threading/#python-gil' },
  { query: 'sys._is_gil_enabled', url: '/free-threading/', section: '/free-threading/#which-build' },
  { query: 'thread-safe', url: '/thread-safety/' },
  { query: 'list.append atomic', url: '/thread-safety/' },
  { query: 'check-then-act', url: '/thread-safety/', section: '/thread-safety/#check-then-act' },
];

for (const { query, url, section } of threadingQueries) {
  test(`"${query}": first result is ${section ?? url}`, async ({ page }) => {
    const [first] = await search(page, query);
    expect(first?.url).toBe(url);
    if (section) expect(first?.sections[0]).toBe(section);
  });
}
