import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Tests that build whole copies of the site, one after another in one file: the longest file by far. */
const SITE_BUILDS = ['tests/unit/commands/build.test.ts'];

/** Unit tests: one file per module under tests/unit/, fixtures in tests/fixtures/<case>/. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    // Many units start real Python or a real build; vitest's 5 s default failed them whenever
    // the 2 cores were shared with other builds.
    testTimeout: 60_000,
    // Three files at once on 2 cores: the site builds run beside the other files instead of after
    // them, and a third file fills the time the others spend waiting on sleeping examples,
    // timeouts and Debian's servers. Nothing here asserts a duration, only order and outcome.
    maxWorkers: 3,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: SITE_BUILDS } },
      { extends: true, test: { name: 'site-builds', include: SITE_BUILDS } },
    ],
  },
});
