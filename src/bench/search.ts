/**
 * Search in Chromium: the time to first results and the bytes fetched from /pagefind/ for a term
 * query and a filter-only query, cold (the first query in a fresh browser context, which loads
 * Pagefind itself) and warm (another query on the same page). Used by scripts/bench-search.ts and
 * scripts/bench.ts.
 *
 * The queries use Pagefind's JavaScript API directly from /about/, so they do not depend on the
 * search page's own code.
 */
import type { Browser, Page } from 'playwright-core';
import { median } from './format.ts';
import { gzipHostSize, RequestTracker } from './requests.ts';
import { pagefindKind } from './site.ts';

export interface Queries {
  term: { cold: string; warm: string };
  filter: { cold: Record<string, { any: string[] }>; warm: Record<string, { any: string[] }> };
}

export const DEFAULT_QUERIES: Queries = {
  term: { cold: 'self-harm', warm: 'use of force' },
  filter: { cold: { category: { any: ['Priority'] } }, warm: { category: { any: ['Key'] } } },
};

export type QueryName = 'term-cold' | 'term-warm' | 'filter-cold' | 'filter-warm';
export const QUERY_NAMES: QueryName[] = ['term-cold', 'term-warm', 'filter-cold', 'filter-warm'];

const filterText = (f: Record<string, { any: string[] }>) =>
  Object.entries(f)
    .map(([k, v]) => `${k}=${v.any.join('|')}`)
    .join(', ');

export function queryLabels(queries: Queries): Record<QueryName, string> {
  return {
    'term-cold': `term "${queries.term.cold}", cold`,
    'term-warm': `term "${queries.term.warm}", warm`,
    'filter-cold': `filter ${filterText(queries.filter.cold)}, cold (with filters())`,
    'filter-warm': `filter ${filterText(queries.filter.warm)}, warm`,
  };
}

/**
 * Defined in the page as a string, so the bundler's helpers never leak into the browser. Each call
 * times one query from its start to the moment search() and the first 10 result.data() resolved.
 */
const IN_PAGE = `window.__bench = {
  pf: null,
  async run(o) {
    const phases = {};
    const t0 = performance.now();
    let mark = t0;
    const lap = (name) => { const now = performance.now(); phases[name] = now - mark; mark = now; };
    if (!this.pf) {
      this.pf = await import(o.bundle);
      lap('import');
      await this.pf.init();
      lap('init');
    }
    if (o.loadFilters) { await this.pf.filters(); lap('filters'); }
    const search = await this.pf.search(o.term, o.filters ? { filters: o.filters } : {});
    lap('search');
    const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    lap('data');
    return { ms: performance.now() - t0, phases, results: search.results.length, first: data.slice(0, 3).map((d) => d.url) };
  },
};`;

interface Fetched {
  url: string;
  kind: string;
  status: number;
  bodyBytes: number;
  /** Bytes of the body as transferred (before any content decoding), from Chromium. */
  transferBytes: number;
  headerBytes: number;
  /** The body's size if the host gzipped it (Pagefind's own files are gzip already and stay as they are). */
  gzipHostBytes: number;
  contentEncoding: string | null;
}

/** Every response from under `prefix` (such as /pagefind/) the page, and its workers, receive. */
function tracker(page: Page, prefix: string): RequestTracker<Fetched> {
  return new RequestTracker(page, prefix, async (request) => {
    const response = await request.response();
    const body = await response?.body().catch(() => undefined);
    const sizes = await request.sizes().catch(() => undefined);
    return {
      url: request.url(),
      kind: pagefindKind(new URL(request.url()).pathname.slice(prefix.length)),
      status: response?.status() ?? 0,
      bodyBytes: body?.length ?? 0,
      transferBytes: sizes?.responseBodySize ?? 0,
      headerBytes: sizes?.responseHeadersSize ?? 0,
      gzipHostBytes: gzipHostSize(body),
      contentEncoding: (await response?.allHeaders())?.['content-encoding'] ?? null,
    };
  });
}

export interface Measurement {
  ms: number;
  phases: Record<string, number>;
  results: number;
  first: string[];
  /** Bodies as the page received them (decoded). */
  bytes: number;
  /** Bodies and headers as transferred: what a compressing server sent. */
  transferBytes: number;
  /** What a host that gzips (as GitHub Pages does) would have sent for the bodies. */
  gzipHostBytes: number;
  requests: number;
  byKind: Record<string, { requests: number; bytes: number; transferBytes: number }>;
  contentEncodings: string[];
}

