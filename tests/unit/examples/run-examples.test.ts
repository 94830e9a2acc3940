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
import { discoverExamples } from '../../../scripts/examples/discover-examples.ts';
import { runExamples, type RunExamplesOptions } from '../../../scripts/examples/run-examples.ts';
import { BuildStepError } from '../../../scripts/shared/build-step-error.ts';
import { findInterpreter } from '../../../scripts/interpreters/find-interpreter.ts';
import type { InterpreterInfo } from '../../../scripts/interpreters/interpreter-info.ts';

const HANGING_CHILD = fileURLToPath(new URL('../../fixtures/python/hanging-child.py', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/runner-examples/', import.meta.url));

let root: string;
let pythonLog: string;
let env: NodeJS.ProcessEnv;
let interpreters: InterpreterInfo[];

async function interpreter(name: string): Promise<InterpreterInfo> {
  const path = join(root, name);
  // Logs when each example run (not the probe) starts and ends, on the system clock, with its file.
  const log = (event: string) => `case "$last" in *.py) echo "${event} $(date +%s%N) $(basename "$last")" >> "${pythonLog}";; esac`;
  await writeFile(path, `#!/bin/sh\nfor last; do :; done\n${log('started')}\npython3 "$@"\nstatus=$?\n${log('ended')}\nexit $status\n`);
  await chmod(path, 0o755);
  return findInterpreter(path, join(root, 'cache', 'interpreters'), env);
}

async function pythonLines(): Promise<string[][]> {
  return (await readFile(pythonLog, 'utf8').catch(() => '')).split('\n').filter(Boolean).map((line) => line.split(' '));
}

async function pythonStarts(): Promise<number> {
  return (await pythonLines()).filter(([event]) => event === 'started').length;
}

async function run(options: Partial<RunExamplesOptions> & { only?: string[] } = {}) {
  const { only, ...rest } = options;
  const examples = (await discoverExamples(root, 'src/examples')).filter((e) => !only || only.includes(e.id));
  return runExamples({ examples, interpreters, cacheDir: join(root, 'cache', 'examples'), env, log: () => {}, ...rest });
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'pyconc-runner-test-'));
  await cp(FIXTURE, root, { recursive: true });
  pythonLog = join(root, 'python-starts.log');
  env = { ...process.env, PYTHONUNBUFFERED: '1', FORCE_COLOR: '1' };
  interpreters = [await interpreter('python-a')];
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

// Real Python runs; generous because this 2-core machine is often shared with other builds.
describe('runExamples', { timeout: 60_000 }, () => {
  it('runs, verifies and describes every example; pages get the run with the median time', async () => {
    const report = await run();
    expect(report.ran).toBe(report.results.length);
    expect(report.entries.map((e) => e.id)).toEqual(['environment', 'hello', 'start-method', 'versioned', 'waits']);
    const hello = report.entries.find((e) => e.id === 'hello')?.results[0];
    expect(hello?.interpreter).toMatchObject({ implementation: 'cpython', gilEnabled: true });
    expect(hello?.variants[0]).toMatchObject({ name: 'default', timing: { runs: 1 } });
    expect(hello?.variants[0]?.shown.stdout.text).toBe('hello\n');
    const full = report.results.find((r) => r.id === 'start-method');
    expect(full?.variants.map((v) => [v.name, v.startMethod, v.runs.length])).toEqual([
      ['fork', 'fork', 2],
      ['spawn', 'spawn', 2],
    ]);
    for (const variant of full?.variants ?? []) expect(variant.timing.medianMs).toBe(variant.runs[variant.shownRun]!.wallMs);
  });

  it('drops inherited PYTHON* and colour settings (FORCE_COLOR colours 3.13+ tracebacks) and passes the spec environment', async () => {
    const report = await run({ only: ['environment'] });
    expect(report.entries[0]?.results[0]?.variants[0]?.shown.stdout.text).toBe('None\nNone\nhi\n');
  });

  it('holds each interpreter to the first spec case whose condition holds, and says why', async () => {
    const report = await run({ only: ['versioned'] });
    const variant = report.entries[0]?.results[0]?.variants[0];
    expect(variant?.shown.stdout.text).toBe('3.9 or newer\n');
    expect(variant?.expectation).toEqual({ when: 'Python >=3.9', reason: 'The example prints what it finds: every supported Python is 3.9 or newer.' });
  });

  it('leaves out the interpreters a spec does not support, with its reason', async () => {
    await writeFile(
      join(root, 'src/examples/hello.spec.yaml'),
      'description: d\nrepeats: 1\nrepeatsReason: one is enough\nrequires:\n  when: { python: ">=4" }\n  reason: Python 4 has not happened.\nvariants:\n  - expect:\n      stdout:\n        lines: [hello]\n',
    );
    const report = await run({ only: ['hello'] });
    expect(report.entries[0]?.results).toEqual([]);
    expect(report.entries[0]?.skipped.map((s) => s.reason)).toEqual(['Python 4 has not happened.']);
    expect(await pythonStarts()).toBe(0);
  });

  it('traces threads and processes on one time axis, relative to the start of the run', async () => {
    const report = await run({ only: ['start-method'] });
    for (const variant of report.results[0]?.variants ?? []) {
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

  it('overlaps the runs of waiting examples, and runs CPU-bound ones alone', async () => {
    await run({ only: ['hello', 'start-method', 'waits'] });
    // Each run's span on the system clock, as the interpreter wrapper logged it (start before end).
    const open = new Map<string, number[]>();
    const spans: { file: string; start: number; end: number }[] = [];
    for (const [event, ns, file] of await pythonLines()) {
      if (event === 'started') open.set(file!, [...(open.get(file!) ?? []), Number(ns)]);
      else spans.push({ file: file!, start: open.get(file!)!.shift()!, end: Number(ns) });
    }
    const overlaps = (a: (typeof spans)[number], b: (typeof spans)[number]) => a !== b && a.start < b.end && b.start < a.end;
    const waiting = spans.filter((span) => span.file === 'waits.py');
    expect(waiting).toHaveLength(3);
    expect(waiting.some((a) => waiting.some((b) => overlaps(a, b)))).toBe(true);
    for (const span of spans.filter((s) => s.file !== 'waits.py')) {
      expect(spans.filter((other) => overlaps(span, other))).toEqual([]);
    }
  });

  it('starts no Python at all when nothing changed, in a later build', async () => {
    await run();
    const starts = await pythonStarts();
    expect(starts).toBeGreaterThan(0);
    // A fresh copy of the runner module is what a new build process starts with.
    vi.resetModules();
    const later = await import('../../../scripts/examples/run-examples.ts');
    const examples = await discoverExamples(root, 'src/examples');
    const warm = await later.runExamples({ examples, interpreters, cacheDir: join(root, 'cache', 'examples'), env, log: () => {} });
    expect(warm).toMatchObject({ ran: 0, cached: 5 });
    expect(await pythonStarts()).toBe(starts);
  });

  it('runs again only the example whose source or spec changed', async () => {
    const only = ['hello', 'versioned', 'environment'];
    await run({ only });
    await appendFile(join(root, 'src/examples/hello.py'), '# changed\n');
    expect(await run({ only })).toMatchObject({ ran: 1, cached: 2 });
    await appendFile(join(root, 'src/examples/hello.spec.yaml'), '# changed\n');
    expect(await run({ only })).toMatchObject({ ran: 1, cached: 2 });
  });

  it('runs again on another interpreter, or with force; the same interpreter elsewhere hits', async () => {
    await run({ only: ['hello', 'versioned'] });
    // The same Python at another path (a cache restored into another checkout) is the same interpreter.
    interpreters = [await interpreter('python-b')];
    expect(await run({ only: ['hello', 'versioned'] })).toMatchObject({ ran: 0, cached: 2 });
    // Another build (its sys.version differs) is not.
    interpreters = interpreters.map((info) => ({ ...info, version: `${info.version} (another build)` }));
    expect(await run({ only: ['hello', 'versioned'] })).toMatchObject({ ran: 2, cached: 0 });
    expect(await run({ only: ['hello', 'versioned'], force: true })).toMatchObject({ ran: 2, cached: 0 });
  });

  it('gives a result per interpreter, in the configured order', async () => {
    interpreters = [await interpreter('python-b'), ...interpreters];
    const report = await run({ only: ['hello'] });
    expect(report.entries[0]?.results.map((r) => r.interpreter.requested)).toEqual(interpreters.map((i) => i.requested));
  });

  it('fails naming the example, expected and actual, and how to update the spec; caches nothing', async () => {
    await writeFile(
      join(root, 'src/examples/hello.spec.yaml'),
      'description: d\nrepeats: 1\nrepeatsReason: one is enough\nvariants:\n  - expect:\n      stdout:\n        lines: [goodbye]\n',
    );
    const failure = await run({ only: ['hello'] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildStepError);
    expect(failure).toMatchObject({ step: 'examples' });
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
      // fork: the child prints its pid at once, however busy the machine (a spawned one may not within 3 s).
      'description: d\ntimeoutSeconds: 3\nrepeats: 1\nrepeatsReason: one is enough\nvariants:\n  - startMethod: fork\n    expect: {}\n',
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

  it('names a missing spec', async () => {
    await writeFile(join(root, 'src/examples/lonely.py'), 'print(1)\n');
    await expect(run()).rejects.toThrow(/src\/examples\/lonely\.py has no spec\.\nFix: create src\/examples\/lonely\.spec\.yaml/);
  });
});
