/**
 * The real exercise solutions through the real runner and python3: their specs pass and
 * give the metrics the pages compute from; deliberately wrong specs (fixture) fail, saying why.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExamplesFailedError, runExamples } from '../../../scripts/examples/index.ts';
import { measurementsOf } from '../../../scripts/measurements/speedups.ts';

const EXAMPLES = fileURLToPath(new URL('../../../src/examples/', import.meta.url));
const WRONG_SPECS = fileURLToPath(new URL('../../fixtures/exercise-wrong-specs/', import.meta.url));
const EXERCISES = ['exercise-fibonacci', 'exercise-io-threads', 'exercise-processes-threads'];

let root: string;

/** A project holding the real solutions, with their real specs or the ones in `specDir`. */
async function project(ids: readonly string[], specDir = EXAMPLES): Promise<void> {
  await mkdir(join(root, 'src/examples'), { recursive: true });
  for (const id of ids) {
    await copyFile(join(EXAMPLES, `${id}.py`), join(root, 'src/examples', `${id}.py`));
    await copyFile(join(specDir, `${id}.spec.yaml`), join(root, 'src/examples', `${id}.spec.yaml`));
  }
}

function run() {
  const { PYTHONS: _several, ...env } = process.env;
  return runExamples({ root, env: { ...env, PYTHON: 'python3' }, force: true, log: () => {} });
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pyconc-exercises-test-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

// Every exercise really runs, several times: minutes on a 2-core machine shared with other builds.
describe('exercise solutions', { timeout: 600_000 }, () => {
  it('pass their specs and give the metrics the pages need', async () => {
    await project(EXERCISES);
    const report = await run();
    expect(report.entries.map((e) => e.id)).toEqual(EXERCISES);
    for (const id of ['exercise-fibonacci', 'exercise-io-threads']) {
      const [m] = measurementsOf(report.entries.find((e) => e.id === id)!);
      expect(m?.sequential).toBeGreaterThan(0);
      expect(m?.threads).toBeGreaterThan(0);
      expect(m?.processes).toBeGreaterThan(0);
    }
    const grid = report.entries.find((e) => e.id === 'exercise-processes-threads')!;
    expect(grid.results[0]?.variants.map((v) => v.name)).toEqual(['fork', 'spawn', 'forkserver']);
  });

  it('fail a wrong count of distinct pids and a wrong ratio, naming both', async () => {
    await project(['exercise-io-threads', 'exercise-processes-threads'], WRONG_SPECS);
    const failure = await run().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ExamplesFailedError);
    const message = (failure as Error).message;
    expect(message).toMatch(/2 of 2 example runs do not match their specs/);
    expect(message).toMatch(/expected 16 lines matching .*, got 12/);
    expect(message).toMatch(/expected 4 distinct values of pid in lines matching .*, got 3/);
    expect(message).toMatch(/threads \/ sequential = 0\.\d\d is below the minimum 0\.9 \(deliberately wrong/);
  });
});
