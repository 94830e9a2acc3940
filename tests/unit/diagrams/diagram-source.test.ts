import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkDiagramSource, parseSteps, readDiagramSources } from '../../../scripts/diagrams/diagram-source.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('readDiagramSources', () => {
  test('reads the site diagrams, sorted, with their origin', async () => {
    const sources = await readDiagramSources(`${root}diagrams`, root);
    expect(sources.map((source) => source.name)).toEqual([
      'concurrency-vs-parallelism',
      'fork-vs-spawn',
      'gil-handoff',
      'gil-io-release',
      'lock-contention',
      'process-spawn',
    ]);
    expect(sources[0]?.origin).toBe('diagrams/concurrency-vs-parallelism.mmd');
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
