/**
 * `npm run bench`: the whole-site benchmark and the issue's budgets.
 *
 *   npm run bench -- [--sizes 6,60,600] [--seed 1] [--search-runs 3] [--lighthouse-runs 3]
 *                    [--json out.json] [--markdown out.md] [--keep] [--no-browser]
 *
 * 1. For each size, writes a fictional estate of that many plans (src/bench/estate.ts) and builds
 *    it with `npm run build` (ACTION_PLANS_CONTENT), watching every process of the build: the time
 *    to validate, to build and to index (from the build's own timings, src/integration.ts), the
 *    peak memory of all the processes together, the pages and search records written, and the
 *    sizes of the site and of its search index. The marginal cost per plan between sizes shows how
 *    each figure grows.
 * 2. On the largest site, served gzipped as GitHub Pages serves it, in Chromium: the bytes each of
 *    the home, plan and search pages transfers by kind (HTML, CSS, JavaScript, fonts, other) and
 *    any render-blocking script; the time and bytes to first search results for a term query and
 *    a filter-only query, on the search page as a reader uses it and through Pagefind's API
 *    (src/bench/search-page.ts, src/bench/search.ts); Lighthouse's scores for the three pages.
 * 3. Checks the budgets (src/bench/budgets.ts) and prints pass or miss for each.
 *
 * Times depend on the machine and on what else it is doing: the report gives the load average.
 * --keep leaves the work folder (estates, sites, build logs); --reuse DIR measures in the browser
 * again the sites a --keep run left in DIR, without building; --no-browser stops after the builds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { checkBudgets, type BudgetFigures } from '../src/bench/budgets.ts';
import { runBuild, type BuildResult } from '../src/bench/build.ts';
import { EstateError, generateEstate, PROJECT_ROOT, type EstateSummary } from '../src/bench/estate.ts';
import { preparePeer, runPeerBuild } from '../src/bench/peer.ts';
import { generatePeerEstate } from '../src/bench/peer-estate.ts';
import { count, kB, marginal, markdownTable, MB, median, ms, seconds, table, wholeOption } from '../src/bench/format.ts';
import { runLighthouse, type LighthouseResult } from '../src/bench/lighthouse.ts';
import { measureSearchPage, pageQueryLabels, type PageSummary } from '../src/bench/search-page.ts';
import { DEFAULT_QUERIES, measureSearch, QUERY_NAMES, queryLabels, type QueryName, type Summary } from '../src/bench/search.ts';
import { filesBelow, siteFigures, type SiteFigures } from '../src/bench/site.ts';
import { measurePageWeight, WEIGHT_KINDS, type PageWeight } from '../src/bench/weight.ts';
import { launchBrowser } from '../src/bench/chromium.ts';
import { serve } from '../src/bench/serve.ts';
import { commandLine } from '../src/lib/cli.ts';

const USAGE =
  'Usage: npm run bench -- [--sizes 6,60,600] [--seed 1] [--peer-sizes 60,600] [--rounds 3] [--peer DIR] [--search-runs 3] [--lighthouse-runs 3] [--json out.json] [--markdown out.md] [--keep] [--reuse DIR] [--no-browser]';


function options() {
  const { values } = commandLine({
    command: 'bench',
    usage: USAGE,
    options: {
      sizes: { type: 'string', default: '6,60,600' },
      'peer-sizes': { type: 'string', default: '60,600' },
      rounds: { type: 'string', default: '3' },
      // The Eleventy peer's folder (such as ../shared/peer-eleventy), named on the command line: the
      // project itself never reads outside the repository.
      peer: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'search-runs': { type: 'string', default: '3' },
      'lighthouse-runs': { type: 'string', default: '3' },
      json: { type: 'string' },
      markdown: { type: 'string' },
      keep: { type: 'boolean', default: false },
      reuse: { type: 'string' },
      'no-browser': { type: 'boolean', default: false },
    },
  });
  const whole = (name: string, v: string, min: number) => wholeOption(name, v, min, USAGE);
  const list = (name: 'sizes' | 'peer-sizes') => [...new Set(values[name]!.split(',').map((s) => whole(name, s.trim(), 1)))].sort((a, b) => a - b);
  const sizes = list('sizes');
  return {
    sizes,
    peerSizes: values['peer-sizes'] === '0' ? [] : list('peer-sizes'),
    rounds: whole('rounds', values.rounds!, 1),
    // The default folder is optional; one named on the command line must be there.
    peer: values.peer === undefined ? undefined : peerFolder(path.resolve(values.peer)),
    seed: whole('seed', values.seed!, 0),
    searchRuns: whole('search-runs', values['search-runs']!, 1),
    lighthouseRuns: whole('lighthouse-runs', values['lighthouse-runs']!, 1),
    json: values.json,
    markdown: values.markdown,
    keep: values.keep! || values.reuse !== undefined,
    reuse: values.reuse,
    browser: !values['no-browser'],
  };
}

const say = (message: string) => console.log(`[bench] ${message}`);

function peerFolder(dir: string): string {
  if (fs.existsSync(path.join(dir, 'generate.mjs'))) return dir;
  console.error(`--peer ${dir}: no peer benchmark there (no generate.mjs).\n${USAGE}`);
  process.exit(2);
}

/** One round of the peer workload at one size: our build and, when the peer is there, the peer's. */
interface PeerRun {
  round: number;
  plans: number;
  ours: { seconds: number; cpuSeconds: number; peakBytes: number; outputBytes: number; phases: BuildResult['phases'] };
  peer?: { seconds: number; cpuSeconds: number; peakBytes: number; outputBytes: number };
}

