/**
 * The sites the global setup (tests/support/sites.ts) built for this run, for the tests to read.
 */
import { inject } from 'vitest';
import type { BuiltSite, SiteName } from './sites.ts';

export function builtSite(name: SiteName): BuiltSite {
  const site = inject('sites')[name];
  if (!site) throw new Error(`The "${name}" site was not built for this project: add it to NEEDS in tests/support/sites.ts.`);
  return site;
}

/** The address of a site the browser project serves. */
export function siteUrl(name: SiteName): string {
  const { url } = builtSite(name);
  if (!url) throw new Error(`The "${name}" site is not served to this project: only the browser project's sites are.`);
  return url;
}
