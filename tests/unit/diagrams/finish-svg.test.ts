import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { readDiagramSources } from '../../../scripts/diagrams/diagram-source.ts';
import { finishSvg } from '../../../scripts/diagrams/finish-svg.ts';
import { renderDiagrams, type RenderedDiagram } from '../../../scripts/diagrams/render-diagrams.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let diagrams: RenderedDiagram[];

beforeAll(async () => {
  const sources = await readDiagramSources(`${root}diagrams`, root);
  const cacheDir = await mkdtemp(join(tmpdir(), 'pyconc-diagram-finish-'));
  ({ diagrams } = await renderDiagrams(sources, { cacheDir, log: () => undefined }));
}, 60_000);

const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
const references = (svg: string) => [
  ...[...svg.matchAll(/url\(#([^)]+)\)/g)].map((match) => match[1]!),
  ...[...svg.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]!),
  ...[...svg.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"/g)].flatMap((match) => match[1]!.split(' ')),
];

describe('finishSvg on every site diagram', () => {
  test('ids are unique across all diagrams and both variants, and every reference resolves', () => {
    const all: string[] = [];
    for (const diagram of diagrams) {
      for (const variant of ['light', 'dark'] as const) {
        const { svg } = finishSvg(diagram[variant], `diagram-${diagram.name}-${variant}`, diagram.origin);
        const own = ids(svg);
        expect(own.every((id) => id.startsWith(`diagram-${diagram.name}-${variant}-`))).toBe(true);
        // Mermaid's dark theme CSS mentions a gradient it never defines; it styles nothing here.
        const dangling = references(svg).filter((id) => !own.includes(id) && !id.endsWith('-svg-gradient'));
        expect(dangling).toEqual([]);
        all.push(...own);
      }
    }
    expect(new Set(all).size).toBe(all.length);
  });

  test('the root is role="img", named and described by its <title> and <desc>, with a fixed intrinsic size', () => {
    const diagram = diagrams.find((candidate) => candidate.name === 'gil-handoff')!;
    const { svg, id, steps } = finishSvg(diagram.light, 'diagram-gil-handoff-light', diagram.origin);
    expect(id).toBe('diagram-gil-handoff-light-svg');
    const root = /^<svg[^>]*>/.exec(svg)![0];
    expect(root).toContain('role="img"');
    expect(root).toContain('aria-labelledby="diagram-gil-handoff-light-chart-title-svg"');
    expect(svg).toContain('<title id="diagram-gil-handoff-light-chart-title-svg">GIL hand-off between two CPU-bound threads</title>');
    // The natural size as attributes, the viewBox's rounded up; sizing beyond that is Diagram.astro's CSS.
    const [, , , viewWidth, viewHeight] = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(root)!.map(Number);
    expect(root).toContain(` width="${Math.ceil(viewWidth!)}"`);
    expect(root).toContain(` height="${Math.ceil(viewHeight!)}"`);
    expect(root).not.toContain('style=');
    expect(steps).toBe(7);
    expect(svg.match(/<line[^>]*data-step=/g)).toHaveLength(7);
    expect(svg.match(/<text[^>]*data-step=/g)).toHaveLength(7);
  });
});
