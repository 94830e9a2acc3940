/**
 * Starlight's search box (Pagefind UI), created when a reader is about to search and answering as
 * they type. Starlight's Search component imports `@pagefind/default-ui` on every page once it is
 * idle and mounts it at once (a 150 ms task on a slow phone, Lighthouse's whole Total Blocking Time
 * on `/processes/`), and has no setting for the debounce; `searchAsYouType()`
 * (./search-as-you-type.ts) hands Starlight this class instead, so Starlight's markup, dialog,
 * shortcut and styles stay Starlight's own, and pages where nobody searches load nothing more.
 */
import type { PagefindUIOptions } from '@pagefind/default-ui';
import { searchDebounceMs } from '../search.ts';

/**
 * Events on the search button that come before the dialog opens, when a reader is about to search:
 * Pagefind UI and then Pagefind (pagefind.js, its worker, WebAssembly and metadata) load then.
 */
const INTENT_EVENTS = ['pointerenter', 'pointerdown', 'focus'] as const;

export class PagefindUI {
  constructor(options: PagefindUIOptions) {
    const container = typeof options.element === 'string' ? document.querySelector(options.element) : options.element;
    const dialog = container?.closest('dialog');
    if (!(container instanceof HTMLElement) || !dialog) return;
    const standIn = standInFor(container, options);
    let created: Promise<HTMLInputElement | undefined> | undefined;
    const create = () =>
      (created ??= createPagefindUI(container, options, standIn).catch((error: unknown) => {
        // Not loaded (offline, a new deploy): the stand-in keeps the keys, the next intent tries again.
        created = undefined;
        console.error(error);
        return undefined;
      }));
    // A focus event that does not move focus starts Pagefind UI's own loading of Pagefind, with its
    // own options; both load once, however often they are asked (every intent asks: after a failed
    // load, the next one tries again).
    const warmUp = () => void create().then((input) => input?.dispatchEvent(new FocusEvent('focus')));
    const button = container.closest('site-search')?.querySelector('button[data-open-modal]');
    for (const type of INTENT_EVENTS) button?.addEventListener(type, warmUp, { passive: true });
    // However the dialog opens (button, Ctrl K, a script), the search box must follow. Starlight
    // creates this once the page is idle: on a busy machine a reader can open the dialog before,
    // and Starlight found no input to focus then.
    if (dialog.open) {
      standIn.focus();
      void create();
    }
    new MutationObserver(() => {
      if (dialog.open) void create();
    }).observe(dialog, { attributes: true, attributeFilter: ['open'] });
  }
}

/**
 * An input that looks like Pagefind UI's and stands in for it until it is created: Starlight
 * focuses the dialog's input as it opens, and keys typed before Pagefind UI is there land here
 * and are handed over. Pagefind UI's styles are scoped to a class Svelte made (`svelte-…`); it is
 * read from the page's CSS, so the stand-in looks the same whatever Pagefind's version.
 */
function standInFor(container: HTMLElement, options: PagefindUIOptions): HTMLInputElement {
  const placeholder = (options['translations'] as { placeholder?: string } | undefined)?.placeholder ?? 'Search';
  const scope = pagefindStyleScope() ?? '';
  const frame = document.createElement('div');
  frame.className = `pagefind-ui pagefind-ui--reset ${scope}`;
  const form = frame.appendChild(document.createElement('form'));
  form.className = `pagefind-ui__form ${scope}`;
  form.action = 'javascript:void(0);';
  const input = form.appendChild(document.createElement('input'));
  input.className = `pagefind-ui__search-input ${scope}`;
  Object.assign(input, { type: 'text', placeholder, title: placeholder, autocapitalize: 'none', enterKeyHint: 'search' });
  container.append(frame);
  return input;
}

