// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { highlightCache } from './scripts/integrations/highlight-cache.ts';
import { linksValidator } from './scripts/integrations/links-validator.ts';
import { remarkExplicitHeadingIds } from './scripts/integrations/remark-explicit-heading-ids.ts';
import { searchAsYouType } from './scripts/integrations/search-as-you-type.ts';
import { vendorMermaid } from './scripts/integrations/vendor-mermaid.ts';
import { MERMAID_URL } from './src/client/mermaid-url.ts';
import { isRedirect } from './src/redirects.ts';
import { pagefind } from './src/search.ts';
import { sidebar } from './src/sidebar.ts';

export default defineConfig({
  site: 'https://python-concurrency.example.org',
  markdown: { processor: unified({ remarkPlugins: [remarkExplicitHeadingIds] }) },
  integrations: [
    vendorMermaid(MERMAID_URL),
    searchAsYouType(),
    highlightCache(),
    starlight({
      title: 'Python Concurrency & Parallelism',
      sidebar,
      pagefind,
      // Long lines wrap, indented like their start, instead of scrolling sideways: every line of
      // an example stays in view beside its output, at any width (copying still gets the original).
      expressiveCode: { defaultProps: { wrap: true } },
      customCss: ['./src/styles/without-scripts.css', './src/styles/layout-stability.css'],
      components: { Search: './src/components/Search.astro' },
      plugins: [linksValidator()],
    }),
    // Starlight's own sitemap, less the redirect pages (src/pages/[...from].astro): they are noindex.
    sitemap({ filter: (page) => !isRedirect(new URL(page).pathname) }),
  ],
});
