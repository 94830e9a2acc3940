/** What the e2e specs share: the built site's pages, and a watcher for broken page loads. */
import { existsSync, readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { extractAnchors, type AnchorsManifest } from '../../scripts/site/anchors.ts';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));

/** The e2e tests check what `npm run build` published; they never build the site themselves. */
export function requireBuild(): void {
  if (!existsSync(`${dist}/index.html`)) {
    throw new Error('e2e: dist/index.html not found: the e2e tests run against the built site. Run `npm run build` first.');
  }
}

/** Every HTML file of the built site, as paths relative to the project (`dist/locks/index.html`), sorted. */
export function builtHtmlFiles(): string[] {
  requireBuild();
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => `dist/${file.split(sep).join('/')}`)
    .sort();
}

/** Pages and heading anchors of the built site (dist/), read once when the specs load. */
export function builtSite(): AnchorsManifest {
  requireBuild();
  return extractAnchors(dist);
}

/** Every published page URL (`/`, `/locks/`, …), in a stable order. */
export const pages = Object.keys(builtSite()).sort();

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
