/**
 * Renders Mermaid sources to SVG in a real headless Chromium (mermaid-isomorphic + Playwright),
 * light and dark, with a content-hash cache. The browser starts lazily, once, and only when
 * something is missing from the cache; every diagram gets its own settled result so one bad
 * diagram is reported by name without hiding the others.
 */
import type { MermaidConfig } from 'mermaid';
import type { RenderResult } from 'mermaid-isomorphic';
import { z } from 'astro/zod';
import { codeVersion, contentKey } from '../cache/content-key.ts';
import { createJsonCache, type JsonCache } from '../cache/json-cache.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { messageOf } from '../shared/error-text.ts';
import { packageVersion } from '../shared/package-version.ts';
import type { DiagramSource } from './diagram-source.ts';

/** The two variants every diagram is rendered in; Starlight's theme switch picks one. */
export const VARIANTS = ['light', 'dark'] as const;
export type Variant = (typeof VARIANTS)[number];

/**
 * Gantt charts take the width they are given: Starlight's content column is about 40rem on a
 * desktop, so they render at their natural size there. Lane label room (leftPadding) depends on
 * the labels, so each chart sets it in its own front matter.
 */
const GANTT: MermaidConfig['gantt'] = { useWidth: 640 };

/**
 * A fixed seed for the strokes Mermaid draws with rough.js (its default, 0, draws new random curves
 * each time), so the same source renders to the same SVG in every build.
 */
const HAND_DRAWN_SEED = 1;

/** Mermaid configuration per variant. Part of the cache key. */
export const MERMAID_CONFIGS: Record<Variant, MermaidConfig> = {
  light: { theme: 'default', gantt: GANTT, handDrawnSeed: HAND_DRAWN_SEED },
  dark: { theme: 'dark', gantt: GANTT, handDrawnSeed: HAND_DRAWN_SEED },
};

/**
 * Mermaid puts the render id into many element ids; mermaid-isomorphic makes it `<prefix>-<index
 * in the batch>`. The cache stores it replaced by this token so a cached SVG does not depend on
 * which batch rendered it; ids are made unique per page later (see finish-svg.ts).
 */
export const RENDER_ID_TOKEN = 'svg';

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
  /** The `diagrams` cache area. */
  cacheDir: string;
  /**
   * Called with short progress lines.
   * @default console.log
   */
  log?: (line: string) => void;
}

/** `diagrams/x.mmd:3: Parse error …` — the line when Mermaid reports one. */
function describeFailure(diagram: DiagramSource, reason: unknown): string {
  const message = messageOf(reason);
  const line = /on line (\d+)/.exec(message)?.[1];
  const where = line ? `${diagram.origin}:${line}` : diagram.origin;
  return `${where}: Mermaid could not render this diagram:\n${message.trim()}`;
}

function normalize(result: RenderResult, diagram: DiagramSource): RenderedSvg {
  const renderId = new RegExp(`${result.id}(?![0-9])`, 'g');
  if (!result.title || !result.description) {
    throw new BuildStepError(`${diagram.origin}: the rendered SVG has no accessible ${result.title ? 'description' : 'title'}.`, {
      step: 'diagrams',
      file: diagram.origin,
      fix: 'give accTitle and accDescr non-empty text.',
    });
  }
  return {
    svg: result.svg.replace(renderId, RENDER_ID_TOKEN),
    width: result.width,
    height: result.height,
    title: result.title,
    description: result.description,
  };
}

type Key = string;

/** The cache key of one variant of one diagram: its source, its config, and what renders it. */
function keyOf(diagram: DiagramSource, variant: Variant, renderer: Record<string, string>): Key {
  return contentKey({ source: diagram.source, config: MERMAID_CONFIGS[variant], ...renderer });
}

