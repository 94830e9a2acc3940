/**
 * Lists the examples: every `<id>.py` in the examples directory with its
 * `<id>.spec.yaml`, read and validated.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseSpec } from './parse-spec.ts';
import type { ExampleSpec } from './spec-schema.ts';

export interface ExampleFiles {
  id: string;
  /** Absolute path of the .py file. */
  sourcePath: string;
  /** Paths relative to the project root, for messages and pages. */
  sourceFile: string;
  specFile: string;
  source: string;
  specText: string;
  spec: ExampleSpec;
}

const SPEC_SUFFIX = '.spec.yaml';

export async function discoverExamples(root: string, examplesDir: string): Promise<ExampleFiles[]> {
  const dir = resolve(root, examplesDir);
  const names = await readdir(dir);
  const ids = names.filter((n) => n.endsWith('.py')).map((n) => n.slice(0, -'.py'.length));
  const orphanSpecs = names
    .filter((n) => n.endsWith(SPEC_SUFFIX))
    .filter((n) => !ids.includes(n.slice(0, -SPEC_SUFFIX.length)));
  if (orphanSpecs.length > 0) {
    throw new Error(
      `Spec without an example: ${orphanSpecs.map((n) => join(examplesDir, n)).join(', ')}. ` +
        'Add the .py file beside it or delete the spec.',
    );
  }
  return Promise.all(
    ids.sort().map(async (id) => {
      const sourcePath = join(dir, `${id}.py`);
      const specPath = join(dir, `${id}${SPEC_SUFFIX}`);
      const specFile = relative(root, specPath);
      let specText: string;
      try {
        specText = await readFile(specPath, 'utf8');
      } catch (error) {
        throw new Error(
          `Example ${relative(root, sourcePath)} has no spec: create ${specFile} ` +
            '(see scripts/examples/spec-schema.ts).',
          { cause: error },
        );
      }
      return {
        id,
        sourcePath,
        sourceFile: relative(root, sourcePath),
        specFile,
        source: await readFile(sourcePath, 'utf8'),
        specText,
        spec: parseSpec(specText, specFile),
      };
    }),
  );
}
