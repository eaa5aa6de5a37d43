/**
 * The sites the global setup (tests/support/sites.ts) builds for this run, for the tests to read. A
 * site is handed over once its build has ended: until then the test file that asks waits.
 */
import fs from 'node:fs';
import { inject } from 'vitest';
import { builtMarker, failedMarker, type BuiltSite, type SiteName } from './sites.ts';

/** Longer than any build takes, even on a loaded machine: past it, something is stuck. */
const LONGEST_BUILD_MS = 20 * 60_000;
const ready = new Set<string>();

/** Blocks this test file (its worker, not the run) until the site's build has ended; throws its output if it failed. */
function waitForBuild(name: SiteName, dir: string): void {
  if (ready.has(dir)) return;
  const deadline = Date.now() + LONGEST_BUILD_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (!fs.existsSync(builtMarker(dir))) {
    if (fs.existsSync(failedMarker(dir))) throw new Error(fs.readFileSync(failedMarker(dir), 'utf8'));
    if (Date.now() > deadline) throw new Error(`The "${name}" site was still building after ${LONGEST_BUILD_MS / 60_000} minutes.`);
    Atomics.wait(pause, 0, 0, 200);
  }
  ready.add(dir);
}

export function builtSite(name: SiteName): BuiltSite {
  const site = inject('sites')[name];
  if (!site) throw new Error(`The "${name}" site was not built for this project: add it to NEEDS in tests/support/sites.ts.`);
  waitForBuild(name, site.dir);
  return site;
}

/** The address of a site the browser project serves. */
export function siteUrl(name: SiteName): string {
  const { url } = builtSite(name);
  if (!url) throw new Error(`The "${name}" site is not served to this project: only the browser project's sites are.`);
  return url;
}
