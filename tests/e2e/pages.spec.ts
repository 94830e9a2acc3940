/**
 * Every page, visited once as a reader would: it loads cleanly, its headings link to themselves,
 * its code fits its column, axe finds no WCAG A/AA violation in either theme, its diagrams
 * are inline images that need no Mermaid, and Starlight's page furniture (edit link, last-updated
 * date, repository link, social metadata) is there exactly when the build knows what it needs.
 * One visit per page with a step per check: on 2 cores a page load cost as much as a check, and
 * three files loading every page each spent most of their time loading. Under a sub-path only
 * what depends on where the site is served runs (axe and code widths are judged once, on dist/).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { pageFurniture } from './page-furniture.ts';
import { BASE_PATH, expect, layoutShiftOnSlowCpu, pages, reveal, test, waitForPageScripts, watchForErrors } from './site.ts';

/** What the site promises: WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe's tags for them; 2.2 added AA rules only). */
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Playwright's default desktop viewport, stated because a check is about it: at this width every
// line of code and output must fit its column. Narrower screens scroll a code block in its own box.
test.use({ viewport: { width: 1280, height: 720 } });

/** Every violation axe finds on the page as it is now, whatever its impact. */
async function axeViolations(page: Page): Promise<{ id: string; impact: string | null | undefined; help: string; targets: string[] }[]> {
  // Legacy mode runs axe in the page itself instead of gathering frame results in a second,
  // blank page: our pages have no frames, and it takes a fraction of the time per analysis,
  // which on 2 cores decides whether the suite fits its time.
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_A_AA).setLegacyMode(true).analyze();
  return violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, targets: nodes.map((node) => node.target.join(' ')) }));
}

/** Code blocks wider than their column, described so the failure says where and what to shorten. */
function tooWideCodeBlocks(page: Page): Promise<string[]> {
  return page.locator('main pre').evaluateAll((blocks) =>
    blocks
      .filter((pre) => pre.scrollWidth > pre.clientWidth)
      .map((pre) => {
        const where = pre.closest('figure.example')?.getAttribute('aria-label') ?? pre.closest('figure')?.querySelector('.title')?.textContent ?? 'a code block';
        const what = pre.getAttribute('aria-label') ?? 'source';
        const lines = (pre.textContent ?? '').split('\n');
        const longest = lines.reduce((long, line) => (line.length > long.length ? line : long), '');
        return `${where}, ${what}: ${pre.scrollWidth} px in a ${pre.clientWidth} px column; longest line (${longest.length} characters): ${longest.trim()}`;
      }),
  );
}

for (const url of pages) {
  test(`${url}: loads cleanly, headings link to themselves, code fits, no WCAG A/AA violation (axe) in either theme, diagrams without Mermaid, Starlight's furniture`, BASE_PATH, async ({ page, site }) => {
    // Five checks in one visit, two of them full axe analyses: the longest page took 12 s alone
    // and 22 s beside another worker, too close to Playwright's 30 s default for a busy machine.
    test.setTimeout(90_000);
    const problems = watchForErrors(page);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.emulateMedia({ colorScheme: 'light' });

    await test.step('loads with no console error and no failed request', async () => {
      const response = await page.goto(site.url(url), { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      await expect(page.locator('main h1')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      expect(problems).toEqual([]);
    });

    await test.step('every heading links to itself', async () => {
      const headings = await page.locator('.sl-markdown-content :is(h2, h3, h4)[id]').evaluateAll((elements) =>
        elements.map((heading) => ({
          id: heading.id,
          link: heading.parentElement?.querySelector('a.sl-anchor-link')?.getAttribute('href') ?? null,
        })),
      );
      expect(headings.filter(({ id, link }) => link !== `#${id}`)).toEqual([]);
    });

    await test.step('edit link, last-updated date, repository link and social metadata: present when the build knows them, absent otherwise', async () => {
      const shown = await pageFurniture(page);
      expect(shown).toEqual(pageFurniture.expected(site, url, shown.lastUpdated));
    });

    // Worked solutions sit in collapsed <details>; a reader opens them, and every check below
    // covers them too. axe judges what a reader gets: the page after its scripts changed it.
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    await waitForPageScripts(page);

    // What follows is the same wherever the site is served: judged once, on dist/.
    if (!site.checksContent) {
      expect(problems, 'console errors or failed requests during the visit').toEqual([]);
      return;
    }

    await test.step('no code block is wider than its column at 1280 px', async () => {
      expect(
        await tooWideCodeBlocks(page),
        'Fix: break the line in src/examples/<id>.py (what it prints must stay the same: its spec checks), or shorten the code block.',
      ).toEqual([]);
    });

    await test.step('axe: no violation in the light theme', async () => {
      expect(await axeViolations(page)).toEqual([]);
    });

    // The reader's system switching to dark while the page is open: Starlight follows
    // prefers-color-scheme when the theme is "auto" (the default).
    await test.step('axe: no violation in the dark theme', async () => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(await axeViolations(page)).toEqual([]);
    });

    // Diagrams are drawn at build time: only "Edit this diagram" loads Mermaid, on a click
    // (tests/e2e/diagrams.spec.ts). Each shows exactly one image, in the theme shown.
    await test.step('no Mermaid loaded; every diagram is one accessible image', async () => {
      expect(scripts.filter((script) => /mermaid/i.test(script))).toEqual([]);
      expect(await page.evaluate(() => 'mermaid' in window)).toBe(false);
      for (const figure of await page.locator('figure.pyconc-diagram').all()) {
        const name = (await figure.getAttribute('data-diagram')) ?? '';
        await reveal(page, name);
        const svg = figure.locator('svg[role="img"]:visible');
        await expect(svg, name).toHaveCount(1);
        await expect(svg, name).toHaveAccessibleName(/.{5,}/);
      }
    });

    expect(problems, 'console errors or failed requests during the visit').toEqual([]);
  });
}

// The overview and the two longest pages (the longer the page, the more of it is painted before
// the rest arrives): nothing moves while they load, even on a slow CPU.
for (const url of ['/', '/gil/', '/coordination/']) {
  test(`${url} does not shift while it loads on a slow CPU`, async ({ page, site }) => {
    const { cls, shifted } = await layoutShiftOnSlowCpu(page, async () => {
      await page.goto(site.url(url), { waitUntil: 'networkidle' });
    });
    expect(cls, `shifted: ${shifted.join(', ')}`).toBeLessThan(0.01);
  });
}
