import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/browser/launch-options.ts';
import { workDir } from '../scripts/cache/paths.ts';
import { serverVariable, servedBuilds } from './e2e/builds.ts';
import type { SiteOptions } from './e2e/site.ts';

/**
 * e2e tests: real Chromium against the built site (dist/) and, when dist/ is at the root, a second
 * build under a sub-path (tests/e2e/builds.ts: one project each). tests/e2e/global-setup.ts makes
 * that build and serves each with Astro's preview server on a free port, published in a variable
 * per project. Workers load this file after global setup has run, so they see the addresses.
 */
export default defineConfig<SiteOptions>({
  testDir: './e2e',
  globalSetup: './e2e/global-setup.ts',
  forbidOnly: !!process.env['CI'],
  // No retries: a test that fails now and then has a cause to find, not to hide.
  retries: 0,
  fullyParallel: true,
  // Two workers on 2 cores: with the headless shell (scripts/browser/find-chromium.ts) one worker
  // leaves a third of the CPU idle. (With a full Chromium, one keeps both cores busy.)
  workers: 2,
  reporter: [['list']],
  outputDir: `${workDir(fileURLToPath(new URL('..', import.meta.url)), 'e2e')}/results`,
  use: {
    browserName: 'chromium',
    launchOptions: await chromiumLaunchOptions(),
  },
  projects: servedBuilds().map(({ project, buildEnv: _, ...served }) => ({
    name: project,
    // The second build runs only what depends on where the site is served.
    ...(served.checksContent ? {} : { grep: /@base-path/ }),
    use: { ...(process.env[serverVariable(project)] ? { baseURL: process.env[serverVariable(project)] } : {}), served },
  })),
});
