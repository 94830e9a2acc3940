/**
 * Where the site is deployed and which repository it is built from, read from the environment the
 * build runs in, so that one astro.config.mjs serves a GitHub project page, a user page, a custom
 * domain or a local build with no edit:
 *
 * - `SITE_URL`: the address the site is served at, e.g. `https://octocat.github.io/my-repo` (the
 *   workflow passes `actions/configure-pages`' `base_url`). Unset: the build names no host (no
 *   sitemap, canonical link or `og:url`), as nobody's address is better than a wrong one.
 * - `BASE_PATH`: the path the site lives under, e.g. `/my-repo` (configure-pages' `base_path`, empty
 *   for a user page or a custom domain). Unset: `SITE_URL`'s path, else the root.
 * - The repository, for "Edit page" links and the header's repository link: `GITHUB_REPOSITORY` on
 *   GitHub Actions (with `GITHUB_SERVER_URL`), otherwise package.json's `repository`, otherwise none.
 * - "Last updated" dates come from git history, when the project is a git checkout with its full
 *   history (a shallow clone would date every page by its one commit).
 *
 * A malformed value stops the build with what was wrong and the fix: a wrong base path would
 * publish a site whose every link 404s.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { BuildStepError } from '../shared/build-step-error.ts';

/** The repository the site is built from (GitHub's URL layout). */
export interface SiteRepository {
  /** The repository's page, e.g. `https://github.com/octocat/my-repo`: the header links to it. */
  url: string;
  /**
   * Where Starlight's "Edit page" links start, e.g. `https://github.com/octocat/my-repo/edit/main/`
   * (Starlight appends each page's path in the project); undefined when no branch is known.
   */
  editBaseUrl: string | undefined;
}

export interface Deployment {
  /** Astro's `site`: the full address, base path included, ending in `/`; undefined when unknown. */
  site: string | undefined;
  /** Astro's `base`: `/`, or the path the site lives under with both slashes, e.g. `/my-repo/`. */
  base: string;
  /** The repository the site is built from; undefined when none is known. */
  repository: SiteRepository | undefined;
  /** Whether pages show Starlight's "Last updated" date (git history is there and complete). */
  lastUpdated: boolean;
  /** One line per setting, saying where it came from: printed by the build. */
  report: string[];
}

/** Runs git in the project; its trimmed output, or undefined when git fails or is not there. */
export type Git = (args: string[]) => string | undefined;

export interface DeploymentSources {
  /** The environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** The project root, where package.json is. */
  root: string;
  /** How git is asked (default: `git` in `root`); tests pass their own answers. */
  git?: Git;
}

const EXAMPLE_SITE = 'https://octocat.github.io/my-repo';

function configError(problem: string, fix: string): BuildStepError {
  return new BuildStepError(`Deployment settings (scripts/integrations/deployment.ts): ${problem}`, { step: 'build', fix });
}

/** A variable's value, with `undefined` for unset or blank (a workflow expression that gave nothing). */
function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const text = env[name]?.trim();
  return text ? text : undefined;
}

function parseSiteUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw configError(`SITE_URL is "${text}", not an absolute URL.`, `set SITE_URL to the address the site is served at, e.g. ${EXAMPLE_SITE}, or unset it.`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    throw configError(
      `SITE_URL is "${text}": it must be an http(s) address with no query, fragment or credentials.`,
      `set SITE_URL to the address the site is served at, e.g. ${EXAMPLE_SITE}, or unset it.`,
    );
  }
  return url;
}

/** A path segment of a URL: unreserved characters and percent escapes, not `.` or `..`. */
const SEGMENT = /^(?!\.{1,2}$)(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})+$/;

/** `/my-repo`, `/my-repo/`, `/` or empty → `/my-repo/` or `/`. */
function normaliseBase(text: string, from: string): string {
  if (text === '' || text === '/') return '/';
  const segments = text.replace(/\/$/, '').split('/').slice(1);
  if (!text.startsWith('/') || !segments.every((segment) => SEGMENT.test(segment))) {
    throw configError(
      `${from} is "${text}": a base path starts with "/" and is made of URL path segments, e.g. /my-repo.`,
      `set ${from} to the path the site is served under (empty or / for the root of a host), e.g. /my-repo.`,
    );
  }
  return `/${segments.join('/')}/`;
}

function siteAndBase(env: NodeJS.ProcessEnv): Pick<Deployment, 'site' | 'base'> {
  const siteText = value(env, 'SITE_URL');
  const baseText = env['BASE_PATH']?.trim();
  const siteUrl = siteText === undefined ? undefined : parseSiteUrl(siteText);
  const sitePath = siteUrl && normaliseBase(siteUrl.pathname, 'SITE_URL’s path');
  const base = baseText === undefined ? (sitePath ?? '/') : normaliseBase(baseText, 'BASE_PATH');
  if (sitePath && sitePath !== '/' && sitePath !== base) {
    throw configError(
      `SITE_URL (${siteText}) ends in the path ${sitePath}, but BASE_PATH is ${base}: links would point at one and the pages live at the other.`,
      'make them agree: unset BASE_PATH (it defaults to the path of SITE_URL), or give SITE_URL the same path.',
    );
  }
  return { site: siteUrl && new URL(base, siteUrl.origin).href, base };
}

/** `owner/name` as GitHub spells repositories. */
const OWNER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;

