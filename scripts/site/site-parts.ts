/**
 * What a copy of the site needs to build (besides node_modules): the bench and the build tests
 * copy exactly these, so a new top-level part of the site is added here once.
 */
export const SITE_PARTS: readonly string[] = ['src', 'public', 'diagrams', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
