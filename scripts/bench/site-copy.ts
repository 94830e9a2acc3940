/**
 * Throwaway copies of the site for the benchmark: the real one, and a plain Starlight one with
 * the same pages but no examples and no diagrams. Copies live inside the project (under .tmp/)
 * because Vite follows a symlinked node_modules out of the copy's root and then fails.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir, type CacheArea } from '../cache/paths.ts';
import { SITE_PARTS } from '../site/site-parts.ts';

/**
 * A copy of the site. `shareCaches` are linked to the project's own cache areas (e.g. the
 * obtained CPython, which a cold build does not download again); the others start empty.
 */
export async function copySite(root: string, name: string, shareCaches: readonly CacheArea[] = []): Promise<string> {
  await mkdir(join(root, '.tmp'), { recursive: true });
  const site = await mkdtemp(join(root, '.tmp', `bench-${name}-`));
  for (const part of SITE_PARTS) await cp(join(root, part), join(site, part), { recursive: true });
  await mkdir(join(site, 'node_modules', '.cache', 'pyconc'), { recursive: true });
  for (const area of shareCaches) {
    await mkdir(cacheDir(root, area), { recursive: true });
    await symlink(cacheDir(root, area), cacheDir(site, area, {}));
  }
  return site;
}

/**
 * The same pages as plain Starlight: every component of ours that reads a build-time collection
 * (`astro:content`, itself or through a module beside it such as `example-entry.ts`) renders
 * only what it wraps, and only the docs collection remains. Found by reading the components, so a
 * new one needs no edit here.
 */
export async function makePlain(site: string): Promise<void> {
  const components = join(site, 'src', 'components');
  const files = await Promise.all((await readdir(components)).map(async (file) => ({ file, text: await readFile(join(components, file), 'utf8') })));
  const readsContent = (text: string) => text.includes("from 'astro:content'");
  const helpers = files.filter(({ file, text }) => file.endsWith('.ts') && readsContent(text)).map(({ file }) => `from './${file}'`);
  for (const { file, text } of files) {
    if (file.endsWith('.astro') && (readsContent(text) || helpers.some((helper) => text.includes(helper)))) {
      await writeFile(join(components, file), '---\n---\n<slot />\n');
    }
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
