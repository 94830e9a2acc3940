/**
 * Measured timelines: real runs of the examples (scripts/examples) drawn as Mermaid gantt
 * charts. Pure functions from the runner's typed results to Mermaid source; rendering goes
 * through the same cached pipeline as every other diagram.
 */
import { z } from 'astro/zod';
import type { ExampleResult, TraceEvent, VariantResult } from '../examples/index.ts';
import type { DiagramSource } from './diagram-source.ts';

/** One row of the chart: a thread or a process, with the intervals it ran. */
export interface TimelineLane {
  label: string;
  /** Milliseconds from the timeline's origin. */
  bars: { startMs: number; endMs: number }[];
}

export class TimelineDataError extends Error {
  override name = 'TimelineDataError';
}

/** What the gil-turns example prints (src/examples/gil-turns.py): each thread's turns at the GIL. */
export const gilTurnsSchema = z.object({
  switch_interval_ms: z.number(),
  turns: z.array(z.object({ thread: z.string(), start_us: z.number(), end_us: z.number() })).min(1),
});
export type GilTurns = z.infer<typeof gilTurnsSchema>;

const nsToMs = (ns: number) => ns / 1e6;

/** Lanes from recorded thread/process lifetimes, in order of start. */
export function lanesFromTrace(trace: readonly TraceEvent[]): TimelineLane[] {
  return trace
    .toSorted((a, b) => a.startNs - b.startNs)
    .map((event) => ({
      label: event.name === 'MainProcess' ? 'Main process' : event.name,
      bars: [{ startMs: nsToMs(event.startNs), endMs: nsToMs(event.endNs) }],
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

export interface GanttOptions {
  title: string;
  description: string;
  lanes: readonly TimelineLane[];
  /** Label each bar with its duration. Default true; turn off for many short bars. */
  labelBars?: boolean;
}

/**
 * Mermaid gantt source. `dateFormat x` reads whole milliseconds (Mermaid misreads fractions),
 * so times are rounded to 1 ms; `%Q` prints milliseconds since the origin on the axis.
 */
export function ganttSource({ title, description, lanes, labelBars = true }: GanttOptions): string {
  if (lanes.length === 0) throw new TimelineDataError(`${title}: nothing to draw (no thread or process was recorded).`);
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

function describeTurns(data: GilTurns, lanes: readonly TimelineLane[]): string {
  const durations = lanes.flatMap((lane) => lane.bars.map((bar) => bar.endMs - bar.startMs)).toSorted((a, b) => a - b);
  const median = durations[Math.floor(durations.length / 2)] ?? 0;
  const counts = lanes.map((lane) => `${lane.label} ran ${lane.bars.length} turns`).join(' and ');
  return (
    `Measured: two CPU-bound threads take turns holding the GIL, never running Python code at the same time. ` +
    `${counts}, the median turn lasted ${median.toFixed(1)} ms with a switch interval of ${data.switch_interval_ms} ms.`
  );
}

/** Name of the timeline diagram of an example variant: `timeline-<id>` for the first variant. */
export function timelineName(exampleId: string, variant?: string): string {
  return variant ? `timeline-${exampleId}-${variant}` : `timeline-${exampleId}`;
}

/** The timeline of one variant of an example result, from the run the pages show. */
export function timelineSource(result: ExampleResult, variant: VariantResult, first: boolean): DiagramSource {
  const run = variant.runs[variant.shownRun];
  const origin = `${result.sourceFile} (variant ${variant.name}, measured timeline)`;
  if (!run) throw new TimelineDataError(`${origin}: shownRun ${variant.shownRun} is not one of ${variant.runs.length} runs.`);
  const python = `Python ${result.interpreter.versionInfo.join('.')}`;
  const method = variant.startMethod === 'fork' && variant.name === 'default' ? '' : `, start method ${variant.startMethod}`;

  let source: string;
  if (variant.json !== undefined) {
    const parsed = gilTurnsSchema.safeParse(variant.json);
    if (!parsed.success) {
      throw new TimelineDataError(`${origin}: the printed JSON is not a list of GIL turns: ${parsed.error.message}`, {
        cause: parsed.error,
      });
    }
    const lanes = lanesFromGilTurns(parsed.data);
    source = ganttSource({
      title: `Measured GIL turns of two CPU-bound threads (${python})`,
      description: describeTurns(parsed.data, lanes),
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
  return { name: timelineName(result.id, first ? undefined : variant.name), origin, source };
}
