/**
 * A Chromium already on the machine, driven by playwright-core, for the browser tests and the
 * benchmarks. Neither ever downloads a browser: where none is found they fail at once and say what
 * to install.
 */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * Where browsers are found, in order: CHROMIUM_PATH if set, then Debian's Chromium, then the Chromium
 * and Google Chrome that GitHub's Ubuntu runners ship (Ubuntu's own `chromium` package is only a snap stub).
 */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

/** Debian's `chromium-headless-shell`: Chromium's engine without the browser around it, made for automation. */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

const found = (candidates: string[]) => process.env.CHROMIUM_PATH || candidates.find((file) => fs.existsSync(file)) || candidates[0]!;

/** The full browser: what Lighthouse and the benchmarks measure, as a reader's browser. */
export const CHROMIUM = found(CANDIDATES);

/**
 * The browser the tests drive: the headless shell where it is installed, as it starts a browser in a
 * third of the time and opens a page in under half (axe runs a quarter faster too), else the full one.
 */
const TEST_CANDIDATES = [HEADLESS_SHELL, ...CANDIDATES];
export const TEST_CHROMIUM = found(TEST_CANDIDATES);

export function assertChromium(executable = CHROMIUM): void {
  if (!fs.existsSync(executable)) {
    throw new Error(
      `No Chromium or Chrome found (looked for ${process.env.CHROMIUM_PATH ? executable : (executable === TEST_CHROMIUM ? TEST_CANDIDATES : CANDIDATES).join(', ')}). ` +
        'The browser tests need one: install Debian\'s "chromium-headless-shell" or "chromium" package ' +
        '(sudo apt-get install chromium-headless-shell), or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
}

export async function launchBrowser(executable = CHROMIUM): Promise<Browser> {
  assertChromium(executable);
  // Loaded when a browser is wanted: a command that only prints its usage should not wait for it.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: executable,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}
