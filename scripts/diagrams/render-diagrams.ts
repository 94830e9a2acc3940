/**
 * Renders Mermaid sources to SVG in a real headless Chromium (mermaid-isomorphic + Playwright),
 * light and dark, with a content-hash cache. The browser starts lazily, once, and only when
 * something is missing from the cache; every diagram gets its own settled result so one bad
 * diagram is reported by name without hiding the others.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MermaidConfig } from 'mermaid';
import { createMermaidRenderer, type RenderResult } from 'mermaid-isomorphic';
import { z } from 'astro/zod';
import { findChromium } from '../browser/find-chromium.ts';
import type { DiagramSource } from './diagram-source.ts';
import { cacheKey, createRenderCache, DEFAULT_CACHE_DIR } from './render-cache.ts';

/** The two variants every diagram is rendered in; Starlight's theme switch picks one. */
export const VARIANTS = ['light', 'dark'] as const;
export type Variant = (typeof VARIANTS)[number];

/**
 * Gantt charts take the width they are given: Starlight's content column is about 40rem on a
 * desktop, so they render at their natural size there. Lane label room (leftPadding) depends on
 * the labels, so each chart sets it in its own front matter.
 */
const GANTT: MermaidConfig['gantt'] = { useWidth: 640 };

/** Mermaid configuration per variant. Part of the cache key. */
export const MERMAID_CONFIGS: Record<Variant, MermaidConfig> = {
  light: { theme: 'default', gantt: GANTT },
  dark: { theme: 'dark', gantt: GANTT },
};

/** Flags that work for headless Chromium on this kind of machine (root, no GPU, no network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/**
 * Mermaid puts the render id into many element ids; mermaid-isomorphic makes it `<prefix>-<index
 * in the batch>`. The cache stores it replaced by this token so a cached SVG does not depend on
 * which batch rendered it; ids are made unique per page later (see finish-svg.ts).
 */
export const RENDER_ID_TOKEN = 'svg';

/** Bump when the stored shape or the normalisation changes, so old cache files become misses. */
const CACHE_FORMAT = 1;

const require = createRequire(import.meta.url);

/** Installed version of a package; its package.json is not always exported, so walk up from its entry. */
export function versionOf(pkg: string): string {
  let directory = dirname(require.resolve(pkg));
  while (directory !== dirname(directory)) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === pkg && manifest.version) return manifest.version;
    } catch {
      // No package.json at this level: keep walking up.
    }
    directory = dirname(directory);
  }
  throw new Error(`Cannot find the installed version of ${pkg}. Fix: run npm ci.`);
}

export const renderedSvgSchema = z.object({
  /** Serialized SVG, render id replaced by RENDER_ID_TOKEN. */
  svg: z.string(),
  width: z.number().positive(),
  height: z.number().positive(),
  /** Mermaid's accTitle, as it ended up in the SVG's <title>. */
  title: z.string(),
  /** Mermaid's accDescr, as it ended up in the SVG's <desc>. */
  description: z.string(),
});
export type RenderedSvg = z.infer<typeof renderedSvgSchema>;

export type RenderedDiagram = DiagramSource & Record<Variant, RenderedSvg>;

export interface RenderStats {
  /** Diagram variants rendered by Chromium in this call. */
  rendered: number;
  /** Diagram variants taken from the cache. */
  cached: number;
  /** Whether Chromium was started at all. */
  browserLaunched: boolean;
}

export interface RenderOptions {
  /** Where rendered SVG is cached. Default: node_modules/.cache/pyconc/diagrams. */
  cacheDir?: string;
  /** Called with short progress lines. Default: console.log. */
  log?: (line: string) => void;
}

export class DiagramRenderError extends Error {
  override name = 'DiagramRenderError';
}

/** `diagrams/x.mmd:3: Parse error …` — the line when Mermaid reports one. */
function describeFailure(diagram: DiagramSource, reason: unknown): string {
  const message = reason instanceof Error ? reason.message : String(reason);
  const line = /on line (\d+)/.exec(message)?.[1];
  const where = line ? `${diagram.origin}:${line}` : diagram.origin;
  return `${where}: Mermaid could not render this diagram:\n${message.trim()}`;
}

