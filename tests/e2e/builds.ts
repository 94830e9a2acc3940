/**
 * The builds the e2e suite serves, one Playwright project each:
 *
 * - `dist`: what `npm run build` published, every spec. It is served under the base path it was
 *   built for, and judged against the deployment settings of the environment `npm test` runs in
 *   (the build's: CI sets them for the job), read by the same module as astro.config.mjs.
 * - `sub-path`: when dist/ sits at the root, a second build, made by global setup with
 *   `npm run build`'s own command, as the workflow builds a GitHub project page (SITE_URL and
 *   BASE_PATH as actions/configure-pages gives them, a repository as Actions names it), served
 *   under `/python-concurrency/`. It runs the tests tagged `@base-path`: those whose outcome
 *   depends on where the site is served (pages, links, redirects, search, diagrams, no-JS, the
 *   page furniture). A root-relative link that escapes the base fails there. When dist/ itself
 *   was built under a sub-path (CI for a project page), it already runs them all, so there is no
 *   second build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readDeployment, type Deployment } from '../../scripts/integrations/deployment.ts';
import { workDir } from '../../scripts/cache/paths.ts';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const dist = `${root}dist`;

/** The e2e tests check what `npm run build` published; they never build dist/ themselves. */
export function requireBuild(): void {
  if (!existsSync(`${dist}/index.html`)) {
    throw new Error('e2e: dist/index.html not found: the e2e tests run against the built site. Run `npm run build` first.');
  }
}

/** What a project's tests expect of the build they test. */
export interface ServedSite {
  /** The directory served. */
  dir: string;
  /** The base path it was built for: `/` or `/python-concurrency/`. */
  base: string;
  /** What the build was told: its address, repository and "Last updated" setting. */
  deployment: Pick<Deployment, 'site' | 'base' | 'repository' | 'lastUpdated'>;
  /**
   * Whether this project also runs the checks that do not depend on where the site is served
   * (axe, code widths, layout shift, search ranking): once, on dist/.
   */
  checksContent: boolean;
}

export interface ServedBuild extends ServedSite {
  /** The Playwright project. */
  project: 'dist' | 'sub-path';
  /** For a build global setup makes: the environment it is built in (on top of this one). */
  buildEnv?: Record<string, string>;
}

/** The project page the second build is made for, as the workflow passes it: configure-pages' outputs, Actions' variables. */
const SUB_PATH_ENV = {
  SITE_URL: 'https://octocat.github.io/python-concurrency',
  BASE_PATH: '/python-concurrency',
  GITHUB_REPOSITORY: 'octocat/python-concurrency',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_BASE_REF: '',
};

/**
 * The base path dist/ was built for, read from its home page: Astro serves its bundles from
 * `<base>_astro/`. The built site knows where it belongs; the environment only says where it should.
 */
function builtBase(dir: string): string {
  const html = readFileSync(`${dir}/index.html`, 'utf8');
  const base = /(?:href|src)="(\/[^"]*?)_astro\//.exec(html)?.[1];
  if (!base) throw new Error(`e2e: ${dir}/index.html loads nothing from _astro/: is it an Astro build?`);
  return base;
}

function expected(env: NodeJS.ProcessEnv): ServedSite['deployment'] {
  const { site, base, repository, lastUpdated } = readDeployment({ env, root });
  return { site, base, repository, lastUpdated };
}

/** The builds to serve. */
export function servedBuilds(): ServedBuild[] {
  requireBuild();
  const deployment = expected(process.env);
  const base = builtBase(dist);
  if (base !== deployment.base) {
    throw new Error(
      `e2e: dist/ was built for the base path ${base}, but this environment gives ${deployment.base}. ` +
        'Run `npm test` with the SITE_URL and BASE_PATH that `npm run build` had (README, "Deploying"), or build again.',
    );
  }
  const builds: ServedBuild[] = [{ project: 'dist', dir: dist, base, deployment, checksContent: true }];
  if (base === '/') {
    const env = { ...process.env, ...SUB_PATH_ENV };
    builds.push({
      project: 'sub-path',
      dir: `${workDir(root, 'e2e')}/sub-path-site`,
      base: '/python-concurrency/',
      deployment: expected(env),
      checksContent: false,
      buildEnv: SUB_PATH_ENV,
    });
  }
  return builds;
}

/** The variable global setup hands a project's server address to the workers in. */
export function serverVariable(project: ServedBuild['project']): string {
  return `PYCONC_E2E_${project.toUpperCase().replace(/\W/g, '_')}_URL`;
}
