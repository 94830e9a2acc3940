import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readDeployment, type Git } from '../../../scripts/integrations/deployment.ts';
import { BuildStepError } from '../../../scripts/shared/build-step-error.ts';

/** A full clone at the root of its repository, whose origin's default branch is main. */
const fullClone: Git = (args) =>
  ({ 'rev-parse --is-shallow-repository': 'false', 'rev-parse --show-prefix': '', 'symbolic-ref --short refs/remotes/origin/HEAD': 'origin/main' })[args.join(' ')];
const noGit: Git = () => undefined;

/** What GitHub Actions sets for a push to main of octocat/my-repo. */
const ACTIONS_PUSH = { GITHUB_REPOSITORY: 'octocat/my-repo', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REF: 'refs/heads/main', GITHUB_BASE_REF: '' };

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'deployment-'));
  writeFileSync(join(root, 'package.json'), '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function withRepository(repository: unknown): void {
  writeFileSync(join(root, 'package.json'), JSON.stringify({ repository }));
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BuildStepError);
    return (error as Error).message;
  }
  throw new Error('expected a BuildStepError');
}

describe('site and base', () => {
  test('with no environment: the root, no address, nothing about a repository', () => {
    const deployment = readDeployment({ env: {}, root, git: noGit });
    expect(deployment).toMatchObject({ site: undefined, base: '/', repository: undefined, lastUpdated: false });
    expect(deployment.report.join('\n')).toMatch(/no SITE_URL: no sitemap, canonical links or og:url/);
  });

  test("a GitHub project page, as actions/configure-pages gives it (base_url, base_path without trailing slashes)", () => {
    const deployment = readDeployment({ env: { SITE_URL: 'https://octocat.github.io/my-repo', BASE_PATH: '/my-repo' }, root, git: noGit });
    expect(deployment).toMatchObject({ site: 'https://octocat.github.io/my-repo/', base: '/my-repo/' });
  });

  test('a user page or a custom domain: configure-pages gives an empty base_path', () => {
    expect(readDeployment({ env: { SITE_URL: 'https://docs.example.org', BASE_PATH: '' }, root, git: noGit })).toMatchObject({
      site: 'https://docs.example.org/',
      base: '/',
    });
  });

  test("BASE_PATH unset: SITE_URL's path is the base", () => {
    expect(readDeployment({ env: { SITE_URL: 'https://octocat.github.io/my-repo/' }, root, git: noGit }).base).toBe('/my-repo/');
  });

  test('BASE_PATH alone: a base path with no address (a local build for a sub-path)', () => {
    expect(readDeployment({ env: { BASE_PATH: '/a/b/' }, root, git: noGit })).toMatchObject({ site: undefined, base: '/a/b/' });
  });

  test('a base without a leading slash, or with empty or dot segments, stops the build and says what to set', () => {
    for (const base of ['my-repo', '/my-repo//', '/../x', '/a b']) {
      expect(failure(() => readDeployment({ env: { BASE_PATH: base }, root, git: noGit }))).toMatch(
        new RegExp(`BASE_PATH is "${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}": a base path starts with "/"[^]*\\nFix: set BASE_PATH to the path`),
      );
    }
  });

  test('a SITE_URL that is not an absolute http(s) address stops the build', () => {
    expect(failure(() => readDeployment({ env: { SITE_URL: 'octocat.github.io/my-repo' }, root, git: noGit }))).toMatch(
      /SITE_URL is "octocat\.github\.io\/my-repo", not an absolute URL\.\nFix: set SITE_URL to the address the site is served at/,
    );
    expect(failure(() => readDeployment({ env: { SITE_URL: 'ftp://example.org/' }, root, git: noGit }))).toMatch(/must be an http\(s\) address/);
  });

  test('a SITE_URL whose path is not BASE_PATH stops the build', () => {
    expect(failure(() => readDeployment({ env: { SITE_URL: 'https://octocat.github.io/my-repo', BASE_PATH: '/other' }, root, git: noGit }))).toMatch(
      /ends in the path \/my-repo\/, but BASE_PATH is \/other\/[^]*Fix: make them agree/,
    );
  });
});

