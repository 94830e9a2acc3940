/**
 * `searchAsYouType()`: an Astro integration that makes Starlight's Search component create
 * src/client/pagefind-ui-as-you-type.ts's PagefindUI (short debounce, loading on intent) instead of
 * `@pagefind/default-ui`'s. Starlight offers no option for the debounce and its Search component
 * creates Pagefind UI in its own script; routing that one import keeps everything else of
 * Starlight's component, and its upgrades, instead of copying its 500 lines.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { BuildStepError } from '../shared/build-step-error.ts';

const PAGEFIND_UI = '@pagefind/default-ui';
/** The browser module Starlight's import is routed to (a path for Vite, not an import of this module). */
const AS_YOU_TYPE = fileURLToPath(new URL('../../src/client/pagefind-ui-as-you-type.ts', import.meta.url));
/** Only Starlight's import is routed: the as-you-type module imports the real one. */
const STARLIGHT = /[\\/]@astrojs[\\/]starlight[\\/]/;

export function searchAsYouType(): AstroIntegration {
  let routed = false;
  return {
    name: 'pyconc:search-as-you-type',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'pyconc:search-as-you-type',
                enforce: 'pre',
                resolveId(source, importer) {
                  if (source !== PAGEFIND_UI || importer === undefined || !STARLIGHT.test(importer)) return null;
                  routed = true;
                  return AS_YOU_TYPE;
                },
              },
            ],
          },
        });
      },
      'astro:build:done': () => {
        if (routed) return;
        throw new BuildStepError(
          `searchAsYouType (scripts/integrations/search-as-you-type.ts): Starlight no longer imports "${PAGEFIND_UI}", so the search box kept Pagefind UI's 300 ms debounce.`,
          {
            step: 'build',
            file: 'scripts/integrations/search-as-you-type.ts',
            fix: "find how Starlight's Search component (node_modules/@astrojs/starlight/dist/components/Search.astro) now creates Pagefind UI and route that instead.",
          },
        );
      },
    },
  };
}
