import os from 'node:os';
import { defineConfig } from 'vitest/config';

/** Builds the sites the build and browser projects read, once per run for both (tests/support/sites.ts). */
const SITES = './tests/support/sites.ts';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Two files at a time at least. Vitest's default (cores - 1) runs every file one after another
    // on a 2-core machine, and a browser test mostly waits on Chromium while the other core is free.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      // Generous timeouts: CI machines are shared, and a loaded one runs a 1 s test in several.
      {
        // First, while the global setup builds the sites the other two read. Its files share their
        // modules within a worker (isolate: false): they import the same content and GOV.UK code,
        // and none changes what it imports.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000, isolate: false, sequence: { groupOrder: 0 } },
      },
      {
        // Reads the built sites' files (pages, downloads, feed, links, html-validate); no browser.
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: [SITES],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Chromium against the built sites, served on localhost.
        // axe on the plan page, the largest, took a minute on a 2-core machine with a load average of 30.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: [SITES],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
