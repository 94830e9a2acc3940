import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunPaths } from '../../../scripts/examples/result-schema.ts';
import { machinePaths, remapMarkers, shortenPaths, type MachinePath } from '../../../scripts/examples/shorten-paths.ts';

/** A real result's shown run, as printed, with the paths its run recorded (tests/fixtures/tracebacks/). */
interface Recorded {
  id: string;
  version: string;
  paths: RunPaths;
  workDir: string;
  stdout: string;
  stderr: string;
}
const recorded = (name: string): Recorded => JSON.parse(readFileSync(new URL(`../../fixtures/tracebacks/${name}.json`, import.meta.url), 'utf8')) as Recorded;

const MARKERS = /^ *[\^~][\^~ ]*$/;
/** Every absolute path a run may name on these machines: checkouts, caches, interpreters, temporary folders. */
const MACHINE = /\/(?:work|root|tmp)\//;

/** The shortened text with each placeholder put back: the raw text, wherever no marker line was remapped. */
function expand(text: string, machine: readonly MachinePath[]): string {
  const paths = new Map(machine.map(({ path, placeholder }) => [placeholder.text, path]));
  const pattern = new RegExp([...paths.keys()].map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return text.replace(pattern, (placeholder) => paths.get(placeholder)!);
}

describe('shortenPaths on real outputs', () => {
  it('shortens the fork server’s bootstrap line (3.14, forkserver), and its marker line in the same columns', () => {
    const run = recorded('processes-unguarded-3.14-forkserver');
    const machine = machinePaths(run.paths, run.workDir);
    const { text, used } = shortenPaths(run.stderr, machine);
    expect(text).not.toMatch(MACHINE);
    const lines = text.split('\n');
    const bootstrap = lines.findIndex((line) => line.includes('from multiprocessing.forkserver import main'));
    expect(lines[bootstrap]).toContain(
      "**{'sys_path': ['<project>/src/examples', '<runner>', '<python3.14 prefix>/lib/python314.zip', '<python3.14>', '<python3.14>/lib-dynload'], " +
        "'main_path': 'processes-unguarded.py', 'authkey_r': 7})",
    );
    // The markers still start under `main(` (tildes under `main`, carets under the arguments) and end under its `)`.
    const source = lines[bootstrap]!;
    const markers = lines[bootstrap + 1]!;
    expect(markers).toMatch(MARKERS);
    expect(markers.indexOf('~')).toBe(source.indexOf('main(3'));
    expect(markers.match(/~+/)?.[0]).toBe('~~~~');
    expect(markers.indexOf('^')).toBe(source.indexOf('(3'));
    expect(markers.length).toBe(source.lastIndexOf(')') + 1);
    expect(markers.length).toBeLessThan(run.stderr.split('\n')[bootstrap + 1]!.length);
    expect(used.map((placeholder) => placeholder.text)).toEqual(['<project>', '<runner>', '<python3.14 prefix>', '<python3.14>', 'processes-unguarded.py']);
  });

  it('changes nothing else: with the placeholders put back, every line but a remapped marker line is the line as printed', () => {
    for (const name of ['processes-unguarded-3.14-forkserver', 'processes-unguarded-3.11-spawn', 'sharing-lambda-target-3.15', 'processes-unguarded-3.14-other-checkout']) {
      const run = recorded(name);
      const machine = machinePaths(run.paths, run.workDir);
      const shortened = shortenPaths(run.stderr, machine).text.split('\n');
      const raw = run.stderr.split('\n');
      expect(shortened, name).toHaveLength(raw.length);
      shortened.forEach((line, index) => {
        const remapped = MARKERS.test(line) && shortened[index - 1] !== raw[index - 1];
        if (!remapped) expect(expand(line, machine), `${name}, line ${index + 1}`).toBe(raw[index]);
      });
    }
  });

  it('shortens 3.11’s tracebacks (carets only) and names the interpreter by its version', () => {
    const run = recorded('processes-unguarded-3.11-spawn');
    const { text } = shortenPaths(run.stderr, machinePaths(run.paths, run.workDir));
    expect(text).not.toMatch(MACHINE);
    expect(text).toContain('  File "<python3.11>/multiprocessing/spawn.py", line 122, in spawn_main\n    exitcode = _main(fd, parent_sentinel)\n               ^^^^^^^^^^^^^^^^^^^^^^^^^^\n');
    expect(text).toContain('  File "processes-unguarded.py", line 13, in <module>\n');
  });

  it('shortens a result from another checkout by the paths its run recorded, not by the current checkout’s', () => {
    const run = recorded('processes-unguarded-3.14-other-checkout');
    expect(shortenPaths(run.stderr, machinePaths(run.paths, run.workDir)).text).not.toMatch(MACHINE);
    // What guessing from the current checkout would leave on the page.
    const here = { ...run.paths, source: '/work/wt/out/src/examples/processes-unguarded.py', project: '/work/wt/out', runner: '/work/wt/out/scripts/examples/python' };
    expect(shortenPaths(run.stderr, machinePaths(here, run.workDir)).text).toContain("'main_path': '/work/wt/arch/src/examples/processes-unguarded.py'");
  });
});

const PATHS: RunPaths = {
  source: '/srv/site/src/examples/demo.py',
  project: '/srv/site',
  runner: '/srv/site/scripts/examples/python/',
  // Obtained into the project's own cache: inside the project, and shortened as the interpreter's.
  stdlib: ['/srv/site/node_modules/.cache/pyconc/python/cpython-3.14/usr/lib/python3.14'],
  prefixes: ['/srv/site/node_modules/.cache/pyconc/python/cpython-3.14/usr'],
  python: 'python3.14',
};
const machine = machinePaths(PATHS, '/tmp/pyconc-demo-abc123');
const shorten = (text: string) => shortenPaths(text, machine).text;

describe('shortenPaths', () => {
  it('uses the most specific placeholder: the file before its folder, the library before its prefix, both before the project', () => {
    expect(shorten('File "/srv/site/src/examples/demo.py", line 3')).toBe('File "demo.py", line 3');
    expect(shorten('/srv/site/src/examples')).toBe('<project>/src/examples');
    expect(shorten('/srv/site/node_modules/.cache/pyconc/python/cpython-3.14/usr/lib/python3.14/threading.py')).toBe('<python3.14>/threading.py');
    expect(shorten('/srv/site/node_modules/.cache/pyconc/python/cpython-3.14/usr/lib/python314.zip')).toBe('<python3.14 prefix>/lib/python314.zip');
    expect(shorten('/srv/site/scripts/examples/python/sitecustomize.py')).toBe('<runner>/sitecustomize.py');
    expect(shorten("open('/tmp/pyconc-demo-abc123/out.txt')")).toBe("open('<tmp>/out.txt')");
  });

  it('replaces only whole paths: not a longer name, not the middle of another path, not a URL', () => {
    for (const text of ['/srv/siteX/a.py', '/srv/site2', '/opt/srv/site/a.py', 'https://example.org/srv/site/a', '/srv/site/src/examples/demo.pyc']) {
      expect(shorten(text), text).toBe(text === '/srv/site/src/examples/demo.pyc' ? '<project>/src/examples/demo.pyc' : text);
    }
    expect(shorten('see https://docs.python.org/3/library/multiprocessing.html')).toBe('see https://docs.python.org/3/library/multiprocessing.html');
  });

  it('lists the placeholders it used, each once, in order of first use, and returns text without paths as it is', () => {
    const { used } = shortenPaths('/srv/site/x\n/tmp/pyconc-demo-abc123/y\n/srv/site/z', machine);
    expect(used).toEqual([
      { text: '<project>', means: 'the site’s project folder' },
      { text: '<tmp>', means: 'the run’s temporary working directory' },
    ]);
    expect(shortenPaths('plain\n  ^^^^\n', machine)).toEqual({ text: 'plain\n  ^^^^\n', used: [] });
  });

  it('never takes a root-level prefix for a machine path', () => {
    const system = machinePaths({ ...PATHS, stdlib: ['/usr/lib/python3.11'], prefixes: ['/usr', '/'], python: 'python3.11' }, '/tmp/x');
    expect(system.map((m) => m.path)).not.toContain('/');
    expect(shortenPaths('"/usr/lib/python3.11/threading.py" /usr/bin/python3 /etc/hosts', system).text).toBe(
      '"<python3.11>/threading.py" <python3.11 prefix>/bin/python3 /etc/hosts',
    );
  });

  it('leaves a marker line alone when the line above it was not shortened', () => {
    expect(shorten('    f(x)\n    ^^^^')).toBe('    f(x)\n    ^^^^');
  });
});

describe('remapMarkers', () => {
  const span = (start: number, end: number, replacement: string) => ({ start, end, replacement });

  it('squeezes or stretches the markers under a replaced stretch to the placeholder’s length', () => {
    expect(remapMarkers('  ~~^^^^^^^^^^', [span(4, 12, 'ab')])).toBe('  ~~^^^^');
    expect(remapMarkers('^^^^', [span(1, 3, 'abcdef')])).toBe('^^^^^^^^');
  });

  it('keeps the proportion of tildes and carets under a stretch that has both', () => {
    expect(remapMarkers('~~~~^^^^', [span(0, 8, 'abcd')])).toBe('~~^^');
  });

  it('leaves blank the columns under a stretch the markers do not reach, and trims the end', () => {
    expect(remapMarkers('  ^^', [span(6, 20, '<p>')])).toBe('  ^^');
    expect(remapMarkers('^^    ^^', [span(2, 6, 'x'), span(6, 8, 'yyy')])).toBe('^^ ^^^');
  });
});
