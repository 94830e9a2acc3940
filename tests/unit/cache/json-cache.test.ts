import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonCache } from '../../../scripts/cache/json-cache.ts';

describe('createJsonCache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pyconc-cache-test-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const schema = z.object({ n: z.number() });

  it('misses, then reads back what was set, leaving no temporary file', async () => {
    const cache = createJsonCache(dir, schema);
    expect(await cache.get('k')).toBeUndefined();
    await cache.set('k', { n: 1 });
    expect(await cache.get('k')).toEqual({ n: 1 });
    expect(await readdir(dir)).toEqual(['k.json']);
  });

  it('getOrSet computes and stores on a miss, then reads back without computing', async () => {
    const cache = createJsonCache(dir, schema);
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    expect(await cache.getOrSet('k', compute)).toEqual({ n: 1 });
    expect(await cache.getOrSet('k', compute)).toEqual({ n: 1 });
    expect(computed).toBe(1);
    await writeFile(join(dir, 'k.json'), '{"n": ');
    expect(await cache.getOrSet('k', compute)).toEqual({ n: 2 });
    expect(await cache.get('k')).toEqual({ n: 2 });
  });

  it('treats corrupt entries and entries of an older shape as misses, never as results', async () => {
    const cache = createJsonCache(dir, schema);
    await writeFile(join(dir, 'corrupt.json'), '{"n": 1');
    await writeFile(join(dir, 'old.json'), '{"m": 1}');
    expect(await cache.get('corrupt')).toBeUndefined();
    expect(await cache.get('old')).toBeUndefined();
  });

  it('ignores the temporary file an interrupted write leaves behind', async () => {
    const cache = createJsonCache(dir, schema);
    await writeFile(join(dir, 'k.json.123.abc.tmp'), '{"n": ');
    expect(await cache.get('k')).toBeUndefined();
    await cache.set('k', { n: 2 });
    expect(await cache.get('k')).toEqual({ n: 2 });
  });

  it('never lets a reader see a half-written entry while writers race', async () => {
    const loose = z.object({ n: z.number(), padding: z.string() });
    const cache = createJsonCache(dir, loose);
    const values = Array.from({ length: 10 }, (_, n) => ({ n, padding: 'x'.repeat(1_000_000) }));
    await cache.set('k', values[0]!);
    const reads = values.map(() => cache.get('k'));
    await Promise.all(values.map((value) => cache.set('k', value)));
    for (const read of await Promise.all(reads)) expect(values).toContainEqual(read);
    expect(await readdir(dir)).toEqual(['k.json']);
    expect(values).toContainEqual(loose.parse(JSON.parse(await readFile(join(dir, 'k.json'), 'utf8'))));
  });

  it('a failed write names the file and the fix, keeps the cause and leaves nothing behind', async () => {
    await writeFile(join(dir, 'not-a-dir'), '');
    const cache = createJsonCache(join(dir, 'not-a-dir'), schema);
    const error = await cache.set('k', { n: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/not-a-dir.*k\.json.*Fix:/s);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(await readdir(dir)).toEqual(['not-a-dir']);
  });
});
