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
  if (await page.locator('.pyconc-diagram').count()) await page.waitForSelector('.pyconc-diagram svg', { timeout: 30_000 });
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

export interface SearchFigures {
  /** From the first keystroke of the query to the first result shown, ms. */
  fromFirstKeyMs: number;
  /** From the last keystroke to the first result shown, ms. */
  fromLastKeyMs: number;
}

/** Types the query into the real search dialog, key by key, and times the first result. */
async function measureSearch(browser: Browser, url: string, query: string, loads: number): Promise<SearchFigures> {
  const times: number[] = [];
  const afterLastKey: number[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Search' }).click();
    const input = page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
    const started = performance.now();
    await input.pressSequentially(query);
    const typed = performance.now();
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 30_000 });
    times.push(performance.now() - started);
    afterLastKey.push(performance.now() - typed);
    await context.close();
  }
  return { fromFirstKeyMs: median(times), fromLastKeyMs: median(afterLastKey) };
}

export interface PagesReport {
  pages: PageFigures[];
  clientMermaid: PageFigures;
  search: SearchFigures;
}

export async function measurePages(
  site: string,
  paths: readonly string[],
  clientMermaidPath: string,
  options: { loads: number; query: string },
): Promise<PagesReport> {
  const server = await preview({ root: site, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  const browser = await chromium.launch(await chromiumLaunchOptions());
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const pages: PageFigures[] = [];
    for (const path of paths) pages.push(await measurePage(browser, base + path, options.loads));
    const clientMermaid = await measurePage(browser, base + clientMermaidPath, options.loads);
    const search = await measureSearch(browser, `${base}/`, options.query, options.loads);
    return { pages, clientMermaid, search };
  } finally {
    await browser.close();
    await server.stop();
  }
}
