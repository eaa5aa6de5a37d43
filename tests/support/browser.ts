/** The browser tests drive the same Chromium as the benchmarks: one finder, in src/bench/chromium.ts. */
export { assertChromium, CHROMIUM, launchBrowser } from '../../src/bench/chromium.ts';
