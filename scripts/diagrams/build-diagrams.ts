/**
 * From diagram sources to page-ready entries: render (cached), finish the SVG per variant, attach
 * the step-through explanations, and check that the steps match what Mermaid drew.
 */
import { z } from 'astro/zod';
import type { DiagramSource } from './diagram-source.ts';
import { parseSteps } from './diagram-source.ts';
import { finishSvg } from './finish-svg.ts';
import { renderDiagrams, VARIANTS, type RenderOptions, type RenderStats } from './render-diagrams.ts';

const variantSchema = z.object({
  /** Inline SVG markup, ids prefixed with `diagram-<name>-<variant>`. */
  svg: z.string(),
  /** Id of the <svg> element. */
  id: z.string(),
  width: z.number().positive(),
  height: z.number().positive(),
});

/** One entry of the `diagrams` content collection. */
export const diagramEntrySchema = z.object({
  /** Where the source came from, for messages. */
  origin: z.string(),
  /** The Mermaid source, for "Edit this diagram". */
  source: z.string(),
  /** accTitle: the accessible name. */
  title: z.string(),
  /** accDescr: the accessible description. */
  description: z.string(),
  /** One explanation per sequence-diagram message, in order (empty for other diagram types). */
  steps: z.array(z.string()),
  light: variantSchema,
  dark: variantSchema,
});
export type DiagramEntry = z.infer<typeof diagramEntrySchema>;

export class DiagramStepsError extends Error {
  override name = 'DiagramStepsError';
}

export async function buildDiagrams(
  sources: readonly DiagramSource[],
  options: RenderOptions = {},
): Promise<{ entries: Map<string, DiagramEntry>; stats: RenderStats }> {
  const { diagrams, stats } = await renderDiagrams(sources, options);
  const entries = new Map<string, DiagramEntry>();
  for (const diagram of diagrams) {
    const steps = parseSteps(diagram.source);
    const [light, dark] = VARIANTS.map((variant) => {
      const rendered = diagram[variant];
      const finished = finishSvg(rendered, `diagram-${diagram.name}-${variant}`, diagram.origin);
      if (finished.steps !== steps.length) {
        throw new DiagramStepsError(
          `${diagram.origin}: found ${steps.length} message line(s) in the source but Mermaid drew ${finished.steps} ` +
            `message(s) in the ${variant} SVG, so the step-through explanations would not line up. ` +
            'Fix: put each message on its own line as `From->>To: text`.',
        );
      }
      return { svg: finished.svg, id: finished.id, width: rendered.width, height: rendered.height };
    });
    entries.set(diagram.name, {
      origin: diagram.origin,
      source: diagram.source,
      title: diagram.light.title,
      description: diagram.light.description,
      steps,
      light: light!,
      dark: dark!,
    });
  }
  return { entries, stats };
}
