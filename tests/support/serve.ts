/**
 * The tests serve a built site with the benchmarks' server (src/bench/serve.ts), counting the pages
 * a browser loads so the run's summary can say how many there were.
 */
import { serve as serveSite, type ServeOptions, type Server } from '../../src/bench/serve.ts';

export { pageFile, sitePages, type ServeOptions, type Server } from '../../src/bench/serve.ts';

/** What a test run did, counted where it happens and printed by tests/support/summary-reporter.ts. */
export interface RunCounts {
  /** Sites the global setup built (tests/support/sites.ts). */
  builds: number;
  /** Milliseconds from the first build's start to the last one's end. */
  buildMs: number;
  /** Pages a browser loaded from a server of this module: requests for a document, not for what it loads. */
  pageLoads: number;
}

const COUNTS = Symbol.for('action-plans.run-counts');

/** The counts of this run, kept on globalThis: the servers and the reporter are in Vitest's main process. */
export function runCounts(): RunCounts {
  return ((globalThis as { [COUNTS]?: RunCounts })[COUNTS] ??= { builds: 0, buildMs: 0, pageLoads: 0 });
}

/** Serves `dir` under `base` ("/" or a sub-path such as "/action-plans/"), counting page loads. */
export function serve(dir: string, base = '/', options: ServeOptions = {}): Promise<Server> {
  return serveSite(dir, base, {
    ...options,
    // Browsers say what a request is for; a page of its own is a "document" (an <iframe> is not).
    onRequest: (request) => {
      if (request.headers['sec-fetch-dest'] === 'document') runCounts().pageLoads++;
      options.onRequest?.(request);
    },
  });
}
