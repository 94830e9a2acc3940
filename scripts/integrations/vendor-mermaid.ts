/**
 * Mermaid for the in-page diagram editor, as the prebuilt ES modules its package ships, served
 * as plain files under the URL the diagram editor loads them from (src/client/mermaid-url.ts,
 * handed over by astro.config.mjs). Bundling Mermaid with the site's own scripts made
 * every build re-bundle 25 MB of code that only loads when a reader clicks "Edit this diagram";
 * copying the ready files costs a fraction of that and gives the reader the same modules.
 */
import { createReadStream } from 'node:fs';
import { cp, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const MERMAID_DIST = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist');
/** The ES module entry and the chunks it imports on demand; source maps stay behind. */
const ENTRY = 'mermaid.esm.min.mjs';
const CHUNKS = join('chunks', 'mermaid.esm.min');

function isServed(relativePath: string): boolean {
  return relativePath === ENTRY || (relativePath.startsWith(`${CHUNKS}/`) && relativePath.endsWith('.mjs'));
}

/**
 * `url`: where the pages load Mermaid from, from the site's root, e.g. `/_pyconc/mermaid/` (leading
 * and trailing slash); under a base path the files are served at `<base>_pyconc/mermaid/`.
 */
export function vendorMermaid(url: string): AstroIntegration {
  let base = '/';
  return {
    name: 'pyconc:vendor-mermaid',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      // `astro dev`: the same URLs, straight from node_modules.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(`${base.replace(/\/$/, '')}${url}`, (request, response, next) => {
          const path = normalize(decodeURIComponent((request.url ?? '').split('?')[0]!.replace(/^\//, '')));
          if (!isServed(path)) return next();
          stat(join(MERMAID_DIST, path)).then(
            () => {
              response.setHeader('Content-Type', 'text/javascript');
              createReadStream(join(MERMAID_DIST, path)).pipe(response);
            },
            () => next(),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const target = join(fileURLToPath(dir), url);
        const chunks = (await readdir(join(MERMAID_DIST, CHUNKS))).map((name) => join(CHUNKS, name)).filter(isServed);
        await Promise.all([ENTRY, ...chunks].map((file) => cp(join(MERMAID_DIST, file), join(target, file))));
        logger.info(`copied Mermaid's ${chunks.length + 1} prebuilt modules to ${url} for the diagram editor`);
      },
    },
  };
}
