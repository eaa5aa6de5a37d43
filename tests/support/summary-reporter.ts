/**
 * After every run: the slowest test files and the run's wall time, so the next slowdown is seen, then
 * `N passed, N failed` (and skipped) on the last line of its own: the one line CI reads, whatever
 * the default reporter prints above it.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { runCounts } from './serve.ts';

/** How many of the slowest files to list. */
const SLOWEST = 8;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default class SummaryReporter implements Reporter {
  /** From Vitest's start, so the sites built by the global setup count too. */
  private started = performance.now();

  onInit(): void {
    this.started = performance.now();
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      // A file that fails to load has no test cases: it counts as a failure, not as nothing.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }

    // A file's time: importing it and running its hooks and tests.
    const slowest = testModules
      .map((module) => ({ module, ms: module.diagnostic().collectDuration + module.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SLOWEST);
    const lines = slowest.map(({ module, ms }) => `  ${seconds(ms).padStart(8)}  ${module.project.name.padEnd(8)} ${module.relativeModuleId}`);
    process.stdout.write(`\nSlowest test files:\n${lines.join('\n')}\n`);
    const { builds, buildMs, pageLoads } = runCounts();
    process.stdout.write(`Sites built: ${builds}${builds ? ` in ${seconds(buildMs)}` : ''}; pages loaded in Chromium: ${pageLoads}\n`);
    process.stdout.write(`Wall time: ${seconds(performance.now() - this.started)}\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
