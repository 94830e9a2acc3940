import type { Element, Root } from 'hast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';

/** The attributes that hold a URL the reader's browser follows or loads. */
const URL_ATTRIBUTES = ['href', 'src'];

/** `/locks/#mutual-exclusion` (from the root of the site), not `//host/…` (another host) nor `#id` or `locks/`. */
function fromSiteRoot(url: unknown): url is string {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//');
}

/**
 * Puts the site's base path before every link and image the pages' Markdown and MDX give from the
 * site's root: authors write `/<slug>/#<id>`, and with `base: '/my-repo/'` the page links to
 * `/my-repo/<slug>/#<id>`. Both Markdown links and components' `href`/`src` props
 * (`<LinkCard href="/threads/" />`) are rewritten. Astro leaves such links as written, and
 * Starlight adds the base only to what it generates (sidebar, pagination, search).
 *
 * It must run before starlight-links-validator's rehype step, which checks links as they will
 * be served (with the base): astro.config.mjs lists it in `markdown.processor`, and the validator
 * appends its own step to that list later, during `astro:config:setup`.
 *
 * `base`: Astro's `base`, with its trailing slash (`/` makes this a no-op).
 */
export function rehypeBasePath(base: string) {
  const prefix = base.replace(/\/+$/, '');
  return (tree: Root) => {
    if (prefix === '') return;
    visit(tree, ['element', 'mdxJsxFlowElement', 'mdxJsxTextElement'], (node) => {
      if (node.type === 'element') {
        const { properties } = node as Element;
        for (const name of URL_ATTRIBUTES) {
          const url = properties[name];
          if (fromSiteRoot(url)) properties[name] = prefix + url;
        }
        return;
      }
      for (const attribute of (node as MdxJsxFlowElementHast | MdxJsxTextElementHast).attributes) {
        if (attribute.type === 'mdxJsxAttribute' && URL_ATTRIBUTES.includes(attribute.name) && fromSiteRoot(attribute.value)) {
          attribute.value = prefix + attribute.value;
        }
      }
    });
  };
}
