/**
 * Diagrams in a real browser. Builds tests/fixtures/diagrams-site (one page with every diagram
 * and three measured timelines) once, previews it on port 0, and checks what a reader gets. The
 * built site's own diagrams are checked on every page's visit (pages.spec.ts).
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
// The suite's `test`, though this file needs none of its fixtures: tests of one fixture set share
// workers, so this file is scheduled in its turn, not held back for a worker of its own.
import { expect, layoutShiftOnSlowCpu, reveal, test } from './site.ts';
import { build, preview } from 'astro';

const fixtureRoot = fileURLToPath(new URL('../fixtures/diagrams-site/', import.meta.url));
const diagramNames = (await readdir(fileURLToPath(new URL('../../diagrams/', import.meta.url))))
  .filter((file) => file.endsWith('.mmd'))
  .map((file) => file.replace(/\.mmd$/, ''));
/** The measured timelines the fixture page asks for: one figure each per interpreter that ran it. */
const timelinesAskedFor = ['timeline-threads-sleep-default-', 'timeline-gil-turns-default-', 'timeline-processes-guarded-spawn-'];
/** Their figures' names, read from the built page (how many depends on the configured interpreters). */
let timelineNames: string[] = [];

let siteUrl = '';
let stopPreview: (() => Promise<void>) | undefined;

// One fixture build and one preview server for the whole file.
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  await build({ root: fixtureRoot, logLevel: 'warn' });
  const server = await preview({ root: fixtureRoot, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  siteUrl = `http://127.0.0.1:${server.port}/`;
  stopPreview = () => server.stop();
  const html = await (await fetch(siteUrl)).text();
  timelineNames = [...new Set([...html.matchAll(/data-diagram="(timeline-[^"]+)"/g)].map((match) => match[1]!))];
});

test.afterAll(async () => {
  await stopPreview?.();
});

async function open(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((chosen) => localStorage.setItem('starlight-theme', chosen), theme);
  await page.goto(siteUrl);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** The SVG the reader sees: the variant that matches the theme. */
const visibleSvg = (page: Page, name: string) => page.locator(`figure[data-diagram="${name}"] svg[role="img"]:visible`);

test('every diagram and timeline is an inline SVG image with an accessible name and description', async ({ page }) => {
  await open(page, 'light');
  for (const asked of timelinesAskedFor) expect(timelineNames.filter((name) => name.startsWith(asked)), asked).not.toEqual([]);
  const figures = page.locator('figure.pyconc-diagram');
  await expect(figures).toHaveCount(diagramNames.length + timelineNames.length);
  for (const name of [...diagramNames, ...timelineNames]) {
    await reveal(page, name);
    const svg = visibleSvg(page, name);
    await expect(svg, name).toHaveCount(1);
    await expect(svg, name).toHaveAccessibleName(/.{5,}/);
    await expect(svg, name).toHaveAccessibleDescription(/.{20,}/);
    // Exactly one image per diagram in the accessibility tree: the hidden variant is not exposed.
    const accessibleName = await svg.evaluate((element) => element.querySelector('title')?.textContent ?? '');
    await expect(page.getByRole('img', { name: accessibleName, exact: true }), name).toHaveCount(1);
  }
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((element) => element.id));
  expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
});

test('no page loads Mermaid: 0 bytes of Mermaid JavaScript', async ({ page }) => {
  // The bodies are read as the responses come, and all awaited before anything is checked: a body
  // still being read when the test ended failed it ("response.text: Test ended", 1 in 3 runs), and
  // one not yet read would have escaped the check.
  const reading: Promise<{ url: string; body: string }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') reading.push(response.text().then((body) => ({ url: response.url(), body })));
  });
  await open(page, 'light');
  await page.waitForLoadState('networkidle');
  page.removeAllListeners('response');
  const scripts = await Promise.all(reading);
  const inline = await page.locator('script:not([src])').allTextContents();
  // Only "Edit this diagram" imports Mermaid, and only on click: no loaded script may contain it.
  const mermaidScripts = [...scripts.map((script) => script.url + script.body), ...inline].filter((text) =>
    /mermaid\.core|mermaid\.initialize|diagram-editor\.[^.]+\.js"?\s*\)/.test(text),
  );
  expect(mermaidScripts).toEqual([]);
  expect(scripts.map((script) => script.url).filter((url) => /mermaid|diagram-editor/i.test(url))).toEqual([]);
  expect(await page.evaluate(() => 'mermaid' in window)).toBe(false);
  const bytes = scripts.reduce((sum, script) => sum + script.body.length, 0);
  test.info().annotations.push({ type: 'measure', description: `page JS: ${scripts.length} files, ${bytes} bytes, Mermaid 0 bytes` });
});

