import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import {
  extractAnchors,
  findMissing,
  findUnlisted,
  missingAnchorsError,
  readManifest,
  updateManifest,
  writeManifest,
} from '../../../scripts/site/anchors.ts';

const site = fileURLToPath(new URL('../../fixtures/anchors-site', import.meta.url));
const built = { '/': ['what-this-covers'], '/locks/': ['mutual-exclusion', 'threading-lock', 'with-statement'] };

describe('extractAnchors', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('lists each page with the ids of its content headings, skipping redirects and 404', async () => {
    expect(await extractAnchors(site)).toEqual(built);
  });

  test('with a cache: the same answer, kept per page, and a page whose HTML changed is read again', async () => {
    dir = mkdtempSync(join(tmpdir(), 'anchors-'));
    const copy = join(dir, 'site');
    const cache = join(dir, 'cache');
    cpSync(site, copy, { recursive: true });
    expect(await extractAnchors(copy, cache)).toEqual(built);
    // One entry per page read: the home page, Locks and the redirect page.
    expect(readdirSync(cache)).toHaveLength(3);
    expect(await extractAnchors(copy, cache)).toEqual(built);
    const locks = join(copy, 'locks', 'index.html');
    writeFileSync(locks, readFileSync(locks, 'utf8').replace('<h4 id="with-statement">With</h4>', ''));
    expect(await extractAnchors(copy, cache)).toEqual({ ...built, '/locks/': ['mutual-exclusion', 'threading-lock'] });
  });
});

describe('findMissing', () => {
  test('nothing is missing when the site has every manifest entry', () => {
    expect(findMissing({ '/locks/': ['mutual-exclusion'] }, built, {})).toEqual([]);
  });

  test('names a missing page and a missing anchor', () => {
    const manifest = { '/gone/': ['a'], '/locks/': ['mutex', 'mutual-exclusion'] };
    expect(findMissing(manifest, built, {})).toEqual([
      { url: '/gone/', lookedAt: '/gone/' },
      { url: '/locks/', anchor: 'mutex', lookedAt: '/locks/' },
    ]);
  });

  test('a redirected URL is present, and its anchors are looked for on the target', () => {
    const manifest = { '/old-locks/': ['mutual-exclusion', 'dropped'] };
    expect(findMissing(manifest, built, { '/old-locks/': '/locks/' })).toEqual([
      { url: '/old-locks/', anchor: 'dropped', lookedAt: '/locks/' },
    ]);
  });

  test('a redirect to a page that does not exist does not count', () => {
    expect(findMissing({ '/old/': [] }, built, { '/old/': '/nowhere/' })).toEqual([{ url: '/old/', lookedAt: '/nowhere/' }]);
  });
});

test('missingAnchorsError names every URL#anchor and the fix', () => {
  const error = missingAnchorsError(
    [
      { url: '/locks/', anchor: 'mutex', lookedAt: '/locks/' },
      { url: '/old/', lookedAt: '/new/' },
    ],
    'src/anchors.json',
  );
  expect(error).toMatchObject({ step: 'anchors', file: 'src/anchors.json' });
  const text = error.message;
  expect(text).toContain('/locks/#mutex: anchor missing');
  expect(text).toContain('/old/: page missing (redirected to /new/)');
  expect(text).toContain('src/redirects.ts');
  expect(text).toContain('npm run anchors:update');
});

test('findUnlisted lists new pages and anchors only', () => {
  expect(findUnlisted({ '/locks/': ['mutual-exclusion', 'threading-lock', 'with-statement'] }, built)).toEqual([
    '/',
    '/#what-this-covers',
  ]);
});

test('updateManifest takes the built site and keeps redirected old URLs', () => {
  const manifest = { '/old-locks/': ['mutual-exclusion'], '/removed/': ['x'] };
  expect(updateManifest(manifest, built, { '/old-locks/': '/locks/' })).toEqual({
    ...built,
    '/old-locks/': ['mutual-exclusion'],
  });
});

describe('manifest file', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('round-trips with URLs sorted', () => {
    dir = mkdtempSync(join(tmpdir(), 'anchors-'));
    const path = join(dir, 'anchors.json');
    writeManifest(path, { '/locks/': ['a'], '/': ['b'] });
    expect(Object.keys(JSON.parse(readFileSync(path, 'utf8')))).toEqual(['/', '/locks/']);
    expect(readManifest(path)).toEqual({ '/': ['b'], '/locks/': ['a'] });
  });

  test('a missing file is an empty manifest', () => {
    expect(readManifest('/nonexistent/anchors.json')).toEqual({});
  });

  test('an invalid file fails with the path and the fix', () => {
    dir = mkdtempSync(join(tmpdir(), 'anchors-'));
    const path = join(dir, 'anchors.json');
    writeFileSync(path, JSON.stringify({ 'locks': ['a'] }));
    expect(() => readManifest(path)).toThrow(/anchors\.json is not a valid anchors manifest[\s\S]*npm run anchors:update/);
  });
});
