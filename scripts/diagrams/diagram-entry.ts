/**
 * What the `diagrams` content collection holds for each diagram: its own module, so the content
 * config can name the schema without loading the diagram pipeline (scripts/integrations/pipeline-loaders.ts).
 */
import { z } from 'astro/zod';
import { interpreterInfoSchema } from '../interpreters/interpreter-info.ts';

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
  /** For a drawing of a measurement: its request key and the interpreter whose run it draws. */
  measured: z.object({ key: z.string(), interpreter: interpreterInfoSchema }).optional(),
  light: variantSchema,
  dark: variantSchema,
});
export type DiagramEntry = z.infer<typeof diagramEntrySchema>;
