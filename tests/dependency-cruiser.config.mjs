// @ts-check
/**
 * The import rules of the code (dependency-cruiser), checked by tests/unit/architecture/imports.test.ts
 * in `npm test`. By hand, e.g. as a graph:
 * `npx depcruise --config tests/dependency-cruiser.config.mjs --output-type dot scripts src astro.config.mjs`.
 *
 * - No import loops, type-only imports included.
 * - scripts/ is built in floors, and an import goes down or stays on its floor, never up: the
 *   commands (`npm run …`) and the Astro integrations on top, then what they run, down to the
 *   helpers everything shares.
 * - src/ reaches into scripts/ through one door, scripts/pipeline/site-data.ts; scripts/ reads one
 *   file of src/, the redirects the build's anchors check follows. The two configurations,
 *   astro.config.mjs and src/content.config.ts, wire in scripts/integrations/ and nothing else.
 * - src/client/ is browser code: no Node modules, nothing of the build.
 */

/** The floors of scripts/, top first. A folder may import its own floor's folders and the floors below. */
export const FLOORS = [
  ['commands', 'integrations'],
  ['bench'],
  ['site'],
  ['pipeline'],
  ['diagrams', 'measurements'],
  ['plan'],
  ['examples'],
  ['interpreters', 'browser'],
  ['cache'],
  ['shared'],
];

/** The only module of scripts/ that src/ may import. */
export const DOOR = 'scripts/pipeline/site-data.ts';
/** The configurations that wire the integrations in. */
const CONFIGS = '^(astro\\.config\\.mjs|src/content\\.config\\.ts)$';
/** The only module of src/ that scripts/ may import. */
export const READ_BY_THE_BUILD = 'src/redirects.ts';

/** @param {string[][]} floors the folders of these floors, as one pattern */
const folders = (floors) => `^scripts/(${floors.flat().join('|')})/`;

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const floorRules = FLOORS.slice(1).map((floor, index) => ({
  name: `floors-${floor.join('-')}`,
  comment: `scripts/${floor.join(', scripts/')} may not import the floors above them: ${FLOORS.slice(0, index + 1).flat().join(', ')}.`,
  severity: 'error',
  from: { path: folders([floor]) },
  to: { path: folders(FLOORS.slice(0, index + 1)) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-loops',
      comment: 'An import loop: modules that need each other belong together, or a type belongs with its producer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...floorRules,
    {
      name: 'src-through-the-door',
      comment: `src/ imports scripts/ only through ${DOOR}: export what a page needs from there.`,
      severity: 'error',
      from: { path: '^src/', pathNot: CONFIGS },
      to: { path: '^scripts/', pathNot: `^${DOOR}$` },
    },
    {
      name: 'configs-wire-integrations',
      comment: 'astro.config.mjs and src/content.config.ts import from scripts/ only its integrations: they wire, the integrations work.',
      severity: 'error',
      from: { path: CONFIGS },
      to: { path: '^scripts/', pathNot: '^scripts/integrations/' },
    },
    {
      name: 'scripts-do-not-import-src',
      comment: `scripts/ imports nothing of src/ but ${READ_BY_THE_BUILD}: what an integration needs from src/, astro.config.mjs hands it.`,
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^src/', pathNot: `^${READ_BY_THE_BUILD}$` },
    },
    {
      name: 'client-is-browser-code',
      comment: 'src/client/ runs in the browser: no Node modules.',
      severity: 'error',
      from: { path: '^src/client/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'client-stays-in-the-browser',
      comment: 'src/client/ runs in the browser: nothing of the build, nothing of src/ but its own folder and the search settings.',
      severity: 'error',
      from: { path: '^src/client/' },
      to: { path: '^(src|scripts)/', pathNot: '^src/(client/|search\\.ts$)' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|tests)/' },
  },
};
