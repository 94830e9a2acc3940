/** Where the diagram editor finds Mermaid's prebuilt modules (served by scripts/site/vendor-mermaid.ts). */
export const MERMAID_URL = '/_pyconc/mermaid/';
