// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { unified } from '@astrojs/markdown-remark';
import { remarkExplicitHeadingIds } from './src/lib/remark-explicit-heading-ids.ts';
import { isRedirect } from './src/redirects.ts';
import { pagefind } from './src/search.ts';
import { sidebar } from './src/sidebar.ts';

export default defineConfig({
  site: 'https://python-concurrency.example.org',
  markdown: { processor: unified({ remarkPlugins: [remarkExplicitHeadingIds] }) },
  integrations: [
    starlight({
      title: 'Python Concurrency & Parallelism',
      sidebar,
      pagefind,
      plugins: [starlightLinksValidator()],
    }),
    // Starlight's own sitemap, less the redirect pages (src/pages/[...from].astro): they are noindex.
    sitemap({ filter: (page) => !isRedirect(new URL(page).pathname) }),
  ],
});
