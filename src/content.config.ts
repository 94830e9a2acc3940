import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { examplesLoader } from '../scripts/examples/examples-loader.ts';
import { diagramsLoader } from '../scripts/diagrams/diagrams-loader.ts';
import { measuredTimelines } from '../scripts/diagrams/measured-timelines.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  /** Every src/examples/<id>.py, run and verified against its spec (scripts/examples). */
  examples: defineCollection({ loader: examplesLoader() }),
  /** Every diagrams/<name>.mmd and the measured timelines, rendered to inline SVG at build time (scripts/diagrams). */
  diagrams: defineCollection({ loader: diagramsLoader({ generated: measuredTimelines }) }),
};
