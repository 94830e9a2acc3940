import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { cacheKey, createRenderCache } from '../../../scripts/diagrams/render-cache.ts';

const schema = z.object({ svg: z.string() });
const freshDir = () => mkdtemp(join(tmpdir(), 'pyconc-diagram-cache-'));

describe('cacheKey', () => {
  test('is the same for the same parts in any order', () => {
    expect(cacheKey({ source: 'a', mermaid: '12.3.0' })).toBe(cacheKey({ mermaid: '12.3.0', source: 'a' }));
  });
  test('changes when any part changes: source, mermaid version, theme config, renderer version', () => {
    const base = { source: 'graph TD; A-->B', mermaid: '12.3.0', config: { theme: 'dark' }, renderer: '3.1.0' };
    const keys = new Set([
      cacheKey(base),
      cacheKey({ ...base, source: 'graph TD; A-->C' }),
      cacheKey({ ...base, mermaid: '12.4.0' }),
      cacheKey({ ...base, config: { theme: 'default' } }),
      cacheKey({ ...base, renderer: '3.2.0' }),
    ]);
    expect(keys.size).toBe(5);
  });
});

describe('createRenderCache', () => {
  test('misses, then hits what was set', async () => {
    const cache = createRenderCache(await freshDir(), schema);
    const key = cacheKey({ source: 'x' });
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, { svg: '<svg/>' });
    expect(await cache.get(key)).toEqual({ svg: '<svg/>' });
  });

  test('treats a file that does not match the schema, or is not JSON, as a miss', async () => {
    const directory = await freshDir();
    const cache = createRenderCache(directory, schema);
    await writeFile(join(directory, 'stale.json'), JSON.stringify({ html: 'old shape' }));
    await writeFile(join(directory, 'torn.json'), '{"svg": "<sv');
    expect(await cache.get('stale')).toBeUndefined();
    expect(await cache.get('torn')).toBeUndefined();
  });

  test('writes atomically: concurrent writers leave one whole file and no temporary files', async () => {
    const directory = await freshDir();
    const cache = createRenderCache(directory, schema);
    const values = Array.from({ length: 20 }, (_, index) => ({ svg: `<svg id="${index}">${'x'.repeat(100_000)}</svg>` }));
    await Promise.all(values.map((value) => cache.set('same-key', value)));
    expect(await readdir(directory)).toEqual(['same-key.json']);
    const stored = schema.parse(JSON.parse(await readFile(join(directory, 'same-key.json'), 'utf8')));
    expect(values).toContainEqual(stored);
  });

  test('a failed write names the file and the fix, keeps the cause and leaves nothing behind', async () => {
    const directory = await freshDir();
    await writeFile(join(directory, 'not-a-dir'), '');
    const cache = createRenderCache(join(directory, 'not-a-dir'), schema);
    const error = await cache.set('k', { svg: '' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/not-a-dir.*k\.json.*Fix:/s);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(await readdir(directory)).toEqual(['not-a-dir']);
  });
});
