import type { Element, Root } from 'hast';
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx';
import { describe, expect, test } from 'vitest';
import { rehypeBasePath } from '../../../scripts/integrations/rehype-base-path.ts';

const link = (href: string): Element => ({ type: 'element', tagName: 'a', properties: { href }, children: [] });
const image = (src: string): Element => ({ type: 'element', tagName: 'img', properties: { src }, children: [] });
const linkCard = (href: string): MdxJsxFlowElementHast => ({
  type: 'mdxJsxFlowElement',
  name: 'LinkCard',
  attributes: [
    { type: 'mdxJsxAttribute', name: 'title', value: '/not/a/url/' },
    { type: 'mdxJsxAttribute', name: 'href', value: href },
  ],
  children: [],
});

function run(base: string, ...children: Root['children']): Root {
  const tree: Root = { type: 'root', children };
  rehypeBasePath(base)(tree);
  return tree;
}

describe('rehypeBasePath', () => {
  test('puts the base before links and images from the site root, in Markdown and in components', () => {
    const [a, img, card] = run('/my-repo/', link('/locks/#mutual-exclusion'), image('/favicon.svg'), linkCard('/threads/')).children;
    expect((a as Element).properties['href']).toBe('/my-repo/locks/#mutual-exclusion');
    expect((img as Element).properties['src']).toBe('/my-repo/favicon.svg');
    expect((card as MdxJsxFlowElementHast).attributes).toEqual([
      { type: 'mdxJsxAttribute', name: 'title', value: '/not/a/url/' },
      { type: 'mdxJsxAttribute', name: 'href', value: '/my-repo/threads/' },
    ]);
  });

  test('the home page link becomes the base itself', () => {
    expect((run('/my-repo/', link('/')).children[0] as Element).properties['href']).toBe('/my-repo/');
  });

  test('leaves alone what is not from the site root: other hosts, anchors on the page, relative links', () => {
    const hrefs = ['https://docs.python.org/3/', '//example.org/x', '#mutual-exclusion', 'locks/', 'mailto:a@example.org'];
    const tree = run('/my-repo/', ...hrefs.map(link));
    expect(tree.children.map((node) => (node as Element).properties['href'])).toEqual(hrefs);
  });

  test('at the root (base /) changes nothing', () => {
    expect((run('/', link('/locks/')).children[0] as Element).properties['href']).toBe('/locks/');
  });
});
