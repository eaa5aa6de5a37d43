/**
 * Search benchmark: how the site's Pagefind search behaves at the scale of the whole estate.
 *
 *   npx tsx scripts/bench-search.ts [--plans 500] [--seed 1] [--runs 5] [--json out.json] [--keep]
 *
 * 1. Generates a fictional estate of --plans plans (scripts/generate-estate.ts) into a temporary folder.
 * 2. Builds it and the real content/ with `npm run build -- --out-dir <tmp>` (ACTION_PLANS_CONTENT).
 * 3. For each site reports pages built, search records, the size of pagefind/ by kind of file, and,
 *    in Chromium, the time to first results and the bytes fetched for a term query and a filter-only
 *    query, cold (first query in a fresh browser context) and warm (another query in the same page).
 *    Each measurement runs --runs times; the median is reported, with the ratio estate / real.
 *
 * The queries use Pagefind's JavaScript API directly from /about/, so they do not depend on the
 * search page. Bytes are the bodies of responses from /pagefind/ (the static server does not
 * compress; Pagefind's index files are gzip-compressed by Pagefind itself).
 *
 * --term and --warm-term change the two term queries (default "self-harm", then "use of force").
 * --keep leaves the temporary folder (estate, built sites, build logs) and prints where it is;
 * --reuse DIR measures the sites a --keep run left in DIR without generating or building again.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import type { Browser, Page, Request } from 'playwright-core';
import { EstateError, generateEstate, PROJECT_ROOT, REAL_CONTENT, type EstateSummary } from '../src/bench/estate.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { serve, sitePages } from '../tests/support/serve.ts';

// ---------------------------------------------------------------------------------------------
// Options

const USAGE =
  'Usage: npx tsx scripts/bench-search.ts [--plans 500] [--seed 1] [--runs 5] [--json out.json] [--keep] [--reuse DIR] [--term self-harm] [--warm-term "use of force"]';
const { values } = parseArgs({
  options: {
    plans: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '5' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
    term: { type: 'string', default: 'self-harm' },
    'warm-term': { type: 'string', default: 'use of force' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const whole = (name: string, v: string, min: number) => {
  if (!/^\d+$/.test(v) || Number(v) < min) {
    console.error(`--${name} must be a whole number of ${min} or more, not "${v}".\n${USAGE}`);
    process.exit(2);
  }
  return Number(v);
};
const PLANS = whole('plans', values.plans!, 1);
const SEED = whole('seed', values.seed!, 0);
const RUNS = whole('runs', values.runs!, 1);

/** The issue's targets, at 500 plans. */
const TARGET_MS = 300;
const TARGET_BYTES = 300_000;
const TARGET_PLANS = 500;

const QUERIES = {
  term: { cold: values.term!, warm: values['warm-term']! },
  filter: { cold: { category: { any: ['Priority'] } }, warm: { category: { any: ['Key'] } } },
} as const;

// ---------------------------------------------------------------------------------------------
// Small helpers

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : '–');
const say = (message: string) => console.log(`[bench] ${message}`);

