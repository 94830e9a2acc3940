/**
 * The ordering and failure paths of scripts/cache/highlighted-blocks.ts, which a real build cannot reach
 * without failing (tests/unit/examples/example-component.test.ts builds a site with it).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pyconc-highlight-cache-'));
  vi.resetModules(); // each test is a build of its own: the module keeps one build's state
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const block = (code: string) => ({ code, lang: 'py', title: `${code}.py`, className: '' });

it("lets a page's other blocks go on, rendered and not kept, when its first block fails to render", async () => {
  const { highlightedBlock } = await import('../../../scripts/cache/highlighted-blocks.ts');
  const page = new Request('http://localhost/a/');
  const first = await highlightedBlock(page, block('a'), dir);
  const second = highlightedBlock(page, block('b'), dir);
  await expect(first.rendered(Promise.reject(new Error('render failed')))).rejects.toThrow('render failed');
  const { kept, rendered } = await second;
  expect(kept).toBeUndefined();
  expect(await rendered(Promise.resolve('<div>b</div>'))).toBe('<div>b</div>');
  // Another page of the same build: its blocks do not wait for a check that never came.
  const other = new Request('http://localhost/b/');
  await (await highlightedBlock(other, block('c'), dir)).rendered(Promise.resolve('<div>c</div>'));
  expect((await highlightedBlock(other, block('b'), dir)).kept).toBeUndefined();
});

it("renders a page's later blocks only after its first one, which alone makes the build's check", async () => {
  const { highlightedBlock } = await import('../../../scripts/cache/highlighted-blocks.ts');
  const page = new Request('http://localhost/a/');
  const first = await highlightedBlock(page, block('a'), dir);
  expect(first.check).toBeDefined();
  let secondAsked = false;
  const second = highlightedBlock(page, block('b'), dir).then((answer) => ((secondAsked = true), answer));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(secondAsked).toBe(false);
  await first.rendered(Promise.resolve('<div>a + stylesheet</div>'));
  await first.check!.take(Promise.resolve('<div>a</div>'));
  expect((await second).kept).toBeUndefined(); // nothing was kept for the check to compare with
  const other = new Request('http://localhost/b/');
  const otherFirst = await highlightedBlock(other, block('c'), dir);
  expect(otherFirst.check).toBeUndefined();
  expect(await readdir(dir)).toHaveLength(1); // the check's render; the first blocks' never
});
