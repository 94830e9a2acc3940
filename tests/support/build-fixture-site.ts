import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `astro build` of a fixture site (`site`: its folder), with the project's Node 24 (Astro's own
 * launcher needs it) and one interpreter unless `env` says otherwise: these sites test a
 * component, not the list of interpreters. Rejects with the build's stdout and stderr.
 */
export function buildFixtureSite(site: string, env: NodeJS.ProcessEnv = { PYTHONS: 'python3' }) {
  return run(join(PROJECT, 'node_modules/.bin/node'), [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', site], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
}