function table(headings: string[], rows: (string | number)[][]): string {
  const cells = [headings, ...rows.map((r) => r.map(String))];
  const widths = headings.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Files below `dir`: their size, and the space they take on disk (whole blocks). */
function filesBelow(dir: string): { rel: string; bytes: number; diskBytes: number }[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((rel) => ({ rel: rel.split(path.sep).join('/'), stat: fs.statSync(path.join(dir, rel)) }))
    .filter((f) => f.stat.isFile())
    .map((f) => ({ rel: f.rel, bytes: f.stat.size, diskBytes: f.stat.blocks * 512 }));
}

/** The kind of a file of Pagefind's bundle, by its path below pagefind/. */
function pagefindKind(rel: string): string {
  if (rel.startsWith('index/')) return 'index chunks (index/*.pf_index)';
  if (rel.startsWith('fragment/')) return 'result fragments (fragment/*.pf_fragment)';
  if (rel.startsWith('filter/')) return 'filter chunks (filter/*.pf_filter)';
  if (rel.endsWith('.pf_meta')) return 'metadata (*.pf_meta)';
  if (/^wasm\..*\.pagefind$/.test(rel)) return 'WebAssembly (wasm.*.pagefind)';
  if (rel === 'pagefind.js' || rel === 'pagefind-worker.js') return 'JavaScript API and worker';
  if (rel === 'pagefind-entry.json') return 'entry (pagefind-entry.json)';
  return 'other';
}

// ---------------------------------------------------------------------------------------------
// Building

interface BuildReport {
  content: string;
  seconds: number;
  /** Seconds per build step, from the times the build log's lines appeared. */
  steps: { step: string; seconds: number }[];
  /** Rendering time per page route (src/pages/...), slowest first. */
  routes: { route: string; pages: number; seconds: number }[];
  indexedRecords?: number;
  indexMs?: number;
  maxRssMB?: number;
  cpuSeconds?: number;
  log: string;
}

/** `npm run build -- --out-dir outDir` with ACTION_PLANS_CONTENT=contentDir; the log is kept with each line's time. */
function build(contentDir: string, outDir: string, logFile: string): Promise<BuildReport> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const npmArgs = ['run', 'build', '--', '--out-dir', outDir];
  const [command, args] = timeBin ? [timeBin, ['-f', 'BENCH_TIME %e %U %S %M', 'npm', ...npmArgs]] : ['npm', npmArgs];
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ACTION_PLANS_CONTENT: contentDir, FORCE_COLOR: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: { t: number; text: string }[] = [];
  const log = fs.createWriteStream(logFile);
  const addLine = (text: string) => {
    if (!text.trim()) return;
    const t = elapsed();
    lines.push({ t, text });
    log.write(`[${t.toFixed(1).padStart(6)} s] ${text}\n`);
  };
  // Astro writes some lines in pieces: a line is taken only once its newline has arrived.
  const reader = () => {
    let rest = '';
    return {
      data: (chunk: Buffer) => {
        const parts = (rest + chunk.toString('utf8')).split('\n');
        rest = parts.pop()!;
        parts.forEach(addLine);
      },
      end: () => addLine(rest),
    };
  };
  const out = reader();
  const err = reader();
  child.stdout.on('data', out.data);
  child.stderr.on('data', err.data);
  const heartbeat = setInterval(() => say(`  ... still building (${Math.round(elapsed())} s; log: ${logFile})`), 60_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(heartbeat);
      out.end();
      err.end();
      log.end();
      const seconds = elapsed();
      const text = lines.map((l) => l.text).join('\n');
      if (status !== 0) {
        reject(new Error(`The build of ${contentDir} failed (exit ${status}); its log is in ${logFile}:\n${text.split('\n').slice(-30).join('\n')}`));
        return;
      }
      // Each step runs from the line that starts it to the line that starts the next one.
      const at = (re: RegExp, from = 0) => {
        const i = lines.findIndex((l, j) => j >= from && re.test(l.text));
        return i < 0 ? undefined : i;
      };
      const routes = at(/generating static routes/);
      const routesDone = routes === undefined ? undefined : at(/✓ Completed in/, routes);
      const time = (i: number | undefined) => (i === undefined ? undefined : lines[i]!.t);
      const marks: [string, number | undefined][] = [
        ['start, config and content validation', 0],
        ['server build of the pages (vite)', time(at(/Building static entrypoints/))],
        ['client build (vite)', time(at(/building client/))],
        ['rendering the pages', time(routes)],
        ['search index (Pagefind) and assets', time(routesDone)],
        ['moving the site into place', time(at(/\[build\] Complete!/))],
      ];
      marks.push(['end', seconds]);
      const known = marks.filter((m): m is [string, number] => m[1] !== undefined);
      const steps = known.slice(0, -1).map(([step, t], i) => ({ step, seconds: known[i + 1]![1] - t }));
      const routeTimes: BuildReport['routes'] = [];
      if (routes !== undefined && routesDone !== undefined) {
        for (let i = routes; i < routesDone; i++) {
          const header = /[▶λ] (src\/pages\/\S+)/.exec(lines[i]!.text);
          if (header) routeTimes.push({ route: header[1]!, pages: 0, seconds: -lines[i]!.t });
          else if (/\(\+[\d.]+m?s\)/.test(lines[i]!.text) && routeTimes.length) routeTimes[routeTimes.length - 1]!.pages += 1;
          const next = lines[i + 1]!;
          if (routeTimes.length && (i + 1 === routesDone || /[▶λ] src\/pages\//.test(next.text))) {
            const last = routeTimes[routeTimes.length - 1]!;
            if (last.seconds < 0) last.seconds += next.t;
          }
        }
        routeTimes.sort((a, b) => b.seconds - a.seconds);
      }
      const indexed = /Indexed (\d+) search records in (\d+) ms/.exec(text);
      const timed = /BENCH_TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(text);
      resolve({
        content: contentDir,
        seconds,
        steps,
        routes: routeTimes,
        ...(indexed ? { indexedRecords: Number(indexed[1]), indexMs: Number(indexed[2]) } : {}),
        ...(timed ? { cpuSeconds: Number(timed[2]) + Number(timed[3]), maxRssMB: Math.round(Number(timed[4]) / 1024) } : {}),
        log: logFile,
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// What is on disk

interface SiteFigures {
  pages: number;
  records: number;
  siteBytes: number;
  largestFiles: { file: string; bytes: number }[];
  siteDiskBytes: number;
  pagefind: { bytes: number; diskBytes: number; files: number; kinds: { kind: string; files: number; bytes: number; largest: number }[] };
}

function siteFigures(siteDir: string): SiteFigures {
  const all = filesBelow(siteDir);
  const pf = filesBelow(path.join(siteDir, 'pagefind'));
  const kinds = new Map<string, { kind: string; files: number; bytes: number; largest: number }>();
  for (const f of pf) {
    const kind = pagefindKind(f.rel);
    const k = kinds.get(kind) ?? { kind, files: 0, bytes: 0, largest: 0 };
    k.files += 1;
    k.bytes += f.bytes;
    k.largest = Math.max(k.largest, f.bytes);
    kinds.set(kind, k);
  }
  const entry = JSON.parse(fs.readFileSync(path.join(siteDir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return {
    pages: sitePages(siteDir).length,
    records: Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0),
    siteBytes: all.reduce((n, f) => n + f.bytes, 0),
    siteDiskBytes: all.reduce((n, f) => n + f.diskBytes, 0),
    largestFiles: [...all].sort((a, b) => b.bytes - a.bytes).slice(0, 5).map((f) => ({ file: f.rel, bytes: f.bytes })),
    pagefind: {
      bytes: pf.reduce((n, f) => n + f.bytes, 0),
      diskBytes: pf.reduce((n, f) => n + f.diskBytes, 0),
      files: pf.length,
      kinds: [...kinds.values()].sort((a, b) => b.bytes - a.bytes),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// In the browser

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

/** Every response from /pagefind/ the page (and its Pagefind worker) receives. */
class Tracker {
  fetched: Fetched[] = [];
  private inflight = 0;
  private pending = new Set<Promise<void>>();

  constructor(page: Page, private readonly prefix: string) {
    const mine = (r: Request) => new URL(r.url()).pathname.startsWith(prefix);
    page.on('request', (r) => {
      if (mine(r)) this.inflight++;
    });
    page.on('requestfailed', (r) => {
      if (mine(r)) this.inflight--;
    });
    page.on('requestfinished', (r) => {
      if (!mine(r)) return;
      const p = this.record(r).finally(() => {
        this.inflight--;
        this.pending.delete(p);
      });
      this.pending.add(p);
    });
  }

  private async record(request: Request) {
    const response = await request.response();
    const body = await response?.body().catch(() => undefined);
    const sizes = await request.sizes().catch(() => undefined);
    const rel = new URL(request.url()).pathname.slice(this.prefix.length);
    this.fetched.push({
      url: request.url(),
      kind: pagefindKind(rel),
      status: response?.status() ?? 0,
      bodyBytes: body?.length ?? 0,
      transferBytes: sizes?.responseBodySize ?? 0,
      headerBytes: sizes?.responseHeadersSize ?? 0,
      gzipHostBytes: !body ? 0 : body[0] === 0x1f && body[1] === 0x8b ? body.length : Math.min(body.length, zlib.gzipSync(body).length),
      contentEncoding: (await response?.allHeaders())?.['content-encoding'] ?? null,
    });
  }

  /** Waits until no request from /pagefind/ is in flight or being recorded, twice 100 ms apart. */
  async settle() {
    for (let quiet = 0; quiet < 2; ) {
      await Promise.all(this.pending);
      await new Promise((r) => setTimeout(r, 100));
      quiet = this.inflight === 0 && this.pending.size === 0 ? quiet + 1 : 0;
    }
  }

  take(): Fetched[] {
    const out = this.fetched;
    this.fetched = [];
    return out;
  }
}

type QueryName = 'term-cold' | 'term-warm' | 'filter-cold' | 'filter-warm';
const QUERY_NAMES: QueryName[] = ['term-cold', 'term-warm', 'filter-cold', 'filter-warm'];
const QUERY_LABELS: Record<QueryName, string> = {
  'term-cold': `term "${QUERIES.term.cold}", cold`,
  'term-warm': `term "${QUERIES.term.warm}", warm`,
  'filter-cold': 'filter category=Priority, cold (with filters())',
  'filter-warm': 'filter category=Key, warm',
};

interface Measurement {
  ms: number;
  phases: Record<string, number>;
  results: number;
  first: string[];
  bytes: number;
  transferBytes: number;
  gzipHostBytes: number;
  requests: number;
  byKind: Record<string, { requests: number; bytes: number }>;
  contentEncodings: string[];
}

async function measureOnce(browser: Browser, siteUrl: string, kind: 'term' | 'filter'): Promise<Record<string, Measurement>> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const base = new URL(siteUrl).pathname;
    const tracker = new Tracker(page, `${base}pagefind/`);
    await page.goto(new URL('about/', siteUrl).href, { waitUntil: 'load' });
    await page.evaluate(IN_PAGE);
    await tracker.settle();
    tracker.take();
    const out: Record<string, Measurement> = {};
    for (const phase of ['cold', 'warm'] as const) {
      const o =
        kind === 'term'
          ? { bundle: `${base}pagefind/pagefind.js`, term: QUERIES.term[phase], filters: null, loadFilters: false }
          : { bundle: `${base}pagefind/pagefind.js`, term: null, filters: QUERIES.filter[phase], loadFilters: phase === 'cold' };
      const result = (await page.evaluate(`window.__bench.run(${JSON.stringify(o)})`)) as Omit<Measurement, 'bytes' | 'transferBytes' | 'gzipHostBytes' | 'requests' | 'byKind' | 'contentEncodings'>;
      await tracker.settle();
      const fetched = tracker.take();
      const byKind: Measurement['byKind'] = {};
      for (const f of fetched) {
        const k = (byKind[f.kind] ??= { requests: 0, bytes: 0 });
        k.requests += 1;
        k.bytes += f.bodyBytes;
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

interface Summary {
  ms: number;
  bytes: number;
  transferBytes: number;
  gzipHostBytes: number;
  requests: number;
  results: number;
  phases: Record<string, number>;
  byKind: Record<string, { requests: number; bytes: number }>;
  runs: Measurement[];
}

function summarise(runs: Measurement[]): Summary {
  const phaseNames = [...new Set(runs.flatMap((r) => Object.keys(r.phases)))];
  const kinds = [...new Set(runs.flatMap((r) => Object.keys(r.byKind)))];
  return {
    ms: median(runs.map((r) => r.ms)),
    bytes: median(runs.map((r) => r.bytes)),
    transferBytes: median(runs.map((r) => r.transferBytes)),
    gzipHostBytes: median(runs.map((r) => r.gzipHostBytes)),
    requests: median(runs.map((r) => r.requests)),
    results: median(runs.map((r) => r.results)),
    phases: Object.fromEntries(phaseNames.map((p) => [p, median(runs.map((r) => r.phases[p] ?? 0))])),
    byKind: Object.fromEntries(
      kinds.map((k) => [k, { requests: median(runs.map((r) => r.byKind[k]?.requests ?? 0)), bytes: median(runs.map((r) => r.byKind[k]?.bytes ?? 0)) }]),
    ),
    runs,
  };
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const work = values.reuse ? path.resolve(values.reuse) : fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
  const keep = values.keep || !!values.reuse;
  const estateDir = path.join(work, 'estate');
  const sites = { real: path.join(work, 'real-site'), estate: path.join(work, 'estate-site') };
  const buildsFile = path.join(work, 'builds.json');
  say(`Working folder: ${work}${keep ? ' (kept)' : ' (deleted at the end; --keep to keep it)'}`);

  let estate: EstateSummary & { seconds?: number };
  let builds: { real: BuildReport; estate: BuildReport };
  try {
    if (values.reuse) {
      ({ estate, builds } = JSON.parse(fs.readFileSync(buildsFile, 'utf8')));
      say(`Reusing the sites built in ${work} (${estate.plans} plans, seed ${estate.seed}).`);
    } else {
      let started = performance.now();
      estate = generateEstate({ plans: PLANS, seed: SEED, out: estateDir });
      estate.seconds = (performance.now() - started) / 1000;
      say(
        `Generated a fictional estate in ${estate.seconds.toFixed(1)} s: ${estate.establishments} establishments, ${estate.plans} plans ` +
          `(${estate.formats.concerns} concerns format, ${estate.formats.recommendations} recommendations format), ${estate.concerns} concerns, ${estate.actions} actions.`,
      );
      say('Building the real content ...');
      const real = await build(REAL_CONTENT, sites.real, path.join(work, 'real-build.log'));
      say(`  built in ${real.seconds.toFixed(1)} s.`);
      say(`Building the estate of ${estate.plans} plans ...`);
      started = performance.now();
      const built = await build(estateDir, sites.estate, path.join(work, 'estate-build.log'));
      say(`  built in ${built.seconds.toFixed(1)} s.`);
      builds = { real, estate: built };
      fs.writeFileSync(buildsFile, JSON.stringify({ estate, builds }, null, 2));
    }

    const figures = { real: siteFigures(sites.real), estate: siteFigures(sites.estate) };

    say(`Measuring search in Chromium, ${RUNS} runs ...`);
    const loadBefore = os.loadavg()[0]!;
    const browser = await launchBrowser();
    const servers = { real: await serve(sites.real), estate: await serve(sites.estate) };
    const raw: Record<'real' | 'estate', Record<QueryName, Measurement[]>> = {
      real: { 'term-cold': [], 'term-warm': [], 'filter-cold': [], 'filter-warm': [] },
      estate: { 'term-cold': [], 'term-warm': [], 'filter-cold': [], 'filter-warm': [] },
    };
    let browserVersion = '';
    try {
      browserVersion = browser.version();
      // Runs alternate between the sites, so any drift in the machine's speed falls on both.
      for (let run = 1; run <= RUNS; run++) {
        for (const site of ['real', 'estate'] as const) {
          for (const kind of ['term', 'filter'] as const) {
            const m = await measureOnce(browser, servers[site].url, kind);
            for (const [name, value] of Object.entries(m)) raw[site][name as QueryName].push(value);
          }
        }
        say(`  run ${run}/${RUNS} done`);
      }
    } finally {
      await browser.close();
      await Promise.all([servers.real.close(), servers.estate.close()]);
    }
    const load = { before: loadBefore, after: os.loadavg()[0]! };
    const results = {
      real: Object.fromEntries(QUERY_NAMES.map((q) => [q, summarise(raw.real[q])])) as Record<QueryName, Summary>,
      estate: Object.fromEntries(QUERY_NAMES.map((q) => [q, summarise(raw.estate[q])])) as Record<QueryName, Summary>,
    };
    const encodings = [...new Set(Object.values(raw).flatMap((s) => Object.values(s).flat().flatMap((m) => m.contentEncodings)))];

    // Targets: at 500 plans, first results under 300 ms on a warm page and under 300 kB per query.
    const checks = [
      ...(['term-warm', 'filter-warm'] as const).map((q) => ({
        check: `${QUERY_LABELS[q]}: first results < ${TARGET_MS} ms`,
        value: ms(results.estate[q].ms),
        pass: results.estate[q].ms < TARGET_MS,
      })),
      ...QUERY_NAMES.map((q) => ({
        check: `${QUERY_LABELS[q]}: fetched < ${TARGET_BYTES / 1000} kB`,
        value: kB(results.estate[q].bytes),
        pass: results.estate[q].bytes < TARGET_BYTES,
      })),
    ];

    // ---- Report
    const out: string[] = [];
    out.push('', `Search benchmark: real content vs a generated estate of ${estate.plans} plans (seed ${estate.seed}), ${RUNS} runs, medians.`);
    out.push(`Chromium ${browserVersion}, Node ${process.version}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 1e9)} GB; localhost, no network throttling.`);
    out.push(`Load average (1 min) ${load.before.toFixed(1)} before and ${load.after.toFixed(1)} after the browser runs: above ${os.cpus().length}, other work was competing for the CPUs and times are inflated.`);
    out.push('', 'Builds (npm run build):');
    out.push(
      table(
        ['', 'real', 'estate'],
        [
          ['wall time', `${builds.real.seconds.toFixed(1)} s`, `${builds.estate.seconds.toFixed(1)} s`],
          ['CPU time (user+sys)', builds.real.cpuSeconds?.toFixed(1) ?? '?', builds.estate.cpuSeconds?.toFixed(1) ?? '?'],
          ['peak memory of one process', `${builds.real.maxRssMB ?? '?'} MB`, `${builds.estate.maxRssMB ?? '?'} MB`],
          ...builds.estate.steps.map((s) => [
            `  ${s.step}`,
            `${(builds.real.steps.find((r) => r.step === s.step)?.seconds ?? 0).toFixed(1)} s`,
            `${s.seconds.toFixed(1)} s`,
          ]),
          ['Pagefind indexing (its own log line)', ms(builds.real.indexMs ?? 0), ms(builds.estate.indexMs ?? 0)],
          ...builds.estate.routes.slice(0, 6).map((r) => [
            `  rendering ${r.route} (${r.pages} pages)`,
            `${(builds.real.routes.find((x) => x.route === r.route)?.seconds ?? 0).toFixed(1)} s`,
            `${r.seconds.toFixed(1)} s`,
          ]),
        ],
      ),
    );
    out.push('', 'Sites:');
    out.push(
      table(
        ['', 'real', 'estate', 'estate/real'],
        [
          ['pages built', figures.real.pages, figures.estate.pages, ratio(figures.estate.pages, figures.real.pages)],
          ['search records', figures.real.records, figures.estate.records, ratio(figures.estate.records, figures.real.records)],
          ['site (sum of file sizes)', MB(figures.real.siteBytes), MB(figures.estate.siteBytes), ratio(figures.estate.siteBytes, figures.real.siteBytes)],
          ['site (disk space used)', MB(figures.real.siteDiskBytes), MB(figures.estate.siteDiskBytes), ratio(figures.estate.siteDiskBytes, figures.real.siteDiskBytes)],
          ['pagefind/ (sum of file sizes)', MB(figures.real.pagefind.bytes), MB(figures.estate.pagefind.bytes), ratio(figures.estate.pagefind.bytes, figures.real.pagefind.bytes)],
          ['pagefind/ (disk space used)', MB(figures.real.pagefind.diskBytes), MB(figures.estate.pagefind.diskBytes), ratio(figures.estate.pagefind.diskBytes, figures.real.pagefind.diskBytes)],
          ['pagefind/ files', figures.real.pagefind.files, figures.estate.pagefind.files, ratio(figures.estate.pagefind.files, figures.real.pagefind.files)],
          ...figures.estate.pagefind.kinds.map((k) => {
            const r = figures.real.pagefind.kinds.find((x) => x.kind === k.kind);
            return [
              `  ${k.kind}`,
              r ? `${kB(r.bytes)} in ${r.files} (max ${kB(r.largest)})` : '–',
              `${kB(k.bytes)} in ${k.files} (max ${kB(k.largest)})`,
              r ? ratio(k.bytes, r.bytes) : '–',
            ];
          }),
        ],
      ),
    );
    out.push(`Largest files of the estate site: ${figures.estate.largestFiles.map((f) => `${f.file} ${MB(f.bytes)}`).join(', ')}.`);
    out.push('', 'Search, time to first results (search() and the first 10 result.data() resolved) and bytes fetched from /pagefind/:');
    out.push(
      table(
        ['query', 'real ms', 'estate ms', 'ratio', 'real bytes', 'estate bytes', 'ratio', 'estate, gzip host', 'estate requests', 'results (real / estate)'],
        QUERY_NAMES.map((q) => [
          QUERY_LABELS[q],
          ms(results.real[q].ms),
          ms(results.estate[q].ms),
          ratio(results.estate[q].ms, results.real[q].ms),
          kB(results.real[q].bytes),
          kB(results.estate[q].bytes),
          ratio(results.estate[q].bytes, results.real[q].bytes),
          kB(results.estate[q].gzipHostBytes),
          results.estate[q].requests,
          `${results.real[q].results} / ${results.estate[q].results}`,
        ]),
      ),
    );
    out.push('', 'Where the estate\'s time and bytes go (medians):');
    out.push(
      table(
        ['query', 'phases', 'bytes by kind'],
        QUERY_NAMES.map((q) => [
          QUERY_LABELS[q],
          Object.entries(results.estate[q].phases).map(([p, v]) => `${p} ${Math.round(v)}`).join(', '),
          Object.entries(results.estate[q].byKind)
            .sort((a, b) => b[1].bytes - a[1].bytes)
            .map(([k, v]) => `${k.replace(/ \(.*\)/, '')} ${kB(v.bytes)}/${v.requests}`)
            .join(', '),
        ]),
      ),
    );
    out.push(
      `Content-Encoding of the responses: ${encodings.join(', ')}. The test server does not compress; Pagefind's .pf_* and wasm files are gzip already, ` +
        'its two .js files are not: "gzip host" is what a host that gzips them (as GitHub Pages does) would send.',
    );
    out.push('', `Targets (the issue's, at ${TARGET_PLANS} plans; estate figures${estate.plans === TARGET_PLANS ? '' : `, but this estate has ${estate.plans} plans`}):`);
    out.push(table(['target', 'estate', 'result'], checks.map((c) => [c.check, c.value, c.pass ? 'PASS' : 'FAIL'])));
    console.log(out.join('\n'));

    if (values.json) {
      const json = {
        command: `npx tsx scripts/bench-search.ts ${process.argv.slice(2).join(' ')}`.trim(),
        date: new Date().toISOString(),
        environment: { node: process.version, chromium: browserVersion, cpus: os.cpus().length, memoryBytes: os.totalmem(), loadAverage: load },
        runs: RUNS,
        queries: QUERIES,
        targets: { plans: TARGET_PLANS, warmFirstResultsMs: TARGET_MS, bytesPerQuery: TARGET_BYTES },
        estate,
        builds,
        sites: figures,
        contentEncodings: encodings,
        results,
        checks,
      };
      fs.writeFileSync(values.json, `${JSON.stringify(json, null, 2)}\n`);
      say(`Wrote ${values.json}.`);
    }
  } finally {
    if (keep) say(`Kept ${work}: the estate, both built sites and the build logs (measure again with --reuse ${work}).`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof EstateError ? error.message : error);
  process.exit(1);
});
