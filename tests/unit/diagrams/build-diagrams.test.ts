import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as svgo from 'svgo';
import { expect, test, vi } from 'vitest';
import {
  buildDiagrams,
  FINISH_SVG_SOURCE,
  finishKey,
} from '../../../scripts/diagrams/build-diagrams.ts';
import type { DiagramSource } from '../../../scripts/diagrams/diagram-source.ts';
import { BuildStepError } from '../../../scripts/shared/build-step-error.ts';
import { renderDiagrams } from '../../../scripts/diagrams/render-diagrams.ts';
import { codeVersion } from '../../../scripts/cache/content-key.ts';
import { packageVersion } from '../../../scripts/shared/package-version.ts';

// The real svgo, watched: counts how often the finishing step really ran.
vi.mock('svgo', async (importOriginal) => {
  const actual = await importOriginal<typeof import('svgo')>();
  return { ...actual, optimize: vi.fn(actual.optimize) };
});

const cacheOptions = async () => ({ cacheDir: await mkdtemp(join(tmpdir(), 'pyconc-diagram-build-')), log: () => undefined });

const twoMessages: DiagramSource = {
  name: 'two-messages',
  origin: 'tests/two-messages.mmd',
  source: [
    'sequenceDiagram',
    '  accTitle: Ping pong',
    '  accDescr: A pings, B pongs.',
    '  %% step: A sends a ping.',
    '  A->>B: ping',
    '  B-->>A: pong',
  ].join('\n'),
};

test('an entry carries title, description, one explanation per message and both variants', { timeout: 60_000 }, async () => {
  const { entries } = await buildDiagrams([twoMessages], await cacheOptions());
  const entry = entries.get('two-messages')!;
  expect(entry.title).toBe('Ping pong');
  expect(entry.description).toBe('A pings, B pongs.');
  expect(entry.steps).toEqual(['A sends a ping.', 'pong']);
  expect(entry.light.id).toBe('diagram-two-messages-light-svg');
  expect(entry.dark.id).toBe('diagram-two-messages-dark-svg');
  expect(entry.dark.svg).toContain('data-step="1"');
});

test('when the source messages and the drawn messages disagree, the build says which file', { timeout: 60_000 }, async () => {
  // Two messages on one line: Mermaid draws both, the step parser sees one.
  const crowded = { ...twoMessages, name: 'crowded', origin: 'tests/crowded.mmd', source: `${twoMessages.source}; A->>B: again` };
  const error = await buildDiagrams([crowded], await cacheOptions()).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ step: 'diagrams', file: 'tests/crowded.mmd', fix: 'put each message on its own line as `From->>To: text`.' });
  expect(error).toBeInstanceOf(BuildStepError);
  expect((error as Error).message).toMatch(/^tests\/crowded\.mmd: found 2 message line\(s\) in the source but Mermaid drew 3/);
});

test('a warm build takes the finished SVG from the cache: svgo does not run again', { timeout: 60_000 }, async () => {
  const options = await cacheOptions();
  vi.mocked(svgo.optimize).mockClear();
  const cold = await buildDiagrams([twoMessages], options);
  expect(cold.stats.finished).toBe(2);
  expect(svgo.optimize).toHaveBeenCalledTimes(2);
  vi.mocked(svgo.optimize).mockClear();
  const warm = await buildDiagrams([twoMessages], options);
  expect(warm.stats).toMatchObject({ rendered: 0, finished: 0 });
  expect(svgo.optimize).not.toHaveBeenCalled();
  expect(warm.entries).toEqual(cold.entries);
});

test('the finished SVG is stored under the hash of finish-svg.ts as it is now, so editing it invalidates', { timeout: 60_000 }, async () => {
  const options = await cacheOptions();
  await buildDiagrams([twoMessages], options);
  const { diagrams } = await renderDiagrams([twoMessages], options);
  const rendered = diagrams[0]!.light;
  const code = await codeVersion([FINISH_SVG_SOURCE]);
  const key = finishKey(rendered, 'diagram-two-messages-light', code, packageVersion('svgo'));
  expect(await readdir(options.cacheDir)).toContain(`${key}.json`);
  // codeVersion changes with any edit of the module (tests/unit/cache/content-key.test.ts).
  expect(finishKey(rendered, 'diagram-two-messages-light', `${code}x`, packageVersion('svgo'))).not.toBe(key);
});
