/**
 * Obtains a real CPython from Debian's packages on a Debian-like machine that has none of that
 * version (Debian 12 has only 3.11), without installing anything: a private apt (see
 * private-apt.ts) downloads `python3.X-minimal` and `libpython3.X-stdlib` with their whole
 * dependency closure from `testing` (else `unstable`), `dpkg-deb -x` unpacks them into one
 * directory, and patchelf points the binary at the loader and libraries unpacked beside it,
 * since Debian testing's binaries need a newer glibc than the machine's.
 *
 * Cache layout in `cacheDir`: each obtain unpacks into a directory of its own,
 * `cpython-3.14-<pid>-<random>`, verifies the interpreter there (the patched paths are absolute,
 * so it can only run where it was unpacked), and only then publishes it by renaming a symlink,
 * `cpython-3.14`, onto it. An interrupted obtain therefore never leaves anything that looks
 * installed, and an install in use is never removed: two builds at once each get a working
 * interpreter (the later one adopts the earlier one's when it is already published). Unpublished
 * directories whose process is gone (an interrupted obtain, a broken install that was replaced)
 * are removed after the next successful obtain.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, constants, readdir, readFile, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { contentKey } from '../cache/content-key.ts';
import { BuildStepError } from '../shared/build-step-error.ts';
import { firstLine, messageOf, stderrOf } from '../shared/error-text.ts';
import { formatMs } from '../shared/format.ts';
import { isAlive } from '../shared/is-alive.ts';
import { checkRequestedVersion, identifyPython, mismatch } from './identify-python.ts';
import type { PythonIdentity } from './interpreter-info.ts';
import {
  createPrivateApt,
  downloadPackages,
  extractPackages,
  listPackageNames,
  updatePackageLists,
  type DebFile,
  type PrivateApt,
} from './private-apt.ts';

const run = promisify(execFile);

export interface ObtainDebianPythonOptions {
  /** Major.minor version, e.g. `3.14`. */
  version: string;
  /** Directory the install is kept in, created if missing, e.g. `<root>/node_modules/.cache/pyconc/python`. */
  cacheDir: string;
  /**
   * Receives progress lines (`[python] …`).
   * @default console.log
   */
  log?: (line: string) => void;
  /**
   * Debian suites to take it from, tried in order (the canary asks `unstable` alone).
   * @default PYTHON_SUITES
   */
  suites?: readonly string[];
}

/** Suites tried in order: testing's packages have passed unstable's migration checks. */
export const PYTHON_SUITES: readonly string[] = ['testing', 'unstable'];

/**
 * patchelf 0.17 and newer (testing has 0.18.0) left Debian testing's python3.14 segfaulting at
 * start when --set-interpreter and --set-rpath were given together: the segment it added for
 * the longer strings overlapped the next one (measured; see also NixOS/patchelf#446). Debian
 * 12's 0.14.3 patches it correctly, and a stable release's package does not change under us.
 * It runs with the loader unpacked beside it, not the machine's, so any glibc will do.
 */
const PATCHELF_SUITE = 'bookworm';

/**
 * Extension modules a working install must load: ssl and sqlite3 need libraries from the
 * unpacked closure, ctypes needs libffi (multiprocessing's shared values use it).
 */
const REQUIRED_MODULES = ['ssl', 'sqlite3', 'ctypes', 'multiprocessing'];

/** Where each Debian architecture keeps its libraries and what its loader is called. */
const MULTIARCH: Record<string, { triplet: string; loader: string }> = {
  amd64: { triplet: 'x86_64-linux-gnu', loader: 'ld-linux-x86-64.so.2' },
  arm64: { triplet: 'aarch64-linux-gnu', loader: 'ld-linux-aarch64.so.1' },
};

function manualFix(version: string): string {
  return (
    `install CPython ${version} so that python${version} is on PATH (from python.org, ` +
    `with \`uv python install ${version}\`, or your distribution's python${version} package), ` +
    'or set PYTHONS to the interpreters to use; then build again.'
  );
}

/** Path of the interpreter inside an install directory. */
function pythonIn(install: string, version: string): string {
  return join(install, 'usr', 'bin', `python${version}`);
}

function publishedLink(cacheDir: string, version: string): string {
  return join(cacheDir, `cpython-${version}`);
}

/** Install directories and their temporary links: `cpython-3.14-<pid>-<hex>[.link]`. */
function installNamePattern(version: string): RegExp {
  return new RegExp(`^cpython-${version.replace('.', '\\.')}-(\\d+)-[0-9a-f]+(?:\\.link)?$`);
}

