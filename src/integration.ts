/**
 * The site's Astro integration: content is validated before Astro renders anything, so invalid
 * content stops `astro build` and `astro dev` with every problem listed and no page written.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadContent } from './content/load.ts';
import type { Site } from './content/model.ts';
import { provideSite } from './content/site.ts';
import { ContentError, formatProblem } from './content/problems.ts';
import { indexSite } from './search/index-site.ts';
import { searchRecords } from './search/records.ts';
import { settings } from './settings.ts';


export default function actionPlans(): AstroIntegration {
  let site: Site;
  return {
    name: 'action-plans',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const result = loadContent();
        if (!result.ok) {
          for (const problem of result.problems) logger.error(formatProblem(problem));
          throw new ContentError(result.problems.length);
        }
        site = result.site;
        // A build renders this content once; the dev server reads it afresh so edits show on reload.
        if (command === 'build') provideSite(site);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const count = await indexSite(fileURLToPath(dir), searchRecords(site));
        logger.info(`Indexed ${count} search records in ${Math.round(performance.now() - started)} ms.`);

        // GOV.UK Frontend's fonts and images carry the GOV.UK brand: only a site on GOV.UK serves them.
        if (!settings.govukBranding) return;
        const require = createRequire(import.meta.url);
        const assets = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist/govuk/assets');
        fs.cpSync(assets, path.join(fileURLToPath(dir), 'assets'), { recursive: true });
      },
    },
  };
}
