/**
 * Builds tests/fixtures/example-site (a page with <Example id="prints-html" />, one with two
 * examples) and checks that the page shows exactly what the runner produced, as text, and that
 * highlighted sources kept between builds are shown only when they are what a render gives.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheDir } from '../../../scripts/cache/paths.ts';
import { createSitePipeline } from '../../../scripts/pipeline/site-pipeline.ts';
import { buildFixtureSite } from '../../support/build-fixture-site.ts';

const SITE = fileURLToPath(new URL('../../fixtures/example-site/', import.meta.url));

/** One interpreter unless a test asks for more: these tests are about the component, not the list. */
const ONE = { PYTHONS: 'python3' };

const buildSite = (env: NodeJS.ProcessEnv = ONE) => buildFixtureSite(SITE, env);

/** Text content the way a browser shows it: tags dropped, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('<Example> in a built site', () => {
  let html = '';
  beforeAll(async () => {
    await buildSite();
    html = await readFile(join(SITE, 'dist/index.html'), 'utf8');
  }, 120_000);

  it('shows program output as text, never as markup', () => {
    // The source block may hold the same characters (Expressive Code keeps a copy in a
    // quoted attribute); what the program printed is in the result section.
    const result = /<section class="example-result.*?<\/section>/s.exec(html)?.[0] ?? '';
    expect(result).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(result).not.toContain('<script');
    expect(result).not.toContain('<img');
    expect(result).not.toContain('<b>');
  });

  it('shows exactly the stdout and stderr the runner produced, apart', async () => {
    // The same pipeline and cache as the build: all cached, nothing runs again.
    const { examples } = await createSitePipeline({ env: { ...process.env, ...ONE } }).data(SITE.replace(/\/$/, ''), () => {});
    expect(examples.ran).toBe(0);
    const shown = examples.entries.find((entry) => entry.id === 'prints-html')?.results[0]?.variants[0]?.shown;
    const block = (stream: string) =>
      htmlText(new RegExp(`<div class="stream ${stream}[^"]*">(.*?)</div>`, 's').exec(html)?.[1] ?? '');
    expect(block('stdout')).toBe(`Standard output (stdout)${shown?.stdout.text}`);
    expect(block('stderr')).toBe(`Standard error (stderr)${shown?.stderr.text}`);
    expect(shown?.stdout.text).toContain('bad byte: \uFFFD');
  });

  it('shows the source with its file name, exit status, timing and where it ran', () => {
    const text = htmlText(html);
    expect(text).toContain('prints-html.py');
    expect(text).toContain('sys.stdout.buffer.write');
    expect(text).toMatch(/exit status 0 · wall time \d+\.\d\d s/);
    expect(text).toMatch(/Ran on CPython 3\.\d+\.\d+ \(GIL on\) · Linux-\S+ · \d+ CPUs · start method \w+ · \d{4}-\d\d-\d\d/);
  });

  it('shows one tab per interpreter, with a line comparing them, with PYTHONS', async () => {
    const other = ['/usr/bin/python3', '/usr/bin/python3.11'].find((path) => existsSync(path));
    expect(other, 'a second CPython executable to compare with').toBeDefined();
    await buildSite({ PYTHONS: `python3 ${other}` });
    const several = await readFile(join(SITE, 'dist/index.html'), 'utf8');
    const tabs = [...several.matchAll(/<a role="tab"[^>]*>\s*([^<]*?)\s*<\/a>/g)].map((m) => m[1]);
    expect(tabs).toHaveLength(2);
    for (const tab of tabs) expect(tab).toMatch(/^CPython 3\.\d+\.\d+$/);
    expect(htmlText(several).match(/Ran on CPython/g)).toHaveLength(2);
    expect(htmlText(several)).toMatch(/Same behaviour on CPython 3\.\d+\.\d+ and CPython 3\.\d+\.\d+/);
  }, 120_000);

  it('fails the build when an example does not match its spec, with the message', async () => {
    const failure = await buildSite({ ...ONE, FIXTURE_EXAMPLES_DIR: 'failing-examples' }).catch(
      (error: { stdout: string; stderr: string }) => error,
    );
    const output = 'stdout' in failure ? `${failure.stdout}${failure.stderr}` : '';
    expect(output).toContain(
      'Example failing-examples/prints-html.py did not do what failing-examples/prints-html.spec.yaml expects',
    );
    expect(output).toContain('stdout line 1: expected "something else", got "<script>alert(1)</script>"');
  }, 120_000);
});

describe('highlighted sources kept between builds (scripts/cache/highlighted-blocks.ts)', () => {
  const kept = cacheDir(SITE, 'code');
  const page = () => readFile(join(SITE, 'dist/two-examples/index.html'), 'utf8');
  /** The kept block whose HTML shows `title`. */
  const keptFile = async (title: string) => {
    for (const name of await readdir(kept)) {
      if ((await readFile(join(kept, name), 'utf8')).includes(`<span class="title">${title}</span>`)) return join(kept, name);
    }
    throw new Error(`no kept block for ${title}`);
  };
  const MARK = '<!-- kept -->';

  it('shows a kept block in place of a render, and nothing kept once the check finds the render changed', async () => {
    await rm(kept, { recursive: true, force: true });
    await buildSite();
    const rendered = await page();
    // The page's first block is never kept (it carries the page's stylesheet and script); the
    // check's render of it and the second block are.
    expect(rendered.match(/<link rel="stylesheet" href="[^"]*\/ec\.[^"]*\.css">/g)).toHaveLength(1);
    expect(await readdir(kept)).toHaveLength(2);

    const second = await keptFile('hello.py');
    await writeFile(second, `${await readFile(second, 'utf8')}${MARK}`);
    await buildSite();
    const shown = await page();
    expect(shown).toContain(MARK);
    expect(shown.replace(MARK, '')).toBe(rendered);

    // A kept block that is not what a render gives (as after a change of theme): the check, made
    // on the build's first block, finds it, and the build shows and keeps fresh renders only.
    const first = await keptFile('prints-html.py');
    await writeFile(first, (await readFile(first, 'utf8')).replace('prints-html.py', 'changed.py'));
    await buildSite();
    expect(await page()).toBe(rendered);
    expect(await readFile(second, 'utf8')).not.toContain(MARK);
  }, 180_000);
});
