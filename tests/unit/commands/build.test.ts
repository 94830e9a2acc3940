/**
 * The build wrapper end to end: the real build command (`node scripts/commands/build.ts`) on throwaway
 * copies of the site, each with one fault put in (or interrupted, or started twice at once). Every
 * failure must exit non-zero with one message naming the file and the fix, leave no process behind,
 * no staging directory, and the previous dist/ exactly as it was.
 *
 * Speed: the site is copied once with this worktree's caches and built dist/ (and built here only
 * when the worktree has none), every page but the two the faults touch cut down to its headings;
 * every case copies that site, dist/ included, and shares one examples/diagrams cache
 * (content-keyed, so a fault never reads another case's entries). The case that corrupts the
 * cache (after two interrupted builds) gets a copy of it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Nodes } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDir, type CacheArea } from '../../../scripts/cache/paths.ts';
import { SITE_PARTS } from '../../../scripts/site/site-parts.ts';

const WORKTREE = fileURLToPath(new URL('../../../', import.meta.url));
const NODE = join(WORKTREE, 'node_modules', '.bin', 'node');
/** Every cache area (scripts/cache/paths.ts): results, probes, renders, and the obtained CPython 3.14. */
const CACHES: readonly CacheArea[] = ['examples', 'interpreters', 'diagrams', 'python'];
/** The copies keep their caches to themselves, whatever the caller's PYCONC_CACHE_DIR says (they start from a copy of it). */
const { PYCONC_CACHE_DIR: _shared, ...BUILD_ENV } = process.env;
/** The areas made of JSON entries (python/ holds an installed interpreter). */
const JSON_CACHES = CACHES.filter((area) => area !== 'python');

let suiteDir: string;
let sharedCache: string;
let baseline: string;
let baselineHash: string;

interface BuildOutcome {
  exitCode: number | null;
  signal: string | null;
  output: string;
  pgid: number;
}

/**
 * A copy of the site with the caches linked to `cache`. It lives inside this worktree so that
 * packages resolve from our node_modules by walking up: Vite follows a symlinked node_modules to
 * its real path outside the copy's root and then fails to compile Starlight's components.
 */
async function makeSite(name: string, from: string, cache: string, withDist: boolean): Promise<string> {
  const site = join(suiteDir, name);
  await mkdir(join(site, 'node_modules', '.cache', 'pyconc'), { recursive: true });
  for (const part of [...SITE_PARTS, ...(withDist ? ['dist'] : [])]) {
    await cp(join(from, part), join(site, part), { recursive: true });
  }
  for (const area of CACHES) {
    await mkdir(join(cache, area), { recursive: true });
    await symlink(join(cache, area), join(site, 'node_modules', '.cache', 'pyconc', area));
  }
  return site;
}

interface StartedBuild {
  child: ReturnType<typeof spawn>;
  done: Promise<BuildOutcome>;
  /** Settles once the output matches `until` (rejects if the build ends first). */
  reached: Promise<void>;
}

/** Starts the build in a process group of its own, as a terminal would. */
function startBuild(site: string, env: NodeJS.ProcessEnv = {}, until?: RegExp): StartedBuild {
  const child = spawn(NODE, ['scripts/commands/build.ts'], {
    cwd: site,
    detached: true,
    env: { ...BUILD_ENV, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
  });
  let output = '';
  let seen: () => void = () => {};
  const reached = new Promise<void>((resolve) => (seen = resolve));
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (until?.test(output)) seen();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const done = new Promise<BuildOutcome>((resolve) => {
    child.once('close', (exitCode, signal) => resolve({ exitCode, signal, output, pgid: child.pid ?? -1 }));
  });
  const endedFirst = done.then((outcome) => Promise.reject(new Error(`The build ended before ${until}:\n${outcome.output.slice(-3000)}`)));
  const reachedFirst = Promise.race([reached, endedFirst]);
  // Only the cases that wait for `until` await this; the others must not see it as unhandled.
  reachedFirst.catch(() => {});
  return { child, done, reached: reachedFirst };
}

async function build(site: string, env: NodeJS.ProcessEnv = {}): Promise<BuildOutcome> {
  return startBuild(site, env).done;
}

/** sha256 over every file's path and bytes. */
async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(relative(dir, file)).update('\0').update(await readFile(file)).update('\0');
  return hash.digest('hex');
}

