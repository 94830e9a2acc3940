import { describe, expect, it } from 'vitest';
import { cacheDir, cacheRoot, workDir } from '../../../scripts/cache/paths.ts';

describe('cache paths', () => {
  it('live under node_modules/.cache/pyconc by default', () => {
    expect(cacheRoot('/site', {})).toBe('/site/node_modules/.cache/pyconc');
    expect(cacheDir('/site', 'examples', {})).toBe('/site/node_modules/.cache/pyconc/examples');
  });

  it('follow PYCONC_CACHE_DIR, relative to the project or absolute', () => {
    expect(cacheDir('/site', 'diagrams', { PYCONC_CACHE_DIR: '.cache/pyconc' })).toBe('/site/.cache/pyconc/diagrams');
    expect(cacheDir('/site', 'python', { PYCONC_CACHE_DIR: '/ci/cache' })).toBe('/ci/cache/python');
  });

  it('keep scratch space beside dist/ whatever the cache setting', () => {
    expect(workDir('/site', 'site')).toBe('/site/node_modules/.cache/pyconc/site');
  });
});
