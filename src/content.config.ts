import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { pipelineLoaders } from '../scripts/integrations/pipeline-loaders.ts';

/** One pipeline for both build-time collections: one plan, every example run once (scripts/pipeline). */
const { examplesLoader, diagramsLoader } = pipelineLoaders();

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  /** Every example a page shows, run and verified on every configured interpreter (scripts/examples). */
  examples: defineCollection({ loader: examplesLoader }),
  /** Every diagrams/<name>.mmd and the measured timelines pages draw, rendered to inline SVG (scripts/diagrams). */
  diagrams: defineCollection({ loader: diagramsLoader }),
};
