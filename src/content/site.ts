/** The validated site model for pages, loaded once per build. */
import { loadContent } from './load.ts';
import type { Site } from './model.ts';
import { ContentError, FIX_AND_RELOAD } from './problems.ts';

/**
 * The integration validates the content before Astro renders, and pages run in the same process
 * but from a bundled copy of this module: a key on globalThis lets them share that one load
 * instead of reading and validating every file again (seconds, for the whole estate).
 */
const SHARED = Symbol.for('action-plans/site');
type Shared = { [SHARED]?: Site };

/** The dev server renders a page per request, so content edited meanwhile must be read again. */
function isDevServer(): boolean {
  return Boolean((import.meta as { env?: { DEV?: boolean } }).env?.DEV);
}

export function provideSite(site: Site): void {
  (globalThis as Shared)[SHARED] = site;
}

export function getSite(): Site {
  const shared = globalThis as Shared;
  if (!shared[SHARED] || isDevServer()) {
    const result = loadContent();
    // A build has already stopped on invalid content; the dev server shows this on the page instead.
    if (!result.ok) throw new ContentError(result.problems, isDevServer() ? FIX_AND_RELOAD : undefined);
    shared[SHARED] = result.site;
  }
  return shared[SHARED];
}
