/**
 * From diagram sources to page-ready entries: render (cached), finish the SVG per variant, attach
 * the step-through explanations, and check that the steps match what Mermaid drew.
 */
import { z } from 'astro/zod';
import { codeVersion, contentKey } from '../cache/content-key.ts';
import { createJsonCache } from '../cache/json-cache.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { packageVersion } from '../shared/package-version.ts';
import type { DiagramEntry } from './diagram-entry.ts';
import type { DiagramSource } from './diagram-source.ts';
import type { FinishedSvg } from './finish-svg.ts';
import { parseSteps } from './diagram-source.ts';
import { renderDiagrams, VARIANTS, type RenderedSvg, type RenderOptions, type RenderStats } from './render-diagrams.ts';

/** A rendered SVG made ready for the page by finish-svg.ts, as cached. */
const finishedSvgSchema = z.object({
  svg: z.string(),
  id: z.string(),
  steps: z.number().int().nonnegative(),
}) satisfies z.ZodType<FinishedSvg>;

/**
 * Everything a finished SVG depends on. The finishing code enters by the hash of its source, so
 * any edit to finish-svg.ts makes every stored result a miss without anyone bumping a version.
 */
export function finishKey(rendered: RenderedSvg, idPrefix: string, finishCode: string, svgoVersion: string): string {
  return contentKey({ kind: 'finished', rendered, idPrefix, code: finishCode, svgo: svgoVersion });
}

export const FINISH_SVG_SOURCE = new URL('./finish-svg.ts', import.meta.url);

export interface BuildStats extends RenderStats {
  /** Diagram variants finished (svgo) in this call; the others came finished from the cache. */
  finished: number;
}

export async function buildDiagrams(
  sources: readonly DiagramSource[],
  options: RenderOptions,
): Promise<{ entries: Map<string, DiagramEntry>; stats: BuildStats }> {
  const [{ diagrams, stats }, finishCode] = await Promise.all([renderDiagrams(sources, options), codeVersion([FINISH_SVG_SOURCE])]);
  const cache = createJsonCache(options.cacheDir, finishedSvgSchema);
  const svgoVersion = packageVersion('svgo');
  let finishedNow = 0;
  const finish = (rendered: RenderedSvg, idPrefix: string, origin: string): Promise<FinishedSvg> =>
    cache.getOrSet(finishKey(rendered, idPrefix, finishCode, svgoVersion), async () => {
      // Loaded only when something must be finished: a warm build never imports svgo.
      const { finishSvg } = await import('./finish-svg.ts');
      finishedNow += 1;
      return finishSvg(rendered, idPrefix, origin);
    });
  const built = await Promise.all(
    diagrams.map(async (diagram) => {
      const steps = parseSteps(diagram.source);
      const [light, dark] = await Promise.all(
        VARIANTS.map(async (variant) => {
          const rendered = diagram[variant];
          const finished = await finish(rendered, `diagram-${diagram.name}-${variant}`, diagram.origin);
          if (finished.steps !== steps.length) {
            throw new BuildStepError(
              `${diagram.origin}: found ${steps.length} message line(s) in the source but Mermaid drew ${finished.steps} ` +
                `message(s) in the ${variant} SVG, so the step-through explanations would not line up.`,
              { step: 'diagrams', file: diagram.origin, fix: 'put each message on its own line as `From->>To: text`.' },
            );
          }
          return { svg: finished.svg, id: finished.id, width: rendered.width, height: rendered.height };
        }),
      );
      const entry: DiagramEntry = {
        origin: diagram.origin,
        source: diagram.source,
        title: diagram.light.title,
        description: diagram.light.description,
        steps,
        ...(diagram.measured ? { measured: diagram.measured } : {}),
        light: light!,
        dark: dark!,
      };
      return [diagram.name, entry] as const;
    }),
  );
  return { entries: new Map(built), stats: { ...stats, finished: finishedNow } };
}