/** The published install directory (absolute), or undefined when there is none. */
async function publishedInstall(cacheDir: string, version: string): Promise<string | undefined> {
  try {
    const target = await readlink(publishedLink(cacheDir, version));
    return installNamePattern(version).test(target) ? join(cacheDir, target) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs the install's interpreter and returns what it reports; throws, saying why, unless it is
 * the requested version, loads REQUIRED_MODULES and reports itself as `sys.executable` (the
 * binary multiprocessing starts its children with).
 */
async function verifyInstall(install: string, version: string): Promise<PythonIdentity> {
  const binary = pythonIn(install, version);
  const identity = await identifyPython(binary, { imports: REQUIRED_MODULES });
  if (!identity) throw new Error(`${binary} cannot be started (it, or the loader it names, is missing)`);
  const reason = mismatch(identity, { version });
  if (reason) throw new Error(`${binary} is not CPython ${version}: ${reason}`);
  if (identity.executable !== binary) {
    throw new Error(`${binary} reports sys.executable ${identity.executable}, so its child processes would not run it`);
  }
  return identity;
}

/**
 * A published install never changes, so once it has passed verifyInstall the check is not run
 * again (starting it is much of a warm build's plan) until this stamp changes: the
 * binary and every folder its loader, libraries and modules live in (a file removed or added
 * changes its folder), and what the check asks for.
 */
const VERIFIED = '.verified';

async function installStamp(install: string, version: string): Promise<string> {
  const lib = join(install, 'usr', 'lib');
  const paths = [pythonIn(install, version), lib, ...(await readdir(lib).catch(() => [])).map((entry) => join(lib, entry)), join(lib, `python${version}`, 'lib-dynload')];
  const stats = await Promise.all(paths.map(async (path) => stat(path).then(({ ino, size, mtimeMs }) => [ino, size, mtimeMs], () => null)));
  return contentKey({ stats, modules: REQUIRED_MODULES, version });
}

/**
 * The interpreter a previous obtain left in `cacheDir`, if it still runs and is what was asked
 * for (checked by running it once: no apt, about a tenth of a second; see VERIFIED); otherwise
 * undefined, after saying why through `log` when there was one.
 */
export async function cachedDebianPython(options: ObtainDebianPythonOptions): Promise<string | undefined> {
  const { version, log = console.log } = options;
  checkRequestedVersion(version);
  const cacheDir = resolve(options.cacheDir);
  const install = await publishedInstall(cacheDir, version);
  if (!install) return undefined;
  try {
    const stamp = await installStamp(install, version);
    if ((await readFile(join(install, VERIFIED), 'utf8').catch(() => undefined)) === stamp) return pythonIn(install, version);
    await verifyInstall(install, version);
    await writeFile(join(install, VERIFIED), stamp);
    return pythonIn(install, version);
  } catch (error) {
    log(`[python] the cached CPython ${version} (${install}) does not work: ${messageOf(error)}`);
    return undefined;
  }
}

/**
 * Returns the absolute path of a working `python<version>` obtained from Debian into
 * `cacheDir`: the cached one when it works (see cachedDebianPython), else a new one, which
 * takes about 40 MB of downloads and 60 MB of disk, printing what it does. Throws,
 * naming the step and the manual fix (with `cause`), when it cannot: no apt/dpkg, no network
 * to deb.debian.org, or no such version in Debian testing or unstable.
 */
export async function obtainDebianPython(options: ObtainDebianPythonOptions): Promise<string> {
  const cached = await cachedDebianPython(options);
  if (cached) return cached;
  const { version, log = console.log } = options;
  const cacheDir = resolve(options.cacheDir);
  const started = performance.now();
  log(`[python] obtaining CPython ${version} from Debian into ${cacheDir} (once: later builds reuse it)`);
  const install = join(cacheDir, `cpython-${version}-${process.pid}-${randomBytes(4).toString('hex')}`);
  let published: string;
  try {
    const obtained = await obtainInto(install, version, options.suites ?? PYTHON_SUITES, log);
    published = await inStep('publish', () => publish(cacheDir, version, install));
    log(
      `[python] installed CPython ${obtained.identity.versionInfo.join('.')} (Debian ${obtained.suite} ${obtained.debianVersion}) ` +
        `in ${formatMs(performance.now() - started)}: ${pythonIn(published, version)}`,
    );
  } catch (error) {
    // Best effort: the step's error is the one worth reporting.
    await rm(install, { recursive: true, force: true }).catch(() => undefined);
    throw new BuildStepError(`Could not obtain CPython ${version} from Debian: ${messageOf(error)}.`, {
      step: 'plan',
      fix: manualFix(version),
      cause: error,
    });
  }
  // Garbage only: a failure to remove it must not fail the build.
  await removeAbandoned(cacheDir, version).catch(() => undefined);
  return pythonIn(published, version);
}

/**
 * The newest CPython (major.minor, e.g. `3.16`) that Debian `suite` packages: its highest
 * `python3.X-minimal`. Reads the suite's package list into `workDir` (a private apt, as above).
 */
export async function newestDebianPython(options: { suite: string; workDir: string; log?: (line: string) => void }): Promise<string> {
  const { suite, workDir, log = console.log } = options;
  const { arch } = await inStep('dpkg --print-architecture', () => multiarchLayout('3.x'));
  const apt = await createPrivateApt(join(workDir, suite), suite, arch);
  await inStep(`apt-get update (Debian ${suite})`, () => updatePackageLists(apt));
  const minors = (await listPackageNames(apt, 'python3.'))
    .map((name) => /^python3\.(\d+)-minimal$/.exec(name)?.[1])
    .filter((minor): minor is string => minor !== undefined)
    .map(Number);
  if (minors.length === 0) throw new Error(`Debian ${suite} packages no python3.X-minimal`);
  const newest = `3.${Math.max(...minors)}`;
  log(`[python] the newest CPython in Debian ${suite} is ${newest}`);
  return newest;
}

/** Downloads, unpacks, patches and verifies CPython `version` in `install`, not yet published. */
async function obtainInto(install: string, version: string, suites: readonly string[], log: (line: string) => void) {
  const layout = await inStep('dpkg --print-architecture', () => multiarchLayout(version));
  const work = join(install, '.work');
  // One after the other: each is CPU-bound for most of its time (apt parses a 60 MB package
  // list), and patchelf is not fetched when there is no python to patch.
  const python = await inStep('download', () => downloadPython(join(work, 'python'), layout.arch, version, suites, log));
  const patchelf = await inStep('download patchelf', () =>
    downloadFromSuite(join(work, 'patchelf'), PATCHELF_SUITE, layout.arch, ['patchelf'], log),
  );
  const toolsRoot = join(work, 'patchelf-root');
  const unpacking = performance.now();
  await inStep('unpack', async () => {
    await extractPackages(python.apt, python.files, install);
    await extractPackages(patchelf.apt, patchelf.files, toolsRoot);
  });
  log(`[python] unpacked ${python.files.length + patchelf.files.length} packages in ${formatMs(performance.now() - unpacking)}`);
  await inStep('patchelf', () => patchInterpreter(install, toolsRoot, layout, version));
  await compileStandardLibrary(install, version, log);
  const identity = await inStep('verify', () => verifyInstall(install, version));
  await rm(work, { recursive: true, force: true });
  const debianVersion = python.files.find((file) => file.package === `python${version}-minimal`)?.version ?? '?';
  return { identity, suite: python.apt.suite, debianVersion };
}

/**
 * Debian ships no bytecode (its packages compile it when installed, which unpacking skips), and the
 * example runner forbids writing it: without this, every interpreter an example starts, each spawned
 * child too, would compile the standard library it imports, seconds of CPU per process pool.
 * A failure only costs that time, so it is reported, not fatal.
 */
async function compileStandardLibrary(install: string, version: string, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  try {
    await run(pythonIn(install, version), ['-m', 'compileall', '-q', '-j', '0', join(install, 'usr', 'lib', `python${version}`)], {
      maxBuffer: 16 * 1024 * 1024,
    });
    log(`[python] compiled the standard library's bytecode in ${formatMs(performance.now() - started)}`);
  } catch (error) {
    log(`[python] warning: compiling the standard library failed (${firstLine(messageOf(error))}); it runs, but starts slower`);
  }
}

/** Runs `action`, prefixing its error with the step's name (the original kept as `cause`). */
async function inStep<T>(step: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new Error(`step "${step}" failed: ${messageOf(error)}`, { cause: error });
  }
}

/** The machine's Debian architecture and its library layout; throws with the fix off Debian. */
async function multiarchLayout(version: string): Promise<{ arch: string; triplet: string; loader: string }> {
  let arch: string;
  try {
    arch = (await run('dpkg', ['--print-architecture'])).stdout.trim();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? 'this machine has no dpkg: it is not Debian-like, so Debian packages cannot be used here'
        : firstLine(messageOf(error)),
      { cause: error },
    );
  }
  const layout = MULTIARCH[arch];
  if (!layout) {
    throw new Error(
      `Debian architecture ${arch} is not supported here (only ${Object.keys(MULTIARCH).join(', ')}); ` +
        `python${version} cannot be obtained automatically`,
    );
  }
  return { arch, ...layout };
}

