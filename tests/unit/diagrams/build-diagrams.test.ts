import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildDiagrams, DiagramStepsError } from '../../../scripts/diagrams/build-diagrams.ts';
import type { DiagramSource } from '../../../scripts/diagrams/diagram-source.ts';

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
  expect(error).toBeInstanceOf(DiagramStepsError);
  expect((error as Error).message).toMatch(/^tests\/crowded\.mmd: found 2 message line\(s\) in the source but Mermaid drew 3/);
});
