import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Unit tests: one file per module under tests/unit/, fixtures in tests/fixtures/<case>/. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['tests/unit/**/*.test.ts'],
    // Many units start real Python or a real build; vitest's 5 s default failed them whenever
    // the 2 cores were shared (load 13 measured while other builds ran).
    testTimeout: 60_000,
  },
});
