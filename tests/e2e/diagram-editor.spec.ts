/**
 * "Edit this diagram" on the built site (the diagrams themselves are tested on a fixture site,
 * ./diagrams.spec.ts): Mermaid's modules are copied into the build and loaded from under the
 * base path, so the editor works wherever the site is served.
 */
import { readFileSync } from 'node:fs';
import { root } from './builds.ts';
import { BASE_PATH, builtHtmlFiles, expect, test, watchForErrors } from './site.ts';

/** The first page, in URL order, with an editable diagram (`dist/locks/index.html` → `/locks/`). */
const withDiagram = builtHtmlFiles()
  .find((file) => file.endsWith('/index.html') && readFileSync(`${root}${file}`, 'utf8').includes('data-action="edit"'))
  ?.slice('dist'.length, -'index.html'.length);

test(`"Edit this diagram" on ${withDiagram} loads Mermaid from under the base path and previews the diagram`, BASE_PATH, async ({ page, site }) => {
  expect(withDiagram, 'a page of the site shows an editable diagram').toBeDefined();
  const problems = watchForErrors(page);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(site.url(withDiagram!), { waitUntil: 'networkidle' });
  const figure = page.locator('figure.pyconc-diagram').first();
  await figure.getByRole('button', { name: /^Edit this diagram/ }).click();
  await expect(figure.getByRole('textbox', { name: /Mermaid source/ })).toBeFocused();
  await expect(figure.locator('.editor .preview svg')).toBeVisible();
  expect(scripts.filter((path) => /mermaid/.test(path) && !path.startsWith(site.url('/_pyconc/mermaid/')))).toEqual([]);
  expect(scripts.some((path) => path.startsWith(site.url('/_pyconc/mermaid/')))).toBe(true);
  expect(problems).toEqual([]);
});
