import type { Locator, Page } from '@playwright/test';
import { pagefind, searchDebounceMs } from '../../src/search.ts';
import { BASE_PATH, expect, test, type Site } from './site.ts';

/** One Pagefind result: its page URL and its section URLs, best first. */
interface Result {
  url: string;
  sections: string[];
}

/**
 * Asks Pagefind with the site's own ranking and base path, as the search box does; returns how
 * many pages match and the first `count` results (5: what the search box shows), as site paths
 * (`/locks/`: the search box shows them under the base path). `base`: the site's base path, by
 * default the path of `page`, which then is the site's home (the API tests' page).
 */
async function searchAll(page: Page, query: string, count = 5, base = new URL(page.url()).pathname): Promise<{ total: number; results: Result[] }> {
  return page.evaluate(
    async ({ query, count, ranking, base }) => {
      // The module the search box loaded, if it did: the same options as it set, so it is left as it was.
      const api = await import(/* @vite-ignore */ `${location.origin}${base}pagefind/pagefind.js`);
      await api.options({ ranking, baseUrl: base });
      const { results } = await api.search(query);
      const data = await Promise.all(results.slice(0, count).map((result: { data(): Promise<unknown> }) => result.data()));
      const sitePath = (url: string) => `/${url.slice(base.length)}`;
      return {
        total: results.length as number,
        results: (data as { url: string; sub_results: { url: string }[] }[]).map(({ url, sub_results }) => ({
          url: sitePath(url),
          sections: sub_results.map((sub) => sitePath(sub.url)),
        })),
      };
    },
    { query, count, ranking: pagefind.ranking, base },
  );
}

/** The first `count` results of `searchAll`. */
async function search(page: Page, query: string, count = 5): Promise<Result[]> {
  return (await searchAll(page, query, count)).results;
}

/**
 * Queries to Pagefind's API share one page per worker, opened once: a query needs no fresh page,
 * and loading one per query (40 of them) was most of this file's time.
 */
const apiTest = test.extend<object, { searchPage: Page }>({
  searchPage: [
    async ({ browser, served }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL ?? '' });
      const page = await context.newPage();
      await page.goto(served.base);
      await use(page);
      await context.close();
    },
    { scope: 'worker' },
  ],
});

apiTest('"mutual exclusion": first result is the Locks page, at its Mutual exclusion section', async ({ searchPage: page }) => {
  const [first] = await search(page, 'mutual exclusion');
  expect(first?.url).toBe('/locks/');
  expect(first?.sections[0]).toBe('/locks/#mutual-exclusion');
});

apiTest('"mutex" finds the Locks page', async ({ searchPage: page }) => {
  const results = await search(page, 'mutex', 3);
  expect(results.map((result) => result.url)).toContain('/locks/');
});

for (const query of ['GIL', 'global interpreter lock']) {
  apiTest(`"${query}": first result is the GIL page`, async ({ searchPage: page }) => {
    const [first] = await search(page, query);
    expect(first?.url).toBe('/gil/');
  });
}

apiTest('"fork" finds the start methods section of Processes', async ({ searchPage: page }) => {
  const results = await search(page, 'fork');
  expect(results.flatMap((result) => result.sections)).toContain('/processes/#start-methods');
});

apiTest('"race condition" finds the Locks page, where the lost updates run, and the GIL page', async ({ searchPage: page }) => {
  const urls = (await search(page, 'race condition', 3)).map((result) => result.url);
  expect(urls).toContain('/locks/');
  expect(urls).toContain('/gil/');
});

apiTest('"forkserver": first result is Processes, at its start methods', async ({ searchPage: page }) => {
  const [first] = await search(page, 'forkserver');
  expect(first?.url).toBe('/processes/');
  expect(first?.sections).toContain('/processes/#start-methods');
});

apiTest('"data race" finds its glossary entry', async ({ searchPage: page }) => {
  const results = await search(page, 'data race');
  expect(results.flatMap((result) => result.sections)).toContain('/glossary/#data-race');
});

