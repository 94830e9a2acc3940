/**
 * The comparison page: a built page whose inline SVG diagrams are replaced by their Mermaid
 * sources, rendered in the browser by the mermaid package from node_modules (what a site without
 * build-time rendering would ship). Written into the built site so the same server serves both.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const FIGURE = /<figure class="pyconc-diagram[^"]*" data-diagram="([^"]+)"[\s\S]*?<\/figure>/g;

/** Writes dist/bench-client-mermaid<page> and returns its path; `diagramsDir` holds the .mmd files. */
export async function writeClientMermaidPage(dist: string, page: string, diagramsDir: string): Promise<string> {
  const html = await readFile(join(dist, page, 'index.html'), 'utf8');
  const names = [...html.matchAll(FIGURE)].map((match) => match[1] as string);
  const sources = new Map<string, string>();
  for (const name of new Set(names)) {
    sources.set(name, await readFile(join(diagramsDir, `${name}.mmd`), 'utf8').catch(() => ''));
  }
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const withSources = html.replace(FIGURE, (_figure, name: string) =>
    sources.get(name) ? `<figure class="pyconc-diagram"><pre class="mermaid">${escape(sources.get(name) as string)}</pre></figure>` : '',
  );
  // The ESM build: the browser fetches only the chunks the page's diagram types need, the
  // lightest way to ship client-side Mermaid (the single-file bundle is 5.4 MB).
  const mermaidDist = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist');
  const target = join(dist, 'bench-client-mermaid');
  await mkdir(join(target, page), { recursive: true });
  await cp(join(mermaidDist, 'mermaid.esm.min.mjs'), join(target, 'mermaid.esm.min.mjs'));
  await cp(join(mermaidDist, 'chunks', 'mermaid.esm.min'), join(target, 'chunks', 'mermaid.esm.min'), { recursive: true });
  const script =
    '<script type="module">import mermaid from "/bench-client-mermaid/mermaid.esm.min.mjs"; mermaid.initialize({ startOnLoad: true });</script>';
  await writeFile(join(target, page, 'index.html'), withSources.replace('</body>', `${script}</body>`));
  return `/bench-client-mermaid/${page}/`;
}