/**
 * The peer workload (src/bench/peer-estate.ts) at each size, for `rounds` rounds, alternating our
 * build and the peer's (the peer first in odd rounds), both watched the same way.
 */
async function peerRounds(o: ReturnType<typeof options>, work: string): Promise<PeerRun[]> {
  const peerDir = o.peer ? preparePeer(o.peer, work, say) : undefined;
  const runs: PeerRun[] = [];
  const estates = new Map(
    o.peerSizes.map((plans) => {
      const summary = generatePeerEstate({ plans, out: path.join(work, `peer-estate-${plans}`) });
      say(`Peer workload, ${plans} plans: ${summary.establishments} establishments, ${summary.concerns} concerns, ${summary.actions} actions.`);
      return [plans, summary] as const;
    }),
  );
  for (let round = 1; round <= o.rounds; round++) {
    for (const plans of o.peerSizes) {
      const ours = async () => {
        const b = await runBuild(estates.get(plans)!.out, path.join(work, `peer-site-${plans}`), path.join(work, `peer-build-${plans}-${round}.log`));
        const site = filesBelow(b.outDir);
        return { seconds: b.seconds, cpuSeconds: b.tree.cpuSeconds, peakBytes: b.tree.peakTreePssKB * 1024, outputBytes: site.reduce((n, f) => n + f.bytes, 0), phases: b.phases };
      };
      const theirs = async () => {
        const b = await runPeerBuild(peerDir!, plans, path.join(work, `peer-eleventy-${plans}-${round}.log`));
        return { seconds: b.seconds, cpuSeconds: b.tree.cpuSeconds, peakBytes: b.tree.peakTreePssKB * 1024, outputBytes: b.outputBytes };
      };
      let run: PeerRun;
      if (peerDir && round % 2 === 1) {
        const peer = await theirs();
        run = { round, plans, peer, ours: await ours() };
      } else {
        const first = await ours();
        run = { round, plans, ours: first, ...(peerDir ? { peer: await theirs() } : {}) };
      }
      runs.push(run);
      const r = run.peer;
      say(
        `Round ${round}, ${plans} copies: ours ${seconds(run.ours.seconds)} wall, ${seconds(run.ours.cpuSeconds)} CPU, ${MB(run.ours.peakBytes)}, ${MB(run.ours.outputBytes)}` +
          (r
            ? `; peer ${seconds(r.seconds)}, ${seconds(r.cpuSeconds)} CPU, ${MB(r.peakBytes)}, ${MB(r.outputBytes)}; ratio ${(run.ours.seconds / r.seconds).toFixed(2)}× wall, ${(run.ours.cpuSeconds / r.cpuSeconds).toFixed(2)}× CPU, ${(run.ours.peakBytes / r.peakBytes).toFixed(2)}× memory`
            : '') +
          ` (load average ${os.loadavg()[0]!.toFixed(1)}).`,
      );
    }
  }
  return runs;
}