interface Download {
  apt: PrivateApt;
  files: DebFile[];
}

/** Reads `suite`'s package list, then downloads the closure of `packages`, printing sizes and times. */
async function downloadFromSuite(
  dir: string,
  suite: string,
  arch: string,
  packages: string[],
  log: (line: string) => void,
): Promise<Download> {
  try {
    const apt = await createPrivateApt(dir, suite, arch);
    let started = performance.now();
    await updatePackageLists(apt);
    log(
      `[python] read Debian ${suite}'s package list in ${formatMs(performance.now() - started)}; downloading ${packages.join(' ')}`,
    );
    started = performance.now();
    const files = await downloadPackages(apt, packages);
    const main = files.find((file) => file.package === packages[0]);
    log(
      `[python] downloaded ${packages[0]} ${main?.version ?? '?'} and ${files.length - 1} dependencies from ` +
        `Debian ${suite}: ${megabytes(files)} MB in ${formatMs(performance.now() - started)}`,
    );
    return { apt, files };
  } catch (error) {
    throw new Error(`Debian ${suite}: ${messageOf(error)}`, { cause: error });
  }
}

async function downloadPython(
  dir: string,
  arch: string,
  version: string,
  suites: readonly string[],
  log: (line: string) => void,
): Promise<Download> {
  const packages = [`python${version}-minimal`, `libpython${version}-stdlib`];
  const failures: Error[] = [];
  for (const [index, suite] of suites.entries()) {
    try {
      return await downloadFromSuite(join(dir, suite), suite, arch, packages, log);
    } catch (error) {
      const next = suites[index + 1];
      failures.push(error as Error);
      if (next) log(`[python] ${messageOf(error)}; trying Debian ${next}`);
    }
  }
  throw new Error(failures.map((failure) => failure.message).join('; '), { cause: failures });
}

