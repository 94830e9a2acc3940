/**
 * Keeps what Starlight's `<Code>` (Expressive Code) rendered for a block between builds, so a
 * warm build does not highlight the examples' sources again: that costs more than rendering the
 * rest of the pages together. Used by src/components/HighlightedCode.astro; wired by the
 * `highlightCache()` integration (scripts/integrations/highlight-cache.ts), without which nothing
 * is kept (every block is rendered).
 *
 * Two things make a kept block safe to show instead of a fresh one:
 * - Expressive Code puts its stylesheet and script into the first block it renders on a page.
 *   So the first block of every page is always rendered, and the page's other blocks wait for
 *   it: what they render, and what is kept, never carries them.
 * - A kept block is keyed by its code, language, title and classes and by the versions of the
 *   packages that highlight it. The configuration (themes, wrapping, frames) is not in the key
 *   but checked: the build's first block is rendered a second time, as a later block on its
 *   page, and compared with the block kept for it. If they differ (or none was kept), this build
 *   shows no kept block: it renders every one, and keeps them for the next.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion } from '../shared/package-version.ts';
import { contentKey } from './content-key.ts';
import { temporaryBeside } from './json-cache.ts';

declare global {
  interface ImportMetaEnv {
    /** Where highlighted blocks are kept (the `code` cache area); set by `highlightCache()`. */
    readonly PYCONC_CODE_CACHE?: string;
  }
}

/** What a block shows: its code, the language it is highlighted as, the title above it, and its classes. */
export interface CodeBlockInput {
  code: string;
  lang: string;
  title: string;
  className: string;
}

/** Takes a render of the block (the HTML as a promise) and says what to show of it. */
export type TakeRender = (html: Promise<string>) => Promise<string>;

/** How HighlightedCode.astro shows one block. */
export interface HighlightedBlock {
  /** The kept HTML, shown as it is; undefined: render the block and hand the render to `rendered`. */
  kept: string | undefined;
  /** Takes the fresh render: it is shown, and kept when it may be. */
  rendered: TakeRender;
  /** The build's first block only: render it again once `after` settles, and hand that render to `take` (it shows nothing). */
  check?: { after: Promise<unknown>; take: TakeRender };
}

/**
 * The kept blocks: one HTML file per key. Read and written synchronously, on purpose: awaiting
 * file I/O here let pages render their parts in a different order in each build, and Astro puts
 * a component's script into whichever instance renders first, so the same site came out
 * different (same behaviour, different bytes). Written to a temporary file renamed over the
 * entry, so a reader never sees half a block.
 */
class KeptBlocks {
  private readonly directory: string;

  constructor(directory: string) {
    this.directory = directory;
  }

  get(key: string): string | undefined {
    try {
      return readFileSync(join(this.directory, `${key}.html`), 'utf8');
    } catch {
      return undefined;
    }
  }

  set(key: string, html: string): void {
    const target = join(this.directory, `${key}.html`);
    const temporary = temporaryBeside(target);
    mkdirSync(this.directory, { recursive: true });
    writeFileSync(temporary, html);
    renameSync(temporary, target);
  }
}

interface BuildState {
  kept: KeptBlocks;
  versions: Record<string, string>;
  /** Whether kept blocks may be shown in this build: the check's verdict. */
  trusted?: Promise<boolean>;
}

/** Per page (Astro renders each with its own Request): settles once its first block has rendered, or failed to. */
const firstRendered = new WeakMap<Request, Promise<unknown>>();
let build: BuildState | undefined;

function buildState(directory: string): BuildState {
  build ??= {
    kept: new KeptBlocks(directory),
    versions: Object.fromEntries(['shiki', 'expressive-code', 'astro-expressive-code'].map((pkg) => [pkg, packageVersion(pkg)])),
  };
  return build;
}

/** A promise and its settling functions. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

const asRendered: TakeRender = (html) => html;

/**
 * How to show `input`, a block on the page `request` renders. `directory`: where blocks are kept
 * (default: where `highlightCache()` says), or undefined to keep none. The page's first block to
 * ask is rendered; the others ask after it has been.
 */
export async function highlightedBlock(
  request: Request,
  input: CodeBlockInput,
  directory = import.meta.env.PYCONC_CODE_CACHE,
): Promise<HighlightedBlock> {
  if (directory === undefined) return { kept: undefined, rendered: asRendered };
  const state = buildState(directory);
  const key = contentKey({ ...input, versions: state.versions });
  const pageFirst = firstRendered.get(request);
  if (!pageFirst) return firstOnPage(request, state, key);

  await pageFirst;
  const kept = (await state.trusted) ? state.kept.get(key) : undefined;
  if (kept !== undefined) return { kept, rendered: asRendered };
  return {
    kept: undefined,
    rendered: async (rendering) => {
      const html = await rendering;
      state.kept.set(key, html);
      return html;
    },
  };
}

/** The first block on a page: rendered, never kept (it carries the page's stylesheet and script); the build's first also makes the check. */
function firstOnPage(request: Request, state: BuildState, key: string): HighlightedBlock {
  const done = deferred<void>();
  firstRendered.set(request, done.promise);
  const verdict = state.trusted === undefined ? deferred<boolean>() : undefined;
  if (verdict) state.trusted = verdict.promise;
  const rendered: TakeRender = async (html) => {
    try {
      return await html;
    } catch (error) {
      verdict?.resolve(false);
      throw error;
    } finally {
      done.resolve();
    }
  };
  if (!verdict) return { kept: undefined, rendered };
  const take: TakeRender = async (again) => {
    try {
      const html = await again;
      verdict.resolve(state.kept.get(key) === html);
      state.kept.set(key, html);
      return '';
    } catch (error) {
      verdict.resolve(false);
      throw error;
    }
  };
  return { kept: undefined, rendered, check: { after: done.promise, take } };
}
