/**
 * Debian's Chromium driven by playwright-core. Tests never download a browser: where Chromium is
 * missing they fail at once and say which package to install.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assertChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}. The browser tests need it: install Debian's "chromium" package ` +
        '(sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  assertChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}
