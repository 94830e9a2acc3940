/**
 * What the e2e specs share: `test` with the site it runs against (`site`: its base path and what
 * it was built with, tests/e2e/builds.ts), the built site's pages, and a watcher for broken page
 * loads. Specs write site paths as authors do (`/locks/#mutual-exclusion`) and go through
 * `site.url()`: the same tests then run under a base path.
 */
import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { extractAnchors, type AnchorsManifest } from '../../scripts/site/anchors.ts';
import { dist, requireBuild, type ServedSite } from './builds.ts';

export { expect };

/** The site a test runs against, as its project's `served` option gives it, and its URLs. */
export interface Site extends ServedSite {
  /** A site path (`/locks/#id`, as pages link) as the browser asks for it: under the base path. */
  url(path: string): string;
  /** A URL's site path (`/locks/`), its base path taken off; null when it is outside the base path. */
  path(url: string | URL): string | null;
}

/** The option each Playwright project sets (tests/playwright.config.ts). */
export interface SiteOptions {
  served: ServedSite;
}

function siteAt(served: ServedSite): Site {
  return {
    ...served,
    url: (path) => `${served.base}${path.replace(/^\//, '')}`,
    path: (url) => {
      const { pathname } = typeof url === 'string' ? new URL(url, 'http://site.invalid') : url;
      return pathname.startsWith(served.base) ? `/${pathname.slice(served.base.length)}` : null;
    },
  };
}

/**
 * Longest wait for an idle period, ms. Starlight creates the search box in a `requestIdleCallback`
 * with no timeout, and Chromium's headless shell sometimes gives a quiet page no idle period at
 * all: measured on the home page, 2 loads in 40 never ran such a callback (8 s), while one with a
 * timeout ran at its timeout (the site as built before the base-path work: 2 in 30). Search
 * tests then waited for a box that never came, now and then. A browser that draws a screen has
 * idle periods between frames; here a callback that asked for no timeout gets this one, so the
 * search box comes as it would for a reader, if late.
 */
const IDLE_TIMEOUT_MS = 2000;

/**
 * Playwright's `test`, with `site`, and pages whose idle callbacks run (IDLE_TIMEOUT_MS). Tests
 * tagged `@base-path` also run against the build under a sub-path.
 */
export const test = base.extend<{ site: Site }, SiteOptions>({
  served: [{ dir: dist, base: '/', deployment: { site: undefined, base: '/', repository: undefined, lastUpdated: false }, checksContent: true }, { option: true, scope: 'worker' }],
  site: async ({ served }, use) => use(siteAt(served)),
  context: async ({ context }, use) => {
    await context.addInitScript((timeout) => {
      const requestIdleCallback = window.requestIdleCallback.bind(window);
      window.requestIdleCallback = (callback, options) => requestIdleCallback(callback, { timeout, ...options });
    }, IDLE_TIMEOUT_MS);
    await use(context);
  },
});

/** Tests whose outcome depends on where the site is served: they run against every build (tests/e2e/builds.ts). */
export const BASE_PATH = { tag: '@base-path' };

/** Every HTML file of the built site, as paths relative to the project (`dist/locks/index.html`), sorted. */
export function builtHtmlFiles(): string[] {
  requireBuild();
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `dist/${file.split(sep).join('/')}`)
    .sort();
}

/** Pages and heading anchors of the built site (dist/), read once when the specs load. */
export const builtSite: AnchorsManifest = await (requireBuild(), extractAnchors(dist));

/** Every published page URL (`/`, `/locks/`, …), in a stable order. */
export const pages = Object.keys(builtSite).sort();

/**
 * Collects what goes wrong while a page loads: console errors, uncaught exceptions, requests
 * that fail or answer with an HTTP error. Returns the live list; assert it is empty at the end.
 */
export function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/**
 * Waits until the page is what a reader gets once its scripts ran. By the load event every module
 * script (Starlight's, ours) has run; Expressive Code's tabindex script acts later (a
 * ResizeObserver, a 250 ms debounce, then an idle callback): it makes each code block that
 * scrolls focusable (tabindex="0", role="region") and no other one. Its effect is the signal.
 * Blocks a reader cannot see yet (in a closed <details>) are left out: the observer reports them
 * only once they are shown.
 */
export async function waitForPageScripts(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.expressive-code pre')]
            .filter((pre) => pre.checkVisibility() && (pre.scrollWidth > pre.clientWidth) !== pre.hasAttribute('tabindex'))
            .map((pre) => `${pre.closest('figure')?.querySelector('.title')?.textContent ?? 'code block'}: scrolls ${pre.scrollWidth > pre.clientWidth}, tabindex ${pre.getAttribute('tabindex')}`),
        ),
      { message: "Expressive Code's script makes exactly the code blocks that scroll keyboard-focusable" },
    )
    .toEqual([]);
}

/**
 * The layout shift (CLS) while `load` loads a page on a CPU 4x slower, as on a busy machine, and
 * what moved. Slowed, Chromium paints a long page before all of it has been parsed, so anything
 * placed by what comes later in the HTML moves (Starlight's table of contents did, by 0.41); on
 * a fast CPU the same page showed no shift, so an unslowed test would pass by luck.
 */
export async function layoutShiftOnSlowCpu(page: Page, load: () => Promise<void>): Promise<{ cls: number; shifted: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    const record = window as unknown as { cls: number; shifted: string[] };
    record.cls = 0;
    record.shifted = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] })[]) {
        if (entry.hadRecentInput) continue;
        record.cls += entry.value;
        for (const source of entry.sources) {
          const element = source.node instanceof Element ? source.node : source.node?.parentElement;
          record.shifted.push(`${entry.value.toFixed(3)} ${element?.tagName ?? '?'}.${element?.className ?? ''}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await load();
  const measured = await page.evaluate(() => {
    const record = window as unknown as { cls: number; shifted: string[] };
    return { cls: record.cls, shifted: record.shifted };
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return measured;
}

/** Shows a diagram's figure: a timeline per interpreter sits in a tab, and only the selected tab's panel is shown. */
export async function reveal(page: Page, name: string): Promise<void> {
  const panel = await page.locator(`figure[data-diagram="${name}"]`).evaluate((figure) => figure.closest('[role="tabpanel"]')?.id ?? '');
  if (panel && (await page.locator(`#${panel}`).isHidden())) await page.locator(`[role="tab"][href="#${panel}"]`).click();
}
