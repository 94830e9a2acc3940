import type { StarlightUserConfig } from '@astrojs/starlight/types';

type Sidebar = NonNullable<StarlightUserConfig['sidebar']>;

/**
 * The reading order of the reference. Starlight derives the previous/next links from this list,
 * so the order here is the order a reader walks through the pages.
 * Entries are page slugs (permanent: renaming one needs a redirect).
 */
export const sidebar: Sidebar = [
  'index',
  {
    label: 'Concepts',
    items: ['concurrency-vs-parallelism', 'threads', 'gil', 'locks', 'processes', 'cpu-vs-io'],
  },
  {
    label: 'Going further',
    items: ['thread-safety', 'free-threading'],
  },
  {
    label: 'Practice',
    items: ['review', 'exercises'],
  },
  {
    label: 'Look-up',
    items: ['glossary', 'references'],
  },
];
