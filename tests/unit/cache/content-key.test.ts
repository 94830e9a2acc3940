import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeVersion, contentKey } from '../../../scripts/cache/content-key.ts';

const parts = { source: 'print(1)\n', spec: 'description: d\n', interpreter: { version: '3.11.7' }, code: 'abc' };

describe('contentKey', () => {
  it('is the same for the same parts in any order, and file-name safe', () => {
    const reordered = { code: 'abc', interpreter: { version: '3.11.7' }, spec: 'description: d\n', source: 'print(1)\n' };
    expect(contentKey(parts)).toBe(contentKey(reordered));
    expect(contentKey(parts)).toMatch(/^[\w-]{20,}$/);
  });

  it.each(['source', 'spec', 'code'] as const)('changes when the %s changes', (part) => {
    expect(contentKey({ ...parts, [part]: `${parts[part]} ` })).not.toBe(contentKey(parts));
  });

  it('changes when a nested value changes, and does not confuse text moved between parts', () => {
    expect(contentKey({ ...parts, interpreter: { version: '3.14.8' } })).not.toBe(contentKey(parts));
    expect(contentKey({ ...parts, source: 'ab', spec: 'c' })).not.toBe(contentKey({ ...parts, source: 'a', spec: 'bc' }));
  });
});

describe('codeVersion', () => {
  it('changes by itself when a module it covers is edited', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pyconc-code-version-'));
    try {
      const module = join(dir, 'finish.ts');
      await writeFile(module, 'export const a = 1;\n');
      const before = await codeVersion([pathToFileURL(module)]);
      expect(await codeVersion([pathToFileURL(module)])).toBe(before);
      await writeFile(module, 'export const a = 2;\n');
      expect(await codeVersion([pathToFileURL(module)])).not.toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