test('the search dialog, typed into like a reader would, leads to Locks › Mutual exclusion', BASE_PATH, async ({ page, site }) => {
  await page.goto(site.url('/'));
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('textbox', { name: 'Search' }).fill('mutual exclusion');
  const first = dialog.locator('.pagefind-ui__result').first();
  await expect(first.locator('.pagefind-ui__result-title .pagefind-ui__result-link').first()).toHaveAttribute('href', site.url('/locks/'));
  const section = first.locator('.pagefind-ui__result-nested .pagefind-ui__result-link').first();
  await expect(section).toHaveAttribute('href', site.url('/locks/#mutual-exclusion'));
  await section.click();
  await expect(page).toHaveURL((url) => url.pathname + url.hash === site.url('/locks/#mutual-exclusion'));
  await expect(page.locator('#mutual-exclusion')).toBeInViewport();
});

apiTest('"producer consumer": first result is Coordinating threads, at its producer–consumer section', async ({ searchPage: page }) => {
  const [first] = await search(page, 'producer consumer');
  expect(first?.url).toBe('/coordination/');
  expect(first?.sections[0]).toBe('/coordination/#producer-consumer');
});

for (const [query, section] of [
  ['semaphore', 'semaphore'],
  ['RLock', 'rlock'],
  ['deadlock', 'deadlock'],
  // "Event" is left out: it finds the asyncio page's event loop first, which is as fair an answer.
  ['Condition', 'condition'],
  ['Barrier', 'barrier'],
] as const) {
  apiTest(`"${query}": first result is Coordinating threads, with its ${section} section among the matches`, async ({ searchPage: page }) => {
    const [first] = await search(page, query);
    expect(first?.url).toBe('/coordination/');
    expect(first?.sections).toContain(`/coordination/#${section}`);
  });
}

/** What the dialog shows at one moment: its message, its results' pages (null: still loading), the first section. */
interface Shown {
  message: string;
  pages: (string | null)[];
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
      const results = [...element.querySelectorAll('.pagefind-ui__result')];
      const now: Shown = {
        message: element.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? '',
        pages: results.map((result) => result.querySelector('.pagefind-ui__result-title .pagefind-ui__result-link')?.getAttribute('href') ?? null),
        section: results[0]?.querySelector('.pagefind-ui__result-nested .pagefind-ui__result-link')?.getAttribute('href') ?? null,
      };
      if (JSON.stringify(now) !== JSON.stringify(shown.at(-1))) shown.push(now);
    }).observe(element, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  return () => search.evaluate(() => (window as unknown as { __shown: Shown[] }).__shown);
}

/**
 * The dialog ends on the answer to the whole query and keeps it: the first result is `page` with
 * `section` first under it, and the message and the pages are those Pagefind itself gives for the
 * whole query. Pagefind UI's message alone is not enough: it names the term of the last search
 * started, and a prefix's results can show under it (seen: "11 results for fork" were those of "f").
 * `page` and `section` are site paths; the dialog links to them under the base path.
 */
async function expectAnswer(dialog: Locator, shown: () => Promise<Shown[]>, query: string, page: string, section: string, site: Site): Promise<void> {
  await expect(dialog.locator('.pagefind-ui__message')).toHaveText(new RegExp(` for ${query}$`));
  const first = dialog.locator('.pagefind-ui__result').first();
  await expect(first.locator('.pagefind-ui__result-title .pagefind-ui__result-link').first()).toHaveAttribute('href', site.url(page));
  await expect(first.locator('.pagefind-ui__result-nested .pagefind-ui__result-link').first()).toHaveAttribute('href', site.url(section));
  // Long enough for any search still under way to land: ten debounce periods.
  await dialog.page().waitForTimeout(10 * searchDebounceMs);
  const { total, results } = await searchAll(dialog.page(), query, 5, site.base);
  const answer: Shown = {
    message: `${total} result${total === 1 ? '' : 's'} for ${query}`,
    pages: results.map((result) => site.url(result.url)),
    section: site.url(section),
  };
  const states = await shown();
  const shownAt = states.findIndex((state) => JSON.stringify(state) === JSON.stringify(answer));
  expect(shownAt, `the answer ${JSON.stringify(answer)} never showed; the dialog showed: ${JSON.stringify(states)}`).toBeGreaterThanOrEqual(0);
  expect(states.slice(shownAt), 'after the answer showed, the dialog showed something else').toEqual([answer]);
}

