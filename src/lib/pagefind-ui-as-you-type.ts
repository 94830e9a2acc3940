/**
 * Starlight's search box (Pagefind UI), answering as you type. Starlight's Search component
 * creates it with `new PagefindUI(options)` from `@pagefind/default-ui` and has no setting for
 * the debounce; `searchAsYouType()` (./search-as-you-type.ts) hands Starlight this class instead,
 * so Starlight's markup, dialog, shortcut and styles stay Starlight's own.
 */
import { PagefindUI as DefaultPagefindUI, type PagefindUIOptions } from '@pagefind/default-ui';
import { searchDebounceMs } from '../search.ts';

/**
 * Pagefind UI loads Pagefind (pagefind.js, its worker, WebAssembly and metadata) when its input
 * gets focus, which is when the dialog opens. These events on the search button come earlier,
 * when a reader is about to search; readers who never do load nothing more.
 */
const INTENT_EVENTS = ['pointerenter', 'pointerdown', 'focus'] as const;

export class PagefindUI extends DefaultPagefindUI {
  constructor(options: PagefindUIOptions) {
    super({ ...options, debounceTimeoutMs: searchDebounceMs });
    const container = typeof options.element === 'string' ? document.querySelector(options.element) : options.element;
    const input = container?.querySelector('input');
    if (!container || !input) return;
    holdSearchesUntilLoaded(container, input, `${options.bundlePath ?? '/pagefind/'}pagefind.js`);
    const button = container.closest('site-search')?.querySelector('button[data-open-modal]');
    // A focus event that does not move focus starts Pagefind UI's own loading, with its own
    // options; it loads once, however often it is asked.
    const warmUp = () => input.dispatchEvent(new FocusEvent('focus'));
    for (const type of INTENT_EVENTS) button?.addEventListener(type, warmUp, { once: true, passive: true });
  }
}

/**
 * Until Pagefind has loaded, Pagefind UI makes each search poll for it on a 50 ms timer of its
 * own, so two searches waiting at once finish in either order, and a prefix's results can stay on
 * screen under the whole query (typing pauses longer than the debounce while Pagefind loads).
 * So keystrokes wait here until Pagefind has loaded; then the box's value is searched once.
 */
function holdSearchesUntilLoaded(container: Element, input: HTMLInputElement, pagefindUrl: string): void {
  let loaded = false;
  let loading: Promise<void> | undefined;
  const load = () =>
    (loading ??= (async () => {
      // The same URL as Pagefind UI's own import: the same module, fetched once. A failed load is
      // Pagefind UI's to report.
      await import(/* @vite-ignore */ pagefindUrl).catch(() => undefined);
      // Pagefind UI finishes its own set-up in the microtasks after the import.
      await new Promise((resolve) => setTimeout(resolve));
      loaded = true;
      if (input.value !== '') input.dispatchEvent(new Event('input'));
    })());
  input.addEventListener('focus', () => void load(), { once: true });
  // On the way down to the input, before Pagefind UI's own listener on it.
  container.addEventListener(
    'input',
    (event) => {
      if (loaded || event.target !== input) return;
      event.stopPropagation();
      void load();
    },
    { capture: true },
  );
}
