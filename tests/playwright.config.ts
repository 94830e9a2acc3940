import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/browser/launch-options.ts';
import { workDir } from '../scripts/cache/paths.ts';

/**
 * e2e tests: real Chromium against the built site (dist/), served by Astro's preview server on a
 * free port that tests/e2e/global-setup.ts starts and publishes as SITE_URL. Workers load this
 * file after global setup has run, so they see the URL.
 */
export default defineConfig({
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
    ...(process.env['SITE_URL'] ? { baseURL: process.env['SITE_URL'] } : {}),
    browserName: 'chromium',
    launchOptions: await chromiumLaunchOptions(),
  },
});
