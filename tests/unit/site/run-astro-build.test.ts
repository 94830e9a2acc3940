import { describe, expect, it } from 'vitest';
import { summariseAstroError } from '../../../scripts/site/run-astro-build.ts';

describe('summariseAstroError', () => {
  it("takes a content loader's error, without location and stack", () => {
    const output = [
      '15:31:08 [content] Syncing content',
      '\u001b[31mPython interpreter python-3.6 is 3.6.15. Fix: set PYTHON.\u001b[39m',
      '  Location:',
      '    node_modules/astro/dist/content/content-layer.js:220:5',
      '  Stack trace:',
      '    at findInterpreter (scripts/examples/find-interpreter.ts:73:9)',
    ].join('\n');
    expect(summariseAstroError(output)).toBe('Python interpreter python-3.6 is 3.6.15. Fix: set PYTHON.');
  });

  it("takes an integration's report from its first [ERROR] line", () => {
    const output = [
      '15:31:33 [starlight:pagefind] Finished building search index in 153ms.',
      '15:31:33 [ERROR] [starlight-links-validator] Links validation failed.',
      '   ╭─ threads.mdx',
      '68 | /no-such-page/',
      '15:31:33 [ERROR] [starlight-links-validator] An unhandled error occurred',
      '[AstroUserError] Links validation failed.',
      '  Stack trace:',
      '    at throwPluginError (error.ts:11:8)',
    ].join('\n');
    const summary = summariseAstroError(output) ?? '';
    expect(summary).toMatch(/^15:31:33 \[ERROR\] \[starlight-links-validator\] Links validation failed\./);
    expect(summary).toContain('68 | /no-such-page/');
    expect(summary).not.toContain('Stack trace');
  });

  it('has nothing to say when Astro printed no error', () => {
    expect(summariseAstroError('15:31:33 [build] Complete!\n')).toBeUndefined();
  });
});
