/**
 * Output a reader can read: the build machine's paths in what an example printed (the example's
 * own file, the interpreter's library, the runner's folder, the run's temporary directory, the
 * checkout) replaced by short placeholders that the page explains, e.g.
 * `File "<python3.14>/multiprocessing/spawn.py", line 164`. Nothing else in the text changes,
 * except that a caret line under a shortened source line is shortened in the same columns, so it
 * still marks the same characters.
 *
 * The paths are those recorded when the result ran (RunPaths, the run's `workDir`), never the
 * current checkout's: a cached result may come from another checkout or machine.
 */
import { basename } from 'node:path';
import type { Placeholder, RunPaths } from './result-schema.ts';

/** A machine path and the placeholder that replaces it. */
export interface MachinePath {
  path: string;
  placeholder: Placeholder;
}

/** The machine paths of one run and their placeholders, in no particular order (shortenPaths tries the longest first). */
export function machinePaths(paths: RunPaths, workDir: string): MachinePath[] {
  const { python } = paths;
  const each = (list: readonly string[], placeholder: Placeholder) => list.map((path) => ({ path, placeholder }));
  return [
    { path: paths.source, placeholder: { text: basename(paths.source), means: 'this example’s file' } },
    { path: paths.runner, placeholder: { text: '<runner>', means: 'the folder of the site’s example runner' } },
    { path: workDir, placeholder: { text: '<tmp>', means: 'the run’s temporary working directory' } },
    ...each(paths.stdlib, { text: `<${python}>`, means: `${python}’s standard library` }),
    ...each(paths.prefixes, { text: `<${python} prefix>`, means: `where ${python} is installed` }),
    { path: paths.project, placeholder: { text: '<project>', means: 'the site’s project folder' } },
  ]
    .map(({ path, placeholder }) => ({ path: path.replace(/\/+$/, ''), placeholder }))
    // A root-level prefix (`/`) would swallow every path: such an install is named by its stdlib alone.
    .filter(({ path }) => path.startsWith('/') && path.length > 1);
}

/** Characters of a file name: a match must not start or end inside one (`/srv/app` is not in `/srv/apple`). */
const NAME_CHAR = String.raw`[\w.+@~%-]`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A line of Python's traceback markers: carets and tildes, with spaces before (and between). */
const MARKER_LINE = /^ *[\^~][\^~ ]*$/;

/** A replaced stretch of one line: its columns in the original line, and what replaced it. */
interface Span {
  start: number;
  end: number;
  replacement: string;
}

/**
 * `text` with every machine path shortened, and the placeholders it now uses in order of first
 * use. A path is replaced only whole (a file, or a folder followed by `/` or a non-name
 * character), longest first: the example's own file before its folder, the standard library
 * before the prefix it lies in, and both before the checkout they may lie in.
 */
export function shortenPaths(text: string, machine: readonly MachinePath[]): { text: string; used: Placeholder[] } {
  return pathShortener(machine)(text);
}

/** shortenPaths for one set of machine paths, its pattern built once for every text it shortens (a run's two streams). */
export function pathShortener(machine: readonly MachinePath[]): (text: string) => { text: string; used: Placeholder[] } {
  const byLength = [...machine].sort((a, b) => b.path.length - a.path.length);
  if (byLength.length === 0) return (text) => ({ text, used: [] });
  const placeholderOf = new Map<string, Placeholder>();
  for (const { path, placeholder } of byLength) if (!placeholderOf.has(path)) placeholderOf.set(path, placeholder);
  // Alternatives in order of length: at one position the regex takes the first that matches, the longest.
  const pattern = new RegExp(`(?<!${NAME_CHAR}|/)(?:${[...placeholderOf.keys()].map(escape).join('|')})(?!${NAME_CHAR})`, 'g');
  return (text) => shortenWith(text, pattern, placeholderOf);
}

function shortenWith(text: string, pattern: RegExp, placeholderOf: ReadonlyMap<string, Placeholder>): { text: string; used: Placeholder[] } {
  const used = new Map<string, Placeholder>();
  const lines = text.split('\n');
  let previous: Span[] = [];
  const shortened = lines.map((line) => {
    if (previous.length > 0 && MARKER_LINE.test(line)) {
      const markers = remapMarkers(line, previous);
      previous = [];
      return markers;
    }
    const spans: Span[] = [];
    for (const match of line.matchAll(pattern)) {
      const placeholder = placeholderOf.get(match[0])!;
      used.set(placeholder.text, placeholder);
      spans.push({ start: match.index, end: match.index + match[0].length, replacement: placeholder.text });
    }
    previous = spans;
    return spans.length === 0 ? line : applySpans(line, spans, (span) => span.replacement);
  });
  return { text: shortened.join('\n'), used: [...used.values()] };
}

/** `line` with each span's columns replaced by `fill(span)`; spans are sorted and do not overlap. */
function applySpans(line: string, spans: readonly Span[], fill: (span: Span) => string): string {
  let out = '';
  let column = 0;
  for (const span of spans) {
    out += line.slice(column, span.start) + fill(span);
    column = span.end;
  }
  return out + line.slice(column);
}

/**
 * The marker line under a shortened line, shortened in the same columns: under each replaced
 * stretch the markers it had, stretched or squeezed to the placeholder's length (all carets stay
 * carets; a stretch half tildes, half carets keeps that proportion), so every marker still sits
 * under the character it marked. Columns past the end of the markers stay blank.
 */
export function remapMarkers(markers: string, spans: readonly Span[]): string {
  const padded = markers.padEnd(Math.max(markers.length, spans.at(-1)?.end ?? 0));
  const remapped = applySpans(padded, spans, ({ start, end, replacement }) =>
    Array.from({ length: replacement.length }, (_, i) => padded[start + Math.floor((i * (end - start)) / replacement.length)] ?? ' ').join(''),
  );
  return remapped.trimEnd();
}
