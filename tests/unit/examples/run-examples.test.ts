/**
 * The runner end to end with the real python3: fixture examples copied to a temp
 * project; the interpreter is a wrapper script that logs every Python start.
 */
import { execFile } from 'node:child_process';
import { appendFile, chmod, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExamplesFailedError, runExamples, type RunExamplesOptions } from '../../../scripts/examples/index.ts';

const HANGING_CHILD = fileURLToPath(new URL('../../fixtures/python/hanging-child.py', import.meta.url));

const FIXTURE = fileURLToPath(new URL('../../fixtures/runner-examples/', import.meta.url));

let root: string;
let pythonLog: string;
let env: NodeJS.ProcessEnv;

async function makeWrapper(name: string): Promise<string> {
  const path = join(root, name);
  await writeFile(path, `#!/bin/sh\necho started >> "${pythonLog}"\nexec python3 "$@"\n`);
  await chmod(path, 0o755);
  return path;
}

async function pythonStarts(): Promise<number> {
  return (await readFile(pythonLog, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
}

function run(options: RunExamplesOptions = {}) {
  return runExamples({ root, env, log: () => {}, ...options });
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pyconc-runner-test-'));
  await cp(FIXTURE, root, { recursive: true });
  pythonLog = join(root, 'python-starts.log');
  const { PYTHONS: _several, ...rest } = process.env;
  env = { ...rest, PYTHONUNBUFFERED: '1', PYTHON: await makeWrapper('python-a') };
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

// Real Python runs; generous because this 2-core machine is often shared with other builds.
describe('runExamples', { timeout: 60_000 }, () => {
  it('runs, verifies and describes every example', async () => {
    const report = await run();
    expect(report.ran).toBe(3);
    expect(report.entries.map((e) => e.id)).toEqual(['environment', 'hello', 'start-method']);
    const [, hello, startMethod] = report.entries;
    const result = hello?.results[0];
    expect(result?.interpreter).toMatchObject({ implementation: 'cpython', gilEnabled: true });
    expect(result?.variants[0]).toMatchObject({ name: 'default', timing: { runs: 1 } });
    expect(result?.variants[0]?.runs[0]?.stdout.text).toBe('hello\n');
    const variants = startMethod?.results[0]?.variants ?? [];
    expect(variants.map((v) => [v.name, v.startMethod, v.runs.length])).toEqual([
      ['fork', 'fork', 2],
      ['spawn', 'spawn', 2],
    ]);
  });

  it('drops inherited PYTHON* settings and passes the spec environment', async () => {
    const report = await run({ only: ['environment'] });
    const variant = report.entries[0]?.results[0]?.variants[0];
    expect(variant?.runs[0]?.stdout.text).toBe('None\nhi\n');
  });

  it('traces threads and processes on one time axis, relative to the start of the run', async () => {
    const report = await run({ only: ['start-method'] });
    for (const variant of report.entries[0]?.results[0]?.variants ?? []) {
      const run = variant.runs[0];
      const names = run?.trace.map((e) => `${e.kind}:${e.name}`).sort();
      expect(names).toEqual(['process:MainProcess', 'process:worker', 'thread:napper']);
      for (const event of run?.trace ?? []) {
        expect(event.startNs).toBeGreaterThan(0);
        expect(event.endNs).toBeGreaterThan(event.startNs);
        expect(event.endNs / 1e6).toBeLessThanOrEqual(run!.wallMs);
      }
      const main = run?.trace.find((e) => e.name === 'MainProcess');
      const worker = run?.trace.find((e) => e.name === 'worker');
      expect(worker!.startNs).toBeGreaterThan(main!.startNs);
      expect(worker!.endNs).toBeLessThan(main!.endNs);
      expect(worker!.pid).not.toBe(main!.pid);
    }
  });

  it('starts no Python at all when nothing changed, in a later build', async () => {
    await run();
    const starts = await pythonStarts();
    expect(starts).toBeGreaterThan(0);
    // A fresh copy of the runner module is what a new build process starts with.
    vi.resetModules();
    const later = await import('../../../scripts/examples/index.ts');
    const warm = await later.runExamples({ root, env, log: () => {} });
    expect(warm).toMatchObject({ ran: 0, cached: 3 });
    expect(await pythonStarts()).toBe(starts);
  });

  it('hands a second caller with the same options the first report: nothing run, read or printed again', async () => {
    const firstLines: string[] = [];
    const first = await run({ log: (line) => firstLines.push(line) });
    expect(firstLines).toHaveLength(3);
    const starts = await pythonStarts();
    // Without the cache, anything the second call ran or read would have to start Python again.
    await rm(join(root, 'node_modules'), { recursive: true, force: true });
    const secondLines: string[] = [];
    const second = await run({ log: (line) => secondLines.push(line) });
    expect(second).toBe(first);
    expect(secondLines).toEqual([]);
    expect(await pythonStarts()).toBe(starts);
  });


  it('runs each example once, and prints its progress once, when two callers ask at the same time', async () => {
    const lines: string[] = [];
    const [first, second] = await Promise.all([
      run({ log: (line) => lines.push(line) }),
      run({ log: (line) => lines.push(line) }),
    ]);
    const runsOf = (report: typeof first) => report.entries.map((e) => e.results[0]?.variants.map((v) => v.runs));
    // Two separate runs could never produce identical wall times.
    expect(runsOf(second)).toEqual(runsOf(first));
    expect(lines).toHaveLength(3);
  });

  it('runs again only the example whose source or spec changed', async () => {
    await run();
    await appendFile(join(root, 'src/examples/hello.py'), '# changed\n');
    expect(await run()).toMatchObject({ ran: 1, cached: 2 });
    await appendFile(join(root, 'src/examples/hello.spec.yaml'), '# changed\n');
    expect(await run()).toMatchObject({ ran: 1, cached: 2 });
  });

  it('runs everything again on another interpreter, or with force', async () => {
    await run();
    env = { ...env, PYTHON: await makeWrapper('python-b') };
    expect(await run()).toMatchObject({ ran: 3, cached: 0 });
    expect(await run({ force: true })).toMatchObject({ ran: 3, cached: 0 });
  });

  it('gives a result per interpreter with PYTHONS', async () => {
    const b = await makeWrapper('python-b');
    env = { ...env, PYTHONS: `${env['PYTHON']} ${b}` };
    const report = await run({ only: ['hello'] });
    expect(report.entries[0]?.results.map((r) => r.interpreter.requested)).toEqual([env['PYTHON'], b]);
  });

  it('fails naming the example, expected and actual, and how to update the spec; caches nothing', async () => {
    await writeFile(
      join(root, 'src/examples/hello.spec.yaml'),
      'description: d\nrepeats: 1\nrepeatsReason: one is enough\nvariants:\n  - expect:\n      stdout:\n        lines: [goodbye]\n',
    );
    const failure = await run({ only: ['hello'] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExamplesFailedError);
    const message = (failure as Error).message;
    expect(message).toContain('Example src/examples/hello.py did not do what src/examples/hello.spec.yaml expects');
    expect(message).toContain('stdout line 1: expected "goodbye", got "hello"');
    expect(message).toContain('update variants[0].expect in src/examples/hello.spec.yaml');
    const starts = await pythonStarts();
    await run({ only: ['hello'] }).catch(() => undefined);
    expect(await pythonStarts()).toBeGreaterThan(starts);
  });

  it('fails an example whose child hangs, killing parent and child', async () => {
    await cp(HANGING_CHILD, join(root, 'src/examples/hangs.py'));
    await writeFile(
      join(root, 'src/examples/hangs.spec.yaml'),
      'description: d\ntimeoutSeconds: 3\nrepeats: 1\nrepeatsReason: one is enough\nvariants:\n  - startMethod: spawn\n    expect: {}\n',
    );
    const failure = await run({ only: ['hangs'] }).catch((error: unknown) => error);
    expect((failure as Error).message).toMatch(/timed out after 3 s: the runner killed its whole process group/);
    const childPid = Number(/actual stdout:\n\s+(\d+)/.exec((failure as Error).message)?.[1]);
    expect(childPid).toBeGreaterThan(0);
    await new Promise((done) => setTimeout(done, 500));
    // Gone, or a zombie: dead, waiting for PID 1 to reap it (this container's PID 1 does not).
    const state = await new Promise<string>((done) =>
      execFile('ps', ['-o', 'stat=', '-p', String(childPid)], (_error, stdout) => done(stdout.trim())),
    );
    expect(state === '' || state.startsWith('Z')).toBe(true);
    const left = await new Promise<string>((done) =>
      execFile('pgrep', ['-f', join(root, 'src/examples/hangs.py')], (_error, stdout) => done(stdout)),
    );
    expect(left).toBe('');
  });

  it('names a missing spec and an unknown id', async () => {
    await writeFile(join(root, 'src/examples/lonely.py'), 'print(1)\n');
    await expect(run()).rejects.toThrow(/src\/examples\/lonely\.py has no spec: create src\/examples\/lonely\.spec\.yaml/);
    await rm(join(root, 'src/examples/lonely.py'));
    await expect(run({ only: ['nope'] })).rejects.toThrow(/No example named nope; known: environment, hello, start-method/);
  });
});