/** What the cache already has, and per variant the diagrams it lacks. */
async function partitionByCache(
  diagrams: readonly DiagramSource[],
  cache: JsonCache<RenderedSvg>,
  key: (diagram: DiagramSource, variant: Variant) => Key,
): Promise<{ hits: Map<Key, RenderedSvg>; misses: Record<Variant, DiagramSource[]> }> {
  const hits = new Map<Key, RenderedSvg>();
  const misses: Record<Variant, DiagramSource[]> = { light: [], dark: [] };
  await Promise.all(
    diagrams.flatMap((diagram) =>
      VARIANTS.map(async (variant) => {
        const hit = await cache.get(key(diagram, variant));
        if (hit) hits.set(key(diagram, variant), hit);
        else misses[variant].push(diagram);
      }),
    ),
  );
  return { hits, misses };
}

interface Failure {
  message: string;
  cause: unknown;
}

/**
 * Renders the misses in one browser (started here, closed when the last batch returns) and caches
 * each success. mermaid-isomorphic shares one browser between overlapping calls.
 */
async function renderMisses(
  misses: Record<Variant, DiagramSource[]>,
  cache: JsonCache<RenderedSvg>,
  key: (diagram: DiagramSource, variant: Variant) => Key,
): Promise<{ rendered: Map<Key, RenderedSvg>; failures: Failure[] }> {
  // Loaded only when something must render: a warm build never imports Playwright.
  const [{ createMermaidRenderer }, { chromiumLaunchOptions }] = await Promise.all([
    import('mermaid-isomorphic'),
    import('../browser/launch-options.ts'),
  ]);
  const render = createMermaidRenderer({ launchOptions: await chromiumLaunchOptions() });
  const rendered = new Map<Key, RenderedSvg>();
  const failures: Failure[] = [];
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
            const svg = normalize(outcome.value, diagram);
            await cache.set(key(diagram, variant), svg);
            rendered.set(key(diagram, variant), svg);
          } catch (error) {
            failures.push({ message: messageOf(error), cause: error });
          }
        }),
      );
    }),
  );
  return { rendered, failures };
}

/** One error for every diagram that failed; light and dark usually fail alike, so each message once. */
function reportFailures(failures: readonly Failure[]): BuildStepError {
  const messages = [...new Set(failures.map((failure) => failure.message))].sort();
  return new BuildStepError(`${messages.length} diagram(s) failed to render:\n\n${messages.join('\n\n')}\n`, {
    step: 'diagrams',
    fix: 'correct the Mermaid syntax at the line shown (check it at https://mermaid.live), then build again.',
    cause: failures.map((failure) => failure.cause),
  });
}

/**
 * Renders every diagram in both variants, from the cache where possible. Throws one
 * BuildStepError listing every diagram that failed (file, line, Mermaid's message).
 */
export async function renderDiagrams(
  diagrams: readonly DiagramSource[],
  options: RenderOptions,
): Promise<{ diagrams: RenderedDiagram[]; stats: RenderStats }> {
  const log = options.log ?? console.log;
  const cache = createJsonCache(options.cacheDir, renderedSvgSchema);
  // This module normalises what Mermaid returns: an edit to it makes every stored SVG a miss.
  const renderer = {
    mermaid: packageVersion('mermaid'),
    isomorphic: packageVersion('mermaid-isomorphic'),
    code: await codeVersion([new URL(import.meta.url)]),
  };
  const key = (diagram: DiagramSource, variant: Variant) => keyOf(diagram, variant, renderer);
  const { hits, misses } = await partitionByCache(diagrams, cache, key);
  const missCount = misses.light.length + misses.dark.length;
  if (missCount > 0) {
    log(`[diagrams] rendering ${missCount} diagram variant(s) in Chromium (${hits.size} cached)`);
    const { rendered, failures } = await renderMisses(misses, cache, key);
    if (failures.length > 0) throw reportFailures(failures);
    for (const [k, svg] of rendered) hits.set(k, svg);
  }
  return {
    diagrams: diagrams.map((diagram) => {
      const [light, dark] = VARIANTS.map((variant) => hits.get(key(diagram, variant))!);
      return { ...diagram, light: light!, dark: dark! };
    }),
    stats: { rendered: missCount, cached: diagrams.length * 2 - missCount, browserLaunched: missCount > 0 },
  };
}
