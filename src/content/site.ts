/** The validated site model for pages, loaded once per build. */
import { loadContent } from './load.ts';
import type { Site } from './model.ts';
import { ContentError } from './problems.ts';

let site: Site | undefined;

export function getSite(): Site {
  if (!site) {
    const result = loadContent();
    // The integration has already stopped the build on invalid content; this guards direct use.
    if (!result.ok) throw new ContentError(result.problems.length);
    site = result.site;
  }
  return site;
}
