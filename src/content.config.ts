import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { diagramsLoader } from '../scripts/diagrams/diagrams-loader.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  diagrams: defineCollection({ loader: diagramsLoader() }),
};