const OPEN_SEARCH = {
  'a click on the search button': (page: Page) => page.getByRole('button', { name: 'Search' }).click(),
  'the Ctrl K shortcut': (page: Page) => page.keyboard.press('Control+k'),
};

for (const [how, open] of Object.entries(OPEN_SEARCH)) {
  test(`opened with ${how} and typed into fast, key by key, the dialog ends on the whole query's answer`, async ({ page, site }) => {
    await page.goto(site.url('/'));
    // The search box is there once the page is idle (a stand-in until Pagefind UI is created).
    await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
    const shown = await recordShown(page.locator('#starlight__search'));
    await open(page);
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('textbox', { name: 'Search' }).pressSequentially('mutual exclusion');
    await expectAnswer(dialog, shown, 'mutual exclusion', '/locks/', '/locks/#mutual-exclusion', site);
  });
}

/**
 * The section the dialog lists first under Processes for "fork": the example's, which discusses fork
 * and forkserver as the defaults. Pagefind's API ranks the start methods first (tested above); the
 * dialog orders a page's sections by its own score. Either is a right answer; these tests are about
 * typing, so they take the dialog's.
 */
const FORK_IN_THE_DIALOG = '/processes/#example';

test("after a prefix's results have shown, typing on fast ends on the whole query's answer, not the prefix's", async ({ page, site }) => {
  await page.goto(site.url('/'));
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const input = dialog.getByRole('textbox', { name: 'Search' });
  await input.pressSequentially('fo');
  // "fo" ranks the Exercises page first; "fork" ranks Processes first.
  await expect(dialog.locator('.pagefind-ui__result-title .pagefind-ui__result-link').first()).toHaveAttribute('href', site.url('/exercises/'));
  const shown = await recordShown(dialog);
  await input.pressSequentially('rk');
  await expectAnswer(dialog, shown, 'fork', '/processes/', FORK_IN_THE_DIALOG, site);
});

/** Pagefind UI's clear button: the stand-in search box has none. */
const PAGEFIND_UI = '#starlight__search .pagefind-ui__search-clear';

test('Pagefind UI and Pagefind load when a reader heads for the search button, not with the page', BASE_PATH, async ({ page, site }) => {
  const requested: string[] = [];
  page.context().on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(site.url('/locks/'), { waitUntil: 'networkidle' });
  await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
  await expect(page.locator(PAGEFIND_UI)).toHaveCount(0);
  expect(requested.filter((path) => path.includes('/pagefind/'))).toEqual([]);
  const loaded = page.waitForRequest((request) => new URL(request.url()).pathname === site.url('/pagefind/pagefind.js'));
  await page.getByRole('button', { name: 'Search' }).hover();
  await loaded;
  await expect(page.locator(PAGEFIND_UI)).toBeAttached();
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();
});

