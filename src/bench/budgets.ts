/**
 * The budgets, checked on the benchmark's figures (never as timed tests). Pure: the
 * figures go in, one line per budget comes out, with the value measured and pass or miss.
 */
import { count, kB, ms, seconds } from './format.ts';

export const BUDGETS = {
  buildSeconds: 60,
  buildMemoryBytes: 1.5e9,
  marginalMsPerPlan: 20,
  planPageBytes: 60_000,
  searchWarmMs: 150,
  searchBytes: 150_000,
  lighthousePerformance: 98,
  lighthouseAccessibility: 100,
  lighthouseBestPractices: 95,
} as const;

/** Issue 11's budgets on the peer workload (copies of the real plan), beside Eleventy + Pagefind. */
export const PEER_BUDGETS = {
  wallRatio: 0.8,
  cpuRatio: 0.8,
  peakBytes: 0.9e9,
  marginalMsPerPlan: 20,
  outputBytes: 150e6,
} as const;

/** What the budgets are checked on; anything not measured (a run without the browser) is left out. */
export interface BudgetFigures {
  /** The largest size built (the budgets are for 600 plans). */
  plans: number;
  /** Wall seconds of `npm run build` at that size: validate + build + index. */
  buildSeconds: number;
  /** The peak of all the build's processes' memory together, in bytes. */
  buildPeakBytes: number;
  /** Milliseconds per plan between the two largest sizes, and those sizes. */
  marginal?: { msPerPlan: number; from: number; to: number };
  /** The plan page's weight, compressed, without fonts, and which page. */
  planPage?: { bytes: number; path: string };
  /** Render-blocking scripts found on each page measured. */
  renderBlocking?: { page: string; scripts: string[] }[];
  /** Search, by query: time to first results and bytes fetched. */
  search?: { label: string; warm: boolean; ms: number; bytes: number }[];
  lighthouse?: { page: string; performance: number; accessibility: number; bestPractices: number }[];
  /** The peer workload at its largest size: our figures, and the medians of the per-round ratios to the peer's (when it ran). */
  peer?: {
    plans: number;
    peakBytes: number;
    outputBytes: number;
    marginal?: { msPerPlan: number; from: number; to: number };
    rounds: number;
    wallRatio?: number;
    cpuRatio?: number;
  };
}

export interface BudgetCheck {
  budget: string;
  measured: string;
  pass: boolean;
}

export function checkBudgets(f: BudgetFigures): BudgetCheck[] {
  const checks: BudgetCheck[] = [
    {
      budget: `${f.plans} plans: validate + build + index under ${BUDGETS.buildSeconds} s`,
      measured: seconds(f.buildSeconds),
      pass: f.buildSeconds < BUDGETS.buildSeconds,
    },
    {
      budget: `${f.plans} plans: peak memory under ${BUDGETS.buildMemoryBytes / 1e9} GB (all processes together)`,
      measured: `${count(f.buildPeakBytes / 1e6)} MB`,
      pass: f.buildPeakBytes < BUDGETS.buildMemoryBytes,
    },
  ];
  if (f.marginal) {
    checks.push({
      budget: `marginal cost under ${BUDGETS.marginalMsPerPlan} ms per plan (${f.marginal.from} to ${f.marginal.to} plans)`,
      measured: `${f.marginal.msPerPlan.toFixed(1)} ms`,
      pass: f.marginal.msPerPlan < BUDGETS.marginalMsPerPlan,
    });
  }
  if (f.planPage) {
    checks.push({
      budget: `plan page under ${BUDGETS.planPageBytes / 1000} kB compressed, excluding fonts (${f.planPage.path})`,
      measured: kB(f.planPage.bytes),
      pass: f.planPage.bytes < BUDGETS.planPageBytes,
    });
  }
  if (f.renderBlocking) {
    const blocking = f.renderBlocking.flatMap((p) => p.scripts.map((s) => `${p.page}: ${s}`));
    checks.push({
      budget: `no render-blocking JavaScript (${f.renderBlocking.map((p) => p.page).join(', ')})`,
      measured: blocking.length ? blocking.join(', ') : 'none',
      pass: blocking.length === 0,
    });
  }
  for (const q of f.search ?? []) {
    if (q.warm) {
      checks.push({ budget: `search, ${q.label}: first results in at most ${BUDGETS.searchWarmMs} ms`, measured: ms(q.ms), pass: q.ms <= BUDGETS.searchWarmMs });
    }
    checks.push({
      budget: `search, ${q.label}: at most ${BUDGETS.searchBytes / 1000} kB fetched before the first results`,
      measured: kB(q.bytes),
      pass: q.bytes <= BUDGETS.searchBytes,
    });
  }
  for (const l of f.lighthouse ?? []) {
    checks.push(
      { budget: `Lighthouse performance at least ${BUDGETS.lighthousePerformance} (${l.page})`, measured: String(l.performance), pass: l.performance >= BUDGETS.lighthousePerformance },
      {
        budget: `Lighthouse accessibility ${BUDGETS.lighthouseAccessibility} (${l.page})`,
        measured: String(l.accessibility),
        pass: l.accessibility >= BUDGETS.lighthouseAccessibility,
      },
      {
        budget: `Lighthouse best practices at least ${BUDGETS.lighthouseBestPractices} (${l.page})`,
        measured: String(l.bestPractices),
        pass: l.bestPractices >= BUDGETS.lighthouseBestPractices,
      },
    );
  }
  if (f.peer) checks.push(...peerChecks(f.peer));
  return checks;
}

function peerChecks(p: NonNullable<BudgetFigures['peer']>): BudgetCheck[] {
  const work = `${p.plans} copies of the real plan`;
  const checks: BudgetCheck[] = [];
  if (p.wallRatio !== undefined) {
    checks.push({
      budget: `${work}: wall time at most ${PEER_BUDGETS.wallRatio}× the peer's (median of ${p.rounds} rounds)`,
      measured: `${p.wallRatio.toFixed(2)}×`,
      pass: p.wallRatio <= PEER_BUDGETS.wallRatio,
    });
  }
  if (p.cpuRatio !== undefined) {
    checks.push({
      budget: `${work}: CPU time at most ${PEER_BUDGETS.cpuRatio}× the peer's (median of ${p.rounds} rounds)`,
      measured: `${p.cpuRatio.toFixed(2)}×`,
      pass: p.cpuRatio <= PEER_BUDGETS.cpuRatio,
    });
  }
  checks.push({
    budget: `${work}: peak memory at most ${PEER_BUDGETS.peakBytes / 1e9} GB (all processes, highest round)`,
    measured: `${count(p.peakBytes / 1e6)} MB`,
    pass: p.peakBytes <= PEER_BUDGETS.peakBytes,
  });
  if (p.marginal) {
    checks.push({
      budget: `${work}: each further plan at most ${PEER_BUDGETS.marginalMsPerPlan} ms (${p.marginal.from} to ${p.marginal.to}, median)`,
      measured: `${p.marginal.msPerPlan.toFixed(1)} ms`,
      pass: p.marginal.msPerPlan <= PEER_BUDGETS.marginalMsPerPlan,
    });
  }
  checks.push({
    budget: `${work}: output at most ${PEER_BUDGETS.outputBytes / 1e6} MB`,
    measured: `${count(p.outputBytes / 1e6)} MB`,
    pass: p.outputBytes <= PEER_BUDGETS.outputBytes,
  });
  return checks;
}
