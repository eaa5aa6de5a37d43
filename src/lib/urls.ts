/**
 * Every internal link goes through `href`, so the site works under a sub-path (BASE_PATH) as well
 * as at the root of a domain. The model gives each plan, concern, establishment and theme its
 * path from the site's root; `href` puts it under the base.
 */
import { settings } from '../settings.ts';

const base = settings.base.replace(/\/?$/, '/');

/** A site path ("/plans/x/") under the configured base ("/action-plans/plans/x/"). */
export function href(path: string): string {
  return base + path.replace(/^\//, '');
}

/** The search page with filters chosen, for links such as "3 completed" on the progress page. */
export function searchPath(filters: Record<string, readonly string[]>): string {
  const params = new URLSearchParams();
  for (const [name, values] of Object.entries(filters)) for (const value of values) params.append(name, value);
  const query = params.toString();
  return href(`/search/${query ? `?${query}` : ''}`);
}

/**
 * The full address of a site path ("/plans/x/" → "https://example.org/action-plans/plans/x/"), for
 * the feed and the sitemap, or undefined where SITE_URL is not set. As in Astro's own `site`
 * setting, SITE_URL gives the scheme and host; the path under it is BASE_PATH's.
 */
export function absoluteUrl(path: string, siteUrl: string | undefined = settings.siteUrl): string | undefined {
  return siteUrl ? new URL(href(path), siteUrl).href : undefined;
}
