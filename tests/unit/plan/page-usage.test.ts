import { describe, expect, it } from 'vitest';
import { componentUses, pageUrl } from '../../../scripts/plan/page-usage.ts';

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
