/**
 * The benchmark's pure helpers (scripts/bench.ts): tables, marginal costs, budget checks, build
 * phases from the build's own timings, /proc parsing, what counts as render-blocking script, and
 * the one-record-a-page variant of the search records that bench:pagefind indexes.
 * No timings are tested here: the budgets are reported by the benchmark, never asserted.
 */
import { describe, expect, it } from 'vitest';
import { BUDGETS, checkBudgets, type BudgetFigures } from '../../src/bench/budgets.ts';
import { buildPhases, type BuildTimings } from '../../src/bench/build.ts';
import { kB, marginal, markdownTable, median, table } from '../../src/bench/format.ts';
import { recordsPerPage } from '../../src/bench/pagefind-alone.ts';
import { parseStat, statusKB } from '../../src/bench/proc.ts';
import { renderBlockingScripts, weightKind } from '../../src/bench/weight.ts';
import type { SearchRecord } from '../../src/search/records.ts';

describe('format', () => {
  it('takes medians of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('aligns a plain-text table: first column left, the rest right', () => {
    expect(table(['', 'a', 'bb'], [['row', 1, 22], ['longer row', 333, 4]])).toBe(
      ['              a  bb', '----------  ---  --', 'row           1  22', 'longer row  333   4'].join('\n'),
    );
  });

  it('writes a Markdown table with escaped pipes and indents as dashes', () => {
    expect(markdownTable(['x', 'y'], [['a|b', 2], ['  part', 3], ['    of part', 4]])).toBe(
      ['| x | y |', '| --- | ---: |', '| a\\|b | 2 |', '| – part | 3 |', '| – – of part | 4 |'].join('\n'),
    );
  });

  it('gives the cost per plan between two sizes', () => {
    expect(marginal({ plans: 60, value: 12 }, { plans: 600, value: 39 })).toBeCloseTo(0.05);
    expect(marginal({ plans: 6, value: 1 }, { plans: 6, value: 2 })).toBeNaN();
    expect(kB(59_999)).toBe('60.0 kB');
  });
});

describe('checkBudgets', () => {
  const passing: BudgetFigures = {
    plans: 600,
    buildSeconds: 59.9,
    buildPeakBytes: 1.49e9,
    marginal: { msPerPlan: 19.9, from: 60, to: 600 },
    planPage: { bytes: 59_999, path: '/plans/x/' },
    renderBlocking: [{ page: 'home', scripts: [] }],
    search: [
      { label: 'term, warm', warm: true, ms: 150, bytes: 150_000 },
      { label: 'term, cold', warm: false, ms: 5000, bytes: 100 },
    ],
    lighthouse: [{ page: '/', performance: 98, accessibility: 100, bestPractices: 95 }],
    // Issue 11's budgets on the peer workload are "at most": their limits pass.
    peer: { plans: 600, peakBytes: 0.9e9, outputBytes: 150e6, marginal: { msPerPlan: 20, from: 60, to: 600 }, rounds: 3, wallRatio: 0.8, cpuRatio: 0.8 },
  };

  it('passes figures just inside every budget, and checks cold searches for bytes only', () => {
    const checks = checkBudgets(passing);
    expect(checks.filter((c) => !c.pass)).toEqual([]);
    expect(checks.filter((c) => c.budget.includes('term, cold'))).toHaveLength(1);
    expect(checks).toHaveLength(2 + 1 + 1 + 1 + 3 + 3 + 5);
    expect(checks.filter((c) => c.budget.startsWith('600 copies of the real plan')).map((c) => c.measured)).toEqual(['0.80×', '0.80×', '900 MB', '20.0 ms', '150 MB']);
  });

  it('misses each budget at its limit', () => {
    const checks = checkBudgets({
      ...passing,
      buildSeconds: BUDGETS.buildSeconds,
      buildPeakBytes: BUDGETS.buildMemoryBytes,
      marginal: { msPerPlan: 20, from: 60, to: 600 },
      planPage: { bytes: 60_000, path: '/plans/x/' },
      renderBlocking: [{ page: 'home', scripts: ['/a.js'] }],
      search: [{ label: 'term, warm', warm: true, ms: 151, bytes: 150_001 }],
      lighthouse: [{ page: '/', performance: 97, accessibility: 99, bestPractices: 94 }],
      peer: { plans: 600, peakBytes: 0.901e9, outputBytes: 150.001e6, marginal: { msPerPlan: 20.1, from: 60, to: 600 }, rounds: 3, wallRatio: 0.81, cpuRatio: 0.81 },
    });
    expect(checks.every((c) => !c.pass)).toBe(true);
    expect(checks.find((c) => c.budget.includes('render-blocking'))?.measured).toBe('home: /a.js');
  });

  it('leaves out what was not measured', () => {
    expect(checkBudgets({ plans: 6, buildSeconds: 1, buildPeakBytes: 1 }).map((c) => c.budget)).toHaveLength(2);
    // Without the peer there are no ratios, but the workload's own budgets are still checked.
    const alone = checkBudgets({ plans: 6, buildSeconds: 1, buildPeakBytes: 1, peer: { plans: 600, peakBytes: 1, outputBytes: 1, rounds: 1 } });
    expect(alone.map((c) => c.budget).filter((b) => b.includes('real plan'))).toEqual([
      `600 copies of the real plan: peak memory at most 0.9 GB (all processes, highest round)`,
      `600 copies of the real plan: output at most 150 MB`,
    ]);
  });
});

