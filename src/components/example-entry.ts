import { getEntry, type CollectionEntry } from 'astro:content';
import { BuildStepError } from '../../scripts/pipeline/site-data.ts';

/**
 * An example's data for a component, or a build error naming who asked (`usedBy`, e.g. the page
 * and the component's tag) and the file that would make the id exist.
 */
export async function exampleData(id: string, usedBy: string): Promise<CollectionEntry<'examples'>['data']> {
  const entry = await getEntry('examples', id);
  if (!entry) {
    throw new BuildStepError(`${usedBy}: no example "${id}" in the examples collection.`, {
      step: 'page',
      fix: 'Use the id of a file in src/examples/ (its name without .py), or add that example with its spec.',
    });
  }
  return entry.data;
}
