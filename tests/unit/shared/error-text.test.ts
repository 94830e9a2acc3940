import { expect, test } from 'vitest';
import { firstLine, messageOf, outputLines, stderrOf } from '../../../scripts/shared/error-text.ts';

test('reads an error, whatever was thrown, and what a failed process wrote', () => {
  expect(messageOf(new Error('no dpkg\nat line 3'))).toBe('no dpkg\nat line 3');
  expect(messageOf('a string')).toBe('a string');
  expect(firstLine('no dpkg\nat line 3')).toBe('no dpkg');
  expect(stderrOf(Object.assign(new Error('Command failed'), { stderr: '  E: Unable to locate package\n' }))).toBe('E: Unable to locate package');
  expect(stderrOf(new Error('no stderr'))).toBe('');
  expect(outputLines('  Traceback:\n\n  ValueError: x  \n')).toEqual(['Traceback:', 'ValueError: x']);
});
