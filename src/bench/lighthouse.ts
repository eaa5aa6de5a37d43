/**
 * Lighthouse (the pinned lighthouse@12.2.3, which runs on Node 20) on Debian's Chromium, through
 * its Node API: performance, accessibility and best practices for a few pages, with Lighthouse's
 * defaults (a mobile device, simulated throttling), as PageSpeed Insights runs it.
 */
import type { Result } from 'lighthouse';
import { CHROMIUM } from './chromium.ts';
import { median } from './format.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export type Category = (typeof CATEGORIES)[number];

const METRICS = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'total-blocking-time': 'TBT',
  'cumulative-layout-shift': 'CLS',
  'speed-index': 'SI',
} as const;

export interface LighthouseResult {
  url: string;
  /** Scores out of 100, the median of the runs. */
  scores: Record<Category, number>;
  /** Each run's scores. */
  runs: Record<Category, number>[];
  /** Lighthouse's metrics of the median-performance run, as it displays them ("1.2 s"). */
  metrics: Record<string, string>;
  /** Audits of the three categories that did not pass, in the median-performance run. */
  failing: { category: Category; id: string; title: string; score: number | null }[];
  /** Resources Lighthouse found blocking the first render (its render-blocking-resources audit). */
  renderBlocking: string[];
  lighthouseVersion: string;
  chromeVersion: string;
}

/** The Chromium flags the issue asks for. */
export const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Runs Lighthouse `runs` times on each URL, one Chromium for all. */
export async function runLighthouse(urls: string[], runs = 1, progress?: (message: string) => void): Promise<LighthouseResult[]> {
  // Loaded here, not at the top: Lighthouse takes seconds to load, and `npm run bench -- --help`
  // (or a bench with --no-browser) should not wait for it.
  const [chromeLauncher, { default: lighthouse }] = await Promise.all([import('chrome-launcher'), import('lighthouse')]);
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
  try {
    const out: LighthouseResult[] = [];
    for (const url of urls) {
      const results: Result[] = [];
      for (let run = 1; run <= runs; run++) {
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
        if (result.lhr.runtimeError) throw new Error(`Lighthouse could not test ${url}: ${result.lhr.runtimeError.message}`);
        results.push(result.lhr);
        progress?.(`Lighthouse ${url} run ${run}/${runs}: ${CATEGORIES.map((c) => `${c} ${Math.round((result.lhr.categories[c]?.score ?? 0) * 100)}`).join(', ')}`);
      }
      const scoresOf = (lhr: Result) =>
        Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
      const scored = results.map((lhr) => ({ lhr, scores: scoresOf(lhr) })).sort((a, b) => a.scores.performance - b.scores.performance);
      const middle = scored[Math.floor((scored.length - 1) / 2)]!.lhr;
      const failing: LighthouseResult['failing'] = [];
      for (const category of CATEGORIES) {
        for (const ref of middle.categories[category]?.auditRefs ?? []) {
          const audit = middle.audits[ref.id];
          if (!audit || (ref.weight === 0 && category !== 'performance')) continue;
          if (audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'manual') continue;
          if (audit.score === null || audit.score >= 0.9) continue;
          if (category === 'performance' && ref.group === 'metrics') continue;
          failing.push({ category, id: ref.id, title: audit.title, score: audit.score });
        }
      }
      const blocking = (middle.audits['render-blocking-resources']?.details as { items?: { url: string }[] } | undefined)?.items ?? [];
      out.push({
        url,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(scored.map((s) => s.scores[c]))])) as Record<Category, number>,
        runs: scored.map((s) => s.scores),
        metrics: Object.fromEntries(Object.entries(METRICS).map(([id, label]) => [label, middle.audits[id]?.displayValue ?? '?'])),
        failing,
        renderBlocking: blocking.map((item) => item.url),
        lighthouseVersion: middle.lighthouseVersion,
        chromeVersion: middle.environment.hostUserAgent.match(/Chrom(?:e|ium)\/([\d.]+)/)?.[1] ?? '?',
      });
    }
    return out;
  } finally {
    chrome.kill();
  }
}
