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

/** API names and plain words from the Going further pages: query → its page first, with the section that explains it. */
const goingFurther: { query: string; page: string; section: string }[] = [
  { query: 'ThreadPoolExecutor', page: '/executors/', section: '/executors/#three-executors' },
  { query: 'InterpreterPoolExecutor', page: '/executors/', section: '/executors/#interpreter-pool' },
  { query: 'futures', page: '/executors/', section: '/executors/#futures' },
  { query: 'concurrent.futures', page: '/executors/', section: '/executors/#why-executors' },
  { query: 'as_completed', page: '/executors/', section: '/executors/#as-completed' },
  { query: 'max_workers', page: '/executors/', section: '/executors/#max-workers' },
  { query: 'chunksize', page: '/executors/', section: '/executors/#map-and-chunksize' },
  { query: 'cancel_futures', page: '/executors/', section: '/executors/#shutdown' },
  { query: 'shared memory', page: '/sharing-data/', section: '/sharing-data/#shared-memory' },
  { query: 'pickle', page: '/sharing-data/', section: '/sharing-data/#pickling' },
  { query: 'PicklingError', page: '/sharing-data/', section: '/sharing-data/#pickling' },
  { query: 'Queue', page: '/sharing-data/', section: '/sharing-data/#queue' },
  { query: 'exitcode', page: '/sharing-data/', section: '/sharing-data/#exitcode' },
];

for (const { query, page: expectedPage, section } of goingFurther) {
  test(`"${query}": first result is ${expectedPage}, with its section ${section}`, async ({ page }) => {
    const [first] = await search(page, query);
    expect(first?.url).toBe(expectedPage);
    expect(first?.sections).toContain(section);
  });
}
