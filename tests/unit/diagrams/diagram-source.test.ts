import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkDiagramSource, parseSteps, readDiagramSources } from '../../../scripts/diagrams/diagram-source.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('readDiagramSources', () => {
  test('reads every .mmd of a folder, sorted, with its origin', async () => {
    const sources = await readDiagramSources(`${root}tests/fixtures/diagrams-broken`, root);
    expect(sources.map((source) => [source.name, source.origin])).toEqual([
      ['broken-arrow', 'tests/fixtures/diagrams-broken/broken-arrow.mmd'],
      ['fine', 'tests/fixtures/diagrams-broken/fine.mmd'],
    ]);
  });

  test('a site without a diagrams folder has no diagrams', async () => {
    expect(await readDiagramSources(`${root}tests/fixtures/no-such-folder`, root)).toEqual([]);
  });

  test('a diagram without accTitle fails, naming the file and the fix', async () => {
    await expect(readDiagramSources(`${root}tests/fixtures/diagrams-no-acc-title`, root)).rejects.toThrow(
      /tests\/fixtures\/diagrams-no-acc-title\/untitled\.mmd: missing accTitle.*Fix: add a line "  accTitle: …"/s,
    );
  });
});

describe('checkDiagramSource', () => {
  test('requires accDescr too', () => {
    expect(() => checkDiagramSource({ name: 'x', origin: 'diagrams/x.mmd', source: 'sequenceDiagram\n  accTitle: X\n  A->>B: hi\n' })).toThrow(
      /diagrams\/x\.mmd: missing accDescr/,
    );
  });
  test('accepts the block form accDescr { … }', () => {
    const source = 'flowchart LR\n  accTitle: X\n  accDescr {\n    Two lines\n  }\n  A-->B\n';
    expect(checkDiagramSource({ name: 'x', origin: 'x', source }).source).toBe(source);
  });
  test('rejects names that would make bad ids', () => {
    expect(() => checkDiagramSource({ name: 'GIL Handoff', origin: 'diagrams/GIL Handoff.mmd', source: '' })).toThrow(/kebab-case/);
  });
});

describe('parseSteps', () => {
  test('takes the %% step: comments before each message, or the message text', () => {
    const source = [
      'sequenceDiagram',
      '  accTitle: T',
      '  accDescr: D: with a colon',
      '  %% step: First, A asks.',
      '  %% step: It asks politely.',
      '  A->>B: request',
      '  Note over B: thinking',
      '  B-->>A: reply<br/>in two lines',
      '  alt ok',
      '    %% step: A closes.',
      '    A-)B: close',
      '  end',
    ].join('\n');
    expect(parseSteps(source)).toEqual(['First, A asks. It asks politely.', 'reply in two lines', 'A closes.']);
  });
  test('is empty for diagrams that are not sequence diagrams', () => {
    expect(parseSteps('gantt\n  accTitle: T\n  A :a, 0, 1\n')).toEqual([]);
  });
});
