import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryName, parsePythonEntry, readPythonConfig } from '../../../scripts/interpreters/python-config.ts';

describe('parsePythonEntry', () => {
  it('reads commands, CPython versions and free-threaded versions', () => {
    expect(parsePythonEntry('python3')).toEqual({ kind: 'command', command: 'python3' });
    expect(parsePythonEntry('/opt/py/bin/python3.13')).toEqual({ kind: 'command', command: '/opt/py/bin/python3.13' });
    expect(parsePythonEntry('3.15')).toEqual({ kind: 'cpython', version: '3.15', freeThreaded: false });
    expect(parsePythonEntry('3.15t')).toEqual({ kind: 'cpython', version: '3.15', freeThreaded: true });
    for (const wrong of ['3', '3.15.2', '3.x', 'python 3', '']) expect(parsePythonEntry(wrong), wrong).toBeUndefined();
  });

  it('names each entry as its tab would be asked for', () => {
    expect(['python3', '3.14', '3.15t'].map((text) => entryName(parsePythonEntry(text)!))).toEqual(['python3', 'python3.14', 'python3.15t']);
  });
});

describe('readPythonConfig', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'pyconc-python-config-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("reads this project's list: the machine's python3, CPython 3.14 and 3.15, in that order", async () => {
    const entries = await readPythonConfig(fileURLToPath(new URL('../../../', import.meta.url)));
    expect(entries.filter((entry) => !(entry.kind === 'cpython' && entry.freeThreaded)).map(entryName)).toEqual(['python3', 'python3.14', 'python3.15']);
  });

  it('fails naming the package.json, the field and the fix when the list is missing or wrong', async () => {
    await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'x' }));
    await expect(readPythonConfig(root)).rejects.toThrow(/\/package\.json has no list of interpreters in "config\.pythons"\.\nFix: list the interpreters/);
    await writeFile(join(root, 'package.json'), JSON.stringify({ config: { pythons: ['python3', '3.15.2'] } }));
    await expect(readPythonConfig(root)).rejects.toThrow(/"3\.15\.2" is neither a command nor a CPython version\.\nFix: /);
  });

  it("reads the nearest package.json above a folder that has none, as a fixture site in tests/ does", async () => {
    await writeFile(join(root, 'package.json'), JSON.stringify({ config: { pythons: ['python3', '3.15'] } }));
    const site = join(root, 'tests', 'site');
    await mkdir(site, { recursive: true });
    expect((await readPythonConfig(site)).map(entryName)).toEqual(['python3', 'python3.15']);
  });
});
