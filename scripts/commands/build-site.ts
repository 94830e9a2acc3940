/**
 * The build (`npm run build`, through ./build.ts): builds the site aside, checks it, and only then
 * publishes it as dist/. `npm run anchors:update` (`--update-anchors`): the same, but rewrites
 * src/anchors.json from the new build instead of failing on missing anchors. `--out-dir <dir>`
 * publishes into another directory than dist/ (the e2e tests' second build, under a base path).
 *
 * Steps: `astro build` into a staging directory (its content loaders run the pipeline: examples on
 * every interpreter, diagrams in Chromium, each found or installed only when something must run or
 * render) → anchors check → swap into dist/. A failure or an interrupt (Ctrl-C, SIGTERM) at any step
 * leaves the previous dist/ as it was and removes the staging directory.
 */
import { rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { redirects } from '../../src/redirects.ts';
import { cacheDir } from '../cache/paths.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { lockAstroBuild } from '../site/astro-lock.ts';
import { cleanUpAfterDeadBuilds, createStaging, publish } from '../site/publish.ts';
import { runAstroBuild, summariseAstroError, type AstroBuild } from '../site/run-astro-build.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { values: options } = parseArgs({ options: { 'update-anchors': { type: 'boolean', default: false }, 'out-dir': { type: 'string', default: 'dist' } } });
const dist = resolve(root, options['out-dir']);
/** dist/, or the directory `--out-dir` named, as the log names it. */
const distShown = `${relative(root, dist)}/`;
const manifestPath = fileURLToPath(new URL('../../src/anchors.json', import.meta.url));
const updateAnchors = options['update-anchors'];

const log = (message: string) => console.log(`[build] ${message}`);

/** The exit code a failure leaves with: Astro's own, 130 for an interrupt (as a shell's Ctrl-C), else 1. */
let exitCode = 1;

async function checkAnchors(staging: string): Promise<void> {
  const { extractAnchors, findMissing, findUnlisted, missingAnchorsError, readManifest, updateManifest, writeManifest } = await import('../site/anchors.ts');
  const built = await extractAnchors(staging, cacheDir(root, 'anchors'));
  const manifest = readManifest(manifestPath);
  if (updateAnchors) {
    const updated = updateManifest(manifest, built, redirects);
    writeManifest(manifestPath, updated);
    const added = findUnlisted(manifest, updated);
    const dropped = findMissing(manifest, updated, redirects);
    log(`anchors: wrote src/anchors.json (${Object.keys(updated).length} URLs; ${added.length} added, ${dropped.length} dropped)`);
    for (const entry of added) log(`  + ${entry}`);
    for (const { url, anchor } of dropped) log(`  - ${anchor === undefined ? url : `${url}#${anchor}`}`);
    return;
  }
  const missing = findMissing(manifest, built, redirects);
  if (missing.length > 0) throw missingAnchorsError(missing, 'src/anchors.json');
  const unlisted = findUnlisted(manifest, built);
  log(`anchors: all ${Object.keys(manifest).length} published URLs and their anchors are present`);
  if (unlisted.length > 0) {
    log(`anchors: ${unlisted.length} new URLs/anchors are not in src/anchors.json yet (tests will fail until they are):`);
    for (const entry of unlisted) log(`  + ${entry}`);
    log('anchors: to publish them as stable, run `npm run anchors:update` and commit src/anchors.json');
  }
}

function interruptedBy(signal: NodeJS.Signals | undefined): BuildStepError {
  exitCode = 130;
  return new BuildStepError(`Interrupted by ${signal}.`, { step: 'build' });
}

async function build(): Promise<void> {
  for (const repair of cleanUpAfterDeadBuilds(root, dist)) log(repair);

  const staging = createStaging(root);
  let astro: AstroBuild | undefined;
  let interrupted: NodeJS.Signals | undefined;
  let stop: () => void = () => {};
  const stopped = new Promise<undefined>((resolve) => (stop = () => resolve(undefined)));
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = signal;
    stop();
    log(`${signal}: stopping; ${distShown} stays as it was`);
    astro?.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const unlock = await Promise.race([lockAstroBuild(root, log), stopped]);
    if (interrupted || !unlock) throw interruptedBy(interrupted);
    log(`1/3 astro build into ${staging}`);
    astro = runAstroBuild(root, staging);
    // The anchors check loads (a tenth of a second: zod) while Astro builds in its own process.
    void import('../site/anchors.ts');
    const result = await astro.done.finally(unlock);
    if (interrupted) throw interruptedBy(interrupted);
    if (result !== 0) {
      const how = typeof result === 'number' ? `exit ${result}` : result;
      const error = summariseAstroError(astro.output());
      if (typeof result === 'number') exitCode = result;
      // Astro's error (a loader's, the links validator's) carries its own fix: it is repeated here, last.
      throw new BuildStepError(error ? `astro build failed (${how}) at step 1/3:\n${error}` : `astro build failed (${how}); its error is printed above.`, {
        step: 'build',
      });
    }
    log('2/3 anchors: checking src/anchors.json against the new build');
    await checkAnchors(staging);
    if (interrupted) throw interruptedBy(interrupted);
    log(`3/3 publish: swapping the new build into ${distShown}`);
    publish(staging, dist, root);
  } finally {
    astro?.stop();
    rmSync(staging, { recursive: true, force: true });
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  log(`done: ${distShown} holds the new build`);
}

try {
  await build();
} catch (error) {
  // A step's error explains itself; anything else is a bug of the build, shown with its stack.
  const explained = BuildStepError.is(error);
  console.error(`\n[build] FAILED: ${explained ? error.message : String(error)}`);
  if (!explained) console.error(error);
  console.error(`[build] ${distShown} was not changed: it still holds the previous successful build (if there was one).`);
  // Exit now: a build interrupted while it waited for another one's lock still has a retry pending.
  process.exit(exitCode);
}
