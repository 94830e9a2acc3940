import { relative } from 'node:path';
import { preview } from 'astro';
import { runCollecting } from '../../scripts/shared/run-collecting.ts';
import { root, serverVariable, servedBuilds, type ServedBuild } from './builds.ts';

/**
 * Builds what ./builds.ts asks for (the second build, under a sub-path: `npm run build`'s own
 * command with `--out-dir`, so its links check and anchors check run as in any build; warm, as the
 * first build filled the caches), then serves each build once for all tests, like Starlight's own
 * e2e: `astro preview` on port 0, under the build's base path, its address handed to the workers.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  const stops: (() => Promise<void>)[] = [];
  for (const build of servedBuilds()) {
    if (build.buildEnv) await buildUnderSubPath(build);
    const server = await preview({ root, outDir: build.dir, base: build.base, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
    stops.push(() => server.stop());
    process.env[serverVariable(build.project)] = `http://127.0.0.1:${server.port}${build.base}`;
    console.log(`e2e: serving ${relative(root, build.dir)}/ at ${process.env[serverVariable(build.project)]} (project ${build.project})`);
  }
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}

/** `npm run build -- --out-dir <dir>` in the build's environment; its log is shown only if it fails. */
async function buildUnderSubPath(build: ServedBuild): Promise<void> {
  const started = Date.now();
  const { exitCode: code, output } = await runCollecting(process.execPath, ['scripts/commands/build.ts', '--out-dir', build.dir], {
    cwd: root,
    env: { ...process.env, ...build.buildEnv, FORCE_COLOR: '0' },
  });
  if (code !== 0) {
    console.error(output);
    throw new Error(`e2e: the build under ${build.base} (${JSON.stringify(build.buildEnv)}) failed with exit ${code}: its log is above.`);
  }
  console.log(`e2e: built the site under ${build.base} into ${relative(root, build.dir)}/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
