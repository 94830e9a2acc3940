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
  const mermaidDist = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');
  const target = join(dist, 'bench-client-mermaid');
  await mkdir(join(target, page), { recursive: true });
  await cp(mermaidDist, join(target, 'mermaid.min.js'));
  const script = '<script src="/bench-client-mermaid/mermaid.min.js"></script><script>mermaid.initialize({ startOnLoad: true });</script>';
  await writeFile(join(target, page, 'index.html'), withSources.replace('</body>', `${script}</body>`));
  return `/bench-client-mermaid/${page}/`;
}
