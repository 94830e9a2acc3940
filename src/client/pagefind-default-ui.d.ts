/** The part of `@pagefind/default-ui` (a dependency of Starlight, shipped without types) used here. */
declare module '@pagefind/default-ui' {
  /** Options of Pagefind UI (https://pagefind.app/docs/ui/); Starlight passes more than these. */
  export interface PagefindUIOptions {
    element?: string | HTMLElement;
    bundlePath?: string;
    debounceTimeoutMs?: number;
    [option: string]: unknown;
  }
  export class PagefindUI {
    constructor(options: PagefindUIOptions);
  }
}