/** Processes still running that belong to the build: its process group, or the site in their command line. */
function survivors(site: string, pgid: number): string[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => {
    const [pid, group] = line.trim().split(/\s+/);
    if (pid === String(process.pid)) return false;
    return group === String(pgid) || line.includes(site);
  });
}

/** The wrapper's staging and previous-dist directories (scripts/site/publish.ts): none may be left. */
async function expectNoStaging(site: string): Promise<void> {
  expect(await readdir(join(site, 'node_modules', '.cache', 'pyconc', 'site'))).toEqual([]);
}

/** Waits briefly: a killed group takes a moment to be reaped. */
async function expectNoSurvivors(site: string, pgid: number): Promise<void> {
  for (let attempt = 0; attempt < 20 && survivors(site, pgid).length > 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(survivors(site, pgid)).toEqual([]);
}

async function expectFailureKeptDist(site: string, outcome: BuildOutcome, names: RegExp[]): Promise<void> {
  const failed = outcome.output.slice(outcome.output.lastIndexOf('[build] FAILED'));
  expect(outcome.exitCode, `${outcome.signal} ${outcome.output.slice(-3000)}`).not.toBe(0);
  expect(outcome.output).toContain('[build] FAILED');
  for (const name of names) expect(failed, outcome.output.slice(-3000)).toMatch(name);
  expect(failed).toMatch(/fix/i);
  // One clear message: the failure is not buried in kilobytes of captured output (a few
  // kilobytes per fault named: cases with several faults name several files).
  expect(failed.length, failed.slice(0, 3000)).toBeLessThan(3000 * Math.max(2, names.length / 2));
  await expectNoSurvivors(site, outcome.pgid);
  await expectNoStaging(site);
  expect(await hashTree(join(site, 'dist'))).toBe(baselineHash);
}

/**
 * A new example that must print `hello` and exit 0, with a source that does something else, shown on
 * the threads page (the build runs only what pages show). New to every run of this file: its source
 * names the suite, so no cache this suite started from can hold its result.
 */
async function addExample(site: string, id: string, source: string, spec: Record<string, string> = {}): Promise<void> {
  await editFile(join(site, 'src', 'content', 'docs', 'threads.mdx'), (text) => `${text}\n<Example id="${id}" />\n`);
  await writeFile(join(site, 'src', 'examples', `${id}.py`), `${source}# new in ${basename(suiteDir)}\n`);
  const lines = {
    description: 'A fault put in by the bad-input suite.',
    repeats: '1',
    repeatsReason: 'one run shows the fault',
    timeoutSeconds: '20',
    ...spec,
  };
  const variants = spec['variants'] ?? `\n  - expect:\n      stdout:\n        lines: ['hello']`;
  await writeFile(
    join(site, 'src', 'examples', `${id}.spec.yaml`),
    Object.entries(lines)
      .filter(([key]) => key !== 'variants')
      .map(([key, value]) => `${key}: ${value}`)
      .join('\n') + `\nvariants:${variants}\n`,
  );
}

async function editFile(path: string, edit: (text: string) => string): Promise<void> {
  const text = await readFile(path, 'utf8');
  const edited = edit(text);
  if (edited === text) throw new Error(`The fault did not change ${path}.`);
  await writeFile(path, edited);
}

/** The pages every fault is put into, or read from, kept whole in the copies. */
const FULL_PAGES = ['threads.mdx', 'locks.mdx'];

/**
 * Every other page keeps its front matter and headings (so every link and published anchor still
 * resolves) and loses its body: the copies build the same way with a fraction of the pages' weight
 * (a whole-site build per case made this the suite's longest file by far).
 */
async function keepOnlyHeadings(site: string, keep: readonly string[]): Promise<void> {
  const docs = join(site, 'src', 'content', 'docs');
  for (const page of await readdir(docs)) {
    if (keep.includes(page) || !page.endsWith('.mdx')) continue;
    const text = await readFile(join(docs, page), 'utf8');
    const [, frontMatter, body] = /^(---\n[^]*?\n---\n)([^]*)$/.exec(text) ?? [];
    if (frontMatter === undefined || body === undefined) throw new Error(`${page}: no front matter to keep.`);
    const headings = body.split('\n').filter((line) => /^#{1,6} /.test(line));
    await writeFile(join(docs, page), `${frontMatter}\n${headings.join('\n\n')}\n`);
  }
}

let caseNumber = 0;
async function faultySite(): Promise<string> {
  caseNumber += 1;
  return makeSite(`case-${caseNumber}`, baseline, sharedCache, true);
}

beforeAll(async () => {
  await mkdir(join(WORKTREE, '.tmp'), { recursive: true });
  suiteDir = await mkdtemp(join(WORKTREE, '.tmp', 'site-build-'));
  sharedCache = join(suiteDir, 'cache');
  for (const area of JSON_CACHES) {
    await cp(cacheDir(WORKTREE, area), join(sharedCache, area), { recursive: true }).catch(
      () => mkdir(join(sharedCache, area), { recursive: true }),
    );
  }
  // The obtained CPython is only read: every case uses the worktree's own (or obtains it there once).
  const python = join(WORKTREE, 'node_modules', '.cache', 'pyconc', 'python');
  await mkdir(python, { recursive: true });
  await symlink(python, join(sharedCache, 'python'));
  // CI builds the site (warming the caches) before it tests: that dist/ serves as every case's
  // previous build, which saves building the copy once more. Otherwise the copy is built here.
  const warm = await Promise.all(CACHES.map(async (area) => (await readdir(join(sharedCache, area))).length > 0));
  const builtHere = !existsSync(join(WORKTREE, 'dist', 'index.html')) || warm.includes(false);
  baseline = await makeSite('baseline', WORKTREE, sharedCache, !builtHere);
  await keepOnlyHeadings(baseline, FULL_PAGES);
  if (builtHere) {
    const outcome = await build(baseline);
    expect(outcome.exitCode, outcome.output.slice(-3000)).toBe(0);
  }
  baselineHash = await hashTree(join(baseline, 'dist'));
}, 600_000);

afterAll(async () => {
  if (suiteDir) await rm(suiteDir, { recursive: true, force: true });
});

/**
 * Corrupts the cache entries of a quick example's result and of one rendered diagram that the
 * site uses (every entry for each: entries of an older runner or renderer may sit beside the one
 * in use). Returns the corrupted files, per entry.
 */
async function corruptUsedEntries(cache: string): Promise<string[][]> {
  const used = { examples: '"id":"locks-counter-unlocked"', diagrams: 'Two threads contending for a lock' };
  const corrupted: string[][] = [];
  for (const area of ['examples', 'diagrams'] as const) {
    const names = (await readdir(join(cache, area))).filter((name) => name.endsWith('.json'));
    const entries = names.filter((name) => readFileSync(join(cache, area, name), 'utf8').includes(used[area]));
    if (entries.length === 0) throw new Error(`No ${area} cache entry to corrupt.`);
    for (const entry of entries) await writeFile(join(cache, area, entry), '{"half an entry');
    corrupted.push(entries.map((entry) => join(cache, area, entry)));
  }
  return corrupted;
}

function parses(file: string): boolean {
  try {
    JSON.parse(readFileSync(file, 'utf8'));
    return true;
  } catch {
    return false;
  }
}

describe('npm run build on bad input, interrupted, or started twice', { timeout: 180_000 }, () => {
  // Faults of one kind share one build: the runner reports every example that failed, so each
  // must be named in the one failure (a build per fault cost 10 s each, the suite's longest file).
  it('examples that raise, print something else, print nothing or invalid UTF-8: each is named', async () => {
    const site = await faultySite();
    await addExample(site, 'raises', 'raise RuntimeError("the fault")\n');
    await addExample(site, 'prints-else', 'print("goodbye")\n');
    await addExample(site, 'prints-nothing', 'pass\n');
    await addExample(site, 'invalid-utf8', 'import sys\nsys.stdout.buffer.write(b"caf\\xe9\\n")\n');
    const outcome = await build(site);
    // The closing summary names every failing example; the details (cut there when long) are above it.
    await expectFailureKeptDist(site, outcome, [
      /src\/examples\/raises\.py/,
      /src\/examples\/prints-else\.py/,
      /src\/examples\/prints-nothing\.py/,
      /src\/examples\/invalid-utf8\.py/,
    ]);
    for (const detail of [/RuntimeError: the fault/, /raises\.spec\.yaml/, /goodbye/, /\(empty\)/, /caf\uFFFD/]) expect(outcome.output).toMatch(detail);
  });

  it('examples that hang, leave a child hanging, or print 50 MB are stopped (children too) and named', async () => {
    const site = await faultySite();
    await addExample(site, 'hangs', 'import time\nprint("hello", flush=True)\ntime.sleep(3600)\n', { timeoutSeconds: '2', workload: 'waiting' });
    await addExample(
      site,
      'child-hangs',
      [
        'import multiprocessing, time',
        'if __name__ == "__main__":',
        '    multiprocessing.Process(target=time.sleep, args=(3600,)).start()',
        '    print("hello", flush=True)',
        '',
      ].join('\n'),
      // Both sleep: they may wait side by side, as the runner lets waiting examples do.
      { timeoutSeconds: '3', workload: 'waiting' },
    );
    await addExample(site, 'prints-50mb', 'import sys\nsys.stdout.write("x" * 50_000_000)\n');
    await expectFailureKeptDist(site, await build(site), [
      /src\/examples\/hangs\.py[^]*time/i,
      /src\/examples\/child-hangs\.py[^]*time/i,
      /src\/examples\/prints-50mb\.py/,
    ]);
  });

  // Both go through the same lookup, which names every interpreter in PYTHONS that fails.
  it('a missing interpreter and one too old (the real version check): both named', async () => {
    const site = await faultySite();
    const fake = join(site, 'python-3.6');
    // Asks the real python3, then reports its version as 3.6.15: the runner's own probe and check run.
    await writeFile(fake, `#!/bin/sh\npython3 "$@" | sed -E 's/"versionInfo": \\[[0-9]+, [0-9]+, [0-9]+\\]/"versionInfo": [3, 6, 15]/'\n`);
    await chmod(fake, 0o755);
    await expectFailureKeptDist(site, await build(site, { PYTHONS: `/nonexistent/python3 ${fake}` }), [
      /\/nonexistent\/python3/,
      /PYTHONS=/,
      /python-3\.6/,
      /3\.6\.15/,
      /3\.9 or newer/,
    ]);
  });

  it('a diagram with a syntax error', async () => {
    const site = await faultySite();
    await writeFile(
      join(site, 'diagrams', 'broken.mmd'),
      'sequenceDiagram\n  accTitle: Broken\n  accDescr: A diagram with a syntax error.\n  A ->>>> B: no such arrow\n',
    );
    await expectFailureKeptDist(site, await build(site), [/diagrams\/broken\.mmd/]);
  });

  it('links to a missing page and to a missing anchor: both named', async () => {
    const site = await faultySite();
    await editFile(
      join(site, 'src', 'content', 'docs', 'threads.mdx'),
      (text) => `${text}\nSee [nowhere](/no-such-page/) and [the lock](/locks/#no-such-anchor).\n`,
    );
    await expectFailureKeptDist(site, await build(site), [/threads/, /\/no-such-page\//, /\/locks\/#no-such-anchor/, /astro build failed/]);
  });

  it('a published anchor removed', async () => {
    const site = await faultySite();
    await editFile(join(site, 'src', 'content', 'docs', 'threads.mdx'), (text) => text.replace('{/* join */}', '{/* joining */}'));
    const outcome = await build(site);
    expect(outcome.exitCode, outcome.output.slice(-3000)).toBe(1);
    await expectFailureKeptDist(site, outcome, [/\/threads\/#join: anchor missing/, /src\/anchors\.json/, /npm run anchors:update/]);
  });

  // The build after the interruptions also meets corrupted cache entries: one whole build
  // checks both that an interrupted build leaves nothing in the way and that a broken entry heals.
  it('a build interrupted by SIGINT keeps dist/ and cleans up; the next one publishes, healing corrupted cache entries', { timeout: 240_000 }, async () => {
    // A cache of its own: this case corrupts entries the others read.
    const cache = join(suiteDir, 'cache-interrupted');
    await cp(sharedCache, cache, { recursive: true });
    const site = await makeSite('case-interrupted', baseline, cache, true);
    await addExample(site, 'slow', 'import time\ntime.sleep(4)\nprint("hello")\n', { timeoutSeconds: '30' });
    const expectInterrupted = async (interrupted: BuildOutcome) => {
      expect(interrupted.exitCode, `${interrupted.signal} ${interrupted.output.slice(-3000)}`).toBe(130);
      expect(interrupted.output).toContain('Interrupted by SIGINT');
      await expectNoSurvivors(site, interrupted.pgid);
      await expectNoStaging(site);
      expect(await hashTree(join(site, 'dist'))).toBe(baselineHash);
    };

    // Ctrl-C in a terminal signals the whole foreground process group: here while Python runs.
    const inPython = startBuild(site, {}, /\[examples\] running/);
    await inPython.reached;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    process.kill(-(inPython.child.pid ?? 0), 'SIGINT');
    await expectInterrupted(await inPython.done);

    // A signal to the wrapper alone (kill <pid>) must still stop Astro and everything under it.
    const inAstro = startBuild(site, {}, /Building static entrypoints/);
    await inAstro.reached;
    inAstro.child.kill('SIGINT');
    await expectInterrupted(await inAstro.done);

    const corrupted = await corruptUsedEntries(cache);
    // Publishing replaces dist/ as a whole, so a file only the previous build had is gone after it.
    await writeFile(join(site, 'dist', 'only-in-the-previous-build'), '');
    const again = await build(site);
    expect(again.exitCode, again.output.slice(-3000)).toBe(0);
    // Each corrupted entry was rewritten whole (entries of an older runner or renderer may stay broken).
    for (const files of corrupted) expect(files.filter(parses).length, files.join(', ')).toBeGreaterThan(0);
    expect(existsSync(join(site, 'dist', 'only-in-the-previous-build'))).toBe(false);
    expect(await readFile(join(site, 'dist', 'index.html'), 'utf8')).toContain('</html>');
    await expectNoSurvivors(site, again.pgid);
    await expectNoStaging(site);
  });

  // Success is the slow path (a whole Astro build), so one case covers what must succeed: two
  // builds at once, the new example run once, and what it prints (HTML) shown as text.
  it('two builds started at once both succeed, run a new example once, and show its HTML output as text', async () => {
    const site = await faultySite();
    const payload = '<script>alert("pwned")</script><b>bold</b>';
    await addExample(site, 'prints-html', `print(${JSON.stringify(payload)})\n`, {
      variants: `\n  - expect:\n      stdout:\n        lines: [${JSON.stringify(payload)}]`,
    });
    const outcomes = await Promise.all([build(site), build(site)]);
    for (const outcome of outcomes) expect(outcome.exitCode, outcome.output.slice(-3000)).toBe(0);
    // The copy lives at another path, yet only the new example runs, once per interpreter, and
    // only in the build that got the lock first: keys name what an entry depends on, never where
    // the checkout is (a cache restored in CI), and the second build finds the first one's results.
    const counts = outcomes.map((outcome) => {
      const [, interpreters, ran] = /(\d+) interpreter\(s\); \d+ examples \((\d+) results ran/.exec(outcome.output) ?? [];
      expect(outcome.output).toMatch(/ diagrams \(0 rendered, \d+ cached\)/);
      return { interpreters: Number(interpreters), ran: Number(ran) };
    });
    const interpreters = counts[0]!.interpreters;
    expect(interpreters).toBeGreaterThan(0);
    expect(counts.map(({ ran }) => ran).sort((a, b) => a - b)).toEqual([0, interpreters]);
    for (const area of JSON_CACHES) {
      for (const name of await readdir(join(sharedCache, area))) {
        expect(name).toMatch(/\.json$/);
        expect(() => JSON.parse(readFileSync(join(sharedCache, area, name), 'utf8'))).not.toThrow();
      }
    }
    const pages = await readdir(join(site, 'dist'));
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'threads', 'locks', 'pagefind']));
    expect(await readFile(join(site, 'dist', 'index.html'), 'utf8')).toContain('</html>');
    expect(existsSync(join(site, 'dist', 'pagefind', 'pagefind.js'))).toBe(true);
    const page = fromHtml(await readFile(join(site, 'dist', 'threads', 'index.html'), 'utf8'));
    expect(selectAll('script', page).filter((script) => textOf(script).includes('pwned'))).toEqual([]);
    expect(selectAll('b', page).filter((bold) => textOf(bold) === 'bold')).toEqual([]);
    const shown = selectAll('.example-result pre', page).map((node) => textOf(node));
    expect(shown.some((text) => text.includes(payload))).toBe(true);
    await expectNoStaging(site);
    for (const outcome of outcomes) await expectNoSurvivors(site, outcome.pgid);
  });
});

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child)).join('') : '';
}
