import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exampleSpecSchema } from '../../../scripts/examples/spec-schema.ts';
import type { ExampleEntry, ShownResult, ShownVariant, TraceEvent } from '../../../scripts/examples/result-schema.ts';
import { measuredSources } from '../../../scripts/diagrams/measured-drawings.ts';
import { renderDiagrams } from '../../../scripts/diagrams/render-diagrams.ts';
import {
  ganttSource,
  lanesFromGilTurns,
  lanesFromTrace,
  overlapMs,
  timelineSource,
} from '../../../scripts/diagrams/timeline-gantt.ts';
import type { InterpreterInfo } from '../../../scripts/interpreters/interpreter-info.ts';
import { BuildStepError } from '../../../scripts/shared/build-step-error.ts';
import { cpython311Linux, cpython314Linux } from '../../fixtures/interpreter/recorded.ts';
import { shownRun } from '../../fixtures/shown-run.ts';

/** The shape sitecustomize.py records for the post's thread example (two 2 s sleeps). */
const threadsSleepTrace: TraceEvent[] = [
  { kind: 'thread', name: 'Thread-2 (thread_ripper_5000)', pid: 7, startNs: 61_500_000, endNs: 2_062_100_000 },
  { kind: 'process', name: 'MainProcess', pid: 7, startNs: 40_000_000, endNs: 2_070_000_000 },
  { kind: 'thread', name: 'Thread-1 (thread_ripper_5000)', pid: 7, startNs: 61_000_000, endNs: 2_061_900_000 },
];

const run = (trace: TraceEvent[]) => shownRun({ wallMs: 2100, trace });

const variant = (overrides: Partial<ShownVariant>): ShownVariant => ({
  name: 'default',
  startMethod: 'fork',
  shown: run(threadsSleepTrace),
  timing: { runs: 1, medianMs: 2100, minMs: 2100, maxMs: 2100 },
  ...overrides,
});

const result = (id: string, variants: ShownVariant[], interpreter: InterpreterInfo = cpython311Linux): ShownResult => ({
  id,
  sourceFile: `src/examples/${id}.py`,
  specFile: `src/examples/${id}.spec.yaml`,
  interpreter,
  variants,
  ranAt: '2026-11-25T15:00:00.000Z',
  cacheKey: 'k',
});

const gilTurns = {
  switch_interval_ms: 5,
  turns: [
    { thread: 'T1', start_us: 0, end_us: 5034 },
    { thread: 'T0', start_us: 6101, end_us: 11921 },
    { thread: 'T1', start_us: 21511, end_us: 27208 },
  ],
};

describe('lanesFromTrace', () => {
  test('one lane per thread or process, by start time, in ms', () => {
    expect(lanesFromTrace(threadsSleepTrace)).toEqual([
      { label: 'Main process', bars: [{ startMs: 40, endMs: 2070 }] },
      { label: 'Thread-1 (thread_ripper_5000)', bars: [{ startMs: 61, endMs: 2061.9 }] },
      { label: 'Thread-2 (thread_ripper_5000)', bars: [{ startMs: 61.5, endMs: 2062.1 }] },
    ]);
  });
});

test('threads in several processes are labelled with their process', () => {
  const trace: TraceEvent[] = [
    { kind: 'process', name: 'Process-1', pid: 11, startNs: 1e6, endNs: 9e6 },
    { kind: 'process', name: 'Process-2', pid: 12, startNs: 2e6, endNs: 9e6 },
    { kind: 'thread', name: 'worker-1', pid: 11, startNs: 3e6, endNs: 8e6 },
    { kind: 'thread', name: 'worker-1', pid: 12, startNs: 4e6, endNs: 8e6 },
  ];
  expect(lanesFromTrace(trace).map((lane) => lane.label)).toEqual(['Process-1', 'Process-2', 'Process-1 / worker-1', 'Process-2 / worker-1']);
});

test('overlapMs: how long two lanes had a bar at once', () => {
  expect(overlapMs(lanesFromGilTurns(gilTurns))).toBe(0);
  expect(overlapMs(lanesFromTrace(threadsSleepTrace))).toBeCloseTo(2001, 0);
});

describe('lanesFromGilTurns', () => {
  test('one lane per thread, one bar per turn', () => {
    expect(lanesFromGilTurns(gilTurns)).toEqual([
      { label: 'Thread T0', bars: [{ startMs: 6.101, endMs: 11.921 }] },
      { label: 'Thread T1', bars: [{ startMs: 0, endMs: 5.034 }, { startMs: 21.511, endMs: 27.208 }] },
    ]);
  });
});

