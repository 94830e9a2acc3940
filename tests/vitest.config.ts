import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Tests that build whole copies of the site: run after the others, so they do not starve their timeouts. */
const SITE_BUILDS = ['tests/unit/site/build.test.ts'];

/** Unit tests: one file per module under tests/unit/, fixtures in tests/fixtures/<case>/. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    // Many units start real Python or a real build; vitest's 5 s default failed them whenever
    // the 2 cores were shared (load 13 measured while other builds ran).
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: SITE_BUILDS } },
      { extends: true, test: { name: 'site-builds', include: SITE_BUILDS, sequence: { groupOrder: 1 } } },
    ],
  },
});
