/**
 * Where the diagram editor finds Mermaid's prebuilt modules, from the site's root: under a base
 * path they are at `<base>_pyconc/mermaid/` (served by scripts/integrations/vendor-mermaid.ts,
 * which astro.config.mjs gives this to).
 */
export const MERMAID_URL = '/_pyconc/mermaid/';
