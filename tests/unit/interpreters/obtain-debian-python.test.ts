import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedDebianPython, obtainDebianPython } from '../../../scripts/interpreters/obtain-debian-python.ts';
import { cpython314Linux } from '../../fixtures/interpreter/recorded.ts';

const run = promisify(execFile);
const MODULE = fileURLToPath(new URL('../../../scripts/interpreters/obtain-debian-python.ts', import.meta.url));
const POOL_SQUARES = fileURLToPath(new URL('../../fixtures/interpreters/pool-squares.py', import.meta.url));

let cacheDir: string;
let lines: string[];
const log = (line: string) => lines.push(line);

beforeEach(async () => {
  // Never the project's cache: each test starts from an empty directory of its own.
  cacheDir = await mkdtemp(join(tmpdir(), 'pyconc-obtain-python-'));
  lines = [];
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

/** What a CPython 3.14 at `executable` answers to the probe (scripts/interpreters/identify-python.ts). */
function probeAnswer(executable: string): string {
  const { requested: _requested, ...identity } = { ...cpython314Linux, executable };
  return JSON.stringify(identity);
}

/** A published install as obtainDebianPython leaves it, with `python` as its interpreter. */
async function fakeInstall(python: string | undefined, name = 'cpython-3.14-1-0123abcd'): Promise<string> {
  const binary = join(cacheDir, name, 'usr', 'bin', 'python3.14');
  await mkdir(dirname(binary), { recursive: true });
  if (python !== undefined) {
    await writeFile(binary, `#!/bin/sh\n${python}\n`);
    await chmod(binary, 0o755);
  }
  await symlink(name, join(cacheDir, 'cpython-3.14'));
  return binary;
}

describe('cachedDebianPython', () => {
  it('finds nothing in an empty cache, quietly', async () => {
    expect(await cachedDebianPython({ version: '3.14', cacheDir, log })).toBeUndefined();
    expect(lines).toEqual([]);
  });

  it('rejects an install whose interpreter is missing', async () => {
    const binary = await fakeInstall(undefined);
    expect(await cachedDebianPython({ version: '3.14', cacheDir, log })).toBeUndefined();
    expect(lines.join('\n')).toContain(`${binary} cannot be started`);
  });

  it('rejects an install whose interpreter runs but is another version', async () => {
    await fakeInstall('exec python3 "$@"');
    expect(await cachedDebianPython({ version: '3.14', cacheDir, log })).toBeUndefined();
    expect(lines.join('\n')).toMatch(/is not CPython 3\.14: it is 3\.\d+\.\d+, not 3\.14/);
  });

  it('rejects an install whose interpreter would start its children with another binary', async () => {
    await fakeInstall(`echo '${probeAnswer('/elsewhere/python3.14')}'`);
    expect(await cachedDebianPython({ version: '3.14', cacheDir, log })).toBeUndefined();
    expect(lines.join('\n')).toContain('reports sys.executable /elsewhere/python3.14');
  });

  it('starts a working install once to check it, and again only when its files changed', async () => {
    const runs = join(cacheDir, 'runs');
    const binary = join(cacheDir, 'cpython-3.14-1-0123abcd', 'usr', 'bin', 'python3.14');
    await fakeInstall(`echo run >> ${runs}; echo '${probeAnswer(binary)}'`);
    const started = async () => (await readFile(runs, 'utf8')).split('\n').filter(Boolean).length;
    expect(await cachedDebianPython({ version: '3.14', cacheDir, log })).toBe(binary);
    expect(await cachedDebianPython({ version: '3.14', cacheDir, log })).toBe(binary);
    expect(await started()).toBe(1);
    // A library folder appears: the install is checked again.
    await mkdir(join(cacheDir, 'cpython-3.14-1-0123abcd', 'usr', 'lib', 'x86_64-linux-gnu'), { recursive: true });
    expect(await cachedDebianPython({ version: '3.14', cacheDir, log })).toBe(binary);
    expect(await started()).toBe(2);
    expect(lines).toEqual([]);
  });
});

describe('obtainDebianPython', () => {
  it('refuses a version that is not major.minor', async () => {
    await expect(obtainDebianPython({ version: '3.14.8', cacheDir, log })).rejects.toThrow(
      /not a major\.minor version/,
    );
  });

  it('fails on a machine without dpkg, naming the step and the manual fix', async () => {
    const program = `import { obtainDebianPython } from ${JSON.stringify(MODULE)};
      await obtainDebianPython({ version: '3.14', cacheDir: ${JSON.stringify(cacheDir)}, log() {} });`;
    // No PATH: neither dpkg nor apt-get can be found, as on a machine that is not Debian-like.
    const failure = run(process.execPath, ['--input-type=module', '-e', program], { env: { PATH: '/nonexistent' } });
    await expect(failure).rejects.toMatchObject({
      stderr: expect.stringMatching(
        /Could not obtain CPython 3\.14 from Debian: step "dpkg --print-architecture" failed: this machine has no dpkg: it is not Debian-like.*\nFix: install CPython 3\.14 so that python3\.14 is on PATH .*or set PYTHONS/,
      ),
    });
  });

  it(
    'obtains a working CPython 3.14 from Debian, twice at once, then reuses it without apt',
    // Each obtain costs about 16 CPU-seconds (apt parses two 60 MB package lists; xz-compressed
    // packages are unpacked) and 40 MB of downloads. Measured for both at once: 76 to 176 s while
    // other builds kept the 2 cores 6 to 12 times oversubscribed. apt-get's own 5-minute timeout
    // catches a hung download; this one only bounds the whole.
    { timeout: 600_000 },
    async () => {
      const machineApt = await machineAptTraces();
      // Left by earlier obtains that were killed: a published install that no longer works, and
      // one never published. Their process ids are above Linux's largest, so none is running.
      await fakeInstall(undefined, 'cpython-3.14-4194305-0bad0bad');
      await mkdir(join(cacheDir, 'cpython-3.14-4194305-0dead000', 'usr'), { recursive: true });
      const logs: string[][] = [[], []];
      const obtained = await Promise.all(
        logs.map((own) => obtainDebianPython({ version: '3.14', cacheDir, log: (line) => own.push(line) })),
      );
      for (const own of logs) {
        expect(own[0]).toMatch(/^\[python\] the cached CPython 3\.14 .* cannot be started/);
        expect(own[1]).toMatch(/^\[python\] obtaining CPython 3\.14 from Debian into /);
        expect(own.join('\n')).toMatch(
          /downloaded python3\.14-minimal 3\.14\.\S+ and \d+ dependencies from Debian (testing|unstable): [\d.]+ MB/,
        );
      }

      for (const python of obtained) {
        const { stdout } = await run(python, [POOL_SQUARES], { timeout: 60_000 });
        // 3.14 starts children with forkserver by default; they run the patched binary.
        expect(stdout).toBe(`[0, 1, 4, 9, 16]\nforkserver\n${python}\n${dirname(dirname(python))}\n`);
      }

      const published = join(cacheDir, await readlink(join(cacheDir, 'cpython-3.14')), 'usr', 'bin', 'python3.14');
      expect(obtained).toContain(published);
      const warm: string[] = [];
      expect(await obtainDebianPython({ version: '3.14', cacheDir, log: (line) => warm.push(line) })).toBe(published);
      expect(warm).toEqual([]);

      // Left behind: the link and one install (two if both published at the same moment), no work
      // files, nothing of the killed obtains.
      const installs = [...new Set(obtained)].map((python) => dirname(dirname(dirname(python))));
      expect((await readdir(cacheDir)).sort()).toEqual(
        ['cpython-3.14', ...installs.map((dir) => basename(dir))].sort(),
      );
      for (const install of installs) expect(await readdir(install)).not.toContain('.work');
      expect(await machineAptTraces()).toEqual(machineApt);
    },
  );
});

describe('obtainDebianPython, for a version Debian does not have', () => {
  it(
    'tries testing, then unstable, and fails saying so, leaving nothing behind',
    // Two package lists are read (testing's, unstable's), patchelf is not fetched: up to minutes
    // on a loaded machine.
    { timeout: 600_000 },
    async () => {
      const failure = obtainDebianPython({ version: '3.99', cacheDir, log });
      await expect(failure).rejects.toThrow(
        new RegExp(
          'Could not obtain CPython 3\\.99 from Debian: step "download" failed: ' +
            'Debian testing: apt-get .* failed: E: Unable to locate package python3\\.99-minimal; ' +
            'Debian unstable: apt-get .* failed: E: Unable to locate package python3\\.99-minimal\\.\n' +
            'Fix: install CPython 3\\.99 so that python3\\.99 is on PATH',
        ),
      );
      expect(lines).toContainEqual(expect.stringMatching(/^\[python\] Debian testing: .*; trying Debian unstable$/));
      expect(await readdir(cacheDir)).toEqual([]);
    },
  );
});

/** What an obtain that used the machine's apt would change: its lists and its dpkg database. */
async function machineAptTraces() {
  const lists = await readdir('/var/lib/apt/lists').catch(() => []);
  const status = await readFile('/var/lib/dpkg/status', 'utf8').catch(() => '');
  return {
    testingLists: lists.filter((name) => /_dists_(testing|unstable)_/.test(name)),
    python314Installed: status.includes('Package: python3.14-minimal\n'),
  };
}
