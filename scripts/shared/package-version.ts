import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The installed version of a package, for cache keys that must change when it is upgraded. Its
 * package.json is not always exported, so this walks up from the package's entry.
 */
export function packageVersion(pkg: string): string {
  let directory = dirname(require.resolve(pkg));
  while (directory !== dirname(directory)) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === pkg && manifest.version) return manifest.version;
    } catch {
      // No package.json at this level: keep walking up.
    }
    directory = dirname(directory);
  }
  throw new Error(`Cannot find the installed version of ${pkg}. Fix: run npm ci.`);
}