test('the theme switch swaps the light variant for the dark one', async ({ page }) => {
  await open(page, 'light');
  const figure = page.locator('figure[data-diagram="gil-handoff"]');
  await expect(figure.locator('[data-variant="light"] svg')).toBeVisible();
  await expect(figure.locator('[data-variant="dark"] svg')).toBeHidden();
  await page.locator('starlight-theme-select select').first().selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(figure.locator('[data-variant="dark"] svg')).toBeVisible();
  await expect(figure.locator('[data-variant="light"] svg')).toBeHidden();
  await expect(page.getByRole('img', { name: 'GIL hand-off between two CPU-bound threads' })).toHaveCount(1);
});

test('step-through works by keyboard: Next, arrow keys, live explanation, highlighted message', async ({ page }) => {
  await open(page, 'light');
  const figure = page.locator('figure[data-diagram="gil-handoff"]');
  const next = figure.getByRole('button', { name: 'Next' });
  const previous = figure.getByRole('button', { name: 'Previous' });
  const explanation = figure.locator('[aria-live="polite"]');
  await expect(explanation).toHaveText(/^7 steps\./);
  await expect(previous).toHaveAttribute('aria-disabled', 'true');

  await next.focus();
  await page.keyboard.press('Enter');
  await expect(explanation).toHaveText(/^Step 1 of 7: Thread A holds the GIL/);
  const current = figure.locator('[data-variant="light"] [data-current]');
  await expect(current).toHaveCount(2); // the message line and its text
  await expect(current.locator('xpath=self::*[local-name()="text"]')).toHaveText('take_gil(): acquired, run bytecode');

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(explanation).toHaveText(/^Step 3 of 7: 5 ms pass/);
  await expect(figure).toHaveAttribute('data-stepping', '');
  const otherMessage = figure.locator('[data-variant="light"] [data-step]:not([data-current])').first();
  await expect.poll(() => otherMessage.evaluate((element) => Number(getComputedStyle(element).opacity))).toBeLessThan(0.5);

  await page.keyboard.press('ArrowLeft');
  await expect(explanation).toHaveText(/^Step 2 of 7/);
  for (let step = 0; step < 10; step += 1) await page.keyboard.press('ArrowRight');
  await expect(explanation).toHaveText(/^Step 7 of 7/);
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  await expect(next).toBeFocused();
});

test('"Edit this diagram" loads Mermaid only when clicked, then previews edits and reports errors', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') requested.push(request.url());
  });
  await open(page, 'light');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => /mermaid|diagram-editor/i.test(url))).toEqual([]);

  const figure = page.locator('figure[data-diagram="lock-contention"]');
  await figure.getByRole('button', { name: 'Edit this diagram' }).click();
  const source = figure.getByRole('textbox', { name: /Mermaid source/ });
  await expect(source).toBeFocused();
  await expect(source).toHaveValue(/accTitle: Two threads contending for a lock/);
  const preview = figure.locator('.editor .preview svg');
  await expect(preview).toContainText('acquire(): free, A owns it');
  expect(requested.some((url) => /diagram-editor/.test(url))).toBe(true);

  await source.fill((await source.inputValue()).replace('acquire(): free, A owns it', 'acquire(): A got it first'));
  await expect(preview).toContainText('acquire(): A got it first');
  // Arrow keys in the source box move the caret, they do not step through the diagram.
  await source.press('ArrowLeft');
  await expect(figure.locator('.explanation')).toHaveText(/^8 steps\./);
  await source.fill('sequenceDiagram\n  A->>: oops\n');
  await expect(figure.getByRole('status')).toContainText('Mermaid: Parse error');
});

