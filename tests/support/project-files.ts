/**
 * The project's own sources, for unit tests that check typed text against what it comes from:
 * the pages, the examples, and a line number to name where a finding is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DOCS = 'src/content/docs';
export const EXAMPLES = 'src/examples';

/** A project file's text, by its path from the root. */
export const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The 1-based line of `text` that holds the character at `index`. */
export const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Every example's id: the name of its `src/examples/<id>.py`. */
export const exampleIds = () =>
  readdirSync(join(ROOT, EXAMPLES))
    .filter((name) => name.endsWith('.py'))
    .map((name) => name.slice(0, -3));
