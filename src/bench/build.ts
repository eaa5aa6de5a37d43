/**
 * Runs `npm run build` for the benchmark: one content folder into one out dir, with the log kept in
 * a file, the whole process tree watched (memory, CPU) and the build's own phase timings read from
 * the file the integration writes when ACTION_PLANS_TIMINGS is set (src/integration.ts).
 */
import fs from 'node:fs';
import { PROJECT_ROOT } from './estate.ts';
import { runWatched, type TreeFigures } from './proc.ts';

/** What src/integration.ts writes: marks are milliseconds since the Astro process started. */
export interface BuildTimings {
  timeOrigin: number;
  marks: Partial<Record<'validateStart' | 'validateEnd' | 'buildStart' | 'serverBuilt' | 'pagesRendered' | 'indexStart' | 'indexEnd', number>> &
    Record<string, number>;
  rssMB?: Record<string, number>;
  counts: { pages?: number; records?: number };
  maxRssKB: number;
}

export interface BuildPhases {
  /** Start of `npm run build` to the integration's first hook: npm, tsx, Node, Astro and its config. */
  startup: number;
  /** Reading and validating the content (loadContent), inside the build. */
  validate: number;
  /** Vite's server and client builds, then rendering every page, to the last page written. */
  build: number;
  /** Of `build`: rendering the pages (from the server build's end to the last page). */
  render: number;
  /** Of `build`: writing the downloads, feed and sitemap after the pages (src/data/write-downloads.ts). */
  downloads: number;
  /** Waiting for the search index after the pages were written (Pagefind runs alongside the rendering). */
  index: number;
  /** Pagefind from start to its files written, alongside the rendering. */
  indexTotal: number;
  /** Moving the site into place, and the processes ending. */
  finish: number;
}

export interface BuildResult {
  content: string;
  outDir: string;
  log: string;
  /** Wall seconds of the whole `npm run build`. */
  seconds: number;
  phases: BuildPhases;
  timings: BuildTimings;
  tree: TreeFigures;
}

/** Seconds of each phase, from the build's marks and the wall time of the whole command. */
export function buildPhases(timings: BuildTimings, spawnedAt: number, wallSeconds: number): BuildPhases {
  const m = timings.marks;
  // The marks count from the Astro process's own start; place them on the benchmark's clock.
  const offset = (timings.timeOrigin - spawnedAt) / 1000;
  const at = (name: string, fallback: number) => (m[name] === undefined ? fallback : offset + m[name]! / 1000);
  const validateStart = at('validateStart', 0);
  const validateEnd = at('validateEnd', validateStart);
  const serverBuilt = at('serverBuilt', validateEnd);
  const pagesRendered = at('pagesRendered', serverBuilt);
  const indexStart = at('indexStart', pagesRendered);
  const indexEnd = at('indexEnd', indexStart);
  const indexBegan = at('indexBegan', indexStart);
  const indexWritten = at('indexWritten', indexEnd);
  const downloadsStart = at('downloadsStart', pagesRendered);
  const downloadsEnd = at('downloadsEnd', downloadsStart);
  const round = (n: number) => Math.max(0, Math.round(n * 100) / 100);
  return {
    startup: round(validateStart),
    validate: round(validateEnd - validateStart),
    build: round(indexStart - validateEnd),
    render: round(pagesRendered - serverBuilt),
    downloads: round(downloadsEnd - downloadsStart),
    index: round(indexEnd - indexStart),
    indexTotal: round(indexWritten - indexBegan),
    finish: round(wallSeconds - indexEnd),
  };
}

/** `npm run build -- --out-dir outDir` with ACTION_PLANS_CONTENT=content. Rejects with the log's tail on failure. */
export async function runBuild(content: string, outDir: string, logFile: string, env: NodeJS.ProcessEnv = {}): Promise<BuildResult> {
  const timingsFile = `${logFile}.timings.json`;
  fs.rmSync(timingsFile, { force: true });
  const run = await runWatched('npm', ['run', 'build', '--', '--out-dir', outDir], {
    cwd: PROJECT_ROOT,
    env: { ACTION_PLANS_CONTENT: content, ACTION_PLANS_TIMINGS: timingsFile, ...env },
    logFile,
  });
  if (run.status !== 0 || !fs.existsSync(timingsFile)) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(`The build of ${content} failed (exit ${run.status}); its log is ${logFile}:\n${tail}`);
  }
  const timings = JSON.parse(fs.readFileSync(timingsFile, 'utf8')) as BuildTimings;
  return { content, outDir, log: logFile, seconds: run.seconds, phases: buildPhases(timings, run.spawnedAt, run.seconds), timings, tree: run.tree };
}
