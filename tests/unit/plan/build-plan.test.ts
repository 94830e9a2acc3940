import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBuildPlan, unusedWarnings } from '../../../scripts/plan/build-plan.ts';
import { BuildStepError } from '../../../scripts/shared/build-step-error.ts';
import { cpython311Linux, cpython314Linux } from '../../fixtures/interpreter/recorded.ts';

/** The runner's fixture examples, with pages (and an example no page shows) laid over them. */
const EXAMPLES = fileURLToPath(new URL('../../fixtures/runner-examples/', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/plan-site/', import.meta.url));
let root: string;
let lines: string[];
const plan = () => createBuildPlan({ root, interpreters: [cpython311Linux, cpython314Linux], env: {}, log: (line) => lines.push(line) });

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pyconc-plan-test-'));
  await cp(EXAMPLES, root, { recursive: true });
  await cp(FIXTURE, root, { recursive: true });
  lines = [];
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createBuildPlan', () => {
  it('plans what the pages show: examples with their pages, each timeline once, the interpreters given', async () => {
    const result = await plan();
    expect(result.examples.map((example) => [example.id, example.pages])).toEqual([
      ['hello', ['src/content/docs/index.mdx']],
      ['start-method', ['src/content/docs/again.mdx', 'src/content/docs/index.mdx']],
    ]);
    expect(result.measured).toEqual([
      { kind: 'timeline', example: 'start-method', variant: 'spawn' },
      { kind: 'timeline', example: 'start-method', variant: 'fork' },
    ]);
    expect(result.interpreters.map((interpreter) => interpreter.versionInfo[1])).toEqual([11, 14]);
    expect(result.cache.examples).toBe(join(root, 'node_modules/.cache/pyconc/examples'));
  });

  it('names an example no page shows, with its file, and leaves it out', async () => {
    const result = await plan();
    expect(result.unused.map((example) => example.id)).toEqual(['environment', 'unused', 'versioned', 'waits']);
    expect(unusedWarnings(result)).toContain(
      '[plan] warning: src/examples/unused.py is shown on no page, so the build does not run it. Show it with <Example id="unused" /> or delete it and its spec.',
    );
  });

  it('fails on a page naming an unknown example, variant or diagram, with page and line of each', async () => {
    await writeFile(
      join(root, 'src/content/docs/wrong.mdx'),
      '---\ntitle: Wrong\n---\n\n<Example id="nope" />\n\n<Timeline example="hello" variant="spawn" />\n\n<Diagram name="missing" />\n',
    );
    const error = await plan().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BuildStepError);
    expect(error).toMatchObject({ step: 'plan', fix: 'correct the name on the page, or add the missing file.' });
    expect((error as Error).message.split('\n')).toEqual([
      'src/content/docs/wrong.mdx:5: <Example> names example "nope", but there is no src/examples/nope.py (known: environment, hello, start-method, unused, versioned, waits).',
      'src/content/docs/wrong.mdx:7: <Timeline> asks for variant "spawn" of hello, whose spec has: default.',
      'src/content/docs/wrong.mdx:9: <Diagram> names diagram "missing", but there is no diagrams/missing.mmd (known: hello).',
      'Fix: correct the name on the page, or add the missing file.',
    ]);
  });

  it("fails on a figure a page quotes that the spec does not have, with page, line and the spec's own list", async () => {
    await writeFile(
      join(root, 'src/content/docs/figures.mdx'),
      '---\ntitle: Figures\n---\n\nExits with <SpecBound example="hello" check="exitCode" />, in ' +
        '<SpecBound example="hello" check="wallSeconds" bound="max" />.\n\n<MeasuredValue example="hello" metric="lines" />\n',
    );
    const error = await plan().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ step: 'plan' });
    expect((error as Error).message.split('\n')).toEqual([
      'src/content/docs/figures.mdx:5: <SpecBound>: the spec (variant default) has no such bound. Its bounds, as a page names them:',
      '  check="exitCode"  (exitCode 0)',
      'src/content/docs/figures.mdx:7: <MeasuredValue>: the spec does not read metric "lines" on every interpreter (it does: none); a metric must be in the variant\'s `metrics` and in each of its cases.',
      'Fix: correct the name on the page, or add the missing file.',
    ]);
  });

  it('fails on a measured chart without what it needs, with page and line', async () => {
    await writeFile(join(root, 'src/content/docs/chart.mdx'), '---\ntitle: Chart\n---\n\n<MeasuredChart example="hello" unit="ms" />\n');
    await expect(plan()).rejects.toThrow(/^src\/content\/docs\/chart\.mdx:5: <MeasuredChart> needs categories="…", series="…", title="…"/);
  });

  it('keeps each spec parsed by its text: the same specs read back, a changed one parsed again, a broken one still named', async () => {
    const first = await plan();
    const specs = join(root, 'node_modules/.cache/pyconc/specs');
    expect(await readdir(specs)).toHaveLength(first.examples.length + first.unused.length);
    // Read back from the cache: the same specs, defaults filled in.
    expect((await plan()).examples).toEqual(first.examples);

    await appendFile(join(root, 'src/examples/hello.spec.yaml'), 'timeoutSeconds: 7\n');
    const edited = await plan();
    expect(edited.examples.find((example) => example.id === 'hello')?.spec.timeoutSeconds).toBe(7);
    expect(await readdir(specs)).toHaveLength(first.examples.length + first.unused.length + 1);

    const broken = (await readFile(join(root, 'src/examples/hello.spec.yaml'), 'utf8')).replace('repeats: 1', 'repeats: many');
    await writeFile(join(root, 'src/examples/hello.spec.yaml'), broken);
    await expect(plan()).rejects.toThrow(/^Invalid example spec:\nsrc\/examples\/hello\.spec\.yaml:2 at repeats: /);
  });
});
