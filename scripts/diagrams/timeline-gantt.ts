/**
 * Measured timelines: real runs of the examples (scripts/examples) drawn as Mermaid gantt
 * charts. Pure functions from the runner's typed results to Mermaid source; rendering goes
 * through the same cached pipeline as every other diagram.
 */
import { z } from 'astro/zod';
import type { ShownResult, ShownVariant, TraceEvent } from '../examples/result-schema.ts';
import { interpreterLabel } from '../interpreters/interpreter-info.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { timeWithAtLeast } from '../shared/intervals.ts';
import { median } from '../shared/median.ts';
import type { DiagramSource } from './diagram-source.ts';

/** One row of the chart: a thread or a process, with the intervals it ran. */
export interface TimelineLane {
  label: string;
  /** Milliseconds from the timeline's origin. */
  bars: { startMs: number; endMs: number }[];
}

/** What the gil-turns example prints (src/examples/gil-turns.py): each thread's turns at the GIL. */
export const gilTurnsSchema = z.object({
  switch_interval_ms: z.number(),
  turns: z.array(z.object({ thread: z.string(), start_us: z.number(), end_us: z.number() })).min(1),
});
export type GilTurns = z.infer<typeof gilTurnsSchema>;

const nsToMs = (ns: number) => ns / 1e6;

/**
 * Lanes from recorded thread/process lifetimes, in order of start. When threads run in more
 * than one process (each has its own `Thread-1`), a thread's label names its process too.
 */
export function lanesFromTrace(trace: readonly TraceEvent[]): TimelineLane[] {
  const processName = (name: string) => (name === 'MainProcess' ? 'Main process' : name);
  const processes = new Map(trace.filter((event) => event.kind === 'process').map((event) => [event.pid, processName(event.name)]));
  const threadPids = new Set(trace.filter((event) => event.kind === 'thread').map((event) => event.pid));
  const label = (event: TraceEvent) => {
    if (event.kind === 'process') return processName(event.name);
    return threadPids.size > 1 ? `${processes.get(event.pid) ?? `pid ${event.pid}`} / ${event.name}` : event.name;
  };
  return trace
    .toSorted((a, b) => a.startNs - b.startNs)
    .map((event) => ({
      label: label(event),
      bars: [{ startMs: nsToMs(event.startNs), endMs: nsToMs(event.endNs) }],
    }));
}

/**
 * What an example prints to have its tasks drawn (e.g. executors-as-completed): each task's start
 * and end in ms since the first was submitted, and the worker that ran it.
 */
export const tasksSchema = z.object({
  tasks: z.array(z.object({ task: z.union([z.number(), z.string()]), thread: z.string().optional(), start_ms: z.number(), end_ms: z.number() })).min(1),
});
export type Tasks = z.infer<typeof tasksSchema>;

/** One lane per task, in task order, labelled with the worker that ran it. */
export function lanesFromTasks(data: Tasks): TimelineLane[] {
  return data.tasks
    .toSorted((a, b) => String(a.task).localeCompare(String(b.task), 'en', { numeric: true }))
    .map((task) => ({
      label: `Task ${task.task}${task.thread ? ` (${task.thread})` : ''}`,
      bars: [{ startMs: task.start_ms, endMs: task.end_ms }],
    }));
}

/** One lane per thread, one bar per turn; times from the moment both threads started. */
export function lanesFromGilTurns(data: GilTurns): TimelineLane[] {
  const lanes = new Map<string, TimelineLane>();
  for (const turn of data.turns.toSorted((a, b) => a.start_us - b.start_us)) {
    const lane = lanes.get(turn.thread) ?? { label: `Thread ${turn.thread}`, bars: [] };
    lane.bars.push({ startMs: turn.start_us / 1000, endMs: turn.end_us / 1000 });
    lanes.set(turn.thread, lane);
  }
  return [...lanes.values()].toSorted((a, b) => a.label.localeCompare(b.label));
}

