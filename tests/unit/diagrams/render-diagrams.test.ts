/** Real Chromium, real Mermaid: these render, so they take a few seconds. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readDiagramSources, type DiagramSource } from '../../../scripts/diagrams/diagram-source.ts';
import { renderDiagrams } from '../../../scripts/diagrams/render-diagrams.ts';
import { BuildStepError } from '../../../scripts/shared/build-step-error.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const freshCache = () => mkdtemp(join(tmpdir(), 'pyconc-diagram-render-'));
const quiet = () => undefined;

const hello: DiagramSource = {
  name: 'hello',
  origin: 'tests/hello.mmd',
  source: 'sequenceDiagram\n  accTitle: Hello\n  accDescr: A greets B.\n  A->>B: hello\n',
};

describe('renderDiagrams', { timeout: 60_000 }, () => {
  test('renders light and dark once, then serves both from the cache without a browser', async () => {
    const cacheDir = await freshCache();
    const cold = await renderDiagrams([hello], { cacheDir, log: quiet });
    expect(cold.stats).toEqual({ rendered: 2, cached: 0, browserLaunched: true });
    const [diagram] = cold.diagrams;
    expect(diagram?.light.title).toBe('Hello');
    expect(diagram?.light.description).toBe('A greets B.');
    expect(diagram?.light.svg).toMatch(/^<svg id="svg"/);
    expect(diagram?.dark.svg).not.toBe(diagram?.light.svg);

    const warm = await renderDiagrams([hello], { cacheDir, log: quiet });
    expect(warm.stats).toEqual({ rendered: 0, cached: 2, browserLaunched: false });
    expect(warm.diagrams).toEqual(cold.diagrams);

    const edited = await renderDiagrams([{ ...hello, source: hello.source.replace('hello', 'hi') }], { cacheDir, log: quiet });
    expect(edited.stats.rendered).toBe(2);
  });

  test('a syntax error fails with the file, the line and Mermaid’s message; the good diagram beside it is not blamed', async () => {
    const sources = await readDiagramSources(`${root}tests/fixtures/diagrams-broken`, root);
    const cacheDir = await freshCache();
    const error = await renderDiagrams(sources, { cacheDir, log: quiet }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BuildStepError);
    const { message, cause, step } = error as BuildStepError;
    expect(step).toBe('diagrams');
    expect(message).toMatch(/^1 diagram\(s\) failed to render/);
    expect(message).toContain('tests/fixtures/diagrams-broken/broken-arrow.mmd:5: Mermaid could not render this diagram');
    expect(message).toMatch(/Parse error on line 5/);
    expect(message).not.toContain('fine.mmd');
    expect(cause).toHaveLength(2);

    // The good one was rendered and cached in the same batch.
    const fine = sources.filter((source) => source.name === 'fine');
    expect((await renderDiagrams(fine, { cacheDir, log: quiet })).stats.browserLaunched).toBe(false);
  });
});
