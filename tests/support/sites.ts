/**
 * Global setup of the projects that read built sites (`build` and `browser`): builds every site they
 * need once per run, with `npm run build` as a user does, and serves on localhost the ones the
 * browser opens.
 *
 * Vitest runs a project's global setup once for each project, all in its main process, before any
 * test. So the builds are kept on `globalThis` for the run: the first project to need a site builds
 * it, the next one finds it built, and the last teardown removes them. A run of unit tests alone
 * builds nothing.
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
const NEEDS: Record<string, SiteName[]> = {
  build: ['site', 'again', 'branded', 'hostile', 'progress', 'downloads'],
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
    if (result.status !== 0) throw new Error(`Building the "${name}" site (${content}) failed (exit ${result.status}):\n${result.output}`);
    runCounts().builds++;
    runCounts().buildMs = performance.now() - run.firstBuildAt;
    return outDir;
  } finally {
    run.running--;
    run.waiting.shift()?.();
  }
}

/** The path a site is built for and served under. */
export const baseOf = (name: SiteName): string => (SITES[name].env as Record<string, string>).BASE_PATH ?? '/';

export default async function setup(project: TestProject) {
  const needs = NEEDS[project.name];
  if (!needs) throw new Error(`tests/support/sites.ts does not know which sites the "${project.name}" project reads: add it to NEEDS.`);
  if (project.name === 'browser') assertChromium();
  const run = state();
  run.users++;
  const teardown = async () => {
    if (--run.users > 0) return;
    await Promise.all([...run.servers.values()].map(async (server) => (await server).close()));
    fs.rmSync(run.work, { recursive: true, force: true });
    delete (globalThis as { [RUN]?: RunState })[RUN];
  };

  for (const name of needs) {
    if (run.builds.has(name)) continue;
    const built = build(name, run);
    // A failure is reported where the build is awaited, below or by the next project.
    built.catch(() => {});
    run.builds.set(name, built);
  }
  try {
    const sites: Partial<Record<SiteName, BuiltSite>> = {};
    for (const name of needs) {
      const dir = await run.builds.get(name)!;
      sites[name] = { dir };
      if (project.name === 'browser') {
        if (!run.servers.has(name)) run.servers.set(name, serve(dir, baseOf(name)));
        sites[name].url = (await run.servers.get(name)!).url;
      }
    }
    project.provide('sites', sites);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
