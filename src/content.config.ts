import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { createSitePipeline } from '../scripts/pipeline/site-pipeline.ts';

/** One pipeline for both build-time collections: one plan, every example run once (scripts/pipeline). */
const pipeline = createSitePipeline();

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  /** Every example a page shows, run and verified on every configured interpreter (scripts/examples). */
  examples: defineCollection({ loader: pipeline.examplesLoader }),
  /** Every diagrams/<name>.mmd and the measured timelines pages draw, rendered to inline SVG (scripts/diagrams). */
  diagrams: defineCollection({ loader: pipeline.diagramsLoader }),
};
