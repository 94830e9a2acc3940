/**
 * Collects what a program writes to one stream, up to a cap, and decodes it without
 * ever throwing: examples may print anything, including invalid UTF-8.
 */
import type { CapturedOutput } from './result-schema.ts';

/** Default cap per stream: 1 MiB is far more than any page should show. */
export const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

export interface OutputCapture {
  push(chunk: Buffer): void;
  finish(): CapturedOutput;
}

export function captureOutput(maxBytes: number = DEFAULT_MAX_OUTPUT_BYTES): OutputCapture {
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let totalBytes = 0;
  return {
    push(chunk) {
      totalBytes += chunk.length;
      const room = maxBytes - keptBytes;
      if (room <= 0) return;
      const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
      kept.push(part);
      keptBytes += part.length;
    },
    finish() {
      return {
        text: decodeOutput(Buffer.concat(kept)),
        bytes: totalBytes,
        truncated: totalBytes > keptBytes,
      };
    },
  };
}

/** UTF-8 decoding that turns invalid bytes into U+FFFD instead of failing. */
export function decodeOutput(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}