test('keys typed before Pagefind UI has loaded are handed to it, with the focus, and searched as the whole query', async ({ page, site }) => {
  await page.goto(site.url('/'), { waitUntil: 'networkidle' });
  await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
  // Every script the page asks for from now on waits: the page's own have all loaded, so this
  // holds back Pagefind UI's, which loads once the dialog opens.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route('**/_astro/*.js', async (route) => {
    held++;
    await released;
    await route.continue();
  });
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const shown = await recordShown(dialog);
  await page.keyboard.type('fork');
  await expect(dialog.getByRole('textbox', { name: 'Search' })).toHaveValue('fork');
  expect(held, "Pagefind UI's script was not held back: the test typed into the real search box").toBeGreaterThan(0);
  await expect(page.locator(PAGEFIND_UI)).toHaveCount(0);
  // The stand-in looks like Pagefind UI's box (its styles, read from the page): nothing jumps.
  const standIn = await dialog.getByRole('textbox', { name: 'Search' }).boundingBox();
  release();
  await expect(page.locator(PAGEFIND_UI)).toBeAttached();
  await expect(dialog.getByRole('textbox', { name: 'Search' })).toBeFocused();
  expect(await dialog.getByRole('textbox', { name: 'Search' }).boundingBox()).toEqual(standIn);
  await expectAnswer(dialog, shown, 'fork', '/processes/', FORK_IN_THE_DIALOG, site);
  await page.keyboard.type(' server');
  await expect(dialog.getByRole('textbox', { name: 'Search' })).toHaveValue('fork server');
});

test('a dialog opened before the page was idle (search box not made yet) gets the search box, focused, when it is', async ({ page, site }) => {
  // Starlight makes the search box once the page is idle; a busy machine can take seconds.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_astro/pagefind-ui-as-you-type.*.js', async (route) => {
    await released;
    await route.continue();
  });
  const asked = page.waitForRequest('**/_astro/pagefind-ui-as-you-type.*.js');
  await page.goto(site.url('/'));
  await asked;
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  release();
  const input = dialog.getByRole('textbox', { name: 'Search' });
  await expect(input).toBeFocused();
  const shown = await recordShown(dialog);
  await page.keyboard.type('fork');
  await expectAnswer(dialog, shown, 'fork', '/processes/', FORK_IN_THE_DIALOG, site);
});

test("when Pagefind UI's script fails to load (offline, a new deploy), the next intent loads it and the search works", async ({ page, site }) => {
  await page.goto(site.url('/'), { waitUntil: 'networkidle' });
  // Starlight loads the search box's own script once the page is idle, which on a busy machine can
  // come after the network has been quiet for a while: the stand-in box says it has.
  await expect(page.locator('#starlight__search .pagefind-ui__search-input')).toBeAttached();
  // Every script asked for from now on fails: the page's own have all loaded.
  await page.route('**/_astro/*.js', (route) => route.abort());
  // The search box logs the failure once it has given up on this load (and only then retries).
  const failed = page.waitForEvent('console', (message) => message.type() === 'error' && message.text().includes('dynamically imported module'));
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await page.getByRole('button', { name: 'Search' }).click();
  await failed;
  await expect(page.locator(PAGEFIND_UI)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.unroute('**/_astro/*.js');
  await page.mouse.move(0, 0);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator(PAGEFIND_UI)).toBeAttached();
  const shown = await recordShown(dialog);
  await dialog.getByRole('textbox', { name: 'Search' }).pressSequentially('fork');
  await expectAnswer(dialog, shown, 'fork', '/processes/', FORK_IN_THE_DIALOG, site);
});

