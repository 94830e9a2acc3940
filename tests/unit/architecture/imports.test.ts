/**
 * The import rules of tests/dependency-cruiser.config.mjs (no loops, floors, one door each way
 * between src/ and scripts/, browser code apart) hold for the code, and catch each break in
 * tests/fixtures/import-rules/. Components (.astro) are read here: dependency-cruiser cannot parse
 * them, so their imports are checked against the door rule by their import lines.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import config, { DOOR } from '../../dependency-cruiser.config.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = join(ROOT, 'tests/fixtures/import-rules');

/** Every rule broken under `baseDir`, as `rule: from → to`. */
async function brokenRules(baseDir: string, paths: string[]): Promise<string[]> {
  const { output } = await cruise(paths, { ...config.options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden ?? [] } });
  return (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

/** Every component's import of scripts/ that does not go through the door, as `from → to`. */
async function componentsPastTheDoor(baseDir: string): Promise<string[]> {
  const files = (await readdir(join(baseDir, 'src'), { recursive: true })).filter((file) => file.endsWith('.astro'));
  const past: string[] = [];
  for (const file of files) {
    const text = await readFile(join(baseDir, 'src', file), 'utf8');
    for (const [, specifier] of text.matchAll(/^\s*import\s+(?:[\w*{}\s,]+\s+from\s+)?['"](\.[^'"]+)['"]/gm)) {
      const target = relative(baseDir, resolve(dirname(join(baseDir, 'src', file)), specifier!));
      if (target.startsWith('scripts/') && target !== DOOR) past.push(`src/${file} → ${target}`);
    }
  }
  return past;
}

describe('import rules', () => {
  it('hold for the code', async () => {
    expect(await brokenRules(ROOT, ['scripts', 'src', 'astro.config.mjs'])).toEqual([]);
    expect(await componentsPastTheDoor(ROOT)).toEqual([]);
  });

  it('catch every break: a loop, an import up the floors, past the door either way, a config past the integrations, Node or a component in browser code', async () => {
    expect((await brokenRules(FIXTURE, ['scripts', 'src'])).sort()).toEqual([
      'client-is-browser-code: src/client/node.ts → fs',
      'client-stays-in-the-browser: src/client/node.ts → src/components/door.ts',
      'configs-wire-integrations: src/content.config.ts → scripts/plan/b.ts',
      'floors-shared: scripts/shared/up.ts → scripts/commands/command.ts',
      'no-loops: scripts/plan/a.ts → scripts/plan/b.ts',
      'scripts-do-not-import-src: scripts/site/reads-src.ts → src/components/door.ts',
      'src-through-the-door: src/components/reach.ts → scripts/plan/a.ts',
    ]);
    expect(await componentsPastTheDoor(FIXTURE)).toEqual(['src/components/Reach.astro → scripts/shared/up.ts']);
  });
});
