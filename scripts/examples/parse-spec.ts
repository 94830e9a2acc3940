/**
 * Reads an example spec and validates it, naming the file and line of every problem.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { BuildStepError } from '../shared/build-step-error.ts';
import { firstLine } from '../shared/error-text.ts';
import { exampleSpecSchema, type ExampleSpec } from './spec-schema.ts';

/** Parses spec text; `file` is only used in messages. */
export function parseSpec(text: string, file: string): ExampleSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const messages = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return `${file}:${pos.line}:${pos.col}: YAML syntax: ${firstLine(e.message)}`;
    });
    throw new BuildStepError(messages.join('\n'), { step: 'plan', file, fix: 'correct the YAML syntax at the line shown.' });
  }
  const parsed = exampleSpecSchema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const line = lineOf(doc, lineCounter, path);
    const where = path.length > 0 ? ` at ${path.join('.')}` : '';
    return `${file}:${line}${where}: ${issue.message}`;
  });
  throw new BuildStepError(`Invalid example spec:\n${messages.join('\n')}`, {
    step: 'plan',
    file,
    fix: 'see scripts/examples/spec-schema.ts for the fields and their defaults.',
  });
}

/** Line of the deepest node that exists along `path` (1 when even the root is missing). */
function lineOf(doc: Document, lineCounter: LineCounter, path: (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}
