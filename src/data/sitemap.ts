/**
 * The sitemap (https://www.sitemaps.org/protocol.html): every HTML page of the site except the
 * 404 page, in the order the site is browsed, made from the same model as the pages.
 *
 * `lastmod` is the latest date in the content a page shows: for a plan, its dates, change log,
 * updates, revised targets and reviews, and the publication of any later plan that repeats one of
 * its concerns (its page links to it); for an establishment or a theme, the latest of its plans;
 * for the pages built from every plan (home, lists, progress, data), the latest of all. Pages with
 * no content dates of their own (search, about, accessibility) have none. The "as at" date is not
 * a page's lastmod: it moves whenever any content does, and would mark every page changed.
 *
 * A sitemap must give absolute addresses, so it needs the site's address (SITE_URL); see
 * src/data/write-downloads.ts for what happens without one.
 */
import type { Plan, Site } from '../content/model.ts';
import { latestDate } from '../lib/dates.ts';
import { XML_DECLARATION, xmlElement, xmlTextElement } from '../lib/xml.ts';

export interface SitemapEntry {
  /** The page's path from the site's root, as `href` takes it: "/plans/chelmsford-2024/". */
  path: string;
  /** YYYY-MM-DD, where the page's content has a date. */
  lastmod?: string;
}

/** The latest date in the content a plan's page shows. */
export function planLastChanged(plan: Plan): string {
  return latestDate([
    plan.reportPublished.date,
    plan.planSubmitted.date,
    ...plan.changes.map((c) => c.date),
    ...plan.concerns.flatMap((c) => [
      ...c.reviews.map((r) => r.date),
      ...c.repeatedBy.map((r) => r.plan.published),
      ...c.actions.flatMap((a) => [...a.updates.map((u) => u.date), ...a.revisedTargets.map((r) => r.date)]),
    ]),
  ])!;
}

/** Every page of the site, with the date its content last changed where it has one. */
export function sitemapEntries(site: Site): SitemapEntry[] {
  const changed = new Map(site.plans.map((p) => [p.id, planLastChanged(p)]));
  const latestOf = (plans: readonly Plan[]) => latestDate(plans.map((p) => changed.get(p.id)!));
  const everything = latestOf(site.plans);
  const entry = (path: string, lastmod: string | undefined): SitemapEntry => (lastmod ? { path, lastmod } : { path });
  return [
    entry('/', everything),
    entry('/establishments/', everything),
    ...site.establishments.map((e) => entry(e.path, latestOf(e.plans))),
    ...site.plans.map((p) => entry(p.path, changed.get(p.id))),
    entry('/themes/', everything),
    ...site.themes.map((t) => entry(t.path, latestOf(site.plans.filter((p) => p.concerns.some((c) => c.themes.some((ct) => ct.id === t.id)))))),
    entry('/progress/', everything),
    entry('/progress/themes/', everything),
    entry('/search/', undefined),
    entry('/data/', everything),
    entry('/about/', undefined),
    entry('/accessibility/', undefined),
  ];
}

/** The sitemap as XML; `url` gives a path's absolute address. */
export function sitemapXml(entries: readonly SitemapEntry[], url: (path: string) => string): string {
  const urls = entries.map((e) =>
    xmlElement('url', {}, xmlTextElement('loc', url(e.path)) + (e.lastmod ? xmlTextElement('lastmod', e.lastmod) : '')),
  );
  return [XML_DECLARATION, '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls.map((u) => `  ${u}`), '</urlset>'].join('\n') + '\n';
}
