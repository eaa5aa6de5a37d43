/**
 * The search page (/search/) in Chromium, as a reader meets it: the time and bytes to its first
 * results, for a term query and a filter-only query, cold and warm. Used by scripts/bench-search.ts;
 * the search budgets are checked on these figures.
 *
 * - Cold: the page opened at /search/?q=<term> or /search/?category=Priority in a fresh browser
 *   context, as from the header's search box or a shared link. Everything the page fetches counts:
 *   its HTML, CSS and scripts, Pagefind's script, worker, WebAssembly and metadata, and the index.
 * - Warm: then, on the same page, another term submitted, or Priority swapped for Key.
 *
 * Each reports the time to the first results on the page (from the start of the navigation, or of
 * the change), the bytes of the requests started before them, and then when the counts beside the
 * filters were final (the page marks its filters `aria-busy` while it loads the indexes to count
 * them) and the bytes of everything the query fetched. Bytes are as a host that gzips HTML, CSS and
 * JavaScript serves them (GitHub Pages does; the test server does not compress): Pagefind's index
 * files and WebAssembly are gzip already and count as they are. And as a host that lets browsers
 * cache files for a while (GitHub Pages sends max-age=600; the test server sends nothing): a file
 * fetched again by the same page (the page's second Pagefind instance, which counts the filters,
 * loads the same WebAssembly, metadata and index chunks) counts once.
 */
import type { Browser, Page } from 'playwright-core';
import { median } from './format.ts';
import { gzipHostSize, RequestTracker } from './requests.ts';
import { measureRounds, type QueryName } from './search.ts';
import { pagefindKind } from './site.ts';

export interface PageQueries {
  term: { cold: string; warm: string };
}

export function pageQueryLabels(queries: PageQueries): Record<QueryName, string> {
  return {
    'term-cold': `/search/?q=${queries.term.cold}, cold`,
    'term-warm': `then "${queries.term.warm}" submitted, warm`,
    'filter-cold': '/search/?category=Priority, cold',
    'filter-warm': 'then Priority swapped for Key, warm',
  };
}

/** The kind of a file of the site, by its path below the site's base. */
export function siteKind(rel: string): string {
  if (rel.startsWith('pagefind/')) return pagefindKind(rel.slice('pagefind/'.length));
  if (rel === '' || rel.endsWith('/') || rel.endsWith('.html')) return 'HTML';
  if (rel.endsWith('.css')) return 'CSS';
  if (rel.endsWith('.js')) return 'site JavaScript';
  if (/\.(woff2?|ttf)$/.test(rel)) return 'fonts';
  return 'other';
}

/**
 * Put in every page before its scripts run (so, as a string, without the bundler's helpers): notes
 * when the search page first shows results, and when after that its filters are no longer busy.
 */
const PAGE_WATCH = `(() => {
  const w = (window.__page = { results: null, counts: null, waiting: false });
  const check = () => {
    if (w.waiting) return;
    const list = document.getElementById('search-results');
    const panel = document.getElementById('search-filters');
    if (!list || !panel) return;
    if (w.results === null && list.children.length > 0) w.results = performance.now();
    if (w.results !== null && w.counts === null && !panel.hasAttribute('aria-busy')) w.counts = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
})();`;

/** The warm query, made the way a reader makes it: a term submitted, or Priority swapped for Key. */
const PAGE_WARM = `async (o) => {
  const w = window.__page;
  const list = document.getElementById('search-results');
  w.results = null;
  w.counts = null;
  w.waiting = true;
  const t0 = performance.now();
  const shown = new Promise((resolve) => {
    const ob = new MutationObserver(() => {
      if (list.children.length > 0) { ob.disconnect(); resolve(performance.now()); }
    });
    ob.observe(list, { childList: true });
  });
  if (o.term) {
    document.getElementById('search-q').value = o.term;
    document.getElementById('search-form').requestSubmit();
  } else {
    const box = (v) => document.querySelector('#search-filters input[name="category"][value="' + v + '"]');
    box('Priority').checked = false;
    box('Key').checked = true;
    box('Key').dispatchEvent(new Event('change', { bubbles: true }));
  }
  const t1 = await shown;
  w.waiting = false;
  w.results = t1;
  if (!document.getElementById('search-filters').hasAttribute('aria-busy')) w.counts = performance.now();
  return { t0, t1, origin: performance.timeOrigin };
}`;

interface Fetched {
  url: string;
  kind: string;
  /** The body's size as a gzipping host sends it (files already gzip count as they are). */
  bytes: number;
  /** When the request started, in ms since the epoch. */
  startedAt: number;
}

/** Every response from the site the page, and its workers, receive. */
function siteTracker(page: Page, base: string): RequestTracker<Fetched> {
  return new RequestTracker(page, base, async (request) => ({
    url: request.url(),
    kind: siteKind(new URL(request.url()).pathname.slice(base.length)),
    bytes: gzipHostSize(await (await request.response())?.body().catch(() => undefined)),
    startedAt: request.timing().startTime,
  }));
}