/** package.json's `repository` (string or `{ url, directory }`) as a GitHub `owner/name`, or why not. */
function fromPackageJson(root: string): { ownerName: string; directory: string | undefined } | { ignored: string } | undefined {
  let repository: unknown;
  try {
    repository = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository?: unknown }).repository;
  } catch {
    return undefined;
  }
  if (repository === undefined) return undefined;
  const url = typeof repository === 'string' ? repository : (repository as { url?: unknown }).url;
  const directory = typeof repository === 'object' && repository !== null ? (repository as { directory?: unknown }).directory : undefined;
  if (typeof url !== 'string') return { ignored: 'package.json’s repository has no url' };
  // npm's forms: `owner/name`, `github:owner/name`, and git URLs of github.com.
  const match =
    /^(?:github:)?([^/:@\s]+\/[^/\s]+)$/.exec(url) ??
    /^(?:git\+)?(?:https?|git|ssh):\/\/(?:[^@/]+@)?github\.com\/([^/]+\/[^/]+?)(?:\.git)?\/?$/.exec(url) ??
    /^git@github\.com:([^/]+\/[^/]+?)(?:\.git)?$/.exec(url);
  const ownerName = match?.[1]?.replace(/\.git$/, '');
  if (!ownerName || !OWNER_NAME.test(ownerName)) return { ignored: `package.json’s repository (${url}) is not a GitHub repository` };
  return { ownerName, directory: typeof directory === 'string' ? directory : undefined };
}

/** The branch "Edit page" links open: on Actions, the branch built (for a pull request, the one it merges into). */
function actionsBranch(env: NodeJS.ProcessEnv): string | undefined {
  const base = value(env, 'GITHUB_BASE_REF');
  if (base) return base;
  const ref = value(env, 'GITHUB_REF');
  return ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

function repository(env: NodeJS.ProcessEnv, root: string, git: Git, report: string[]): SiteRepository | undefined {
  let server = 'https://github.com';
  let ownerName: string | undefined;
  let branch: string | undefined;
  let directory: string | undefined;
  const fromActions = value(env, 'GITHUB_REPOSITORY');
  if (fromActions !== undefined) {
    if (!OWNER_NAME.test(fromActions)) {
      throw configError(`GITHUB_REPOSITORY is "${fromActions}", not owner/name.`, 'set it to owner/name (GitHub Actions sets it by itself), or unset it.');
    }
    ownerName = fromActions;
    server = (value(env, 'GITHUB_SERVER_URL') ?? server).replace(/\/+$/, '');
    branch = actionsBranch(env);
    report.push(`repository ${ownerName} (GITHUB_REPOSITORY)`);
  } else {
    const declared = fromPackageJson(root);
    if (declared === undefined || 'ignored' in declared) {
      report.push(`no repository: no "Edit page" or repository link (${declared ? declared.ignored : 'set GITHUB_REPOSITORY, as GitHub Actions does, or package.json’s repository'})`);
      return undefined;
    }
    ownerName = declared.ownerName;
    directory = declared.directory;
    // The branch a clone's `origin` names as its default (set by `git clone`).
    branch = git(['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'])?.replace(/^origin\//, '');
    report.push(`repository ${ownerName} (package.json)`);
  }
  const url = `${server}/${ownerName}`;
  if (!branch) {
    report.push('no branch known: no "Edit page" links (on GitHub Actions the branch built is used; elsewhere the default branch of the clone’s origin)');
    return { url, editBaseUrl: undefined };
  }
  // Where the project sits in the repository: Starlight appends each page's path in the project.
  const prefix = git(['rev-parse', '--show-prefix']) ?? (directory ? `${directory.replace(/^\/+|\/+$/g, '')}/` : '');
  const editBaseUrl = `${url}/edit/${branch.split('/').map(encodeURIComponent).join('/')}/${prefix}`;
  report.push(`"Edit page" links to ${editBaseUrl}…`);
  return { url, editBaseUrl };
}

function lastUpdated(git: Git, report: string[]): boolean {
  const shallow = git(['rev-parse', '--is-shallow-repository']);
  if (shallow === undefined) {
    report.push('not a git checkout: no "Last updated" dates');
    return false;
  }
  if (shallow === 'true') {
    report.push('shallow git clone: no "Last updated" dates (each page would get the one commit’s; fetch the whole history, e.g. actions/checkout with fetch-depth: 0)');
    return false;
  }
  report.push('"Last updated" dates from git history');
  return true;
}

function gitIn(root: string): Git {
  return (args) => {
    const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return result.status === 0 ? result.stdout.trim() : undefined;
  };
}

/** Reads the deployment settings; throws a BuildStepError naming the variable for a malformed one. */
export function readDeployment({ env = process.env, root, git = gitIn(root) }: DeploymentSources): Deployment {
  const { site, base } = siteAndBase(env);
  const report = [
    site ? `site ${site}` : 'no SITE_URL: no sitemap, canonical links or og:url (set SITE_URL to the address the site is served at)',
    `base path ${base}${env['BASE_PATH'] === undefined && base !== '/' ? ' (from SITE_URL)' : ''}`,
  ];
  const repo = repository(env, root, git, report);
  return { site, base, repository: repo, lastUpdated: lastUpdated(git, report), report };
}

/** Says at the start of `astro build` what the site is built for, so a CI log shows the wiring. */
export function reportDeployment(deployment: Deployment): AstroIntegration {
  return {
    name: 'pyconc:deployment',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'build') for (const line of deployment.report) logger.info(line);
      },
    },
  };
}
