/**
 * The browser tests drive a Chromium found by the benchmarks' finder (src/bench/chromium.ts): its
 * headless shell where installed, else the full browser.
 */
import type { Browser } from 'playwright-core';
import { assertChromium as assertBrowser, launchBrowser as launch, TEST_CHROMIUM } from '../../src/bench/chromium.ts';

export const assertChromium = (): void => assertBrowser(TEST_CHROMIUM);
export const launchBrowser = (): Promise<Browser> => launch(TEST_CHROMIUM);
