/**
 * Builds tests/fixtures/figures-site, whose page quotes an example's figures with <SpecBound> and
 * <MeasuredValue>, and checks the built text, then that a figure the spec does not have fails the
 * build: named with page and line by the plan when the page writes plain attributes, and by the
 * component itself (step `page`, with the page and its props) when a prop is an expression.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../../support/build-fixture-site.ts';

const SITE = fileURLToPath(new URL('../../fixtures/figures-site/', import.meta.url));
const HEAD = `---\ntitle: Wrong\n---\nimport SpecBound from '../../../../../../src/components/SpecBound.astro';\n\n`;

const buildSite = () => buildFixtureSite(SITE);

/** The build's output when it fails; the test fails if it succeeds. */
async function failedBuild(): Promise<string> {
  const failure = await buildSite().then(
    () => undefined,
    (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
  );
  expect(failure, 'the build should fail').toBeDefined();
  return failure ?? '';
}

/** Builds with one more page, then removes it. */
async function withPage(name: string, body: string, check: (output: string) => void): Promise<void> {
  const page = join(SITE, 'src/content/docs', name);
  await writeFile(page, `${HEAD}${body}\n`);
  try {
    check(await failedBuild());
  } finally {
    await rm(page, { force: true });
  }
}

describe('<SpecBound> and <MeasuredValue> in a built site', () => {
  it("show the spec's bound and the run's number inside the sentence", async () => {
    await buildSite();
    const html = await readFile(join(SITE, 'dist/index.html'), 'utf8');
    const text = /<p>The run sent[\s\S]*?<\/p>/.exec(html)?.[0].replace(/\s+/g, ' ');
    expect(text).toBe(
      '<p>The run sent 40 requests, and the spec holds the threads to between 0.85 and 1.6 times the sequential time, and the run to take at most 30 s.</p>',
    );
  }, 120_000);

  it('a bound the spec does not have, written plainly, fails the plan with page, line and the bounds the spec has', async () => {
    await withPage('plain.mdx', 'Threads take <SpecBound example="counts" check="threads/sequential" when="gilEnabled: false" /> times as long.', (output) => {
      expect(output).toContain(
        'src/content/docs/plain.mdx:6: <SpecBound>: the spec (variant default) has no such bound. Its bounds, as a page names them:',
      );
      expect(output).toContain('  check="threads/sequential" when="gilEnabled: true"  (min 0.85, max 1.6)');
    });
  }, 120_000);

  it('a bound the spec does not have, passed as an expression, fails the page with its URL and props', async () => {
    await withPage('expression.mdx', "Threads take <SpecBound example=\"counts\" check={'threads/' + 'nothing'} /> times as long.", (output) => {
      expect(output).toContain('/expression/: <SpecBound example="counts" check="threads/nothing">: the spec (variant default) has no such bound.');
      expect(output).toContain('Fix: name a bound the spec has');
    });
  }, 120_000);
});
