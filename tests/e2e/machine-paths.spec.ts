/**
 * No page shows the build machine's paths (issue #21): example outputs are shown with them
 * shortened to placeholders (scripts/examples/shorten-paths.ts). Only the "as printed" disclosure
 * under a shortened output holds the text untouched, and search never indexes it.
 *
 * Cached results may come from other checkouts and machines, so besides this build's own folders
 * the check looks for the shapes such paths take anywhere: a Python standard library, an example
 * file or the runner's folder of some checkout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { cacheRoot } from '../../scripts/cache/paths.ts';
import { builtHtmlFiles } from './site.ts';

const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const SEGMENTS = String.raw`(?:/[\w.+@~-]+)+`;

/** What must not appear, and what it would be. */
const FORBIDDEN: { what: string; find: string | RegExp }[] = [
  { what: 'the build’s own directory', find: root },
  { what: 'the cache (where obtained interpreters live too)', find: cacheRoot(root) },
  { what: 'a temporary directory', find: '/tmp/' },
  { what: 'root’s home', find: '/root/' },
  { what: 'a Python standard library', find: new RegExp(`${SEGMENTS}/lib/python3\\.\\d+t?(?![\\w.])`) },
  { what: 'a Python installation’s zipped library', find: new RegExp(`${SEGMENTS}/lib/python3\\d+t?\\.zip`) },
  { what: 'an example file of some checkout', find: new RegExp(`${SEGMENTS}/src/examples/`) },
  { what: 'the example runner of some checkout', find: new RegExp(`${SEGMENTS}/scripts/examples/python`) },
];

/** The disclosures holding an output as printed: `<details class="raw-output …">`, never nested. */
const RAW_OUTPUT = /<details class="raw-output[^"]*"([^>]*)>.*?<\/details>/gs;
/** The note that says so, right before each disclosure, itself out of search. */
const NOTED = /<p class="stream-note[^"]*" data-pagefind-ignore[^>]*>Paths shortened: [^]*?<\/p><details class="raw-output/g;

function machinePathsIn(text: string): string[] {
  return FORBIDDEN.flatMap(({ what, find }) => {
    const at = typeof find === 'string' ? text.indexOf(find) : (find.exec(text)?.index ?? -1);
    return at < 0 ? [] : [`${what}: …${text.slice(Math.max(0, at - 60), at + 100)}…`];
  });
}

test('no built page shows a machine path outside the "as printed" disclosures, which search skips', () => {
  let shortened = 0;
  for (const file of builtHtmlFiles()) {
    const html = readFileSync(`${root}/${file}`, 'utf8');
    for (const [disclosure, attributes] of html.matchAll(RAW_OUTPUT)) {
      expect.soft(attributes, `${file}: an "as printed" disclosure must be left out of search: ${disclosure.slice(0, 200)}`).toContain('data-pagefind-ignore');
    }
    const disclosures = html.match(RAW_OUTPUT)?.length ?? 0;
    expect.soft(html.match(NOTED)?.length ?? 0, `${file}: each "as printed" disclosure follows a note saying the paths are shortened`).toBe(disclosures);
    const shown = html.replace(RAW_OUTPUT, '');
    shortened += shown.match(/&#x3C;python3\.\d+t?>/g)?.length ?? 0;
    expect.soft(machinePathsIn(shown), `${file} shows a machine path (see scripts/examples/shorten-paths.ts)`).toEqual([]);
  }
  // The check read pages with tracebacks in them: the standard library's paths are there, shortened.
  expect(shortened, 'pages showing `<python3.x>` placeholders').toBeGreaterThan(0);
});

test('the search index holds no machine path', () => {
  const fragments = `${root}/dist/pagefind/fragment`;
  const names = readdirSync(fragments).filter((name) => name.endsWith('.pf_fragment'));
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) {
    // Each fragment is gzip: a short signature, then the page's indexed text as JSON.
    const text = gunzipSync(readFileSync(`${fragments}/${name}`)).toString('utf8');
    const url = /"url":"([^"]*)"/.exec(text)?.[1] ?? name;
    expect.soft(machinePathsIn(text), `the search index of ${url}`).toEqual([]);
  }
});
