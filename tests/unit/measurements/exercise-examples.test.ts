/**
 * The real exercise solutions through the real runner and python3, held to deliberately wrong
 * specs (fixture): they fail, saying why. (Their real specs pass in every site build.)
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverExamples } from '../../../scripts/examples/discover-examples.ts';
import { runExamples } from '../../../scripts/examples/run-examples.ts';
import { BuildStepError } from '../../../scripts/shared/build-step-error.ts';
import { findInterpreter } from '../../../scripts/interpreters/find-interpreter.ts';

const EXAMPLES = fileURLToPath(new URL('../../../src/examples/', import.meta.url));
const WRONG_SPECS = fileURLToPath(new URL('../../fixtures/exercise-wrong-specs/', import.meta.url));

let root: string;

/** A project holding the real solutions, with their real specs or the ones in `specDir`. */
async function project(ids: readonly string[], specDir = EXAMPLES): Promise<void> {
  await mkdir(join(root, 'src/examples'), { recursive: true });
  for (const id of ids) {
    await copyFile(join(EXAMPLES, `${id}.py`), join(root, 'src/examples', `${id}.py`));
    await copyFile(join(specDir, `${id}.spec.yaml`), join(root, 'src/examples', `${id}.spec.yaml`));
  }
}

async function run() {
  return runExamples({
    examples: await discoverExamples(root, 'src/examples'),
    interpreters: [await findInterpreter('python3', join(root, 'cache'), process.env)],
    cacheDir: join(root, 'cache'),
    force: true,
    log: () => {},
  });
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pyconc-exercises-test-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

// Two exercises really run, several times: a minute or more on a 2-core machine shared with other builds.
describe('exercise solutions', { timeout: 600_000 }, () => {
  it('fail a wrong count of distinct pids and a wrong ratio, naming both', async () => {
    await project(['exercise-io-threads', 'exercise-processes-threads'], WRONG_SPECS);
    const failure = await run().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(BuildStepError);
    expect(failure).toMatchObject({ step: 'examples' });
    const message = (failure as Error).message;
    expect(message).toMatch(/2 of 2 example runs do not match their specs/);
    expect(message).toMatch(/expected 16 lines matching .*, got 12/);
    expect(message).toMatch(/expected 4 distinct values of pid in lines matching .*, got 3/);
    expect(message).toMatch(/threads \/ sequential = 0\.\d\d is below the minimum 0\.9 \(deliberately wrong/);
  });
});
