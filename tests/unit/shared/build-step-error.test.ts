import { expect, test } from 'vitest';
import { BuildStepError } from '../../../scripts/shared/build-step-error.ts';

test('the message is the problem, then the fix on a line of its own; the parts stay fields', () => {
  const cause = new Error('Parse error on line 5');
  const error = new BuildStepError('diagrams/x.mmd:5: Mermaid could not render this diagram.', {
    step: 'diagrams',
    file: 'diagrams/x.mmd:5',
    fix: 'correct the Mermaid syntax at that line.',
    cause,
  });
  expect(error.message).toBe('diagrams/x.mmd:5: Mermaid could not render this diagram.\nFix: correct the Mermaid syntax at that line.');
  expect(error).toMatchObject({ name: 'BuildStepError', step: 'diagrams', file: 'diagrams/x.mmd:5', cause });
  expect(new BuildStepError('Interrupted by SIGINT.', { step: 'build' }).message).toBe('Interrupted by SIGINT.');
});

test('is() knows one by its name and step, from whichever copy of the module it came', () => {
  const error = new BuildStepError('failed', { step: 'examples' });
  expect(BuildStepError.is(error)).toBe(true);
  expect(BuildStepError.is(error, 'examples')).toBe(true);
  expect(BuildStepError.is(error, 'plan')).toBe(false);
  // What another copy of the class makes: an Error with the same name and fields.
  expect(BuildStepError.is(Object.assign(new Error('failed'), { name: 'BuildStepError', step: 'examples' }), 'examples')).toBe(true);
  expect(BuildStepError.is(new Error('failed'))).toBe(false);
});