/** One cold and one warm query of `kind` in a fresh browser context. */
export async function measureOnce(browser: Browser, siteUrl: string, kind: 'term' | 'filter', queries: Queries = DEFAULT_QUERIES): Promise<Partial<Record<QueryName, Measurement>>> {
  // The site's Content Security Policy forbids the eval that page.evaluate of a string may use.
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    const base = new URL(siteUrl).pathname;
    const requests = tracker(page, `${base}pagefind/`);
    await page.goto(new URL('about/', siteUrl).href, { waitUntil: 'load' });
    await page.evaluate(IN_PAGE);
    await requests.settle();
    requests.take();
    const out: Partial<Record<QueryName, Measurement>> = {};
    for (const phase of ['cold', 'warm'] as const) {
      const o =
        kind === 'term'
          ? { bundle: `${base}pagefind/pagefind.js`, term: queries.term[phase], filters: null, loadFilters: false }
          : { bundle: `${base}pagefind/pagefind.js`, term: null, filters: queries.filter[phase], loadFilters: phase === 'cold' };
      const result = (await page.evaluate(`window.__bench.run(${JSON.stringify(o)})`)) as Pick<Measurement, 'ms' | 'phases' | 'results' | 'first'>;
      await requests.settle();
      const fetched = requests.take();
      const byKind: Measurement['byKind'] = {};
      for (const f of fetched) {
        const k = (byKind[f.kind] ??= { requests: 0, bytes: 0, transferBytes: 0 });
        k.requests += 1;
        k.bytes += f.bodyBytes;
        k.transferBytes += f.transferBytes + f.headerBytes;
      }
      out[`${kind}-${phase}`] = {
        ...result,
        bytes: fetched.reduce((n, f) => n + f.bodyBytes, 0),
        transferBytes: fetched.reduce((n, f) => n + f.transferBytes + f.headerBytes, 0),
        gzipHostBytes: fetched.reduce((n, f) => n + f.gzipHostBytes, 0),
        requests: fetched.length,
        byKind,
        contentEncodings: [...new Set(fetched.map((f) => f.contentEncoding ?? 'none'))],
      };
    }
    return out;
  } finally {
    await context.close();
  }
}

export interface Summary {
  ms: number;
  bytes: number;
  transferBytes: number;
  gzipHostBytes: number;
  requests: number;
  results: number;
  phases: Record<string, number>;
  byKind: Record<string, { requests: number; bytes: number; transferBytes: number }>;
  runs: Measurement[];
}

/** Medians over runs, field by field. */
export function summarise(runs: Measurement[]): Summary {
  const phaseNames = [...new Set(runs.flatMap((r) => Object.keys(r.phases)))];
  const kinds = [...new Set(runs.flatMap((r) => Object.keys(r.byKind)))];
  const of = (k: string, field: 'requests' | 'bytes' | 'transferBytes') => median(runs.map((r) => r.byKind[k]?.[field] ?? 0));
  return {
    ms: median(runs.map((r) => r.ms)),
    bytes: median(runs.map((r) => r.bytes)),
    transferBytes: median(runs.map((r) => r.transferBytes)),
    gzipHostBytes: median(runs.map((r) => r.gzipHostBytes)),
    requests: median(runs.map((r) => r.requests)),
    results: median(runs.map((r) => r.results)),
    phases: Object.fromEntries(phaseNames.map((p) => [p, median(runs.map((r) => r.phases[p] ?? 0))])),
    byKind: Object.fromEntries(kinds.map((k) => [k, { requests: of(k, 'requests'), bytes: of(k, 'bytes'), transferBytes: of(k, 'transferBytes') }])),
    runs,
  };
}

/** `runs` rounds of a term and a filter query (cold and warm) on each site, alternating sites so drift falls on all. */
export function measureSearch<S extends string>(
  browser: Browser,
  sites: Record<S, string>,
  runs: number,
  queries: Queries = DEFAULT_QUERIES,
  progress?: (run: number) => void,
): Promise<Record<S, Record<QueryName, Summary>>> {
  return measureRounds(sites, runs, (siteUrl, kind) => measureOnce(browser, siteUrl, kind, queries), summarise, progress);
}

/**
 * `runs` rounds of `once` (a term query, then a filter query, each cold and warm) on each site,
 * alternating sites so drift falls on all; each query's runs summarised by `summarise`.
 */
export async function measureRounds<S extends string, M, R>(
  sites: Record<S, string>,
  runs: number,
  once: (siteUrl: string, kind: 'term' | 'filter') => Promise<Partial<Record<QueryName, M>>>,
  summarise: (runs: M[]) => R,
  progress?: (run: number) => void,
): Promise<Record<S, Record<QueryName, R>>> {
  const names = Object.keys(sites) as S[];
  const raw = Object.fromEntries(names.map((s) => [s, Object.fromEntries(QUERY_NAMES.map((q) => [q, [] as M[]]))])) as Record<S, Record<QueryName, M[]>>;
  for (let run = 1; run <= runs; run++) {
    for (const site of names) {
      for (const kind of ['term', 'filter'] as const) {
        const m = await once(sites[site], kind);
        for (const [name, value] of Object.entries(m)) raw[site][name as QueryName].push(value as M);
      }
    }
    progress?.(run);
  }
  return Object.fromEntries(names.map((s) => [s, Object.fromEntries(QUERY_NAMES.map((q) => [q, summarise(raw[s][q])]))])) as Record<
    S,
    Record<QueryName, R>
  >;
}