test('without JavaScript the whole diagram shows and the step controls stay hidden', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(siteUrl);
  const figure = page.locator('figure[data-diagram="gil-handoff"]');
  await expect(figure.locator('svg[role="img"]:visible')).toHaveCount(1);
  await expect(figure.getByRole('button')).toHaveCount(0);
  await expect(figure.locator('[data-current]')).toHaveCount(0);
  await context.close();
});

test('on a narrow screen a wide diagram scrolls in its own box, not the page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await open(page, 'light');
  const region = page.getByRole('region', { name: 'Diagram: How the fork and spawn start methods differ' });
  await expect(region).toHaveAttribute('tabindex', '0');
  const overflow = await region.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBeGreaterThan(0);
  const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(pageOverflow).toBeLessThanOrEqual(0);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
});

for (const viewportWidth of [1280, 360]) {
  test(`at ${viewportWidth} px, each diagram fits its column but never grows past its natural size nor shrinks below 36rem`, async ({ page }) => {
    await page.setViewportSize({ width: viewportWidth, height: 800 });
    await open(page, 'light');
    const diagrams = await page.locator('figure.pyconc-diagram svg[role="img"]:visible').evaluateAll((svgs) =>
      svgs.map((svg) => {
        const shown = svg.getBoundingClientRect();
        return {
          id: svg.id,
          naturalWidth: Number(svg.getAttribute('width')),
          naturalRatio: Number(svg.getAttribute('height')) / Number(svg.getAttribute('width')),
          width: shown.width,
          ratio: shown.height / shown.width,
          column: svg.closest('.scroll')!.clientWidth,
          readable: 36 * parseFloat(getComputedStyle(document.documentElement).fontSize),
        };
      }),
    );
    // One timeline of each shows at a time: the selected interpreter's.
    expect(diagrams).toHaveLength(diagramNames.length + timelinesAskedFor.length);
    for (const { id, naturalWidth, naturalRatio, width, ratio, column, readable } of diagrams) {
      const facts = `${id}: ${width.toFixed(1)} px shown, natural ${naturalWidth}, column ${column}, 36rem = ${readable}`;
      expect(width, `${facts}: never past its natural size`).toBeLessThanOrEqual(naturalWidth + 0.5);
      expect(width, `${facts}: fills the column when it can`).toBeGreaterThanOrEqual(Math.min(naturalWidth, column) - 0.5);
      expect(width, `${facts}: never below 36rem`).toBeGreaterThanOrEqual(Math.min(naturalWidth, readable) - 0.5);
      if (width > readable + 0.5) expect(width, `${facts}: fits the column`).toBeLessThanOrEqual(column + 0.5);
      expect(ratio, `${facts}: not distorted`).toBeCloseTo(naturalRatio, 2);
    }
  });
}

test('diagrams cause no layout shift: their size is known before anything loads', async ({ page }) => {
  const { cls, shifted } = await layoutShiftOnSlowCpu(page, async () => {
    await open(page, 'light');
    await page.waitForLoadState('networkidle');
  });
  test.info().annotations.push({ type: 'measure', description: `CLS ${cls.toFixed(4)}` });
  expect(cls, `shifted: ${shifted.join(', ')}`).toBeLessThan(0.01);
});

test('screenshot of every diagram, light and dark (test artefacts)', async ({ page }, testInfo) => {
  // Tall enough for the tallest diagram, so Starlight's sticky header never covers one.
  await page.setViewportSize({ width: 1280, height: 1400 });
  for (const theme of ['light', 'dark'] as const) {
    await open(page, theme);
    for (const name of [...diagramNames, ...timelineNames]) {
      await reveal(page, name);
      const path = testInfo.outputPath(`${name}-${theme}.png`);
      await page.locator(`figure[data-diagram="${name}"]`).screenshot({ path, style: 'header.header { visibility: hidden; }' });
      await testInfo.attach(`${name}-${theme}`, { path, contentType: 'image/png' });
    }
  }
});
