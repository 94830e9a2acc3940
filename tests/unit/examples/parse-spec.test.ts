import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../../scripts/examples/parse-spec.ts';
import { BuildStepError } from '../../../scripts/shared/build-step-error.ts';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url);

describe('parseSpec', () => {
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith('.spec.yaml')))('accepts %s', (file) => {
    const spec = parseSpec(readFileSync(new URL(file, EXAMPLES), 'utf8'), file);
    expect(spec.variants.length).toBeGreaterThan(0);
  });

  it('fills in the defaults', () => {
    const spec = parseSpec('description: d\nvariants:\n  - expect: {}\n', 'x.spec.yaml');
    expect(spec).toMatchObject({ args: [], env: {}, repeats: 5, timeoutSeconds: 60 });
    expect(spec.variants[0]?.expect).toEqual({
      exitCode: 0,
      stdout: { lines: [], order: 'exact', json: false },
      stderr: { lines: [], order: 'exact', json: false },
    });
  });

  it('names the file and line of a wrong value', () => {
    const text = 'description: d\nvariants:\n  - expect:\n      exitCode: "zero"\n';
    expect(() => parseSpec(text, 'src/examples/a.spec.yaml')).toThrow(
      /src\/examples\/a\.spec\.yaml:4 at variants\.0\.expect\.exitCode: .*expected number/,
    );
  });

  it('names the line of an unknown key', () => {
    const text = 'description: d\nvariants:\n  - startMethod: fork\n    expectt: {}\n';
    expect(() => parseSpec(text, 'b.spec.yaml')).toThrow(/b\.spec\.yaml:3 at variants\.0/);
  });

  it('rejects an invalid regex, naming its line', () => {
    const text = 'description: d\nvariants:\n  - expect:\n      stdout:\n        lines:\n          - regex: "(("\n';
    expect(() => parseSpec(text, 'c.spec.yaml')).toThrow(/c\.spec\.yaml:6 .*not a valid JavaScript regular expression/);
  });

  it('requires a reason for timing bounds and for fewer repeats', () => {
    const noReason = 'description: d\nvariants:\n  - expect:\n      wallSeconds: { max: 3 }\n';
    expect(() => parseSpec(noReason, 'd.spec.yaml')).toThrow(/d\.spec\.yaml:4 at variants\.0\.expect\.wallSeconds\.reason/);
    const fewer = 'description: d\nrepeats: 2\nvariants:\n  - expect: {}\n';
    expect(() => parseSpec(fewer, 'e.spec.yaml')).toThrow(/e\.spec\.yaml:2 at repeats: repeats below 5 need a repeatsReason/);
  });

  it('rejects two variants with the same start method', () => {
    const text = 'description: d\nvariants:\n  - startMethod: fork\n    expect: {}\n  - startMethod: fork\n    expect: {}\n';
    expect(() => parseSpec(text, 'f.spec.yaml')).toThrow(/f\.spec\.yaml:3 at variants: each variant needs a different startMethod/);
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(() => parseSpec('description: d\nvariants: [\n', 'g.spec.yaml')).toThrow(BuildStepError);
    expect(() => parseSpec('description: d\nvariants: [\n', 'g.spec.yaml')).toThrow(/g\.spec\.yaml:\d+:\d+: YAML syntax/);
  });
});