describe('buildPhases', () => {
  const timings: BuildTimings = {
    // The build's process started 500 ms after the benchmark spawned npm.
    timeOrigin: 10_500,
    marks: { validateStart: 1500, validateEnd: 3500, indexBegan: 3500, buildStart: 4000, serverBuilt: 6000, indexWritten: 9000, pagesRendered: 9500, downloadsStart: 9500, downloadsEnd: 10_000, indexStart: 10_000, indexEnd: 11_000 },
    counts: {},
    maxRssKB: 0,
  };

  it('splits the wall time into phases on the benchmark clock', () => {
    expect(buildPhases(timings, 10_000, 12)).toEqual({ startup: 2, validate: 2, build: 6.5, render: 3.5, downloads: 0.5, index: 1, indexTotal: 5.5, finish: 0.5 });
  });
});

describe('/proc parsing', () => {
  it('reads CPU ticks after a command name with spaces and parentheses', () => {
    const stat = '1234 (npm run (build)) S 1 1234 1234 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 11 0 100 0 0';
    expect(parseStat(stat)).toEqual({ state: 'S', utimeTicks: 250, stimeTicks: 50 });
  });

  it('reads a kB field of /proc/<pid>/status or smaps_rollup', () => {
    const text = 'Name:\tnode\nVmHWM:\t  912345 kB\nVmRSS:\t  800000 kB\nPss:  1000 kB\nPss_Anon:  900 kB\n';
    expect(statusKB(text, 'VmHWM')).toBe(912_345);
    expect(statusKB(text, 'Pss')).toBe(1000);
    expect(statusKB(text, 'VmSwap')).toBe(0);
  });
});

describe('page weight', () => {
  it('finds classic external scripts without async or defer, and nothing else', () => {
    const html = `<head>
      <script type="module" src="/_astro/page.js"></script>
      <script src="/a.js" defer></script>
      <script async src='/b.js'></script>
      <script type="application/ld+json" src="/data.json"></script>
      <script>document.body.className += ' js-enabled';</script>
      <script src=/blocking.js></script>
      <script type="text/javascript" src="/old.js"></script>
    </head>`;
    expect(renderBlockingScripts(html)).toEqual(['/blocking.js', '/old.js']);
  });

  it('sorts responses into HTML, CSS, JavaScript, fonts and other', () => {
    expect(weightKind('document')).toBe('html');
    expect(weightKind('stylesheet')).toBe('css');
    expect(weightKind('script')).toBe('js');
    expect(weightKind('fetch', 'text/javascript; charset=utf-8')).toBe('js');
    expect(weightKind('font')).toBe('fonts');
    expect(weightKind('other', '', '/assets/fonts/bold.woff2')).toBe('fonts');
    expect(weightKind('fetch', 'application/octet-stream', '/pagefind/wasm.en.pagefind')).toBe('other');
  });
});

describe('recordsPerPage (bench:pagefind)', () => {
  const record = (url: string, content: string, meta: Record<string, string>, filters: SearchRecord['filters']): SearchRecord => ({ url, content, language: 'en', meta, filters });
  const records = [
    record('/establishments/a/', 'HMP A', { title: 'HMP A' }, { type: ['Establishment'] }),
    record('/plans/a-2024/', 'Action plan', { title: 'HMP A, 2024' }, { type: ['Plan'], plan_year: ['2024'] }),
    record('/plans/a-2024/#concern-1', 'First concern', { title: 'Concern 1', owners: 'Governor' }, { type: ['Concern'], status: ['Not started'] }),
    record('/plans/a-2024/#concern-2', 'Second concern', { title: 'Concern 2' }, { type: ['Concern'], status: ['Complete', 'Not started'] }),
  ];

  it("puts each plan's concerns in the plan's record, so the words are the same in one record a page", () => {
    expect(recordsPerPage(records)).toEqual([
      records[0],
      record(
        '/plans/a-2024/',
        'Action plan\nFirst concern\nSecond concern',
        { title: 'HMP A, 2024\nConcern 1\nConcern 2', owners: 'Governor' },
        { type: ['Concern', 'Plan'], plan_year: ['2024'], status: ['Complete', 'Not started'] },
      ),
    ]);
  });

  it('leaves the records it was given as they were', () => {
    recordsPerPage(records);
    expect(records[1]).toEqual(record('/plans/a-2024/', 'Action plan', { title: 'HMP A, 2024' }, { type: ['Plan'], plan_year: ['2024'] }));
  });
});