function normalize(result: RenderResult, diagram: DiagramSource): RenderedSvg {
  const renderId = new RegExp(`${result.id}(?![0-9])`, 'g');
  if (!result.title || !result.description) {
    throw new DiagramRenderError(
      `${diagram.origin}: the rendered SVG has no accessible ${result.title ? 'description' : 'title'}. ` +
        'Fix: give accTitle and accDescr non-empty text.',
    );
  }
  return {
    svg: result.svg.replace(renderId, RENDER_ID_TOKEN),
    width: result.width,
    height: result.height,
    title: result.title,
    description: result.description,
  };
}

/**
 * Renders every diagram in both variants, from the cache where possible. Throws one
 * DiagramRenderError listing every diagram that failed (file, line, Mermaid's message).
 */
export async function renderDiagrams(
  diagrams: readonly DiagramSource[],
  options: RenderOptions = {},
): Promise<{ diagrams: RenderedDiagram[]; stats: RenderStats }> {
  const log = options.log ?? console.log;
  const cache = createRenderCache(options.cacheDir ?? DEFAULT_CACHE_DIR, renderedSvgSchema);
  const versions = { mermaid: versionOf('mermaid'), renderer: versionOf('mermaid-isomorphic'), format: CACHE_FORMAT };
  const keyOf = (diagram: DiagramSource, variant: Variant) =>
    cacheKey({ source: diagram.source, config: MERMAID_CONFIGS[variant], ...versions });

  const results = new Map<string, RenderedSvg>();
  const misses: Record<Variant, DiagramSource[]> = { light: [], dark: [] };
  await Promise.all(
    diagrams.flatMap((diagram) =>
      VARIANTS.map(async (variant) => {
        const key = keyOf(diagram, variant);
        const hit = await cache.get(key);
        if (hit) results.set(key, hit);
        else misses[variant].push(diagram);
      }),
    ),
  );

  const missCount = misses.light.length + misses.dark.length;
  const failures: { message: string; cause: unknown }[] = [];
  if (missCount > 0) {
    log(`[diagrams] rendering ${missCount} diagram variant(s) in Chromium (${diagrams.length * 2 - missCount} cached)`);
    // One renderer, called once per variant concurrently: mermaid-isomorphic shares one browser
    // between overlapping calls and closes it when the last one returns.
    const render = createMermaidRenderer({
      launchOptions: { executablePath: await findChromium(), args: CHROMIUM_ARGS },
    });
    await Promise.all(
      VARIANTS.filter((variant) => misses[variant].length > 0).map(async (variant) => {
        const batch = misses[variant];
        const settled = await render(
          batch.map((diagram) => diagram.source),
          { prefix: `pyconc-render-${variant}`, mermaidConfig: MERMAID_CONFIGS[variant] },
        );
        await Promise.all(
          settled.map(async (outcome, index) => {
            const diagram = batch[index]!;
            if (outcome.status === 'rejected') {
              failures.push({ message: describeFailure(diagram, outcome.reason), cause: outcome.reason });
              return;
            }
            try {
              const rendered = normalize(outcome.value, diagram);
              const key = keyOf(diagram, variant);
              await cache.set(key, rendered);
              results.set(key, rendered);
            } catch (error) {
              failures.push({ message: error instanceof Error ? error.message : String(error), cause: error });
            }
          }),
        );
      }),
    );
  }
  if (failures.length > 0) {
    // Light and dark usually fail the same way: report each distinct message once.
    const messages = [...new Set(failures.map((failure) => failure.message))].sort();
    throw new DiagramRenderError(
      `${messages.length} diagram(s) failed to render:\n\n${messages.join('\n\n')}\n\n` +
        'Fix: correct the Mermaid syntax at the line shown (check it at https://mermaid.live), then build again.',
      { cause: failures.map((failure) => failure.cause) },
    );
  }

  return {
    diagrams: diagrams.map((diagram) => {
      const [light, dark] = VARIANTS.map((variant) => results.get(keyOf(diagram, variant))!);
      return { ...diagram, light: light!, dark: dark! };
    }),
    stats: { rendered: missCount, cached: diagrams.length * 2 - missCount, browserLaunched: missCount > 0 },
  };
}
