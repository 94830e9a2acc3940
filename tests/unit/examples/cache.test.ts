import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKey, readCacheEntry, writeCacheEntry } from '../../../scripts/examples/cache.ts';

const parts = { source: 'print(1)\n', spec: 'description: d\n', interpreter: '{"v":"3.11.7"}', runner: '1:abc' };

describe('cacheKey', () => {
  it('is stable for the same inputs', () => {
    expect(cacheKey(parts)).toBe(cacheKey({ ...parts }));
    expect(cacheKey(parts)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(['source', 'spec', 'interpreter', 'runner'] as const)('changes when the %s changes', (part) => {
    expect(cacheKey({ ...parts, [part]: `${parts[part]} ` })).not.toBe(cacheKey(parts));
  });

  it('does not confuse text moved from one part to the next', () => {
    expect(cacheKey({ ...parts, source: 'ab', spec: 'c' })).not.toBe(cacheKey({ ...parts, source: 'a', spec: 'bc' }));
  });
});

describe('cache entries', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pyconc-cache-test-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const schema = z.object({ n: z.number() });

  it('reads back what was written, leaving no temporary file', async () => {
    await writeCacheEntry(dir, 'k', { n: 1 });
    expect(await readCacheEntry(dir, 'k', schema)).toEqual({ n: 1 });
    expect(await readdir(dir)).toEqual(['k.json']);
  });

  it('treats missing, corrupt and outdated entries as misses', async () => {
    expect(await readCacheEntry(dir, 'missing', schema)).toBeUndefined();
    await writeFile(join(dir, 'corrupt.json'), '{"n": 1');
    expect(await readCacheEntry(dir, 'corrupt', schema)).toBeUndefined();
    await writeFile(join(dir, 'old.json'), '{"m": 1}');
    expect(await readCacheEntry(dir, 'old', schema)).toBeUndefined();
  });

  it('ignores the temporary file an interrupted write leaves behind', async () => {
    await writeFile(join(dir, 'k.json.123.abc.tmp'), '{"n": ');
    expect(await readCacheEntry(dir, 'k', schema)).toBeUndefined();
    await writeCacheEntry(dir, 'k', { n: 2 });
    expect(await readCacheEntry(dir, 'k', schema)).toEqual({ n: 2 });
  });

  it('never lets a reader see a half-written entry while writers race', async () => {
    const big = { n: 3, padding: 'x'.repeat(2_000_000) };
    const loose = z.object({ n: z.number(), padding: z.string() });
    await writeCacheEntry(dir, 'k', big);
    const reads: Promise<unknown>[] = [];
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 10; i += 1) {
      writes.push(writeCacheEntry(dir, 'k', big));
      reads.push(readCacheEntry(dir, 'k', loose));
    }
    await Promise.all(writes);
    for (const read of await Promise.all(reads)) expect(read).toEqual(big);
    expect(await readdir(dir)).toEqual(['k.json']);
  });
});
