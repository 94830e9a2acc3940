// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { readDeployment, reportDeployment } from './scripts/integrations/deployment.ts';
import { highlightCache } from './scripts/integrations/highlight-cache.ts';
import { linksValidator } from './scripts/integrations/links-validator.ts';
import { rehypeBasePath } from './scripts/integrations/rehype-base-path.ts';
import { remarkExplicitHeadingIds } from './scripts/integrations/remark-explicit-heading-ids.ts';
import { searchAsYouType } from './scripts/integrations/search-as-you-type.ts';
import { vendorMermaid } from './scripts/integrations/vendor-mermaid.ts';
import { MERMAID_URL } from './src/client/mermaid-url.ts';
import { isRedirect } from './src/redirects.ts';
import { pagefind } from './src/search.ts';
import { sidebar } from './src/sidebar.ts';

// Address, base path and repository come from where the site is built (SITE_URL, BASE_PATH,
// GITHUB_REPOSITORY, …: README, "Deploying").
const deployment = readDeployment({ root: fileURLToPath(new URL('.', import.meta.url)) });

export default defineConfig({
  ...(deployment.site ? { site: deployment.site } : {}),
  base: deployment.base,
  markdown: { processor: unified({ remarkPlugins: [remarkExplicitHeadingIds], rehypePlugins: [[rehypeBasePath, deployment.base]] }) },
  integrations: [
    reportDeployment(deployment),
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
      editLink: { baseUrl: deployment.repository?.editBaseUrl },
      lastUpdated: deployment.lastUpdated,
      social: deployment.repository ? [{ icon: 'github', label: 'Source on GitHub', href: deployment.repository.url }] : [],
      plugins: [linksValidator()],
    }),
    // Starlight's own sitemap, less the redirect pages (src/pages/[...from].astro): they are noindex.
    sitemap({ filter: (page) => !isRedirect(`/${new URL(page).pathname.slice(deployment.base.length)}`) }),
  ],
});
