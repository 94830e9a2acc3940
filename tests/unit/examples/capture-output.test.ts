import { describe, expect, it } from 'vitest';
import { captureOutput, decodeOutput } from '../../../scripts/examples/capture-output.ts';

describe('captureOutput', () => {
  it('keeps everything under the cap', () => {
    const capture = captureOutput(10);
    capture.push(Buffer.from('hello\n'));
    expect(capture.finish()).toEqual({ text: 'hello\n', bytes: 6, truncated: false });
  });

  it('keeps the first maxBytes, counts the rest and says it was truncated', () => {
    const capture = captureOutput(8);
    capture.push(Buffer.from('12345'));
    capture.push(Buffer.from('67890'));
    capture.push(Buffer.from('abc'));
    expect(capture.finish()).toEqual({ text: '12345678', bytes: 13, truncated: true });
  });

  it('decodes a character split across chunks', () => {
    const snake = Buffer.from('🐍');
    const capture = captureOutput(100);
    capture.push(snake.subarray(0, 2));
    capture.push(snake.subarray(2));
    expect(capture.finish().text).toBe('🐍');
  });
});

describe('decodeOutput', () => {
  it('turns invalid UTF-8 into U+FFFD instead of throwing', () => {
    expect(decodeOutput(Buffer.from([0x61, 0xff, 0x62, 0xc3]))).toBe('a\uFFFDb\uFFFD');
  });
});
