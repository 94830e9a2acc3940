/**
 * Lists the examples: every `<id>.py` in the examples directory with its
 * `<id>.spec.yaml`, read and validated.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { keptByContent } from '../cache/json-cache.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { exampleSpecSchema, type ExampleSpec } from './spec-schema.ts';

/** The parser (loaded on a cache miss only) and the schema: their code is part of every cached spec's key. */
const SPEC_CODE = [new URL('./parse-spec.ts', import.meta.url), new URL('./spec-schema.ts', import.meta.url)];

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

/**
 * Every example, sorted by id. With `cacheDir` (the `specs` cache area), each spec is kept parsed by
 * its text: parsing 50 specs' YAML was most of a warm build's plan, reading them back is not.
 */
export async function discoverExamples(root: string, examplesDir: string, cacheDir?: string): Promise<ExampleFiles[]> {
  const dir = resolve(root, examplesDir);
  const kept = keptByContent<ExampleSpec>(cacheDir, exampleSpecSchema, SPEC_CODE);
  const names = await readdir(dir);
  const ids = names.filter((n) => n.endsWith('.py')).map((n) => n.slice(0, -'.py'.length));
  const orphanSpecs = names
    .filter((n) => n.endsWith(SPEC_SUFFIX))
    .filter((n) => !ids.includes(n.slice(0, -SPEC_SUFFIX.length)));
  if (orphanSpecs.length > 0) {
    throw new BuildStepError(`Spec without an example: ${orphanSpecs.map((n) => join(examplesDir, n)).join(', ')}.`, {
      step: 'plan',
      fix: 'add the .py file beside it or delete the spec.',
    });
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
        throw new BuildStepError(`Example ${relative(root, sourcePath)} has no spec.`, {
          step: 'plan',
          file: relative(root, sourcePath),
          fix: `create ${specFile} (see scripts/examples/spec-schema.ts).`,
          cause: error,
        });
      }
      const parse = async () => (await import('./parse-spec.ts')).parseSpec(specText, specFile);
      return {
        id,
        sourcePath,
        sourceFile: relative(root, sourcePath),
        specFile,
        source: await readFile(sourcePath, 'utf8'),
        specText,
        spec: await kept({ specText }, parse),
      };
    }),
  );
}
