/**
 * Throwaway copies of the site for the benchmark: the real one, and a plain Starlight one with
 * the same pages but no examples and no diagrams. Copies live inside the project (under .tmp/)
 * because Vite follows a symlinked node_modules out of the copy's root and then fails.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SITE_PARTS = ['src', 'diagrams', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
/** Components that pull examples or diagrams into a page. */
const BUILD_TIME_COMPONENTS = ['Example', 'Diagram', 'Timeline', 'SpeedupTable', 'MeasuredAnswer'];

export async function copySite(root: string, name: string): Promise<string> {
  await mkdir(join(root, '.tmp'), { recursive: true });
  const site = await mkdtemp(join(root, '.tmp', `bench-${name}-`));
  for (const part of SITE_PARTS) await cp(join(root, part), join(site, part), { recursive: true });
  return site;
}

/** Removes every build-time component (BUILD_TIME_COMPONENTS) and its imports, and the two collections. */
export async function makePlain(site: string): Promise<void> {
  const docs = join(site, 'src', 'content', 'docs');
  const usage = new RegExp(`<(${BUILD_TIME_COMPONENTS.join('|')})\\b[^>]*/>`, 'g');
  const imports = new RegExp(`^import (${BUILD_TIME_COMPONENTS.join('|')}) from .*$`, 'gm');
  for (const file of await readdir(docs)) {
    if (!file.endsWith('.mdx')) continue;
    const text = await readFile(join(docs, file), 'utf8');
    await writeFile(join(docs, file), text.replace(usage, '').replace(imports, ''));
  }
  await writeFile(
    join(site, 'src', 'content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { docsLoader } from '@astrojs/starlight/loaders';",
      "import { docsSchema } from '@astrojs/starlight/schema';",
      'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
      '',
    ].join('\n'),
  );
}
