/**
 * apt-get on a private state: its own sources list, package lists, empty dpkg status, archives
 * and log, no lock, and none of the machine's sources, pins or apt.conf.d. Skipping apt.conf.d
 * matters beyond tidiness: its hooks (PackageKit's and appstream's Post-Invoke-Success, for
 * instance) would otherwise run, as root, on every `apt-get update`. Only the machine's
 * `Acquire` settings are carried over, since they describe its network: proxies, and here a
 * mirror whose Release files are past their Valid-Until date (`Check-Valid-Until "false"`).
 *
 * With an empty dpkg status, apt resolves the whole dependency closure of what is asked for,
 * so the package set is apt's answer, never a list kept here. The result is a set of .deb files,
 * extracted with `dpkg-deb -x`: nothing is installed and the machine's apt and dpkg state is
 * neither read nor written. Works as root and as any user.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { messageOf, outputLines, stderrOf } from '../shared/error-text.ts';

const run = promisify(execFile);

/** Debian's own redirector, reachable wherever Debian packages are. */
const DEBIAN_MIRROR = 'http://deb.debian.org/debian';

/** Index downloads and package downloads both go to the network; apt retries by itself. */
const APT_TIMEOUT_MS = 5 * 60_000;

/** A private apt for one Debian suite. */
export interface PrivateApt {
  /** Directory holding its configuration and state. */
  readonly dir: string;
  /** Debian suite, e.g. `testing` or `bookworm`. */
  readonly suite: string;
  /** Environment apt-get runs in: `APT_CONFIG` points at the private configuration. */
  readonly env: NodeJS.ProcessEnv;
}

/** One downloaded .deb. */
export interface DebFile {
  /** File name in the archives directory, e.g. `python3.14-minimal_3.14.8-1_amd64.deb`. */
  filename: string;
  /** Package name and version, from the file name. */
  package: string;
  version: string;
  /** Bytes. */
  size: number;
}

/** The sources list: the one suite's `main`, package lists only (no translations, no DEP-11). */
export function sourcesListText(suite: string): string {
  return `deb [target=Packages] ${DEBIAN_MIRROR} ${suite} main\n`;
}

/**
 * The private apt.conf (read through `APT_CONFIG`, before anything else, so that pointing
 * `Dir::Etc::Parts` and `Dir::Etc::Main` at /dev/null keeps the machine's files out).
 * `machineAcquire` is `apt-config dump Acquire` of the machine, whose lines are apt.conf syntax.
 */
export function aptConfigText(dir: string, arch: string, machineAcquire: string): string {
  const quoted = (value: string) => JSON.stringify(value);
  return [
    machineAcquire.trim(),
    `Dir::Etc::Main "/dev/null";`,
    `Dir::Etc::Parts "/dev/null";`,
    `Dir::Etc::SourceList ${quoted(join(dir, 'sources.list'))};`,
    `Dir::Etc::SourceParts "/dev/null";`,
    `Dir::Etc::Preferences "/dev/null";`,
    `Dir::Etc::PreferencesParts "/dev/null";`,
    `Dir::State ${quoted(join(dir, 'state') + '/')};`,
    `Dir::State::status ${quoted(join(dir, 'state', 'status'))};`,
    `Dir::Cache ${quoted(join(dir, 'cache') + '/')};`,
    // pkgcache.bin is kept (the download reuses the update's), but not its 46 MB source twin,
    // which only speeds up rebuilding after dpkg's status changes, and ours never does.
    `Dir::Cache::srcpkgcache "";`,
    `Dir::Log ${quoted(join(dir, 'log') + '/')};`,
    // Nothing else uses this state, and the machine's lock is not ours to take.
    `Debug::NoLocking "true";`,
    // Only the machine's own architecture, even where dpkg has foreign ones configured.
    `APT::Architecture ${quoted(arch)};`,
    `#clear APT::Architectures;`,
    `APT::Architectures { ${quoted(arch)}; };`,
    `APT::Install-Recommends "false";`,
    `APT::Install-Suggests "false";`,
    '',
  ].join('\n');
}

/**
 * Package and version from a .deb's name in apt's archives, `PACKAGE_VERSION_ARCH.deb`, where
 * the version's epoch colon is written `%3a`.
 */
