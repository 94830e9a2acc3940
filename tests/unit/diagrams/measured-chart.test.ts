import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { barChartSource, barsOf } from '../../../scripts/diagrams/measured-chart.ts';
import { BuildStepError } from '../../../scripts/shared/build-step-error.ts';
import { renderDiagrams } from '../../../scripts/diagrams/render-diagrams.ts';
import type { ChartRequest } from '../../../scripts/plan/measured-requests.ts';

const request: ChartRequest = {
  kind: 'chart',
  example: 'convoy-effect',
  variant: 'default',
  categories: 'percentiles',
  series: ['alone_ms', 'beside_cpu_ms'],
  unit: 'ms',
  title: 'Response time of one request',
};
/** The shape convoy-effect prints. */
const printed = { requests: 40, percentiles: ['p10', 'median', 'p90'], alone_ms: [1.1, 1.2, 1.4], beside_cpu_ms: [6.1, 7.2, 10.4] };

describe('barsOf', () => {
  test('one bar per series and category, each labelled with both', () => {
    expect(barsOf(request, printed, 'x')).toEqual([
      { label: 'alone p10', value: 1.1 },
      { label: 'alone median', value: 1.2 },
      { label: 'alone p90', value: 1.4 },
      { label: 'beside cpu p10', value: 6.1 },
      { label: 'beside cpu median', value: 7.2 },
      { label: 'beside cpu p90', value: 10.4 },
    ]);
  });

  test('names the example and the key it could not read', () => {
    expect(() => barsOf(request, { ...printed, percentiles: 'p10' }, 'src/examples/convoy-effect.py')).toThrow(BuildStepError);
    expect(() => barsOf(request, { ...printed, beside_cpu_ms: [1] }, 'src/examples/convoy-effect.py')).toThrow(
      /^src\/examples\/convoy-effect\.py: its JSON has no list of 3 numbers under "beside_cpu_ms"/,
    );
  });
});

test('the chart states every value in its accessible description and renders in Mermaid', { timeout: 60_000 }, async () => {
  const source = barChartSource('Response time of one request', 'ms', barsOf(request, printed, 'x'));
  expect(source).toContain('accDescr: Measured at build time: alone p10 1.1 ms, alone median 1.2 ms');
  const cacheDir = await mkdtemp(join(tmpdir(), 'pyconc-chart-'));
  const { diagrams } = await renderDiagrams([{ name: 'chart', origin: 'x', source }], { cacheDir, log: () => undefined });
  expect(diagrams[0]?.light.title).toBe('Response time of one request');
  expect(diagrams[0]?.light.svg).toContain('beside cpu p90');
});