export interface PageMeasurement {
  /** From the start of the navigation (cold) or of the change (warm) to the first results on the page. */
  ms: number;
  /** From the same start to the counts beside the filters being final. */
  countsMs: number;
  /** What the live region said. */
  status: string;
  /** Bytes of the requests started before the first results were on the page. */
  firstBytes: number;
  /** Bytes of every request the query made, the counts' included. */
  allBytes: number;
  firstRequests: number;
  allRequests: number;
  firstByKind: Record<string, number>;
  allByKind: Record<string, number>;
}

/** `seen`: the addresses the page fetched before, which a browser would have cached (they count nothing). */
function measurement(all: Fetched[], seen: Set<string>, resultsAt: number, ms: number, countsMs: number, status: string): PageMeasurement {
  const fetched = [...all]
    .sort((a, b) => a.startedAt - b.startedAt)
    .map((f) => {
      const again = seen.has(f.url);
      seen.add(f.url);
      return again ? { ...f, bytes: 0 } : f;
    });
  const first = fetched.filter((f) => f.startedAt < resultsAt);
  const byKind = (list: Fetched[]) => {
    const out: Record<string, number> = {};
    for (const f of list) out[f.kind] = (out[f.kind] ?? 0) + f.bytes;
    return out;
  };
  return {
    ms,
    countsMs,
    status,
    firstBytes: first.reduce((n, f) => n + f.bytes, 0),
    allBytes: fetched.reduce((n, f) => n + f.bytes, 0),
    firstRequests: first.length,
    allRequests: fetched.length,
    firstByKind: byKind(first),
    allByKind: byKind(fetched),
  };
}

/** One cold query and one warm one on a fresh page. */
export async function measurePageOnce(
  browser: Browser,
  siteUrl: string,
  kind: 'term' | 'filter',
  queries: PageQueries,
): Promise<Partial<Record<QueryName, PageMeasurement>>> {
  // The site's Content Security Policy forbids eval, which waitForFunction's string predicates use.
  const context = await browser.newContext({ bypassCSP: true });
  try {
    await context.addInitScript(PAGE_WATCH);
    const page = await context.newPage();
    const tracker = siteTracker(page, new URL(siteUrl).pathname);
    const status = async () => (await page.locator('#search-status').textContent()) ?? '';
    const query = kind === 'term' ? `?q=${encodeURIComponent(queries.term.cold)}` : '?category=Priority';

    await page.goto(new URL(`search/${query}`, siteUrl).href, { waitUntil: 'load' });
    await page.waitForFunction('window.__page.results !== null && window.__page.counts !== null', undefined, { timeout: 120_000 });
    await tracker.settle();
    const cold = (await page.evaluate('({ ...window.__page, origin: performance.timeOrigin })')) as { results: number; counts: number; origin: number };
    const out: Partial<Record<QueryName, PageMeasurement>> = {};
    const seen = new Set<string>();
    out[`${kind}-cold`] = measurement(tracker.take(), seen, cold.origin + cold.results, cold.results, cold.counts, await status());

    const warm = (await page.evaluate(`(${PAGE_WARM})(${JSON.stringify({ term: kind === 'term' ? queries.term.warm : null })})`)) as {
      t0: number;
      t1: number;
      origin: number;
    };
    await page.waitForFunction('window.__page.counts !== null', undefined, { timeout: 120_000 });
    await tracker.settle();
    const counts = (await page.evaluate('window.__page.counts')) as number;
    out[`${kind}-warm`] = measurement(tracker.take(), seen, warm.origin + warm.t1, warm.t1 - warm.t0, counts - warm.t0, await status());
    return out;
  } finally {
    await context.close();
  }
}

/** Medians over runs, field by field; the status is the first run's. */
export interface PageSummary extends PageMeasurement {
  runs: PageMeasurement[];
}

export function summarisePage(runs: PageMeasurement[]): PageSummary {
  const kinds = (pick: (r: PageMeasurement) => Record<string, number>) =>
    Object.fromEntries([...new Set(runs.flatMap((r) => Object.keys(pick(r))))].map((k) => [k, median(runs.map((r) => pick(r)[k] ?? 0))]));
  return {
    ms: median(runs.map((r) => r.ms)),
    countsMs: median(runs.map((r) => r.countsMs)),
    firstBytes: median(runs.map((r) => r.firstBytes)),
    allBytes: median(runs.map((r) => r.allBytes)),
    firstRequests: median(runs.map((r) => r.firstRequests)),
    allRequests: median(runs.map((r) => r.allRequests)),
    status: runs[0]?.status ?? '',
    firstByKind: kinds((r) => r.firstByKind),
    allByKind: kinds((r) => r.allByKind),
    runs,
  };
}

/** `runs` rounds of a term and a filter query (cold and warm) on each site's search page, alternating sites. */
export function measureSearchPage<S extends string>(
  browser: Browser,
  sites: Record<S, string>,
  runs: number,
  queries: PageQueries,
  progress?: (run: number) => void,
): Promise<Record<S, Record<QueryName, PageSummary>>> {
  return measureRounds(sites, runs, (siteUrl, kind) => measurePageOnce(browser, siteUrl, kind, queries), summarisePage, progress);
}

/** "HTML 7.5 kB, CSS 16.8 kB, …", largest first, leaving out kinds with nothing. */
export function kindsText(byKind: Record<string, number>, kB: (n: number) => string): string {
  return Object.entries(byKind)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k.replace(/ \(.*\)/, '')} ${kB(v)}`)
    .join(', ');
}
