/**
 * Reads diagram sources (diagrams/<name>.mmd), checks what every diagram must have (accTitle and
 * accDescr) and collects the step-through explanations written as `%% step: …` comments.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { InterpreterInfo } from '../interpreters/interpreter-info.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { listFolder } from '../shared/list-folder.ts';

export interface DiagramSource {
  /** Name used by `<Diagram name="…" />` and in element ids: the file name without `.mmd`. */
  name: string;
  /** Where the source came from, for error messages (a path relative to the project, or a description). */
  origin: string;
  /** The Mermaid source, passed to Mermaid unchanged so its line numbers match the file. */
  source: string;
  /** For a drawing of a measurement: which, and whose run, so its component finds it without knowing its name. */
  measured?: MeasuredOf;
}

export interface MeasuredOf {
  /** The drawing's `requestKey` (scripts/plan/measured-requests.ts). */
  key: string;
  interpreter: InterpreterInfo;
}

/** Diagram names become parts of element ids and URLs: keep them kebab-case. */
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Checks a source for what the site requires of every diagram and returns it unchanged.
 * Throws naming the origin and the fix.
 */
export function checkDiagramSource(diagram: DiagramSource): DiagramSource {
  if (!NAME.test(diagram.name)) {
    throw new BuildStepError(`${diagram.origin}: diagram name "${diagram.name}" must be kebab-case (a-z, 0-9, "-").`, {
      step: 'diagrams',
      file: diagram.origin,
      fix: 'rename the file.',
    });
  }
  for (const keyword of ['accTitle', 'accDescr']) {
    if (!new RegExp(`^\\s*${keyword}\\s*[:{]`, 'm').test(diagram.source)) {
      throw new BuildStepError(`${diagram.origin}: missing ${keyword}. Every diagram needs an accessible title and description.`, {
        step: 'diagrams',
        file: diagram.origin,
        fix: `add a line "  ${keyword}: …" after the diagram type line.`,
      });
    }
  }
  return diagram;
}

/** Reads and checks every `*.mmd` file in `directory`, sorted by name; none when there is no such folder. */
export async function readDiagramSources(directory: string, projectRoot: string): Promise<DiagramSource[]> {
  const files = (await listFolder(directory)).filter((file) => file.endsWith('.mmd')).sort();
  return Promise.all(
    files.map(async (file) => {
      const path = join(directory, file);
      return checkDiagramSource({
        name: basename(file, '.mmd'),
        origin: relative(projectRoot, path),
        source: await readFile(path, 'utf8'),
      });
    }),
  );
}

/**
 * Sequence-diagram messages: `From->>To: text` with any Mermaid arrow. Order matters: longer
 * arrows first so `-->>` is not read as `-->`.
 */
const MESSAGE = /^\s*[^%\s][^:]*?(?:<<-->>|<<->>|-->>|->>|-->|->|--x|-x|--\)|-\))\s*[+-]?[^:]+:(.*)$/;
const STEP = /^\s*%%\s*step:\s*(.*)$/;

/**
 * The explanation of each message of a sequence diagram, in order: the `%% step: …` comment
 * lines just before a message, or the message text when it has none. Empty for other diagram types.
 */
export function parseSteps(source: string): string[] {
  if (!/^\s*sequenceDiagram\b/m.test(source)) return [];
  const steps: string[] = [];
  let pending: string[] = [];
  for (const line of source.split('\n')) {
    const step = STEP.exec(line);
    if (step) {
      pending.push(step[1]!.trim());
      continue;
    }
    const message = MESSAGE.exec(line);
    if (message) {
      steps.push(pending.length > 0 ? pending.join(' ') : message[1]!.trim().replaceAll('<br/>', ' '));
      pending = [];
    }
  }
  return steps;
}
