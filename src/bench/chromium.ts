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

/** The browser the tests and benchmarks drive. */
export const CHROMIUM = process.env.CHROMIUM_PATH || CANDIDATES.find((file) => fs.existsSync(file)) || CANDIDATES[0]!;

export function assertChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium or Chrome found (looked for ${process.env.CHROMIUM_PATH ? CHROMIUM : CANDIDATES.join(', ')}). ` +
        'The browser tests need one: install Debian\'s "chromium" package (sudo apt-get install chromium), ' +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  assertChromium();
  // Loaded when a browser is wanted: a command that only prints its usage should not wait for it.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}
