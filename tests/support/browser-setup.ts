/**
 * Global setup of the browser suite: checks Chromium is there, builds the real site and two fixture
 * sites (hostile text, and progress) once with `npm run build`, and serves them on localhost for
 * every browser test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertChromium } from './browser.ts';
import { buildSite, ROOT } from './build-site.ts';
import { serve } from './serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real content's site: its address and built folder. */
    siteUrl: string;
    siteDir: string;
    /** A site built from tests/fixtures/hostile-content, whose text tries to inject HTML and script. */
    hostileUrl: string;
    hostileDir: string;
    /** A site built from tests/fixtures/progress-content: updates, revisions, reviews and repeats. */
    progressUrl: string;
    progressDir: string;
  }
}

export default async function setup(project: TestProject) {
  assertChromium();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'action-plans-browser-'));
  const builds = {
    site: { contentDir: path.join(ROOT, 'content'), outDir: path.join(work, 'site') },
    hostile: { contentDir: path.join(ROOT, 'tests/fixtures/hostile-content'), outDir: path.join(work, 'hostile') },
    progress: { contentDir: path.join(ROOT, 'tests/fixtures/progress-content'), outDir: path.join(work, 'progress') },
  };
  for (const [name, build] of Object.entries(builds)) {
    const result = buildSite(build);
    if (result.status !== 0) throw new Error(`Building the ${name} site failed:\n${result.output}`);
  }
  const site = await serve(builds.site.outDir);
  const hostile = await serve(builds.hostile.outDir);
  const progress = await serve(builds.progress.outDir);
  project.provide('siteUrl', site.url);
  project.provide('siteDir', builds.site.outDir);
  project.provide('hostileUrl', hostile.url);
  project.provide('hostileDir', builds.hostile.outDir);
  project.provide('progressUrl', progress.url);
  project.provide('progressDir', builds.progress.outDir);

  return async () => {
    await Promise.all([site.close(), hostile.close(), progress.close()]);
    fs.rmSync(work, { recursive: true, force: true });
  };
}
