/**
 * Every internal link goes through `href`, so the site works under a sub-path (BASE_PATH) as well
 * as at the root of a domain.
 */
import type { Concern, Establishment, Plan, Theme } from '../content/model.ts';
import { settings } from '../settings.ts';

const base = settings.base.replace(/\/?$/, '/');

/** A site path ("/plans/x/") under the configured base ("/action-plans/plans/x/"). */
export function href(path: string): string {
  return base + path.replace(/^\//, '');
}

export const planPath = (plan: Pick<Plan, 'id'>) => href(`/plans/${plan.id}/`);
export const establishmentPath = (e: Pick<Establishment, 'id'>) => href(`/establishments/${e.id}/`);
/** A concern's section on its plan page. */
export const concernPath = (ref: { plan: Pick<Plan, 'id'>; concern: Pick<Concern, 'anchor'> }) => `${planPath(ref.plan)}#${ref.concern.anchor}`;
export const themePath = (t: Pick<Theme, 'id'>) => href(`/themes/${t.id}/`);
/** A plan's own download: every action as CSV, or the whole plan as JSON. */
export const planDataPath = (plan: Pick<Plan, 'id'>, format: 'csv' | 'json') => href(`/data/plans/${plan.id}.${format}`);

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
