/**
 * `highlightCache()`: tells the highlighted-blocks store (scripts/cache/highlighted-blocks.ts),
 * which src/components/HighlightedCode.astro renders through, where to keep blocks: the `code`
 * cache area of the project. Without it nothing is kept and every block is rendered.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheDir } from '../cache/paths.ts';

export function highlightCache(): AstroIntegration {
  return {
    name: 'pyconc:highlight-cache',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const directory = cacheDir(fileURLToPath(config.root), 'code');
        updateConfig({ vite: { define: { 'import.meta.env.PYCONC_CODE_CACHE': JSON.stringify(directory) } } });
      },
    },
  };
}