test('keys typed while Pagefind is still loading are searched once it has loaded, as the whole query', BASE_PATH, async ({ page, site }) => {
  await page.goto(site.url('/'));
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
  await expectAnswer(dialog, shown, 'fork', '/processes/', FORK_IN_THE_DIALOG, site);
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
  { query: 'multiprocessing.Queue', page: '/sharing-data/', section: '/sharing-data/#queue' },
  { query: 'queue.Queue', page: '/coordination/', section: '/coordination/#producer-consumer' },
  { query: 'exitcode', page: '/sharing-data/', section: '/sharing-data/#exitcode' },
];

for (const { query, page: expectedPage, section } of goingFurther) {
  apiTest(`"${query}": first result is ${expectedPage}, with its section ${section}`, async ({ searchPage: page }) => {
    const [first] = await search(page, query);
    expect(first?.url).toBe(expectedPage);
    expect(first?.sections).toContain(section);
  });
}

apiTest('"event loop": first result is the asyncio page, at its Event loop section', async ({ searchPage: page }) => {
  const [first] = await search(page, 'event loop');
  expect(first?.url).toBe('/asyncio/');
  expect(first?.sections[0]).toBe('/asyncio/#event-loop');
});

for (const query of ['coroutine', 'async await', 'TaskGroup']) {
  apiTest(`"${query}": first result is the asyncio page`, async ({ searchPage: page }) => {
    const [first] = await search(page, query);
    expect(first?.url).toBe('/asyncio/');
  });
}

apiTest('"coroutine" leads to the Coroutines section of asyncio', async ({ searchPage: page }) => {
  const [first] = await search(page, 'coroutine');
  expect(first?.sections).toContain('/asyncio/#coroutines');
});

apiTest('"to_thread" finds the asyncio.to_thread section', async ({ searchPage: page }) => {
  const results = await search(page, 'to_thread');
  expect(results.flatMap((result) => result.sections)).toContain('/asyncio/#to-thread');
});

for (const query of ['convoy', 'convoy effect']) {
  apiTest(`"${query}": first result is the convoy effect page`, async ({ searchPage: page }) => {
    const [first] = await search(page, query);
    expect(first?.url).toBe('/convoy-effect/');
  });
}

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
  apiTest(`"${query}": first result is ${section ?? url}`, async ({ searchPage: page }) => {
    const [first] = await search(page, query);
    expect(first?.url).toBe(url);
    if (section) expect(first?.sections[0]).toBe(section);
  });
}

/**
 * API names a reader types to find the sections the second content review asked for (and the
 * Python 3.15 additions): the right page must come first, with the section among its matches.
 */
const apiQueries: { query: string; section: `/${string}/#${string}` }[] = [
  { query: 'run_coroutine_threadsafe', section: '/asyncio/#run-coroutine-threadsafe' },
  { query: 'call_soon_threadsafe', section: '/asyncio/#call-soon-threadsafe' },
  { query: 'asyncio.timeout', section: '/asyncio/#timeout' },
  { query: 'wait_for', section: '/asyncio/#timeout' },
  { query: 'return_exceptions', section: '/asyncio/#return-exceptions' },
  { query: 'Task exception was never retrieved', section: '/asyncio/#never-retrieved' },
  { query: 'TaskGroup.cancel', section: '/asyncio/#taskgroup-cancel' },
  { query: 'terminate_workers', section: '/executors/#terminate-workers' },
  { query: 'initializer', section: '/executors/#initializer' },
  { query: 'max_tasks_per_child', section: '/executors/#max-tasks-per-child' },
  { query: 'BrokenProcessPool', section: '/executors/#broken-pool' },
  { query: 'excepthook', section: '/threads/#excepthook' },
  { query: 'threading.local', section: '/threads/#thread-local' },
  { query: 'daemon thread', section: '/threads/#daemon' },
  { query: 'serialize_iterator', section: '/thread-safety/#iterator-helpers' },
  { query: 'concurrent_tee', section: '/thread-safety/#iterator-helpers' },
  { query: 'imap_unordered', section: '/sharing-data/#pool' },
  { query: 'join_thread', section: '/sharing-data/#queue-feeder' },
  { query: 'PickleBuffer', section: '/sharing-data/#zero-copy' },
  { query: 'thread_inherit_context', section: '/free-threading/#context-flags' },
  { query: 'abi3t', section: '/free-threading/#wheels' },
  { query: 'Tachyon', section: '/gil/#gil-profile' },
];

for (const { query, section } of apiQueries) {
  apiTest(`"${query}": first result is ${section}`, async ({ searchPage: page }) => {
    const [first] = await search(page, query);
    expect(first?.url).toBe(section.replace(/#.*/, ''));
    expect(first?.sections).toContain(section);
  });
}
