/**
 * Runs a build command in a site copy and measures it: wall time, and peak memory as
 * `/usr/bin/time -v` reports it (the largest resident set of any process of the build), read
 * through Python's `getrusage(RUSAGE_CHILDREN)`, which every machine that builds this site has.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCollecting } from '../shared/run-collecting.ts';

export interface TimedBuild {
  ms: number;
  /** Peak resident set size of the largest process of the build, bytes. */
  maxRssBytes: number;
  exitCode: number | null;
  output: string;
}

/** Runs argv[2:] and writes the children's peak RSS (KiB on Linux) to argv[1]. */
const MEASURE = [
  'import resource, subprocess, sys',
  'code = subprocess.run(sys.argv[2:]).returncode',
  'open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))',
  'sys.exit(code)',
].join('\n');

/** `env` is the build's whole environment: a variable left out of it is not set (the copies' PYCONC_CACHE_DIR). */
export async function timeBuild(site: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<TimedBuild> {
  const scratch = await mkdtemp(join(tmpdir(), 'pyconc-bench-rss-'));
  const rssFile = join(scratch, 'maxrss');
  const started = performance.now();
  const { exitCode, output } = await runCollecting('python3', ['-c', MEASURE, rssFile, process.execPath, ...args], {
    cwd: site,
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  const ms = performance.now() - started;
  const maxRssBytes = Number(await readFile(rssFile, 'utf8').catch(() => '0')) * 1024;
  await rm(scratch, { recursive: true, force: true });
  return { ms, maxRssBytes, exitCode, output };
}

/** Throws with the end of the output when a build the benchmark depends on failed. */
export function mustSucceed(what: string, build: TimedBuild): TimedBuild {
  if (build.exitCode !== 0) throw new Error(`${what} failed (exit ${build.exitCode}):\n${build.output.slice(-3000)}`);
  return build;
}
