/**
 * Global setup of the projects that read built sites (`build` and `browser`): builds every site they
 * need once per run, with `npm run build` as a user does, and serves on localhost the ones the
 * browser opens.
 *
 * Vitest runs every project's global setup before any test, and the unit tests need no site. So the
 * setup only starts the builds and returns: the unit project runs first (its `sequence.groupOrder`
 * in vitest.config.ts) while they build, and a test file that reads a site waits for its build to
 * end when it asks for it (`builtSite`, tests/support/built-sites.ts), which a marker file beside
 * the site's folder says. The builds are kept on `globalThis` for the run: the first project to need
 * a site builds it, the next one finds it, and the last teardown removes them. A run of unit tests
 * alone builds nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertChromium } from './browser.ts';
import { buildSite, ROOT } from './build-site.ts';
import { runCounts, serve, type Server } from './serve.ts';

/** The path the sub-path builds are served under, as on GitHub Pages. */
export const BASE = '/action-plans/';

/** Every site a test reads, by name: its content folder and the settings it is built with. */
export const SITES = {
  /** The real content, with no settings: what `npm run build` makes. */
  site: { content: 'content', env: {} },
  /** The same again, to show that two builds of the same content are byte-identical. */
  again: { content: 'content', env: {} },
  /** The real content under a sub-path, with GOV.UK branding: every link branding adds, and the brand itself. */
  branded: { content: 'content', env: { BASE_PATH: BASE, GOVUK_BRANDING: 'true' } },
  /** Text that tries to inject HTML and script. */
  hostile: { content: 'tests/fixtures/hostile-content', env: {} },
  /** A fictional estate with progress: updates, revisions, reviews and repeats. */
  progress: { content: 'tests/fixtures/progress-content', env: {} },
  /**
   * A fictional estate with progress, some after a set "as at" date, built as GitHub Pages builds:
   * unbranded, at a full address under a sub-path.
   */
  downloads: {
    content: 'tests/fixtures/downloads-content',
    env: { SITE_URL: 'https://example.org', BASE_PATH: BASE, ACTION_PLANS_AS_AT: '2025-06-30' },
  },
} satisfies Record<string, { content: string; env: Record<string, string> }>;

export type SiteName = keyof typeof SITES;

/** The sites whose every page html-validate, the link check and the policy check read: each kind of markup the site writes. */
export const FILE_CHECKED_SITES = ['site', 'branded', 'hostile', 'progress', 'downloads'] as const satisfies SiteName[];

/** What each project reads; the browser's sites are also served. */
// In the order they are built: the browser's sites first, as its tests take longest.
const NEEDS: Record<string, SiteName[]> = {
  build: ['site', 'hostile', 'progress', 'downloads', 'branded', 'again'],
  browser: ['site', 'hostile', 'progress'],
};

/** A built site: its folder, and its address where it is served. */
export interface BuiltSite {
  dir: string;
  url?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Partial<Record<SiteName, BuiltSite>>;
  }
}

interface RunState {
  work: string;
  builds: Map<SiteName, Promise<string>>;
  servers: Map<SiteName, Promise<Server>>;
  /** Projects whose teardown has not run yet. */
  users: number;
  /** Builds running now, and the ones waiting for a turn. */
  running: number;
  waiting: (() => void)[];
  /** When the first build started (performance.now()). */
  firstBuildAt?: number;
}

const RUN = Symbol.for('action-plans.test-sites');
const state = (): RunState =>
  ((globalThis as { [RUN]?: RunState })[RUN] ??= {
    work: fs.mkdtempSync(path.join(os.tmpdir(), 'action-plans-sites-')),
    builds: new Map(),
    servers: new Map(),
    users: 0,
    running: 0,
    waiting: [],
  });

/** Builds at once: two keep a 2-core machine busy (Astro renders on one core) without more waiting on each other. */
const CONCURRENT_BUILDS = 2;

async function build(name: SiteName, run: RunState): Promise<string> {
  if (run.running >= CONCURRENT_BUILDS) await new Promise<void>((resolve) => run.waiting.push(resolve));
  run.running++;
  run.firstBuildAt ??= performance.now();
  try {
    const outDir = path.join(run.work, name);
    const { content, env } = SITES[name];
    const result = await buildSite({ contentDir: path.join(ROOT, content), outDir, env });
    if (result.status !== 0) {
      const message = `Building the "${name}" site (${content}) failed (exit ${result.status}):\n${result.output}`;
      fs.writeFileSync(failedMarker(outDir), message);
      throw new Error(message);
    }
    runCounts().builds++;
    runCounts().buildMs = performance.now() - run.firstBuildAt;
    fs.writeFileSync(builtMarker(outDir), '');
    return outDir;
  } finally {
    run.running--;
    run.waiting.shift()?.();
  }
}

/** The file that says a site's build has ended well, beside its folder. */
export const builtMarker = (dir: string) => `${dir}.built`;
/** The file that says a site's build failed, with the build's output. */
export const failedMarker = (dir: string) => `${dir}.failed`;

/** The path a site is built for and served under. */
export const baseOf = (name: SiteName): string => (SITES[name].env as Record<string, string>).BASE_PATH ?? '/';

export default async function setup(project: TestProject) {
  const needs = NEEDS[project.name];
  if (!needs) throw new Error(`tests/support/sites.ts does not know which sites the "${project.name}" project reads: add it to NEEDS.`);
  if (project.name === 'browser') assertChromium();
  const run = state();
  run.users++;

  const sites: Partial<Record<SiteName, BuiltSite>> = {};
  for (const name of needs) {
    if (!run.builds.has(name)) {
      const built = build(name, run);
      // A failure is reported by the test that asks for the site (its marker file holds the output).
      built.catch(() => {});
      run.builds.set(name, built);
    }
    const dir = path.join(run.work, name);
    sites[name] = { dir };
    // The server answers from the folder as it is when asked: tests ask once the build has ended.
    if (project.name === 'browser') {
      if (!run.servers.has(name)) run.servers.set(name, serve(dir, baseOf(name)));
      sites[name].url = (await run.servers.get(name)!).url;
    }
  }
  project.provide('sites', sites);

  return async () => {
    if (--run.users > 0) return;
    await Promise.allSettled(run.builds.values());
    await Promise.all([...run.servers.values()].map(async (server) => (await server).close()));
    fs.rmSync(run.work, { recursive: true, force: true });
    delete (globalThis as { [RUN]?: RunState })[RUN];
  };
}
