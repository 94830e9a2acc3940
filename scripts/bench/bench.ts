/**
 * `npm run bench [-- --out file.json] [-- --loads N]`: measures the build, the pages, search and
 * the example runner on throwaway copies of this site, prints a table with the targets, and
 * writes all figures as JSON (default node_modules/.cache/pyconc/bench/latest.json).
 * It reports; it never fails a test. Takes about 5 minutes (a cold build runs every example).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeClientMermaidPage } from './client-mermaid-page.ts';
import { measurePages } from './measure-pages.ts';
import { measureRunnerOverhead } from './runner-overhead.ts';
import { copySite, makePlain } from './site-copy.ts';
import { mustSucceed, timeBuild } from './time-build.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'node_modules/.cache/pyconc/bench/latest.json' },
    loads: { type: 'string', default: '3' },
  },
});
const loads = Number(values.loads);
const ASTRO_CLI = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const BUILD = ['scripts/site/build.ts'];
const PLAIN_BUILD = [ASTRO_CLI, 'build'];
/** Pages measured: the overview (no diagrams) and the pages with diagrams. */
const PAGES = ['/', '/gil/', '/processes/', '/locks/', '/concurrency-vs-parallelism/'];
const DIAGRAM_PAGE = 'gil';
const QUERY = 'mutual exclusion';
/** The right first result for QUERY: the search is timed until this shows, not a prefix's result. */
const ANSWER = { url: '/locks/', section: '/locks/#mutual-exclusion' };

const log = (line: string) => console.log(`[bench] ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const real = await copySite(root, 'real');
const plain = await copySite(root, 'plain');
try {
  log(`1/5 cold build (empty example, diagram and Astro caches) in ${real}`);
  const cold = mustSucceed('cold build', await timeBuild(real, BUILD));
  log(`    ${seconds(cold.ms)}; 2/5 warm build (nothing changed)`);
  const warm = mustSucceed('warm build', await timeBuild(real, BUILD));
  log(`    ${seconds(warm.ms)}; 3/5 plain Starlight build of the same pages without examples or diagrams`);
  await makePlain(plain);
  mustSucceed('plain build (cold)', await timeBuild(plain, PLAIN_BUILD));
  const plainWarm = mustSucceed('plain build', await timeBuild(plain, PLAIN_BUILD));
  log(`    ${seconds(plainWarm.ms)}; 4/5 pages in headless Chromium (${loads} loads each) and search`);
  const clientPath = await writeClientMermaidPage(join(real, 'dist'), DIAGRAM_PAGE, join(real, 'diagrams'));
  const pages = await measurePages(real, PAGES, clientPath, { loads, query: QUERY, answer: ANSWER });
  log('5/5 runner overhead: every example run afresh');
  const runner = await measureRunnerOverhead(real, () => {});

  const diagramPage = pages.pages.find((p) => p.path === `/${DIAGRAM_PAGE}/`);
  const overview = pages.pages.find((p) => p.path === '/');
  if (!diagramPage || !overview) throw new Error('The diagram page or the overview was not measured.');
  const warmRatio = warm.ms / plainWarm.ms;
  const targets = [
    { target: 'warm build ≤ 1.3× plain Starlight', value: `${warmRatio.toFixed(2)}×`, pass: warmRatio <= 1.3 },
    { target: '0 bytes of Mermaid JS on diagram pages', value: `${Math.max(...pages.pages.map((p) => p.mermaidJsBytes))} B`, pass: pages.pages.every((p) => p.mermaidJsBytes === 0) },
    { target: 'CLS 0 on every page', value: Math.max(...pages.pages.map((p) => p.cls)).toFixed(4), pass: pages.pages.every((p) => p.cls === 0) },
    { target: 'search: last keystroke → right first result < 150 ms (median)', value: `${Math.round(pages.search.fromLastKeyMs)} ms`, pass: pages.search.fromLastKeyMs < 150 },
    { target: 'runner overhead < 5 % of the examples’ time', value: `${(runner.overheadRatio * 100).toFixed(2)} %`, pass: runner.overheadRatio < 0.05 },
  ];
  const report = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, loadAverage1m: loadavg()[0] },
    build: { coldMs: cold.ms, warmMs: warm.ms, plainWarmMs: plainWarm.ms, warmOverPlain: warmRatio },
    pages: pages.pages,
    clientMermaid: pages.clientMermaid,
    diagramPageOverClientMermaid: {
      jsBytes: diagramPage.jsBytes / pages.clientMermaid.jsBytes,
      totalBytes: diagramPage.totalBytes / pages.clientMermaid.totalBytes,
      requests: diagramPage.requests / pages.clientMermaid.requests,
      firstDiagramMs: (diagramPage.firstDiagramMs ?? NaN) / (pages.clientMermaid.firstDiagramMs ?? NaN),
    },
    diagramJsOverOverviewBytes: diagramPage.jsBytes - overview.jsBytes,
    search: pages.search,
    runner,
    targets,
  };

  console.log('\nBuild');
  console.table({ cold: seconds(cold.ms), warm: seconds(warm.ms), 'plain Starlight (warm)': seconds(plainWarm.ms), 'warm / plain': `${warmRatio.toFixed(2)}×` });
  console.log(`Pages (median of ${loads} loads)`);
  console.table(
    Object.fromEntries(
      [...pages.pages, { ...pages.clientMermaid, path: `${pages.clientMermaid.path} (client-side Mermaid)` }].map((p) => [
        p.path,
        { JS: kb(p.jsBytes), 'Mermaid JS': kb(p.mermaidJsBytes), total: kb(p.totalBytes), requests: p.requests, CLS: Number(p.cls.toFixed(4)), 'first diagram': p.firstDiagramMs === null ? '—' : `${Math.round(p.firstDiagramMs)} ms` },
      ]),
    ),
  );
  console.log(`/${DIAGRAM_PAGE}/ against the same page with client-side Mermaid (ratios)`);
  console.table(Object.fromEntries(Object.entries(report.diagramPageOverClientMermaid).map(([k, v]) => [k, Number(v.toFixed(3))])));
  console.log(
    `Search: "${QUERY}" typed key by key → first result ${Math.round(pages.search.fromFirstKeyMs)} ms after the first key, ` +
      `${Math.round(pages.search.fromLastKeyMs)} ms after the last`,
  );
  console.log(`Runner: ${runner.runs} runs, total ${seconds(runner.totalMs)}, examples' own ${seconds(runner.examplesMs)}, overhead ${seconds(runner.overheadMs)}`);
  console.log('Targets');
  console.table(targets.map((t) => ({ target: t.target, value: t.value, result: t.pass ? 'PASS' : 'FAIL' })));
  console.log(`Load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs (figures are noisy when it is high).`);

  const out = resolve(root, values.out);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${out}`);
} finally {
  await rm(real, { recursive: true, force: true });
  await rm(plain, { recursive: true, force: true });
}