export function parseDebFilename(filename: string): Pick<DebFile, 'package' | 'version'> | undefined {
  const match = /^([^_]+)_([^_]+)_[^_]+\.deb$/.exec(filename);
  return match ? { package: match[1] ?? '', version: decodeURIComponent(match[2] ?? '') } : undefined;
}

/**
 * apt's first error line (`E: …`: the cause; later ones repeat it with less detail, the whole
 * output stays in the error's `cause`), or its last line when it printed none.
 */
export function aptErrorSummary(stderr: string): string {
  const lines = outputLines(stderr);
  return lines.find((line) => line.startsWith('E: ')) ?? lines.at(-1) ?? 'no message';
}

/** Creates the private configuration and empty state in `dir`. */
export async function createPrivateApt(dir: string, suite: string, arch: string): Promise<PrivateApt> {
  for (const sub of ['state/lists/partial', 'cache/archives/partial', 'log']) {
    await mkdir(join(dir, sub), { recursive: true });
  }
  const { stdout: machineAcquire } = await run('apt-config', ['dump', 'Acquire']);
  await writeFile(join(dir, 'apt.conf'), aptConfigText(dir, arch, machineAcquire));
  await writeFile(join(dir, 'sources.list'), sourcesListText(suite));
  await writeFile(join(dir, 'state', 'status'), '');
  // C.UTF-8: apt's messages, quoted in errors, in English whatever the user's locale.
  const env = { ...process.env, APT_CONFIG: join(dir, 'apt.conf'), LC_ALL: 'C.UTF-8' };
  return { dir, suite, env };
}

async function aptGet(apt: PrivateApt, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('apt-get', args, { env: apt.env, timeout: APT_TIMEOUT_MS, maxBuffer: 16 << 20 });
    return stdout;
  } catch (error) {
    const { stderr, killed } = error as { stderr?: string; killed?: boolean };
    const detail = killed ? `timed out after ${APT_TIMEOUT_MS / 1000} s` : aptErrorSummary(stderr ?? '');
    throw new Error(`apt-get ${args.join(' ')} failed: ${detail}`, { cause: error });
  }
}

/** Downloads the suite's package list (`apt-get update`). */
export async function updatePackageLists(apt: PrivateApt): Promise<void> {
  await aptGet(apt, ['-q', 'update']);
}

/** The names of the suite's packages that start with `prefix` (`apt-cache pkgnames`), sorted. */
export async function listPackageNames(apt: PrivateApt, prefix: string): Promise<string[]> {
  try {
    const { stdout } = await run('apt-cache', ['pkgnames', prefix], { env: apt.env, timeout: APT_TIMEOUT_MS, maxBuffer: 16 << 20 });
    return outputLines(stdout).sort();
  } catch (error) {
    throw new Error(`apt-cache pkgnames ${prefix} failed: ${aptErrorSummary(stderrOf(error))}`, { cause: error });
  }
}

/**
 * Downloads the .deb files that installing `packages` on an empty system takes (the closure
 * apt resolves) and returns them: the private archives start empty, so they hold exactly those.
 */
export async function downloadPackages(apt: PrivateApt, packages: readonly string[]): Promise<DebFile[]> {
  await aptGet(apt, ['-q', '-y', '--download-only', 'install', ...packages]);
  const archives = join(apt.dir, 'cache', 'archives');
  const files: DebFile[] = [];
  for (const filename of (await readdir(archives)).sort()) {
    const parsed = parseDebFilename(filename);
    if (parsed) files.push({ filename, ...parsed, size: (await stat(join(archives, filename))).size });
  }
  return files;
}

/** Unpacks downloaded `files` into `root`, one after the other (later files win, as dpkg's order). */
export async function extractPackages(apt: PrivateApt, files: readonly DebFile[], root: string): Promise<void> {
  await mkdir(root, { recursive: true });
  for (const file of files) {
    const deb = join(apt.dir, 'cache', 'archives', file.filename);
    try {
      await run('dpkg-deb', ['-x', deb, root], { maxBuffer: 16 << 20 });
    } catch (error) {
      throw new Error(`dpkg-deb -x ${deb} failed: ${stderrOf(error) || messageOf(error)}`, { cause: error });
    }
  }
}