describe('repository', () => {
  test('on GitHub Actions: GITHUB_REPOSITORY, the branch pushed, edit links into the project', () => {
    const deployment = readDeployment({ env: ACTIONS_PUSH, root, git: fullClone });
    expect(deployment.repository).toEqual({
      url: 'https://github.com/octocat/my-repo',
      editBaseUrl: 'https://github.com/octocat/my-repo/edit/main/',
    });
    expect(deployment.lastUpdated).toBe(true);
  });

  test('a pull request edits the branch it merges into; a project in a subfolder of the repository gets its path', () => {
    const inSite: Git = (args) => (args.join(' ') === 'rev-parse --show-prefix' ? 'site/' : fullClone(args));
    const env = { ...ACTIONS_PUSH, GITHUB_REF: 'refs/pull/22/merge', GITHUB_BASE_REF: 'main' };
    expect(readDeployment({ env, root, git: inSite }).repository?.editBaseUrl).toBe('https://github.com/octocat/my-repo/edit/main/site/');
  });

  test('GitHub Enterprise: GITHUB_SERVER_URL', () => {
    const env = { ...ACTIONS_PUSH, GITHUB_SERVER_URL: 'https://git.example.org/' };
    expect(readDeployment({ env, root, git: fullClone }).repository?.url).toBe('https://git.example.org/octocat/my-repo');
  });

  test('no branch (a tag): the repository link, but no edit links rather than broken ones', () => {
    const env = { ...ACTIONS_PUSH, GITHUB_REF: 'refs/tags/v1' };
    expect(readDeployment({ env, root, git: fullClone }).repository).toEqual({ url: 'https://github.com/octocat/my-repo', editBaseUrl: undefined });
  });

  test("outside Actions: package.json's repository, in each form npm accepts, and the clone's default branch", () => {
    for (const repository of [
      'octocat/my-repo',
      'github:octocat/my-repo',
      'https://github.com/octocat/my-repo',
      { type: 'git', url: 'git+https://github.com/octocat/my-repo.git' },
      'git@github.com:octocat/my-repo.git',
    ]) {
      withRepository(repository);
      expect(readDeployment({ env: {}, root, git: fullClone }).repository, JSON.stringify(repository)).toEqual({
        url: 'https://github.com/octocat/my-repo',
        editBaseUrl: 'https://github.com/octocat/my-repo/edit/main/',
      });
    }
  });

  test('a repository that is not on GitHub is left out, and the build says why', () => {
    withRepository('https://gitlab.com/octocat/my-repo');
    const deployment = readDeployment({ env: {}, root, git: fullClone });
    expect(deployment.repository).toBeUndefined();
    expect(deployment.report.join('\n')).toMatch(/no repository: .*not a GitHub repository/);
  });

  test('a malformed GITHUB_REPOSITORY stops the build', () => {
    expect(failure(() => readDeployment({ env: { GITHUB_REPOSITORY: 'my-repo' }, root, git: fullClone }))).toMatch(/GITHUB_REPOSITORY is "my-repo", not owner\/name/);
  });
});

describe('last updated', () => {
  test('a shallow clone shows no dates (they would all be its one commit’s), and says how to fetch the history', () => {
    const shallow: Git = (args) => (args.join(' ') === 'rev-parse --is-shallow-repository' ? 'true' : fullClone(args));
    const deployment = readDeployment({ env: ACTIONS_PUSH, root, git: shallow });
    expect(deployment.lastUpdated).toBe(false);
    expect(deployment.report.join('\n')).toMatch(/shallow git clone: .*fetch-depth: 0/);
  });

  test('not a git checkout: no dates, no edit links (no branch), the repository link still', () => {
    withRepository('octocat/my-repo');
    expect(readDeployment({ env: {}, root, git: noGit })).toMatchObject({
      lastUpdated: false,
      repository: { url: 'https://github.com/octocat/my-repo', editBaseUrl: undefined },
    });
  });
});