/** The Svelte class of Pagefind UI's input rule in the page's style sheets, through layers and media rules. */
function pagefindStyleScope(): string | undefined {
  const find = (rules: CSSRuleList): string | undefined => {
    for (const rule of rules) {
      const scope =
        rule instanceof CSSStyleRule
          ? /\.pagefind-ui__search-input\.(svelte-[\w-]+)/.exec(rule.selectorText)?.[1]
          : rule instanceof CSSGroupingRule
            ? find(rule.cssRules)
            : undefined;
      if (scope) return scope;
    }
    return undefined;
  };
  for (const sheet of document.styleSheets) {
    try {
      const scope = find(sheet.cssRules);
      if (scope) return scope;
    } catch {
      // Another origin's sheet cannot be read, and holds no Pagefind UI styles.
    }
  }
  return undefined;
}

/** Creates the real Pagefind UI, hands it the stand-in's keys and focus, and returns its input. */
async function createPagefindUI(container: HTMLElement, options: PagefindUIOptions, standIn: HTMLInputElement): Promise<HTMLInputElement | undefined> {
  const { PagefindUI: DefaultPagefindUI } = await import('@pagefind/default-ui');
  const hadFocus = document.activeElement === standIn;
  const { value, selectionStart, selectionEnd } = standIn;
  // Out and in within one task: nothing is drawn in between.
  standIn.closest('.pagefind-ui')?.remove();
  new DefaultPagefindUI({ ...options, debounceTimeoutMs: searchDebounceMs });
  const input = container.querySelector('input');
  if (!input) return undefined;
  holdSearchesUntilLoaded(container, input, `${options.bundlePath ?? '/pagefind/'}pagefind.js`);
  input.value = value;
  if (hadFocus) {
    input.focus();
    input.setSelectionRange(selectionStart, selectionEnd);
  }
  if (value !== '') input.dispatchEvent(new Event('input'));
  return input;
}

/**
 * Until Pagefind has loaded, Pagefind UI makes each search poll for it on a 50 ms timer of its
 * own, so two searches waiting at once finish in either order, and a prefix's results can stay on
 * screen under the whole query (typing pauses longer than the debounce while Pagefind loads).
 * So keystrokes wait here until Pagefind has loaded and preloaded the index; then the box's value
 * is searched once.
 */
function holdSearchesUntilLoaded(container: Element, input: HTMLInputElement, pagefindUrl: string): void {
  let loaded = false;
  let loading: Promise<void> | undefined;
  const load = () =>
    (loading ??= (async () => {
      // The same URL as Pagefind UI's own import: the same module, fetched once. A failed load is
      // Pagefind UI's to report.
      const pagefind = (await import(/* @vite-ignore */ pagefindUrl).catch(() => undefined)) as Pagefind | undefined;
      // Pagefind UI finishes its own set-up (its options) in the microtasks after the import.
      await new Promise((resolve) => setTimeout(resolve));
      // Pagefind's worker hands one page's data to every search asking for it at once, each search
      // rewriting it for its own words: a search beside the preload could show the preload's.
      if (pagefind) await preloadEverything(pagefind).catch(() => undefined);
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

/** The part of Pagefind's JS API (pagefind.js) used here. */
interface Pagefind {
  preload(term: string): Promise<void>;
  search(term: null): Promise<{ results: { data(): Promise<unknown> }[] }>;
}

/** Above this many pages, preloading everything would fetch more than a reader's searches need. */
const PRELOAD_ALL_UP_TO_PAGES = 50;

/**
 * A first search costs more than later ones: Pagefind fetches its WebAssembly, the index chunks of
 * the words typed and the found pages' fragments, many times what a search takes once they are in.
 * This site's whole index is small (18 pages: ≈ 110 kB of index, ≈ 90 kB of fragments), so while
 * the reader opens the dialog and types, all of it loads, in Pagefind's worker: every chunk (a
 * preload of each letter and digit reaches every chunk, which Pagefind splits by word) and every
 * page's fragment (an empty search lists every page).
 */
async function preloadEverything(pagefind: Pagefind): Promise<void> {
  const { results } = await pagefind.search(null);
  if (results.length > PRELOAD_ALL_UP_TO_PAGES) return;
  await pagefind.preload([...'abcdefghijklmnopqrstuvwxyz0123456789'].join(' '));
  await Promise.all(results.map((result) => result.data()));
}
