/**
 * The pipeline with the real python3 and Chromium on a small fixture site: one pass serves every
 * caller (both collections of a build), and a warm pass reads only the cache.
 */
import { chmod, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPipelineSummary } from '../../../scripts/pipeline/pipeline-summary.ts';
import { createSitePipeline } from '../../../scripts/pipeline/site-pipeline.ts';

/** The runner's fixture examples, with pages (and an example no page shows) laid over them. */
const EXAMPLES = fileURLToPath(new URL('../../fixtures/runner-examples/', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/plan-site/', import.meta.url));
let root: string;
let env: NodeJS.ProcessEnv;
const starts = async () => (await readFile(join(root, 'starts.log'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pyconc-pipeline-test-'));
  await cp(EXAMPLES, root, { recursive: true });
  await cp(FIXTURE, root, { recursive: true });
  const python = join(root, 'python');
  await writeFile(python, `#!/bin/sh\necho started >> "${join(root, 'starts.log')}"\nexec python3 "$@"\n`);
  await chmod(python, 0o755);
  env = { ...process.env, PYTHONS: python, PYCONC_CACHE_DIR: join(root, 'cache') };
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('createSitePipeline', { timeout: 120_000 }, () => {
  it('runs one pass for every caller: one plan, every example once, the timelines pages ask for', async () => {
    const pipeline = createSitePipeline({ env });
    const [first, second] = await Promise.all([pipeline.data(root, () => {}), pipeline.data(root, () => {})]);
    expect(second).toBe(first);
    expect(first.examples.entries.map((entry) => entry.id)).toEqual(['hello', 'start-method']);
    expect(first.examples.ran).toBe(2);
    expect([...first.diagrams.keys()].sort()).toEqual(['hello', 'timeline-start-method-fork-1', 'timeline-start-method-spawn-1']);
    expect(first.diagrams.get('timeline-start-method-spawn-1')?.measured?.key).toBe('timeline:start-method:spawn');
  });

  it('reads only the cache on a later build: no Python starts at all', async () => {
    const before = await starts();
    const lines: string[] = [];
    const { examples, diagrams } = await createSitePipeline({ env }).data(root, (line) => lines.push(line));
    expect(examples).toMatchObject({ ran: 0, cached: 2 });
    expect(diagrams.size).toBe(3);
    expect(await starts()).toBe(before);
    // The figures the bench reads, as JSON and as the log's last line.
    const summary = await readPipelineSummary(root);
    expect(summary).toMatchObject({ interpreters: 1, examples: 2, resultsRan: 0, resultsCached: 2, diagrams: 3, diagramsRendered: 0, diagramsCached: 6 });
    expect(lines.at(-1)).toMatch(/^\[pipeline\] 1 interpreter\(s\); 2 examples \(0 results ran, 2 cached\) in \d+\.\d s; 3 diagrams \(0 rendered, 6 cached\) in \d+\.\d s; all in \d+\.\d s$/);
  });
});
