/**
 * The build wrapper end to end, on throwaway copies of this project (scripts/site/build.ts
 * builds the project it sits in). Each copy gets a fake previous dist/ to prove it survives.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const PREVIOUS = 'the previous build';

/**
 * Copies the project to a temporary directory (not under node_modules: Node strips types only
 * outside it). node_modules is a hard-linked copy (about a second; a symlinked one confuses
 * Astro's compiler about file paths); the example and diagram caches are symlinked so nothing
 * is re-run; the copy has its own staging area, Astro data store and Vite cache.
 */
function copyProject(name: string): string {
  const copy = mkdtempSync(join(tmpdir(), `pyconc-${name}-`));
  for (const entry of ['src', 'scripts', 'diagrams', 'package.json', 'tsconfig.json', 'astro.config.mjs']) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(copy, entry), { recursive: true });
  }
  const modules = join(root, 'node_modules');
  const linked = spawnSync('cp', ['-al', modules, join(copy, 'node_modules')], { encoding: 'utf8' });
  if (linked.status !== 0) throw new Error(`cp -al ${modules} failed: ${linked.stderr}`);
  for (const own of ['.cache', '.astro', '.vite', '.vite-temp', '.vitest-cache']) {
    rmSync(join(copy, 'node_modules', own), { recursive: true, force: true });
  }
  const caches = join(modules, '.cache', 'pyconc');
  mkdirSync(join(copy, 'node_modules', '.cache', 'pyconc'), { recursive: true });
  for (const area of existsSync(caches) ? readdirSync(caches) : []) {
    if (!['site', 'e2e'].includes(area)) symlinkSync(join(caches, area), join(copy, 'node_modules', '.cache', 'pyconc', area));
  }
  mkdirSync(join(copy, 'dist'));
  writeFileSync(join(copy, 'dist', 'index.html'), PREVIOUS);
  return copy;
}

interface BuildRun {
  code: number | null;
  output: string;
}

/** Runs the copy's `npm run build`; `interruptWhen` sends SIGINT once the output matches it. */
function build(copy: string, interruptWhen?: RegExp): Promise<BuildRun> {
  const child = spawn(process.execPath, [join(copy, 'scripts', 'site', 'build.ts')], { cwd: copy });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (interruptWhen?.test(output) && child.exitCode === null) {
      interruptWhen = undefined;
      child.kill('SIGINT');
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

/** Command lines of live processes that run something from the copy. */
function processesIn(copy: string): string[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .flatMap((pid) => {
      try {
        return [readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')];
      } catch {
        return [];
      }
    })
    .filter((command) => command.includes(copy));
}

const stagingLeft = (copy: string) => readdirSync(join(copy, 'node_modules', '.cache', 'pyconc', 'site'));
let copies: string[] = [];
afterEach(() => {
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  copies = [];
});

test('a published anchor missing from the new build fails it, names URL#anchor, and keeps dist/', { timeout: 180_000 }, async () => {
  const copy = copyProject('anchor-removed');
  copies.push(copy);
  const manifestPath = join(copy, 'src', 'anchors.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string[]>;
  manifest['/'] = [...(manifest['/'] ?? []), 'a-heading-that-was-removed'];
  writeFileSync(manifestPath, JSON.stringify(manifest));

  const { code, output } = await build(copy);
  expect(code).toBe(1);
  expect(output).toContain('/#a-heading-that-was-removed: anchor missing');
  expect(output).toContain('npm run anchors:update');
  expect(readFileSync(join(copy, 'dist', 'index.html'), 'utf8')).toBe(PREVIOUS);
  expect(stagingLeft(copy)).toEqual([]);
});

test('a dead link fails the build, naming the link, and keeps dist/', { timeout: 180_000 }, async () => {
  const copy = copyProject('dead-link');
  copies.push(copy);
  const page = join(copy, 'src', 'content', 'docs', 'index.mdx');
  writeFileSync(page, `${readFileSync(page, 'utf8')}\n\nSee [a page that does not exist](/no-such-page/).\n`);

  const { code, output } = await build(copy);
  expect(code).not.toBe(0);
  expect(output).toContain('/no-such-page/');
  expect(output).toContain('astro build failed');
  expect(readFileSync(join(copy, 'dist', 'index.html'), 'utf8')).toBe(PREVIOUS);
  expect(stagingLeft(copy)).toEqual([]);
});

test('SIGINT mid-build leaves dist/ whole and no staging; the next build publishes', { timeout: 240_000 }, async () => {
  const copy = copyProject('interrupted');
  copies.push(copy);

  const interrupted = await build(copy, /Building static entrypoints/);
  expect(interrupted.code).toBe(130);
  expect(interrupted.output).toContain('Interrupted by SIGINT');
  expect(readFileSync(join(copy, 'dist', 'index.html'), 'utf8')).toBe(PREVIOUS);
  expect(stagingLeft(copy)).toEqual([]);
  expect(processesIn(copy)).toEqual([]);

  const again = await build(copy);
  expect(again.code, again.output).toBe(0);
  expect(readFileSync(join(copy, 'dist', 'index.html'), 'utf8')).not.toBe(PREVIOUS);
});

test('two builds started at once both finish, and dist/ holds one whole build', { timeout: 240_000 }, async () => {
  const copy = copyProject('concurrent');
  copies.push(copy);

  const [first, second] = await Promise.all([build(copy), build(copy)]);
  expect(first.code, first.output).toBe(0);
  expect(second.code, second.output).toBe(0);
  expect(readFileSync(join(copy, 'dist', 'index.html'), 'utf8')).toContain('</html>');
  expect(existsSync(join(copy, 'dist', 'pagefind', 'pagefind.js'))).toBe(true);
  expect(stagingLeft(copy)).toEqual([]);
});
