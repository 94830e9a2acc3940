import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { componentUses } from '../../../scripts/plan/parse-page-uses.ts';
import { pageUrl, readComponentUses } from '../../../scripts/plan/page-usage.ts';

const PLAN_SITE = fileURLToPath(new URL('../../fixtures/plan-site/', import.meta.url));

const page = [
  '---',
  'title: A page with {braces} in its front matter',
  '---',
  "import Example from '../../components/Example.astro';",
  '',
  '## Heading {/* heading */}',
  '',
  '<Example id="threads-sleep" />',
  '',
  'Text with an inline <Timeline example="gil-turns" variant="default" /> element.',
  '',
  '<SpeedupTable',
  '  rows={[',
  "    { example: 'exercise-io-threads', label: 'I/O', workload: 'io' },",
  "    { example: 'gil-cpu-bound', label: 'CPU', workload: 'cpu' },",
  '  ]}',
  '/>',
  '',
  '<Diagram name="gil-handoff" />',
].join('\n');

describe('componentUses', () => {
  it('finds every component, the examples it names and where, in flow and text, in attributes and expressions', () => {
    expect(componentUses(page, 'src/content/docs/a.mdx')).toEqual([
      { page: 'src/content/docs/a.mdx', line: 8, component: 'Example', examples: ['threads-sleep'], attributes: { id: 'threads-sleep' } },
      { page: 'src/content/docs/a.mdx', line: 10, component: 'Timeline', examples: ['gil-turns'], attributes: { example: 'gil-turns', variant: 'default' } },
      { page: 'src/content/docs/a.mdx', line: 12, component: 'SpeedupTable', examples: ['exercise-io-threads', 'gil-cpu-bound'], attributes: {} },
      { page: 'src/content/docs/a.mdx', line: 19, component: 'Diagram', examples: [], attributes: { name: 'gil-handoff' } },
    ]);
  });

  it('names the page and line of MDX it cannot read', () => {
    expect(() => componentUses('# Title\n\n<Example id="x"\n', 'src/content/docs/broken.mdx')).toThrow(/^src\/content\/docs\/broken\.mdx:\d+: cannot read the page as MDX/);
  });
});

describe('pageUrl', () => {
  it('is the published URL of a page file', () => {
    expect(pageUrl('src/content/docs/gil.mdx', 'src/content/docs')).toBe('/gil/');
    expect(pageUrl('src/content/docs/index.mdx', 'src/content/docs')).toBe('/');
    expect(pageUrl('src/content/docs/guide/index.md', 'src/content/docs')).toBe('/guide/');
  });
});

describe('readComponentUses with a cache', () => {
  it("keeps each page's uses by its text: the same uses back, a new entry only for an edited page", async () => {
    const site = await mkdtemp(join(tmpdir(), 'page-uses-'));
    try {
      await cp(PLAN_SITE, site, { recursive: true });
      const docs = join(site, 'src', 'content', 'docs');
      const cache = join(site, 'cache');
      const parsed = await readComponentUses(site, docs);
      expect(parsed.length).toBeGreaterThan(0);
      expect(await readComponentUses(site, docs, cache)).toEqual(parsed);
      const entries = await readdir(cache);
      expect(entries).toHaveLength(2);
      expect(await readComponentUses(site, docs, cache)).toEqual(parsed);
      expect(await readdir(cache)).toEqual(entries);
      await writeFile(join(docs, 'again.mdx'), '---\ntitle: Again\n---\n<Diagram name="hello" />\n');
      const edited = await readComponentUses(site, docs, cache);
      expect(edited).toContainEqual({ page: 'src/content/docs/again.mdx', line: 4, component: 'Diagram', examples: [], attributes: { name: 'hello' } });
      expect(await readdir(cache)).toHaveLength(3);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});
