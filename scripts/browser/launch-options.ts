/**
 * How every Chromium of the project starts (diagram rendering, the bench, e2e tests): one set of
 * flags, found to work headless on our kind of machine (root, no GPU, only the npm registry and
 * Debian reachable: background networking would only produce refused connections).
 */
import { findChromium } from './find-chromium.ts';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/** Playwright `launchOptions`: the Chromium found (or installed) and the flags above. */
export async function chromiumLaunchOptions(): Promise<{ executablePath: string; args: string[] }> {
  return { executablePath: await findChromium(), args: [...CHROMIUM_ARGS] };
}
