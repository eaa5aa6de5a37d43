/**
 * The site's Astro integration: content is validated before Astro renders anything, so invalid
 * content stops `astro build` with every problem listed and no page written. A build then starts
 * the search index at once (Pagefind works alongside Astro's rendering) and moves it into the site
 * when the pages are written. The dev server starts whatever the content: it lists the problems in
 * the terminal and on every page (src/content/site.ts), and reloads the page when a file is saved.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir, loadContent } from './content/load.ts';
import type { Site } from './content/model.ts';
import { provideSite } from './content/site.ts';
import { ContentError, FIX_AND_RELOAD, formatProblem } from './content/problems.ts';
import { writeDownloads } from './data/write-downloads.ts';
import { indexInBackground, type BackgroundIndex } from './search/index-site.ts';
import { searchRecords } from './search/records.ts';
import { settings } from './settings.ts';

/** How long the dev server waits after the last change to a content file before reading it again. */
const SAVE_SETTLES_MS = 200;

/**
 * Where a build writes its own phase timings as JSON, for the benchmark (scripts/bench.ts): set
 * ACTION_PLANS_TIMINGS to a file path. Each mark is milliseconds since the build process started
 * (performance.now()), so the figures need no log parsing; `maxRssKB` is this process's peak
 * resident memory (Pagefind's binary is a separate process, measured by the benchmark).
 */
class Timings {
  readonly marks: Record<string, number> = {};
  /** This process's resident memory (MB) at each mark. */
  readonly rssMB: Record<string, number> = {};
  readonly counts: Record<string, number> = {};

  constructor(private readonly file = process.env.ACTION_PLANS_TIMINGS?.trim() || undefined) {}

  mark(name: string): void {
    this.marks[name] = Math.round(performance.now());
    this.rssMB[name] = Math.round(process.memoryUsage.rss() / 1e6);
  }

  write(): void {
    if (!this.file) return;
    const json = { timeOrigin: performance.timeOrigin, marks: this.marks, rssMB: this.rssMB, counts: this.counts, maxRssKB: process.resourceUsage().maxRSS };
    fs.writeFileSync(this.file, `${JSON.stringify(json, null, 2)}\n`);
  }
}

export default function actionPlans(): AstroIntegration {
  let site: Site;
  let searchIndex: BackgroundIndex | undefined;
  const timings = new Timings();
  return {
    name: 'action-plans',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        timings.mark('validateStart');
        const result = loadContent();
        timings.mark('validateEnd');
        if (!result.ok) {
          if (command !== 'dev') throw new ContentError(result.problems);
          for (const problem of result.problems) logger.error(formatProblem(problem));
          logger.error(`The content has ${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'}. ${FIX_AND_RELOAD}`);
          return;
        }
        site = result.site;
        if (command !== 'build') return;
        // A build renders this content once; the dev server reads it afresh so edits show on reload.
        provideSite(site);
        // The search index is made from the model, not the pages: Pagefind works while Astro renders.
        timings.mark('indexBegan');
        const scratch = path.join(fileURLToPath(config.root), 'node_modules/.cache/action-plans');
        searchIndex = indexInBackground(() => searchRecords(site), scratch, () => timings.mark('indexWritten'));
      },
      'astro:server:setup': ({ server, logger }) => {
        // Content lives outside src/, so Vite does not watch it: a save reloads the page, and the
        // terminal says at once whether the content is valid now.
        const dir = contentDir();
        server.watcher.add(dir);
        // A save can reach the watcher as two events, the file emptied and then written, and the
        // second may be folded into the first: so the content is read once the events have settled,
        // not at the first, which could find the file empty and report a problem that is not there.
        let pending: NodeJS.Timeout | undefined;
        const check = () => {
          const result = loadContent();
          if (result.ok) logger.info('The content is valid.');
          else for (const problem of result.problems) logger.error(formatProblem(problem));
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        };
        const changed = (file: string) => {
          if (!path.resolve(file).startsWith(`${dir}${path.sep}`)) return;
          clearTimeout(pending);
          pending = setTimeout(check, SAVE_SETTLES_MS);
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
      },
      'astro:build:start': () => timings.mark('buildStart'),
      'astro:build:ssr': () => timings.mark('serverBuilt'),
      'astro:build:generated': () => timings.mark('pagesRendered'),
      'astro:build:done': async ({ dir, logger, pages }) => {
        // Outside Astro's page pipeline: one pass over the plans, streamed (src/data/write-downloads.ts).
        timings.mark('downloadsStart');
        const downloads = writeDownloads(site, fileURLToPath(dir));
        timings.mark('downloadsEnd');
        timings.counts.downloads = downloads.length;
        timings.mark('indexStart');
        const count = await searchIndex!.moveInto(fileURLToPath(dir));
        timings.mark('indexEnd');
        timings.counts.pages = pages.length;
        timings.counts.records = count;
        const { indexBegan, indexWritten = 0, indexStart, indexEnd } = timings.marks;
        logger.info(
          `Indexed ${count} search records in ${indexWritten - indexBegan!} ms, alongside the pages (then waited ${indexEnd! - indexStart!} ms for it).`,
        );
        timings.write();

        // GOV.UK Frontend's fonts and images carry the GOV.UK brand: only a site on GOV.UK serves them.
        if (!settings.govukBranding) return;
        const require = createRequire(import.meta.url);
        const assets = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist/govuk/assets');
        fs.cpSync(assets, path.join(fileURLToPath(dir), 'assets'), { recursive: true });
      },
    },
  };
}