/** Gantt syntax uses `:` `;` `#` and newlines; keep labels plain. */
const plain = (text: string) => text.replace(/[:;#\n]/g, ' ').replace(/\s+/g, ' ').trim();
/** accDescr runs to the end of its line; `;` and `#` would still end or escape it. */
const oneLine = (text: string) => text.replace(/;/g, ',').replace(/#/g, 'number ').replace(/\s+/g, ' ').trim();
const ms = (value: number) => `${Math.round(value)} ms`;

/** Lane labels sit left of the bars; Mermaid's 11 px Arial averages under 7 px per character. */
function labelRoom(lanes: readonly TimelineLane[]): number {
  const longest = Math.max(...lanes.map((lane) => plain(lane.label).length));
  return Math.max(75, Math.ceil(longest * 7) + 20);
}

/** A round tick step giving at most 8 axis labels, so "90 ms100 ms" never run together. */
function tickInterval(lanes: readonly TimelineLane[]): number {
  const bars = lanes.flatMap((lane) => lane.bars);
  const span = Math.max(...bars.map((bar) => bar.endMs)) - Math.min(...bars.map((bar) => bar.startMs));
  const steps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000];
  return steps.find((step) => span / step <= 8) ?? 10_000;
}

export interface GanttOptions {
  title: string;
  description: string;
  lanes: readonly TimelineLane[];
  /**
   * Label each bar with its duration; turn off for many short bars.
   * @default true
   */
  labelBars?: boolean;
}

/**
 * Mermaid gantt source. `dateFormat x` reads whole milliseconds (Mermaid misreads fractions),
 * so times are rounded to 1 ms; `%Q` prints milliseconds since the origin on the axis. No "today"
 * line: it would sit at the build's own date, far off a chart that starts at 0, and change every build.
 */
export function ganttSource({ title, description, lanes, labelBars = true }: GanttOptions): string {
  if (lanes.length === 0) throw new BuildStepError(`${title}: nothing to draw (no thread or process was recorded).`, { step: 'diagrams' });
  const lines = [
    '---',
    'config:',
    '  gantt:',
    '    displayMode: compact',
    `    leftPadding: ${labelRoom(lanes)}`,
    '---',
    'gantt',
    `  accTitle: ${oneLine(title)}`,
    `  accDescr: ${oneLine(description)}`,
    '  dateFormat x',
    '  axisFormat %Q ms',
    `  tickInterval ${tickInterval(lanes)}millisecond`,
    '  todayMarker off',
  ];
  let task = 0;
  for (const lane of lanes) {
    lines.push(`  section ${plain(lane.label)}`);
    for (const bar of lane.bars) {
      const start = Math.round(bar.startMs);
      const end = Math.round(bar.endMs);
      // A zero-width space: Mermaid needs a task name, but dozens of 5 ms bars have no room for one.
      const name = labelBars ? ms(bar.endMs - bar.startMs) : '\u200b';
      lines.push(`    ${name} :t${task}, ${start}, ${end}`);
      task += 1;
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `Thread-1 (thread_ripper_5000) 1 ms to 2003 ms` for every lane, for the accessible description. */
function describeLanes(lanes: readonly TimelineLane[]): string {
  return lanes
    .map((lane) => `${lane.label} ${lane.bars.map((bar) => `${ms(bar.startMs)} to ${ms(bar.endMs)}`).join(', ')}`)
    .join(', ');
}

/** Milliseconds during which at least two lanes had a bar at once. */
export function overlapMs(lanes: readonly TimelineLane[]): number {
  return timeWithAtLeast(lanes.flatMap((lane) => lane.bars.map((bar) => ({ start: bar.startMs, end: bar.endMs }))), 2);
}

/** What the turns show, in numbers: counts, median turn, and how long the threads ran at once. */
function describeTurns(data: GilTurns, lanes: readonly TimelineLane[]): string {
  const durations = lanes.flatMap((lane) => lane.bars.map((bar) => bar.endMs - bar.startMs));
  const counts = lanes.map((lane) => `${lane.label} ran ${lane.bars.length} turns`).join(' and ');
  const bars = lanes.flatMap((lane) => lane.bars);
  const span = Math.max(...bars.map((bar) => bar.endMs)) - Math.min(...bars.map((bar) => bar.startMs));
  return (
    `Measured: two threads each doing pure-Python work. ${counts}; the median turn lasted ` +
    `${median(durations).toFixed(1)} ms with a switch interval of ${data.switch_interval_ms} ms; the threads ` +
    `made progress at the same time for ${ms(overlapMs(lanes))} of ${ms(span)}.`
  );
}

/**
 * The timeline of one variant of an example's result on one interpreter, from the run the pages
 * show: the tasks or the GIL turns when the example printed them (executors-as-completed,
 * gil-turns), else its threads' and processes' lifetimes. `name` must be unique among all diagrams.
 */
export function timelineSource(result: ShownResult, variant: ShownVariant, name: string): DiagramSource {
  const run = variant.shown;
  const python = interpreterLabel(result.interpreter);
  const origin = `${result.sourceFile} (variant ${variant.name}, ${python}, measured timeline)`;
  const method = variant.name === 'default' ? '' : `, start method ${variant.startMethod}`;

  let source: string;
  const turns = gilTurnsSchema.safeParse(variant.json);
  const tasks = tasksSchema.safeParse(variant.json);
  if (tasks.success) {
    const lanes = lanesFromTasks(tasks.data);
    source = ganttSource({
      title: `Measured tasks of ${result.id} (${python})`,
      description: `Measured start and end of each task, in milliseconds since the first was submitted: ${describeLanes(lanes)}.`,
      lanes,
    });
  } else if (turns.success) {
    const lanes = lanesFromGilTurns(turns.data);
    source = ganttSource({
      title: `Measured turns of two CPU-bound threads (${python})`,
      description: describeTurns(turns.data, lanes),
      lanes,
      labelBars: false,
    });
  } else {
    const lanes = lanesFromTrace(run.trace);
    source = ganttSource({
      title: `Measured run of ${result.id} (${python}${method})`,
      description: `Measured start and end of each thread and process, in milliseconds since the interpreter was started: ${describeLanes(lanes)}.`,
      lanes,
    });
  }
  return { name, origin, source };
}
