/**
 * Watches a process tree through Linux's /proc: the peak of the whole tree's memory (summed over
 * every live process, sampled), each process's own peak (VmHWM), and the CPU time each used. A
 * build is npm, then node running scripts/build.ts, then node running Astro, which starts
 * Pagefind's binary: the budget is for all of it.
 *
 * The tree's memory is the sum of each process's proportional set size (Pss, from smaps_rollup):
 * its private memory plus its share of pages it shares with others. A plain sum of resident sizes
 * would count the Node binary's code, resident in all three node processes, three times. Both are
 * reported.
 *
 * Where /proc is missing (not Linux) the watcher reports nothing rather than guess.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface ProcessFigures {
  pid: number;
  /** The command name (/proc/<pid>/comm), such as "node" or "pagefind_extend". */
  name: string;
  /** The process's own peak resident memory, in kB (VmHWM). */
  peakRssKB: number;
  /** User + system CPU seconds, at the last sample. */
  cpuSeconds: number;
}

export interface TreeFigures {
  /** The highest sum of proportional set sizes over the live processes of the tree at one sample, in kB. */
  peakTreePssKB: number;
  /** The highest plain sum of resident sizes at one sample (shared pages counted in each process), in kB. */
  peakTreeRssKB: number;
  /** Each process's Pss at the sample with the highest sum, in kB: what the peak is made of. */
  peakBreakdown: { pid: number; name: string; pssKB: number }[];
  /** Seconds from the start to that sample. */
  peakAtSeconds: number;
  /** The highest VmHWM of any one process, in kB. */
  peakProcessRssKB: number;
  /** CPU seconds of every process seen, at its last sample (a process that lived under one interval is missed). */
  cpuSeconds: number;
  processes: ProcessFigures[];
  samples: number;
  /** The tree's memory (Pss) over time: [seconds since start, MB]. */
  timeline: [number, number][];
}

/** The fields of /proc/<pid>/stat after the command name: state is [0], utime [11], stime [12] (clock ticks). */
export function parseStat(text: string): { state: string; utimeTicks: number; stimeTicks: number } {
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: rest[0] ?? '?', utimeTicks: Number(rest[11]), stimeTicks: Number(rest[12]) };
}

/** A "Key:   1234 kB" field of /proc/<pid>/status, in kB (0 where absent). */
export function statusKB(text: string, key: string): number {
  const match = new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

/** Clock ticks per second: 100 on every Linux Node runs on. */
const TICKS = 100;

const read = (file: string): string | undefined => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** The process and all its descendants, from /proc/<pid>/task/<tid>/children. */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    out.push(p);
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      const children = read(`/proc/${p}/task/${t}/children`);
      if (children) queue.push(...children.trim().split(/\s+/).filter(Boolean).map(Number));
    }
  }
  return out;
}

/** One process as /proc shows it now; undefined once it has exited (or is a zombie, waiting to be reaped). */
export function processNow(pid: number): { name?: string; rssKB: number; peakRssKB: number; pssKB: number; cpuSeconds: number } | undefined {
  const status = read(`/proc/${pid}/status`);
  const stat = read(`/proc/${pid}/stat`);
  if (!status || !stat) return undefined;
  const { state, utimeTicks, stimeTicks } = parseStat(stat);
  if (state === 'Z') return undefined;
  const rssKB = statusKB(status, 'VmRSS');
  const rollup = read(`/proc/${pid}/smaps_rollup`);
  return {
    name: read(`/proc/${pid}/comm`)?.trim(),
    rssKB,
    peakRssKB: Math.max(statusKB(status, 'VmHWM'), rssKB),
    pssKB: rollup ? statusKB(rollup, 'Pss') : rssKB,
    cpuSeconds: (utimeTicks + stimeTicks) / TICKS,
  };
}

/** Samples the tree below `pid` every `intervalMs` until stop() is called. */
export function watchTree(pid: number, intervalMs = 100): { stop(): TreeFigures } {
  const started = performance.now();
  const seen = new Map<number, ProcessFigures>();
  const figures: TreeFigures = { peakTreePssKB: 0, peakTreeRssKB: 0, peakBreakdown: [], peakAtSeconds: 0, peakProcessRssKB: 0, cpuSeconds: 0, processes: [], samples: 0, timeline: [] };
  const supported = fs.existsSync('/proc/self/status');
  const sample = () => {
    if (!supported) return;
    let tree = 0;
    let treePss = 0;
    const breakdown: TreeFigures['peakBreakdown'] = [];
    for (const p of descendants(pid)) {
      const now = processNow(p);
      if (!now) continue;
      tree += now.rssKB;
      treePss += now.pssKB;
      const figure = seen.get(p) ?? { pid: p, name: '?', peakRssKB: 0, cpuSeconds: 0 };
      // Read each time: a process forked to run another program has its parent's name until it does.
      figure.name = now.name ?? figure.name;
      figure.peakRssKB = Math.max(figure.peakRssKB, now.peakRssKB);
      figure.cpuSeconds = now.cpuSeconds;
      seen.set(p, figure);
      breakdown.push({ pid: p, name: figure.name, pssKB: now.pssKB });
    }
    figures.samples += 1;
    figures.peakTreeRssKB = Math.max(figures.peakTreeRssKB, tree);
    const t = Math.round((performance.now() - started) / 100) / 10;
    if (treePss > figures.peakTreePssKB) {
      figures.peakTreePssKB = treePss;
      figures.peakBreakdown = breakdown.sort((a, b) => b.pssKB - a.pssKB);
      figures.peakAtSeconds = t;
    }
    const last = figures.timeline[figures.timeline.length - 1];
    // One point a second is enough to see the shape.
    if (!last || t - last[0] >= 1) figures.timeline.push([t, Math.round(treePss / 1024)]);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      figures.processes = [...seen.values()].sort((a, b) => b.cpuSeconds - a.cpuSeconds);
      figures.peakProcessRssKB = Math.max(0, ...figures.processes.map((p) => p.peakRssKB));
      figures.cpuSeconds = figures.processes.reduce((n, p) => n + p.cpuSeconds, 0);
      return figures;
    },
  };
}

export interface WatchedRun {
  /** The exit status (null when a signal ended it). */
  status: number | null;
  /** When it was spawned, in milliseconds since the epoch (performance.timeOrigin's clock). */
  spawnedAt: number;
  /** Wall time from spawn to exit. */
  seconds: number;
  /** Every process of its tree, sampled while it ran. */
  tree: TreeFigures;
}

/**
 * Runs a command with its output in `logFile`, watching its whole process tree, so our build and the
 * peer's are measured the same way. Resolves on exit whatever the status; rejects if it cannot start.
 */
export function runWatched(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; logFile: string }): Promise<WatchedRun> {
  const log = fs.openSync(options.logFile, 'w');
  const spawnedAt = performance.timeOrigin + performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', log, log],
  });
  const watcher = watchTree(child.pid!);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      watcher.stop();
      fs.closeSync(log);
      reject(error);
    });
    child.on('close', (status) => {
      const seconds = (performance.timeOrigin + performance.now() - spawnedAt) / 1000;
      const tree = watcher.stop();
      fs.closeSync(log);
      resolve({ status, spawnedAt, seconds, tree });
    });
  });
}