/** The `lib/<triplet>` directories under `root` (merged /usr or not) and the loader in one of them. */
async function librariesUnder(root: string, layout: { triplet: string; loader: string }) {
  const libraries: string[] = [];
  let loader: string | undefined;
  for (const dir of [join(root, 'usr', 'lib', layout.triplet), join(root, 'lib', layout.triplet)]) {
    if (!(await exists(dir))) continue;
    libraries.push(dir);
    if (!loader && (await exists(join(dir, layout.loader)))) loader = join(dir, layout.loader);
  }
  if (!loader) {
    throw new Error(`no ${layout.loader} under ${root}/usr/lib/${layout.triplet} or ${root}/lib/${layout.triplet}`);
  }
  return { libraries, loader };
}

/**
 * Makes the binary load the unpacked loader and libraries. RPATH, not RUNPATH (hence
 * --force-rpath): RUNPATH applies to the binary's own dependencies only, so extension modules
 * such as _ssl would find the machine's older libcrypto; RPATH also takes precedence over
 * LD_LIBRARY_PATH.
 */
async function patchInterpreter(
  install: string,
  toolsRoot: string,
  layout: { triplet: string; loader: string },
  version: string,
): Promise<void> {
  const python = await librariesUnder(install, layout);
  const tools = await librariesUnder(toolsRoot, layout);
  const args = [
    '--library-path',
    tools.libraries.join(':'),
    join(toolsRoot, 'usr', 'bin', 'patchelf'),
    '--set-interpreter',
    python.loader,
    '--force-rpath',
    '--set-rpath',
    python.libraries.join(':'),
    pythonIn(install, version),
  ];
  try {
    await run(tools.loader, args);
  } catch (error) {
    throw new Error(`${tools.loader} ${args.join(' ')}: ${stderrOf(error) || messageOf(error)}`, { cause: error });
  }
}

/**
 * Publishes `install` by renaming a symlink onto it, unless another obtain already published a
 * working one: then that one is used and `install` (known to no one else) removed.
 */
async function publish(cacheDir: string, version: string, install: string): Promise<string> {
  const current = await publishedInstall(cacheDir, version);
  if (current) {
    const works = await verifyInstall(current, version).then(
      () => true,
      () => false,
    );
    if (works) {
      await rm(install, { recursive: true, force: true });
      return current;
    }
  }
  const temporaryLink = `${install}.link`;
  await symlink(basename(install), temporaryLink);
  await rename(temporaryLink, publishedLink(cacheDir, version));
  return install;
}

/**
 * Removes install directories that are not published and whose obtaining process is gone
 * (interrupted obtains, a replaced broken install). One of a live process may be in use.
 */
async function removeAbandoned(cacheDir: string, version: string): Promise<void> {
  const current = await publishedInstall(cacheDir, version);
  const pattern = installNamePattern(version);
  for (const name of await readdir(cacheDir)) {
    const pid = pattern.exec(name)?.[1];
    if (!pid || join(cacheDir, name) === current || isAlive(Number(pid))) continue;
    await rm(join(cacheDir, name), { recursive: true, force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

function megabytes(files: readonly DebFile[]): string {
  return (files.reduce((sum, file) => sum + file.size, 0) / 1e6).toFixed(1);
}
