/**
 * Page weight, layout shift, time to the first diagram and search latency, in headless
 * Chromium against `astro preview` of a built site (port 0). Each figure is the median of
 * `loads` fresh page loads (new context: nothing cached).
 */
import { preview } from 'astro';
import { chromium, type Browser } from 'playwright';
import { chromiumLaunchOptions } from '../browser/launch-options.ts';
import { median } from '../shared/median.ts';

export interface PageFigures {
  path: string;
  jsBytes: number;
  /** Script bytes from a URL naming mermaid: the client-side renderer. */
  mermaidJsBytes: number;
  totalBytes: number;
  requests: number;
  cls: number;
  /** Milliseconds from navigation start to the first diagram SVG in the DOM; null: none. */
  firstDiagramMs: number | null;
}

/** Records layout shifts and the first diagram SVG from the very start of the page. */
const OBSERVE = `
  window.__bench = { cls: 0, firstDiagramMs: null };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__bench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const seen = () => {
    if (window.__bench.firstDiagramMs === null && document.querySelector('.pyconc-diagram svg')) {
      window.__bench.firstDiagramMs = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
`;


async function loadOnce(browser: Browser, url: string): Promise<PageFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  let jsBytes = 0;
  let mermaidJsBytes = 0;
  let totalBytes = 0;
  let requests = 0;
  page.on('response', async (response) => {
    requests += 1;
    const bytes = (await response.body().catch(() => Buffer.alloc(0))).length;
    totalBytes += bytes;
    if (response.request().resourceType() !== 'script') return;
    jsBytes += bytes;
    if (/mermaid/i.test(response.url())) mermaidJsBytes += bytes;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  // Attached, not visible: a page's first diagram may sit in a closed worked solution (<details>).
  if (await page.locator('.pyconc-diagram').count()) await page.waitForSelector('.pyconc-diagram svg', { state: 'attached', timeout: 30_000 });
  // Let late shifts (fonts, a client-side renderer) land before reading CLS.
  await page.waitForTimeout(500);
  const { cls, firstDiagramMs } = await page.evaluate(() => (window as unknown as { __bench: { cls: number; firstDiagramMs: number | null } }).__bench);
  await context.close();
  return { path: new URL(url).pathname, jsBytes, mermaidJsBytes, totalBytes, requests, cls, firstDiagramMs };
}

async function measurePage(browser: Browser, url: string, loads: number): Promise<PageFigures> {
  const all: PageFigures[] = [];
  for (let i = 0; i < loads; i++) all.push(await loadOnce(browser, url));
  const first = all[0] as PageFigures;
  const diagramTimes = all.map((f) => f.firstDiagramMs).filter((ms): ms is number => ms !== null);
  return {
    path: first.path,
    jsBytes: median(all.map((f) => f.jsBytes)),
    mermaidJsBytes: median(all.map((f) => f.mermaidJsBytes)),
    totalBytes: median(all.map((f) => f.totalBytes)),
    requests: median(all.map((f) => f.requests)),
    cls: median(all.map((f) => f.cls)),
    firstDiagramMs: diagramTimes.length ? median(diagramTimes) : null,
  };
}

/** The right first result for the bench's query: its page, and the first section under it. */
export interface SearchAnswer {
  url: string;
  section: string;
}

export interface SearchFigures {
  /** The time between two keys as the query is typed, ms. */
  keyIntervalMs: number;
  /** From the first keystroke of the query to the right first result shown, ms (median). */
  fromFirstKeyMs: number;
  /** From the last keystroke to the right first result shown, ms (median): the figure with a target. */
  fromLastKeyMs: number;
  /** Every run's last keystroke → right first result, ms, in run order (shows the spread). */
  fromLastKeyRunsMs: number[];
}

/** What the page records while the query is typed; all times are the page's `performance.now()`. */
interface SearchTiming {
  firstKeyMs: number | null;
  lastKeyMs: number | null;
  answerMs: number | null;
  /** Pagefind UI's message when the answer showed, e.g. "4 results for mutual exclusion". */
  message: string | null;
}

/**
 * Runs in the page, before the first keystroke: stamps every keystroke into the search box and
 * the moment the right first result is in the DOM. "Right" means: the box holds the whole query,
 * Pagefind UI's message names the whole query (so results left over from a prefix such as
 * "mutual exclusio" do not count, even where they look the same), and the first result is the
 * answer's page with the answer's section as its first sub-result (not a placeholder still
 * waiting for its data). The message names the last search started, not always the one shown, so
 * `measureSearch` also checks its count against Pagefind's own for the whole query.
 */
function watchForAnswer(dialog: HTMLElement, { query, answer }: { query: string; answer: SearchAnswer }): void {
  const timing: SearchTiming = { firstKeyMs: null, lastKeyMs: null, answerMs: null, message: null };
  (window as unknown as { __searchTiming: SearchTiming }).__searchTiming = timing;
  // The reader's own keystrokes only (trusted events), seen first thing (window, capture), so
  // neither the page's handling of them nor an input event the page sends itself moves the stamp.
  // The dialog's input, whichever it is: a stand-in takes the first keys until Pagefind UI is there.
  window.addEventListener(
    'input',
    (event) => {
      if (!(event.target instanceof HTMLInputElement) || !dialog.contains(event.target) || !event.isTrusted) return;
      timing.firstKeyMs ??= performance.now();
      timing.lastKeyMs = performance.now();
    },
    { capture: true },
  );
  const observer = new MutationObserver(() => {
    const message = dialog.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? '';
    if (dialog.querySelector('input')?.value !== query || !message.includes(query)) return;
    const first = dialog.querySelector('.pagefind-ui__result');
    const page = first?.querySelector('.pagefind-ui__result-title .pagefind-ui__result-link')?.getAttribute('href');
    const section = first?.querySelector('.pagefind-ui__result-nested .pagefind-ui__result-link')?.getAttribute('href');
    if (page === answer.url && section === answer.section) {
      timing.answerMs = performance.now();
      timing.message = message;
      observer.disconnect();
    }
  });
  observer.observe(dialog, { childList: true, subtree: true, attributes: true, characterData: true });
}

/**
 * The time between two keys: faster than the fastest human typists (typing records of ≈ 200 words
 * a minute are ≈ 60 ms a key), so the bench times a reader at the limit, not a machine: keys sent
 * with no pause at all (≈ 5 ms apart) would time how long Pagefind takes to load, which
 * `fromFirstKeyMs` already shows.
 */
const KEY_INTERVAL_MS = 50;

/**
 * Opens the real search dialog on a loaded page (networkidle, as a reader who has been reading),
 * types the query key by key at `KEY_INTERVAL_MS`, and times the right first result
 * in the page itself, so Playwright's own round trips are not counted. `runs` fresh contexts.
 */
export async function measureSearch(browser: Browser, url: string, query: string, answer: SearchAnswer, runs: number): Promise<SearchFigures> {
  const fromFirstKey: number[] = [];
  const fromLastKey: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.evaluate(watchForAnswer, { query, answer });
    await dialog.getByRole('textbox', { name: 'Search' }).pressSequentially(query, { delay: KEY_INTERVAL_MS });
    const timing = await page
      .waitForFunction(() => {
        const { __searchTiming: timing } = window as unknown as { __searchTiming: SearchTiming };
        return timing.answerMs === null ? null : timing;
      }, undefined, { timeout: 30_000 })
      .then((handle) => handle.jsonValue())
      .catch((error: unknown) => {
        throw new Error(`search bench: "${query}" typed into the dialog at ${url} never showed ${answer.url} › ${answer.section} first within 30 s. Fix: check the search in a browser, or the expected answer in scripts/commands/bench.ts.`, { cause: error });
      });
    const { firstKeyMs, lastKeyMs, answerMs, message } = timing as { firstKeyMs: number; lastKeyMs: number; answerMs: number; message: string };
    const total = await page.evaluate(async (query) => {
      const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
      return ((await pagefind.search(query)) as { results: unknown[] }).results.length;
    }, query);
    if (!message.startsWith(`${total} `)) {
      throw new Error(`search bench: the dialog showed "${message}" but Pagefind finds ${total} pages for "${query}": the results shown were a prefix's. Fix: the search box must show the results of the whole query.`);
    }
    fromFirstKey.push(answerMs - firstKeyMs);
    fromLastKey.push(answerMs - lastKeyMs);
    await context.close();
  }
  return { keyIntervalMs: KEY_INTERVAL_MS, fromFirstKeyMs: median(fromFirstKey), fromLastKeyMs: median(fromLastKey), fromLastKeyRunsMs: fromLastKey };
}

export interface PagesReport {
  pages: PageFigures[];
  clientMermaid: PageFigures;
  search: SearchFigures;
}

/** A PASS/FAIL on a median wants at least this many searches, whatever `loads` is. */
const MIN_SEARCH_RUNS = 5;

export async function measurePages(
  site: string,
  paths: readonly string[],
  clientMermaidPath: string,
  options: { loads: number; query: string; answer: SearchAnswer },
): Promise<PagesReport> {
  const server = await preview({ root: site, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  const browser = await chromium.launch(await chromiumLaunchOptions());
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const pages: PageFigures[] = [];
    for (const path of paths) pages.push(await measurePage(browser, base + path, options.loads));
    const clientMermaid = await measurePage(browser, base + clientMermaidPath, options.loads);
    const search = await measureSearch(browser, `${base}/`, options.query, options.answer, Math.max(options.loads, MIN_SEARCH_RUNS));
    return { pages, clientMermaid, search };
  } finally {
    await browser.close();
    await server.stop();
  }
}
