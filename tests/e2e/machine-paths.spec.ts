/**
 * Nothing published holds the build machine's paths (issue #21): example outputs are shown with
 * them shortened to placeholders (scripts/examples/shorten-paths.ts), and the note under a
 * shortened output names the command that prints the output as printed from the build's results
 * (`npm run examples -- --print <id>`), which the site does not publish.
 *
 * Cached results may come from other checkouts and machines, so besides this build's own folders
 * the check looks for the shapes such paths take anywhere: a Python standard library, an example
 * file or the runner's folder of some checkout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cacheRoot } from '../../scripts/cache/paths.ts';
import { exampleIds } from '../support/project-files.ts';
import { dist, root as projectRoot } from './builds.ts';
import { builtHtmlFiles, expect, test } from './site.ts';

const root = projectRoot.replace(/\/$/, '');
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

/** The note under a shortened output, out of search, and the example its command prints. */
const NOTE = /<p class="stream-note[^"]*" data-pagefind-ignore[^>]*>Paths shortened: [^]*?npm run examples -- --print ([\w-]+)<\/code>/g;

/** Published files read as text: everything but images, fonts, WebAssembly and Pagefind's binary index (its text is checked below). */
const TEXT_FILE = /\.(html|js|mjs|css|json|xml|txt|svg|webmanifest)$/;

function machinePathsIn(text: string): string[] {
  return FORBIDDEN.flatMap(({ what, find }) => {
    const at = typeof find === 'string' ? text.indexOf(find) : (find.exec(text)?.index ?? -1);
    return at < 0 ? [] : [`${what}: …${text.slice(Math.max(0, at - 60), at + 100)}…`];
  });
}

test('no published file holds a machine path; each note under a shortened output names its example', () => {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => TEXT_FILE.test(file))
    .map((file) => `dist/${file.split(sep).join('/')}`);
  expect(files.length, 'published text files').toBeGreaterThan(builtHtmlFiles().length);
  let shortened = 0;
  let notes = 0;
  const examples = new Set(exampleIds());
  for (const file of files) {
    const text = readFileSync(`${root}/${file}`, 'utf8');
    expect.soft(machinePathsIn(text), `${file} holds a machine path (see scripts/examples/shorten-paths.ts)`).toEqual([]);
    if (!file.endsWith('.html')) continue;
    shortened += text.match(/&#x3C;python3\.\d+t?>/g)?.length ?? 0;
    for (const [, example] of text.matchAll(NOTE)) {
      notes += 1;
      expect.soft(examples.has(example!), `${file}: the note's command names "${example}", which is no example in src/examples/`).toBe(true);
    }
  }
  // The check read pages with tracebacks in them: the standard library's paths are there, shortened.
  expect(shortened, 'pages showing `<python3.x>` placeholders').toBeGreaterThan(0);
  expect(notes, 'notes naming the command that prints an output as printed').toBeGreaterThan(0);
});

test('the search index holds no machine path', () => {
  const fragments = `${dist}/pagefind/fragment`;
  const names = readdirSync(fragments).filter((name) => name.endsWith('.pf_fragment'));
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) {
    // Each fragment is gzip: a short signature, then the page's indexed text as JSON.
    const text = gunzipSync(readFileSync(`${fragments}/${name}`)).toString('utf8');
    const url = /"url":"([^"]*)"/.exec(text)?.[1] ?? name;
    expect.soft(machinePathsIn(text), `the search index of ${url}`).toEqual([]);
  }
});