describe('ganttSource', () => {
  test('a compact gantt in whole milliseconds with accTitle, accDescr and duration labels', () => {
    const source = ganttSource({
      title: 'Two sleeping threads',
      description: 'Both sleep; at the same time # really',
      lanes: lanesFromTrace(threadsSleepTrace),
    });
    expect(source).toBe(
      [
        '---',
        'config:',
        '  gantt:',
        '    displayMode: compact',
        '    leftPadding: 223',
        '---',
        'gantt',
        '  accTitle: Two sleeping threads',
        '  accDescr: Both sleep, at the same time number really',
        '  dateFormat x',
        '  axisFormat %Q ms',
        '  tickInterval 500millisecond',
        '  todayMarker off',
        '  section Main process',
        '    2030 ms :t0, 40, 2070',
        '  section Thread-1 (thread_ripper_5000)',
        '    2001 ms :t1, 61, 2062',
        '  section Thread-2 (thread_ripper_5000)',
        '    2001 ms :t2, 62, 2062',
        '',
      ].join('\n'),
    );
  });
  test('nothing to draw is an error, not an empty chart', () => {
    expect(() => ganttSource({ title: 'Empty', description: 'd', lanes: [] })).toThrow(BuildStepError);
  });
});

describe('timelineSource', () => {
  test('threads: names the file, the variant, the interpreter and every lane in the description', () => {
    const diagram = timelineSource(result('threads-sleep', [variant({})]), variant({}), 'timeline-threads-sleep-default-1');
    expect(diagram.name).toBe('timeline-threads-sleep-default-1');
    expect(diagram.origin).toBe('src/examples/threads-sleep.py (variant default, CPython 3.11.7, measured timeline)');
    expect(diagram.source).toContain('accTitle: Measured run of threads-sleep (CPython 3.11.7)');
    expect(diagram.source).toContain('Thread-1 (thread_ripper_5000) 61 ms to 2062 ms');
  });
  test('a start-method variant says its start method', () => {
    const spawn = variant({ name: 'spawn', startMethod: 'spawn' });
    expect(timelineSource(result('processes-guarded', [spawn]), spawn, 'x').source).toContain('start method spawn');
  });
  test('gil-turns: draws the printed turns, unlabelled, and states the measured overlap in numbers', () => {
    const turns = variant({ json: gilTurns });
    const diagram = timelineSource(result('gil-turns', [turns]), turns, 'x');
    expect(diagram.source).toContain('Thread T0 ran 1 turns and Thread T1 ran 2 turns');
    expect(diagram.source).toContain('switch interval of 5 ms');
    expect(diagram.source).toContain('made progress at the same time for 0 ms of 27 ms');
    expect(diagram.source).toContain('\u200b :t0, 6, 12');
  });
  test('other printed JSON is not turns: the trace is drawn instead', () => {
    const other = variant({ json: { seconds: 1.5 } });
    expect(timelineSource(result('gil-cpu-bound', [other]), other, 'x').source).toContain('section Thread-1 (thread_ripper_5000)');
  });
  test('the generated source renders in Mermaid', { timeout: 60_000 }, async () => {
    const turns = variant({ json: gilTurns });
    const sources = [
      timelineSource(result('threads-sleep', [variant({})]), variant({}), 'a'),
      timelineSource(result('gil-turns', [turns]), turns, 'b'),
    ];
    const cacheDir = await mkdtemp(join(tmpdir(), 'pyconc-timeline-'));
    const { diagrams } = await renderDiagrams(sources, { cacheDir, log: () => undefined });
    expect(diagrams.map((diagram) => diagram.light.title)).toEqual([
      'Measured run of threads-sleep (CPython 3.11.7)',
      'Measured turns of two CPU-bound threads (CPython 3.11.7)',
    ]);
  });
});

describe('measuredSources', () => {
  const entry: ExampleEntry = {
    id: 'threads-sleep',
    sourceFile: 'src/examples/threads-sleep.py',
    source: '',
    results: [result('threads-sleep', [variant({})]), result('threads-sleep', [variant({})], cpython314Linux)],
    skipped: [],
    spec: exampleSpecSchema.parse({ description: 'A fixture.', variants: [{ expect: {} }] }),
  };

  test('one timeline per interpreter for each timeline a page asks for, and none for the rest', () => {
    const sources = measuredSources([{ kind: 'timeline', example: 'threads-sleep', variant: 'default' }], [entry]);
    expect(sources.map((source) => [source.name, source.measured?.key, source.measured?.interpreter.versionInfo.join('.')])).toEqual([
      ['timeline-threads-sleep-default-1', 'timeline:threads-sleep:default', '3.11.7'],
      ['timeline-threads-sleep-default-2', 'timeline:threads-sleep:default', '3.14.8'],
    ]);
    expect(measuredSources([], [entry])).toEqual([]);
  });
});

describe('printed tasks', () => {
  test('one lane per task, in task order, labelled with the worker that ran it', () => {
    const printed = {
      tasks: [
        { task: 1, thread: 'worker_1', start_ms: 1, end_ms: 201 },
        { task: 10, thread: 'worker_0', start_ms: 0, end_ms: 800 },
        { task: 2, start_ms: 2, end_ms: 602 },
      ],
    };
    const tasks = variant({ json: printed });
    const diagram = timelineSource(result('executors-as-completed', [tasks]), tasks, 'x');
    expect(diagram.source).toContain('accTitle: Measured tasks of executors-as-completed (CPython 3.11.7)');
    expect(diagram.source.match(/section .*/g)).toEqual(['section Task 1 (worker_1)', 'section Task 2', 'section Task 10 (worker_0)']);
  });
});
