import { expect, test } from 'vitest';
import { interpreterLabel, newestInterpreter, type InterpreterInfo } from '../../../scripts/interpreters/interpreter-info.ts';
import { cpython311Linux, cpython314Linux } from '../../fixtures/interpreter/recorded.ts';

const cpython315: InterpreterInfo = { ...cpython314Linux, versionInfo: [3, 15, 0] };
const cpython315t: InterpreterInfo = { ...cpython315, freeThreadedBuild: true };
const cpython3142: InterpreterInfo = { ...cpython314Linux, versionInfo: [3, 14, 10] };

test('the newest interpreter is the highest version, compared part by part, in any order', () => {
  expect(newestInterpreter<InterpreterInfo>([cpython311Linux, cpython315, cpython314Linux])).toBe(cpython315);
  expect(newestInterpreter([cpython3142, cpython314Linux])).toBe(cpython3142);
  expect(newestInterpreter([cpython314Linux, cpython3142])).toBe(cpython3142);
  expect(newestInterpreter([])).toBeUndefined();
});

test('of one version, the default build is preferred to its free-threaded one, whichever comes first', () => {
  expect(interpreterLabel(newestInterpreter([cpython315t, cpython315])!)).toBe('CPython 3.15.0');
  expect(interpreterLabel(newestInterpreter([cpython315, cpython315t])!)).toBe('CPython 3.15.0');
});
