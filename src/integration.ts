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
import { formatProblem } from './content/problems.ts';
import { settings } from './settings.ts';

export class ContentError extends Error {
  constructor(count: number) {
    super(`The content has ${count} ${count === 1 ? 'problem' : 'problems'} (listed above). Nothing was built.`);
    this.name = 'ContentError';
    // The problems are the message; a stack trace would only bury them.
    this.stack = '';
  }
}

export default function actionPlans(): AstroIntegration {
  return {
    name: 'action-plans',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const result = loadContent();
        if (!result.ok) {
          for (const problem of result.problems) logger.error(formatProblem(problem));
          throw new ContentError(result.problems.length);
        }
      },
      'astro:build:done': ({ dir }) => {
        // GOV.UK Frontend's fonts and images carry the GOV.UK brand: only a site on GOV.UK serves them.
        if (!settings.govukBranding) return;
        const require = createRequire(import.meta.url);
        const assets = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist/govuk/assets');
        fs.cpSync(assets, path.join(fileURLToPath(dir), 'assets'), { recursive: true });
      },
    },
  };
}
