// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { remarkExplicitHeadingIds } from './src/lib/remark-explicit-heading-ids.ts';
import { sidebar } from './src/sidebar.ts';

export default defineConfig({
  site: 'https://python-concurrency.example.org',
  markdown: { processor: unified({ remarkPlugins: [remarkExplicitHeadingIds] }) },
  integrations: [
    starlight({
      title: 'Python Concurrency & Parallelism',
      sidebar,
    }),
  ],
});