/** The peer table: each round at the largest size, then the medians, with the cost of each further plan. */
function peerSummary(runs: PeerRun[], sizes: number[]) {
  const largest = sizes[sizes.length - 1]!;
  const smaller = sizes.length > 1 ? sizes[sizes.length - 2] : undefined;
  const rounds = [...new Set(runs.map((r) => r.round))];
  const at = (round: number, plans: number) => runs.find((r) => r.round === round && r.plans === plans);
  const perRound = rounds.map((round) => {
    const big = at(round, largest)!;
    const small = smaller === undefined ? undefined : at(round, smaller);
    const further = (side: 'ours' | 'peer') =>
      small && big[side] && small[side] ? marginal({ plans: small.plans, value: small[side]!.seconds }, { plans: big.plans, value: big[side]!.seconds }) * 1000 : undefined;
    return { round, run: big, oursMarginal: further('ours'), peerMarginal: further('peer') };
  });
  const ratio = (f: (r: PeerRun) => [number, number | undefined]) => {
    const values = perRound.map((p) => f(p.run)).filter((v): v is [number, number] => v[1] !== undefined).map(([a, b]) => a / b);
    return values.length ? median(values) : undefined;
  };
  const medianOf = (xs: (number | undefined)[]) => {
    const v = xs.filter((x): x is number => x !== undefined);
    return v.length ? median(v) : undefined;
  };
  const headings = ['', ...perRound.flatMap((p) => [`round ${p.round}: ours`, 'peer', 'ratio']), 'median ratio'];
  const row = (label: string, get: (s: PeerRun['ours'] | NonNullable<PeerRun['peer']>) => number, show: (n: number) => string) => {
    const cells = perRound.flatMap((p) => [show(get(p.run.ours)), p.run.peer ? show(get(p.run.peer)) : '–', p.run.peer ? `${(get(p.run.ours) / get(p.run.peer)).toFixed(2)}×` : '–']);
    const m = ratio((r) => [get(r.ours), r.peer && get(r.peer)]);
    return [label, ...cells, m === undefined ? '–' : `${m.toFixed(2)}×`];
  };
  const marginalRow = [
    `each further plan (${smaller ?? '?'} → ${largest})`,
    ...perRound.flatMap((p) => [
      p.oursMarginal === undefined ? '–' : `${p.oursMarginal.toFixed(1)} ms`,
      p.peerMarginal === undefined ? '–' : `${p.peerMarginal.toFixed(1)} ms`,
      p.oursMarginal !== undefined && p.peerMarginal ? `${(p.oursMarginal / p.peerMarginal).toFixed(2)}×` : '–',
    ]),
    (() => {
      const m = medianOf(perRound.map((p) => (p.oursMarginal !== undefined && p.peerMarginal ? p.oursMarginal / p.peerMarginal : undefined)));
      return m === undefined ? '–' : `${m.toFixed(2)}×`;
    })(),
  ];
  const rows = [
    row(`wall time, validate + build + index (${largest} plans)`, (s) => s.seconds, seconds),
    row('CPU time, every process', (s) => s.cpuSeconds, seconds),
    row('peak memory, Pss summed over every process', (s) => s.peakBytes, MB),
    row('output on disk', (s) => s.outputBytes, MB),
    ...(smaller === undefined ? [] : [marginalRow]),
  ];
  return {
    headings,
    rows,
    largest,
    rounds: perRound.length,
    wallRatio: ratio((r) => [r.ours.seconds, r.peer?.seconds]),
    cpuRatio: ratio((r) => [r.ours.cpuSeconds, r.peer?.cpuSeconds]),
    peakBytes: Math.max(...perRound.map((p) => p.run.ours.peakBytes)),
    outputBytes: perRound[0]!.run.ours.outputBytes,
    marginal: smaller === undefined ? undefined : { msPerPlan: medianOf(perRound.map((p) => p.oursMarginal))!, from: smaller, to: largest },
  };
}

