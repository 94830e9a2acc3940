/** Where the diagram editor finds Mermaid's prebuilt modules (served by scripts/integrations/vendor-mermaid.ts, which astro.config.mjs gives it to). */
export const MERMAID_URL = '/_pyconc/mermaid/';
