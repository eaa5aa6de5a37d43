import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      // Generous timeouts: CI machines are shared, and a loaded one runs a 1 s test in several.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        // Builds real sites in temporary folders with `npm run build`.
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 300_000 },
      },
      {
        // Chromium against sites built once by the global setup and served on localhost.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['./tests/support/browser-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machines have two cores and a browser wants both.
          fileParallelism: false,
        },
      },
    ],
  },
});
