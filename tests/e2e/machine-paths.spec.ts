/**
 * No page holds the build machine's paths (issue #21): example outputs are shown with them
 * shortened to placeholders (scripts/examples/shorten-paths.ts), and the note under a shortened
 * output links the text as printed, a plain-text file of its own (src/components/raw-output.ts).
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

/** The note under a shortened output, out of search, and its link to the output as printed. */
const NOTE = /<p class="stream-note[^"]*" data-pagefind-ignore[^>]*>Paths shortened: [^]*?<a href="([^"]+)" class="raw-output[" ]/g;

function machinePathsIn(text: string): string[] {
  return FORBIDDEN.flatMap(({ what, find }) => {
    const at = typeof find === 'string' ? text.indexOf(find) : (find.exec(text)?.index ?? -1);
    return at < 0 ? [] : [`${what}: …${text.slice(Math.max(0, at - 60), at + 100)}…`];
  });
}

test('no built page holds a machine path; each shortened output links its text as printed', () => {
  let shortened = 0;
  let linked = 0;
  for (const file of builtHtmlFiles()) {
    const html = readFileSync(`${root}/${file}`, 'utf8');
    shortened += html.match(/&#x3C;python3\.\d+t?>/g)?.length ?? 0;
    expect.soft(machinePathsIn(html), `${file} holds a machine path (see scripts/examples/shorten-paths.ts)`).toEqual([]);
    for (const [, href] of html.matchAll(NOTE)) {
      linked += 1;
      // The link starts with the base dist/ was built for; the file is dist/output/….
      const path = `${root}/dist/${href!.replace(/^.*?\/output\//, 'output/')}`;
      const text = readFileSync(path, 'utf8');
      expect.soft(machinePathsIn(text).length, `${href} (linked from ${file}) holds the output as printed, machine paths and all`).toBeGreaterThan(0);
    }
  }
  // The check read pages with tracebacks in them: the standard library's paths are there, shortened.
  expect(shortened, 'pages showing `<python3.x>` placeholders').toBeGreaterThan(0);
  expect(linked, 'notes linking an output as printed').toBeGreaterThan(0);
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
