import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  aptConfigText,
  aptErrorSummary,
  createPrivateApt,
  parseDebFilename,
  sourcesListText,
} from '../../../scripts/interpreters/private-apt.ts';

const run = promisify(execFile);

describe('parseDebFilename', () => {
  it("reads package and version from apt's archive file names, the epoch's colon included", () => {
    expect(parseDebFilename('python3.14-minimal_3.14.8-1_amd64.deb')).toEqual({
      package: 'python3.14-minimal',
      version: '3.14.8-1',
    });
    expect(parseDebFilename('libstdc++6_16.2.0-3_amd64.deb')).toEqual({ package: 'libstdc++6', version: '16.2.0-3' });
    expect(parseDebFilename('zlib1g_1%3a1.3.dfsg+really1.3.2-3_amd64.deb')).toEqual({
      package: 'zlib1g',
      version: '1:1.3.dfsg+really1.3.2-3',
    });
  });

  it('ignores what is not a .deb: the partial directory, the lock', () => {
    expect(parseDebFilename('partial')).toBeUndefined();
    expect(parseDebFilename('lock')).toBeUndefined();
  });
});

describe('aptErrorSummary', () => {
  it("keeps apt's first error line and drops its chatter", () => {
    const stderr = [
      'W: Not using locking for read only lock file',
      'E: Unable to locate package python3.99-minimal',
      "E: Couldn't find any package by glob 'python3.99-minimal'",
      '',
    ].join('\n');
    expect(aptErrorSummary(stderr)).toBe('E: Unable to locate package python3.99-minimal');
  });

  it('falls back to the last line, then to a placeholder', () => {
    expect(aptErrorSummary('Reading package lists...\nSegmentation fault\n')).toBe('Segmentation fault');
    expect(aptErrorSummary('')).toBe('no message');
  });
});

describe('sourcesListText and aptConfigText', () => {
  it("read one suite's package lists only, from Debian's redirector", () => {
    expect(sourcesListText('testing')).toBe('deb [target=Packages] http://deb.debian.org/debian testing main\n');
  });

  it("keep the machine's Acquire settings and replace everything that is state or configuration", () => {
    const text = aptConfigText('/cache/apt', 'arm64', 'Acquire::http::Proxy "http://proxy.invalid:3128";\n');
    expect(text.split('\n')[0]).toBe('Acquire::http::Proxy "http://proxy.invalid:3128";');
    for (const line of [
      'Dir::Etc::Main "/dev/null";',
      'Dir::Etc::Parts "/dev/null";',
      'Dir::Etc::SourceList "/cache/apt/sources.list";',
      'Dir::Etc::SourceParts "/dev/null";',
      'Dir::State::status "/cache/apt/state/status";',
      'Dir::Cache "/cache/apt/cache/";',
      'Dir::Cache::srcpkgcache "";',
      'Debug::NoLocking "true";',
      'APT::Architectures { "arm64"; };',
      'APT::Install-Recommends "false";',
    ]) {
      expect(text).toContain(line);
    }
  });
});

describe('createPrivateApt', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pyconc-private-apt-'));
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(dir, { recursive: true, force: true });
  });

  it("gives apt the machine's network settings and none of its hooks, sources or state", async () => {
    // Machine settings as apt-config reads them, plus a proxy and a hook of our own, so the test
    // means the same on a machine whose apt.conf.d has neither.
    const machineConf = join(dir, 'machine.conf');
    await writeFile(
      machineConf,
      'Acquire::http::Proxy "http://proxy.invalid:3128";\nAPT::Update::Post-Invoke-Success { "false"; };\n',
    );
    vi.stubEnv('APT_CONFIG', machineConf);
    const apt = await createPrivateApt(join(dir, 'apt'), 'testing', 'amd64');
    vi.unstubAllEnvs();

    const { stdout: seen } = await run('apt-config', ['dump'], { env: apt.env });
    expect(seen).toContain('Acquire::http::Proxy "http://proxy.invalid:3128";');
    expect(seen).toContain(`Dir::State::status "${join(dir, 'apt', 'state', 'status')}";`);
    expect(seen).toContain(`Dir::Etc::sourcelist "${join(dir, 'apt', 'sources.list')}";`);
    // Neither that hook nor those of /etc/apt/apt.conf.d (PackageKit's, appstream's here).
    expect(seen).not.toMatch(/Post-Invoke|Pre-Invoke|Pre-Install-Pkgs/);
    expect(await readFile(join(dir, 'apt', 'state', 'status'), 'utf8')).toBe('');
    expect(await readFile(join(dir, 'apt', 'sources.list'), 'utf8')).toBe(sourcesListText('testing'));
  });
});
