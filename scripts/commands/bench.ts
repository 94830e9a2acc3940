/**
 * `npm run bench [-- --out file.json] [-- --loads N]`: measures, side by side in one run, a cold
 * build (every example on every interpreter, every diagram), the same cold build on one interpreter
 * fewer (the newest pinned CPython left out: what one more pinned interpreter costs), warm builds of the real site and of
 * a plain Starlight copy of the same pages (time and peak memory), a rebuild after one example
 * changed, page weight and layout shift, and search as you type. Prints each figure with its
 * target and PASS/FAIL and writes them all as JSON (default: the cache root's bench/latest.json,
 * which CI's cache keeps). It reports; it never fails a test. Takes about 12 minutes.
 */
import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cacheRoot } from '../cache/paths.ts';
import { newestInterpreter } from '../interpreters/interpreter-info.ts';
import { readPipelineSummary } from '../pipeline/pipeline-summary.ts';
import { createBuildPlan } from '../plan/build-plan.ts';
import { pageUrl } from '../plan/page-usage.ts';
import { median } from '../shared/median.ts';
import { ASTRO_CLI } from '../site/astro-cli.ts';
import { writeClientMermaidPage } from '../bench/client-mermaid-page.ts';
import { coldBreakdown } from '../bench/cold-breakdown.ts';
import { measurePages } from '../bench/measure-pages.ts';
import { printReport, targetsOf } from '../bench/report.ts';
import { copySite, makePlain } from '../bench/site-copy.ts';
import { mustSucceed, timeBuild, type TimedBuild } from '../bench/time-build.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: { out: { type: 'string', default: join(cacheRoot(root), 'bench', 'latest.json') }, loads: { type: 'string', default: '5' } },
});
const loads = Number(values.loads);
const BUILD = ['scripts/commands/build.ts'];
const PLAIN_BUILD = [ASTRO_CLI, 'build'];
/**
 * Warm builds of each, taking turns; the medians are compared. On a shared host the other
 * tenants' load moves a single build by seconds: five turns each keep a noisy minute from
 * deciding the figure.
 */
const WARM_BUILDS = 5;
const QUERY = 'mutual exclusion';
/** The right first result for QUERY: the search is timed until this shows, not a prefix's result. */
const ANSWER = { url: '/locks/', section: '/locks/#mutual-exclusion' };
// The copies keep their caches to themselves, whatever the caller's PYCONC_CACHE_DIR says, and
// are built and served at the root (the pages and search are measured at root URLs).
const { PYCONC_CACHE_DIR: _shared, SITE_URL: _site, BASE_PATH: _base, ...env } = process.env;
const log = (line: string) => console.log(`[bench] ${line}`);

const plan = await createBuildPlan({ root, env, log: () => {} });
// The overview and every page that shows a diagram or a timeline, from what the pages say.
const pages = [
  ...new Set(['/', ...plan.uses.filter((use) => ['Diagram', 'Timeline'].includes(use.component)).map((use) => pageUrl(use.page, plan.layout.docsDir))]),
];
// The obtained CPython and the interpreter probes are machine set-up, not part of a cold build.
const real = await copySite(root, 'real', ['python', 'interpreters']);
const fewer = await copySite(root, 'fewer', ['python', 'interpreters']);
const plain = await copySite(root, 'plain');
// One interpreter fewer: the pinned set without its newest CPython, named to the copy by PYTHONS.
const newest = newestInterpreter(plan.interpreters)!;
const fewerInterpreters = plan.interpreters.filter((interpreter) => interpreter !== newest);
try {
  log(`1/6 cold build in ${real}: every example on ${plan.interpreters.length} interpreter(s), every diagram`);
  const cold = mustSucceed('cold build', await timeBuild(real, BUILD, env));
  const breakdown = await coldBreakdown(real, env);
  log(`   the same on ${fewerInterpreters.length} (without ${newest.requested}), in ${fewer}`);
  const fewerEnv = { ...env, PYTHONS: fewerInterpreters.map((interpreter) => interpreter.executable).join(' ') };
  const coldFewer = mustSucceed('cold build, one interpreter fewer', await timeBuild(fewer, BUILD, fewerEnv));
  await rm(fewer, { recursive: true, force: true });
  log('2/6 plain Starlight copy (same pages, no examples or diagrams): first build');
  await makePlain(plain);
  mustSucceed('plain build (cold)', await timeBuild(plain, PLAIN_BUILD, env));
  log(`3/6 warm builds, taking turns: real, plain, ${WARM_BUILDS} times each`);
  const warm: TimedBuild[] = [];
  const plainWarm: TimedBuild[] = [];
  for (let round = 0; round < WARM_BUILDS; round++) {
    warm.push(mustSucceed('warm build', await timeBuild(real, BUILD, env)));
    plainWarm.push(mustSucceed('plain build', await timeBuild(plain, PLAIN_BUILD, env)));
  }
  log('4/6 one example edited: only it may run again');
  await appendFile(join(real, plan.examples[0]!.sourceFile), '\n# edited by the bench\n');
  const edited = mustSucceed('build after an edit', await timeBuild(real, BUILD, env));
  const ranAfterEdit = (await readPipelineSummary(real))?.resultsRan ?? NaN;
  log(`5/6 pages in headless Chromium (${loads} loads each) and search, on the cold build's copy`);
  const clientPath = await writeClientMermaidPage(join(real, 'dist'), 'gil', join(real, 'diagrams'));
  const measured = await measurePages(real, pages, clientPath, { loads, query: QUERY, answer: ANSWER });

  log('6/6 report');
  const figures = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, loadAverage1m: loadavg()[0] },
    cold: { ms: cold.ms, maxRssBytes: cold.maxRssBytes, ...breakdown },
    coldFewer: { ms: coldFewer.ms, interpreters: fewerInterpreters.map((i) => `${i.requested} ${i.versionInfo.join('.')}`) },
    warm: { ms: median(warm.map((b) => b.ms)), maxRssBytes: median(warm.map((b) => b.maxRssBytes)), runs: warm.map((b) => b.ms) },
    plain: { ms: median(plainWarm.map((b) => b.ms)), maxRssBytes: median(plainWarm.map((b) => b.maxRssBytes)), runs: plainWarm.map((b) => b.ms) },
    afterEdit: { ms: edited.ms, resultsRan: ranAfterEdit, interpreters: plan.interpreters.length, example: plan.examples[0]!.id },
    pages: measured.pages,
    clientMermaid: measured.clientMermaid,
    search: { query: QUERY, ...measured.search },
  };
  const targets = targetsOf(figures);
  printReport(figures, targets);
  const out = resolve(root, values.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify({ ...figures, targets }, null, 2)}\n`);
  log(`wrote ${out}`);
} finally {
  await rm(real, { recursive: true, force: true });
  await rm(fewer, { recursive: true, force: true });
  await rm(plain, { recursive: true, force: true });
}