interface SizeResult {
  plans: number;
  estate: EstateSummary;
  generateSeconds: number;
  build: BuildResult;
  site: SiteFigures;
}

/** A row of the scaling table: a value per size, how to show it, and how to show its cost per plan. */
interface Row {
  label: string;
  values: number[];
  show: (n: number) => string;
  perPlan?: (n: number) => string;
}

function scalingRows(results: SizeResult[]): Row[] {
  const of = (f: (r: SizeResult) => number) => results.map(f);
  const s = (n: number) => seconds(n);
  const perPlanMs = (n: number) => `${(n * 1000).toFixed(1)} ms`;
  const bytes = (n: number) => MB(n);
  const perPlanKB = (n: number) => kB(n);
  const plain = (n: number) => count(n);
  const perPlanCount = (n: number) => n.toFixed(1);
  return [
    { label: 'establishments', values: of((r) => r.estate.establishments), show: plain },
    { label: 'concerns', values: of((r) => r.estate.concerns), show: plain, perPlan: perPlanCount },
    { label: 'actions', values: of((r) => r.estate.actions), show: plain, perPlan: perPlanCount },
    { label: 'validate + build + index (npm run build, wall)', values: of((r) => r.build.seconds), show: s, perPlan: perPlanMs },
    { label: '  start: npm, Node, Astro and its config', values: of((r) => r.build.phases.startup), show: s, perPlan: perPlanMs },
    { label: '  validate the content', values: of((r) => r.build.phases.validate), show: s, perPlan: perPlanMs },
    { label: '  build: Vite, then render the pages', values: of((r) => r.build.phases.build), show: s, perPlan: perPlanMs },
    { label: '    of which rendering the pages', values: of((r) => r.build.phases.render), show: s, perPlan: perPlanMs },
    { label: '    of which writing the downloads, feed and sitemap', values: of((r) => r.build.phases.downloads ?? 0), show: s, perPlan: perPlanMs },
    { label: '  index: waiting for Pagefind after the pages', values: of((r) => r.build.phases.index), show: s, perPlan: perPlanMs },
    { label: '  (Pagefind from start to written, alongside)', values: of((r) => r.build.phases.indexTotal), show: s, perPlan: perPlanMs },
    { label: '  move the site into place, exit', values: of((r) => r.build.phases.finish), show: s, perPlan: perPlanMs },
    { label: 'CPU time, every process of the build', values: of((r) => r.build.tree.cpuSeconds), show: s, perPlan: perPlanMs },
    { label: 'peak memory, all processes together (Pss)', values: of((r) => r.build.tree.peakTreePssKB * 1024), show: bytes, perPlan: perPlanKB },
    { label: '  the same, summing resident sizes', values: of((r) => r.build.tree.peakTreeRssKB * 1024), show: bytes, perPlan: perPlanKB },
    {
      label: '  Astro (node) alone',
      values: of((r) => Math.max(0, ...r.build.tree.processes.filter((p) => p.name === 'node').map((p) => p.peakRssKB)) * 1024),
      show: bytes,
      perPlan: perPlanKB,
    },
    {
      label: '  Pagefind alone',
      values: of((r) => Math.max(0, ...r.build.tree.processes.filter((p) => /pagefind/.test(p.name)).map((p) => p.peakRssKB)) * 1024),
      show: bytes,
      perPlan: perPlanKB,
    },
    { label: 'pages written', values: of((r) => r.site.pages), show: plain, perPlan: perPlanCount },
    { label: 'search records', values: of((r) => r.site.records), show: plain, perPlan: perPlanCount },
    { label: 'output size (sum of file sizes)', values: of((r) => r.site.siteBytes), show: bytes, perPlan: perPlanKB },
    { label: 'search index size (pagefind/)', values: of((r) => r.site.pagefind.bytes), show: bytes, perPlan: perPlanKB },
    { label: 'files written', values: of((r) => r.site.files), show: plain, perPlan: perPlanCount },
  ];
}

