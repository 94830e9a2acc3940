/**
 * Finds a Chromium executable for Playwright to launch (diagram rendering, e2e tests).
 *
 * Order: Playwright's own bundled browser, then system browsers, Debian's headless shell first.
 * If none is there it tries to install one: `npx playwright install chromium` first, then
 * `apt-get install -y chromium-headless-shell` (for machines where Playwright cannot download,
 * like ours). Every install attempt is printed.
 *
 * Why the headless shell: everything here runs headless, and the shell (Chromium's old headless
 * mode, Playwright's own default for headless runs) loads pages about twice as fast as the full
 * browser in headless mode on 2 cores, which decides how long the e2e suite takes. Same Blink,
 * same fonts.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium } from 'playwright';
import { BuildStepError } from '../shared/build-step-error.ts';
import { firstLine, messageOf } from '../shared/error-text.ts';
import { isExecutable } from '../shared/is-executable.ts';

const run = promisify(execFile);

/** System browsers: Debian's headless shell, then full browsers, most likely first on Debian. */
const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

async function firstExecutable(): Promise<string | undefined> {
  for (const path of [chromium.executablePath(), ...SYSTEM_CHROMIUMS]) {
    if (await isExecutable(path)) return path;
  }
  return undefined;
}

/** Runs install commands in order, printing what it does; returns whether all succeeded. */
async function tryInstall(commands: [string, string[]][]): Promise<boolean> {
  for (const [command, args] of commands) {
    const shown = [command, ...args].join(' ');
    console.log(`[find-chromium] no Chromium found; trying: ${shown}`);
    try {
      await run(command, args, { timeout: 5 * 60_000, maxBuffer: 64 * 1024 * 1024 });
      console.log(`[find-chromium] ${shown}: done`);
    } catch (error) {
      console.log(`[find-chromium] ${shown}: failed (${firstLine(messageOf(error))})`);
      return false;
    }
  }
  return true;
}

let found: Promise<string> | undefined;

async function locateOrInstall(): Promise<string> {
  const existing = await firstExecutable();
  if (existing) return existing;

  const attempts: [string, string[]][][] = [[['npx', ['--yes', 'playwright', 'install', 'chromium']]]];
  // Where Playwright cannot download (only the npm registry and Debian are reachable), Debian's
  // package works; apt needs root and fresh package lists.
  if (process.getuid?.() === 0) {
    attempts.push([
      ['apt-get', ['update']],
      ['apt-get', ['install', '-y', 'chromium-headless-shell']],
    ]);
  }
  for (const commands of attempts) {
    if (await tryInstall(commands)) {
      const installed = await firstExecutable();
      if (installed) return installed;
    }
  }
  throw new BuildStepError(`No Chromium found (looked at ${[chromium.executablePath(), ...SYSTEM_CHROMIUMS].join(', ')}) and installing one failed.`, {
    step: 'diagrams',
    fix:
      'run `npx playwright install chromium`, or on Debian/Ubuntu as root ' +
      '`apt-get update && apt-get install -y chromium-headless-shell` (or `chromium`), then build again.',
  });
}

/**
 * Returns the path of a Chromium executable, installing one if none is found.
 * The lookup runs once per process; later calls share the answer.
 */
export function findChromium(): Promise<string> {
  found ??= locateOrInstall();
  return found;
}
