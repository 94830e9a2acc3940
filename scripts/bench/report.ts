/** The bench's targets (from the issues that set them) and its printed table. */
import { formatMs, formatTimes } from '../shared/format.ts';
import type { PageFigures, SearchFigures } from './measure-pages.ts';

export interface BenchFigures {
  machine: { cpus: number; loadAverage1m: number | undefined };
  cold: { ms: number; maxRssBytes: number; examplesMs: number; diagramsMs: number; results: number; interpreters: string[]; aloneMs: number; overlappingMs: number };
  /** The same cold build on the pinned set less its newest CPython. */
  coldFewer: { ms: number; interpreters: string[] };
  warm: { ms: number; maxRssBytes: number };
  plain: { ms: number; maxRssBytes: number };
  afterEdit: { resultsRan: number; interpreters: number; example: string };
  pages: PageFigures[];
  clientMermaid: PageFigures;
  search: SearchFigures & { query: string };
}

export interface Target {
  target: string;
  value: string;
  pass: boolean;
}

/**
 * Cold: one more pinned interpreter (three against two) costs at most 1.4 × the cold build (issue
 * #20). Warm: at most 1.3 × the time and 1.15 × the peak memory of plain Starlight building the
 * same pages.
 */
const COLD_RATIO_TARGET = 1.4;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function targetsOf(f: BenchFigures): Target[] {
  const warmRatio = f.warm.ms / f.plain.ms;
  const rssRatio = f.warm.maxRssBytes / f.plain.maxRssBytes;
  const coldRatio = f.cold.ms / f.coldFewer.ms;
  return [
    {
      target: `cold build, ${f.cold.interpreters.length} interpreters ≤ ${COLD_RATIO_TARGET}× ${f.coldFewer.interpreters.length}`,
      value: `${formatTimes(coldRatio, 2)} (${formatMs(f.cold.ms)} vs ${formatMs(f.coldFewer.ms)})`,
      pass: coldRatio <= COLD_RATIO_TARGET,
    },
    { target: 'warm build ≤ 1.3× plain Starlight', value: `${formatTimes(warmRatio, 2)} (${formatMs(f.warm.ms)} vs ${formatMs(f.plain.ms)})`, pass: warmRatio <= 1.3 },
    { target: 'warm build peak memory ≤ 1.15× plain Starlight', value: `${formatTimes(rssRatio, 2)} (${mb(f.warm.maxRssBytes)} vs ${mb(f.plain.maxRssBytes)})`, pass: rssRatio <= 1.15 },
    {
      target: `one example edited → only it runs (${f.afterEdit.interpreters} results)`,
      value: `${f.afterEdit.resultsRan} results ran`,
      pass: f.afterEdit.resultsRan === f.afterEdit.interpreters,
    },
    { target: 'search: last keystroke → right first result < 150 ms (median)', value: `${Math.round(f.search.fromLastKeyMs)} ms`, pass: f.search.fromLastKeyMs < 150 },
    { target: '0 bytes of Mermaid JS on diagram pages', value: `${Math.max(...f.pages.map((p) => p.mermaidJsBytes))} B`, pass: f.pages.every((p) => p.mermaidJsBytes === 0) },
    { target: 'CLS 0 on every page', value: Math.max(...f.pages.map((p) => p.cls)).toFixed(4), pass: f.pages.every((p) => p.cls === 0) },
  ];
}

export function printReport(f: BenchFigures, targets: readonly Target[]): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log('\nBuilds (warm and plain: medians)');
  console.table({
    cold: { time: formatMs(f.cold.ms), 'peak memory': mb(f.cold.maxRssBytes) },
    [`cold, ${f.coldFewer.interpreters.join(' and ')}`]: { time: formatMs(f.coldFewer.ms), 'peak memory': '' },
    warm: { time: formatMs(f.warm.ms), 'peak memory': mb(f.warm.maxRssBytes) },
    'plain Starlight (warm)': { time: formatMs(f.plain.ms), 'peak memory': mb(f.plain.maxRssBytes) },
  });
  console.log(`Cold build on ${f.cold.interpreters.join(' and ')}: where the time went`);
  console.table({
    'examples phase (wall)': formatMs(f.cold.examplesMs),
    '  CPU-bound runs, alone (their sum: the floor)': formatMs(f.cold.aloneMs),
    '  waiting runs (their sum, overlapped)': formatMs(f.cold.overlappingMs),
    'diagrams after the examples (wall; diagrams/*.mmd render while they run)': formatMs(f.cold.diagramsMs),
    'rest (Astro, Vite, Pagefind, checks)': formatMs(f.cold.ms - f.cold.examplesMs - f.cold.diagramsMs),
  });
  console.log('Pages (median of the loads)');
  console.table(
    Object.fromEntries(
      [...f.pages, { ...f.clientMermaid, path: `${f.clientMermaid.path} (client-side Mermaid)` }].map((p) => [
        p.path,
        { JS: kb(p.jsBytes), 'Mermaid JS': kb(p.mermaidJsBytes), total: kb(p.totalBytes), requests: p.requests, CLS: Number(p.cls.toFixed(4)), 'first diagram': p.firstDiagramMs === null ? '—' : `${Math.round(p.firstDiagramMs)} ms` },
      ]),
    ),
  );
  console.log(`Search: "${f.search.query}" typed key by key, ${f.search.keyIntervalMs} ms a key → first result ${Math.round(f.search.fromFirstKeyMs)} ms after the first key, ${Math.round(f.search.fromLastKeyMs)} ms after the last`);
  console.log('Targets');
  console.table(targets.map((t) => ({ target: t.target, value: t.value, result: t.pass ? 'PASS' : 'FAIL' })));
  console.log(`Load average while measuring: ${f.machine.loadAverage1m?.toFixed(1)} on ${f.machine.cpus} CPUs (figures are noisy when it is high).`);
}