function scalingTable(results: SizeResult[]): { headings: string[]; rows: string[][] } {
  const pairs = results.slice(1).map((r, i) => [results[i]!, r] as const);
  const headings = ['', ...results.map((r) => `${r.plans} plans`), ...pairs.map(([a, b]) => `per plan, ${a.plans}→${b.plans}`)];
  const rows = scalingRows(results).map((row) => [
    row.label,
    ...row.values.map(row.show),
    ...pairs.map(([a, b], i) => {
      if (!row.perPlan) return '';
      return row.perPlan(marginal({ plans: a.plans, value: row.values[i]! }, { plans: b.plans, value: row.values[i + 1]! }));
    }),
  ]);
  return { headings, rows };
}

interface BrowserResults {
  chromium: string;
  pages: { name: string; path: string; weight: PageWeight }[];
  searchPage: Record<QueryName, PageSummary>;
  searchApi: Record<QueryName, Summary>;
  lighthouse: LighthouseResult[];
}

async function browserFigures(siteDir: string, site: SiteFigures, o: ReturnType<typeof options>): Promise<BrowserResults> {
  const server = await serve(siteDir, '/', { compress: true });
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const chromium = browser.version();
    const pagesToWeigh = [
      { name: 'home', path: '/' },
      { name: 'plan (largest)', path: site.planPages.largest!.path },
      { name: 'plan (median)', path: site.planPages.median!.path },
      { name: 'search', path: '/search/' },
    ];
    say('Weighing pages in Chromium ...');
    const pages = [];
    for (const p of pagesToWeigh) pages.push({ ...p, weight: await measurePageWeight(browser, new URL(p.path.slice(1), server.url).href) });

    say(`Measuring search on the search page, ${o.searchRuns} runs ...`);
    const searchPage = (await measureSearchPage(browser, { site: server.url }, o.searchRuns, DEFAULT_QUERIES, (run) => say(`  run ${run}/${o.searchRuns}`))).site;
    say(`Measuring search through Pagefind's API, ${o.searchRuns} runs ...`);
    const searchApi = (await measureSearch(browser, { site: server.url }, o.searchRuns, DEFAULT_QUERIES, (run) => say(`  run ${run}/${o.searchRuns}`))).site;
    await browser.close();
    browser = undefined;

    say(`Lighthouse, ${o.lighthouseRuns} run(s) a page ...`);
    // Issue 11's pages: home, the largest plan, a search with its results, progress and an establishment.
    const establishment = fs
      .readdirSync(path.join(siteDir, 'establishments'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()[0];
    const lighthousePages = ['/', site.planPages.largest!.path, '/search/?q=self-harm', '/progress/', ...(establishment ? [`/establishments/${establishment}/`] : [])];
    const lighthouse = await runLighthouse(
      lighthousePages.map((p) => new URL(p.slice(1), server.url).href),
      o.lighthouseRuns,
      (m) => say(`  ${m}`),
    );
    return { chromium, pages, searchPage, searchApi, lighthouse };
  } finally {
    await browser?.close();
    await server.close();
  }
}

async function main() {
  const o = options();
  const work = o.reuse ? path.resolve(o.reuse) : fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const resultsFile = path.join(work, 'builds.json');
  const started = performance.now();
  const load: { at: string; load1: number }[] = [];
  const noteLoad = (at: string) => load.push({ at, load1: os.loadavg()[0]! });
  say(`Sizes ${o.sizes.join(', ')} (seed ${o.seed}); working folder ${work}${o.keep ? ' (kept)' : ' (deleted at the end; --keep keeps it)'}.`);
  try {
    noteLoad('start');
    let peerRunsDone: PeerRun[] = [];
    if (!o.reuse && o.peerSizes.length) {
      say(o.peer ? `Peer workload against ${o.peer}, ${o.rounds} round(s) at ${o.peerSizes.join(', ')} plans.` : `Peer workload at ${o.peerSizes.join(', ')} plans, without the peer (name its folder with --peer DIR to run it alongside).`);
      peerRunsDone = await peerRounds(o, work);
      fs.writeFileSync(path.join(work, 'peer-runs.json'), JSON.stringify(peerRunsDone));
      noteLoad('after the peer workload');
    }
    const peerTable = peerRunsDone.length ? peerSummary(peerRunsDone, o.peerSizes) : undefined;
    let results: SizeResult[] = [];
    if (o.reuse) {
      results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SizeResult[];
      o.sizes = results.map((r) => r.plans);
      say(`Reusing the builds of ${o.sizes.join(', ')} plans in ${work}.`);
    }
    for (const plans of o.reuse ? [] : o.sizes) {
      const estateDir = path.join(work, `estate-${plans}`);
      const siteDir = path.join(work, `site-${plans}`);
      const t = performance.now();
      const estate = generateEstate({ plans, seed: o.seed, out: estateDir });
      const generateSeconds = (performance.now() - t) / 1000;
      say(`${plans} plans: generated ${estate.establishments} establishments, ${estate.concerns} concerns, ${estate.actions} actions in ${seconds(generateSeconds)}; building ...`);
      const build = await runBuild(estateDir, siteDir, path.join(work, `build-${plans}.log`));
      noteLoad(`after building ${plans} plans`);
      say(`  built in ${seconds(build.seconds)}, peak memory ${MB(build.tree.peakTreePssKB * 1024)} (load average ${os.loadavg()[0]!.toFixed(1)}).`);
      results.push({ plans, estate, generateSeconds, build, site: siteFigures(siteDir) });
      fs.writeFileSync(resultsFile, JSON.stringify(results));
    }
    const largest = results[results.length - 1]!;
    const browser = o.browser ? await browserFigures(largest.build.outDir, largest.site, o) : undefined;
    noteLoad('end');

    // ---- Budgets
    const [a, b] = results.length >= 2 ? results.slice(-2) : [undefined, undefined];
    const figures: BudgetFigures = {
      plans: largest.plans,
      buildSeconds: largest.build.seconds,
      buildPeakBytes: largest.build.tree.peakTreePssKB * 1024,
      ...(a && b ? { marginal: { msPerPlan: marginal({ plans: a.plans, value: a.build.seconds }, { plans: b.plans, value: b.build.seconds }) * 1000, from: a.plans, to: b.plans } } : {}),
    };
    if (browser) {
      const plan = browser.pages.find((p) => p.name === 'plan (largest)')!;
      figures.planPage = { bytes: plan.weight.totalExcludingFonts, path: plan.path };
      figures.renderBlocking = browser.pages.map((p) => ({
        page: p.name,
        scripts: [...new Set([...p.weight.renderBlockingScripts, ...(browser.lighthouse.find((l) => new URL(l.url).pathname === p.path)?.renderBlocking.filter((u) => /\.m?js(\?|$)/.test(u)) ?? [])])],
      }));
      const labels = pageQueryLabels(DEFAULT_QUERIES);
      figures.search = QUERY_NAMES.map((q) => ({ label: `search page, ${labels[q]}`, warm: q.endsWith('warm'), ms: browser.searchPage[q].ms, bytes: browser.searchPage[q].firstBytes }));
      figures.lighthouse = browser.lighthouse.map((l) => ({
        page: new URL(l.url).pathname + new URL(l.url).search,
        performance: l.scores.performance,
        accessibility: l.scores.accessibility,
        bestPractices: l.scores['best-practices'],
      }));
    }
    if (peerTable) {
      figures.peer = {
        plans: peerTable.largest,
        peakBytes: peerTable.peakBytes,
        outputBytes: peerTable.outputBytes,
        rounds: peerTable.rounds,
        ...(peerTable.marginal ? { marginal: peerTable.marginal } : {}),
        ...(peerTable.wallRatio !== undefined ? { wallRatio: peerTable.wallRatio } : {}),
        ...(peerTable.cpuRatio !== undefined ? { cpuRatio: peerTable.cpuRatio } : {}),
      };
    }
    const checks = checkBudgets(figures);

    // ---- Report
    const conditions =
      `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? '?'}), ${Math.round(os.totalmem() / 1e9)} GB memory` +
      `${browser ? `, Chromium ${browser.chromium}, Lighthouse ${browser.lighthouse[0]?.lighthouseVersion ?? '?'}` : ''}. ` +
      `Load average (1 min): ${load.map((l) => `${l.load1.toFixed(1)} ${l.at}`).join(', ')}.`;
    const scaling = scalingTable(results);
    const out: string[] = [];
    out.push('', `Benchmark: generated estates of ${o.sizes.join(', ')} plans (seed ${o.seed}).`, conditions, '');
    if (peerTable) {
      out.push(`The peer workload: copies of the real Chelmsford plan, ours beside Eleventy 2 + x-govuk + Pagefind (${peerTable.rounds} rounds; compare ratios within a round):`);
      out.push(table(peerTable.headings, peerTable.rows), '');
    }
    out.push(table(scaling.headings, scaling.rows));
    const peak = largest.build.tree;
    const peakText =
      `At its peak (${seconds(peak.peakAtSeconds)} into the ${largest.plans}-plan build) the memory was: ` +
      `${peak.peakBreakdown.filter((p) => p.pssKB >= 10_240).map((p) => `${p.name} ${MB(p.pssKB * 1024)}`).join(', ')}, ` +
      `and ${MB(peak.peakBreakdown.filter((p) => p.pssKB < 10_240).reduce((n, p) => n + p.pssKB * 1024, 0))} in smaller processes.`;
    out.push('', peakText);
    let weightRows: string[][] = [];
    let searchRows: string[][] = [];
    let apiRows: string[][] = [];
    let lighthouseRows: string[][] = [];
    if (browser) {
      weightRows = browser.pages.map((p) => [
        `${p.name} ${p.path}`,
        ...WEIGHT_KINDS.map((k) => kB(p.weight.bytes[k])),
        kB(p.weight.total),
        kB(p.weight.totalExcludingFonts),
        String(Object.values(p.weight.requests).reduce((n, r) => n + r, 0)),
        p.weight.renderBlockingScripts.length ? p.weight.renderBlockingScripts.join(' ') : 'none',
      ]);
      out.push('', `Page weight on the ${largest.plans}-plan site, first load, transferred (gzip as GitHub Pages serves; encodings seen: ${[...new Set(browser.pages.flatMap((p) => p.weight.contentEncodings))].join(', ')}):`);
      out.push(table(['page', ...WEIGHT_KINDS, 'total', 'without fonts', 'requests', 'render-blocking JS'], weightRows));

      const labels = pageQueryLabels(DEFAULT_QUERIES);
      searchRows = QUERY_NAMES.map((q) => {
        const r = browser.searchPage[q];
        return [labels[q], ms(r.ms), kB(r.firstBytes), String(r.firstRequests), ms(r.countsMs), kB(r.allBytes), r.status];
      });
      out.push('', `Search on the search page (src/bench/search-page.ts), ${o.searchRuns} runs, medians; bytes as a gzipping host sends them:`);
      out.push(table(['query', 'first results', 'bytes before them', 'requests', 'counts final', 'all bytes', 'status'], searchRows));
      const apiLabels = queryLabels(DEFAULT_QUERIES);
      apiRows = QUERY_NAMES.map((q) => {
        const r = browser.searchApi[q];
        return [apiLabels[q], ms(r.ms), kB(r.transferBytes), String(r.requests), String(r.results)];
      });
      out.push('', `Search through Pagefind's API from /about/ (src/bench/search.ts), ${o.searchRuns} runs, medians; bytes transferred from /pagefind/:`);
      out.push(table(['query', 'first results', 'transferred', 'requests', 'results'], apiRows));

      lighthouseRows = browser.lighthouse.map((l) => [
        new URL(l.url).pathname + new URL(l.url).search,
        String(l.scores.performance),
        String(l.scores.accessibility),
        String(l.scores['best-practices']),
        Object.entries(l.metrics).map(([k, v]) => `${k} ${v}`).join(', '),
        l.failing.map((f) => `${f.id}${f.score === null ? '' : ` (${Math.round(f.score * 100)})`}`).join(', ') || 'none',
      ]);
      out.push('', `Lighthouse ${browser.lighthouse[0]?.lighthouseVersion ?? ''} (mobile, simulated throttling), median of ${o.lighthouseRuns} run(s):`);
      out.push(table(['page', 'performance', 'accessibility', 'best practices', 'metrics', 'audits below 90'], lighthouseRows));
    }
    const budgetRows = checks.map((c) => [c.budget, c.measured, c.pass ? 'pass' : 'MISS']);
    out.push('', 'Budgets:', table(['budget', 'measured', 'result'], budgetRows));
    const misses = checks.filter((c) => !c.pass).length;
    out.push('', `${checks.length - misses} budgets pass, ${misses} missed. The benchmark took ${seconds((performance.now() - started) / 1000)}.`);
    console.log(out.join('\n'));

    const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
    if (o.markdown) {
      const md: string[] = [];
      md.push(`Measured with \`${command}\` on ${new Date().toISOString().slice(0, 10)}. ${conditions}`, '');
      if (peerTable) md.push('The peer workload (copies of the real Chelmsford plan), beside Eleventy 2 + x-govuk + Pagefind:', '', markdownTable(peerTable.headings, peerTable.rows), '');
      md.push(markdownTable(scaling.headings, scaling.rows), '', peakText);
      if (browser) {
        md.push('', `Page weight on the ${largest.plans}-plan site, first load, bytes transferred with gzip:`, '');
        md.push(markdownTable(['page', ...WEIGHT_KINDS, 'total', 'without fonts', 'requests', 'render-blocking JS'], weightRows));
        md.push('', 'Search on the search page (medians; bytes as a gzipping host sends them):', '');
        md.push(markdownTable(['query', 'first results', 'bytes before them', 'requests', 'counts final', 'all bytes', 'status'], searchRows));
        md.push('', "Search through Pagefind's API (medians):", '');
        md.push(markdownTable(['query', 'first results', 'transferred', 'requests', 'results'], apiRows));
        md.push('', 'Lighthouse (mobile, simulated throttling):', '');
        md.push(markdownTable(['page', 'performance', 'accessibility', 'best practices', 'metrics', 'audits below 90'], lighthouseRows));
      }
      md.push('', 'Budgets:', '', markdownTable(['budget', 'measured', 'result'], budgetRows), '');
      fs.writeFileSync(o.markdown, md.join('\n'));
      say(`Wrote ${o.markdown}.`);
    }
    if (o.json) {
      const json = {
        command,
        date: new Date().toISOString(),
        environment: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryBytes: os.totalmem(), load, chromium: browser?.chromium },
        seed: o.seed,
        sizes: results.map((r) => ({
          plans: r.plans,
          estate: r.estate,
          generateSeconds: r.generateSeconds,
          build: { seconds: r.build.seconds, phases: r.build.phases, timings: r.build.timings, memory: { ...r.build.tree, timeline: undefined }, memoryTimelineMB: r.build.tree.timeline },
          site: r.site,
        })),
        marginal: figures.marginal,
        peer: peerRunsDone,
        browser: browser && {
          pages: browser.pages.map((p) => ({ ...p, weight: { ...p.weight, resources: p.weight.resources } })),
          searchPage: Object.fromEntries(Object.entries(browser.searchPage).map(([k, v]) => [k, { ...v, runs: v.runs }])),
          searchApi: browser.searchApi,
          lighthouse: browser.lighthouse,
        },
        budgets: checks,
      };
      fs.writeFileSync(o.json, `${JSON.stringify(json, null, 2)}\n`);
      say(`Wrote ${o.json}.`);
    }
  } finally {
    if (o.keep) say(`Kept ${work}: the estates, the built sites and the build logs.`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof EstateError ? error.message : error);
  process.exit(1);
});
