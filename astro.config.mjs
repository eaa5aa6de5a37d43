// @ts-check
import { defineConfig } from 'astro/config';
import { NodePackageImporter } from 'sass';
import actionPlans from './src/integration.ts';
import { settings } from './src/settings.ts';

export default defineConfig({
  site: settings.siteUrl,
  base: settings.base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Pages are plain HTML: no client router, no prefetching scripts, no dev toolbar in output.
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [actionPlans()],
  vite: {
    // Astro inlines a page script smaller than this into the HTML; the Content Security Policy
    // (src/lib/csp.ts) allows no inline script but its own, so every script stays a file.
    build: { assetsInlineLimit: 0 },
    css: {
      preprocessorOptions: {
        scss: {
          // `pkg:govuk-frontend` resolves through the package's own exports.
          importers: [new NodePackageImporter()],
          // Only a site on GOV.UK may use the GDS Transport typeface.
          additionalData: [
            `$app-govuk-branding: ${settings.govukBranding};`,
            `$app-font: ${settings.govukBranding ? '"GDS Transport", arial, sans-serif' : 'arial, sans-serif'};`,
            `$app-base: "${settings.base.replace(/\/?$/, '/')}";`,
            '',
          ].join('\n'),
        },
      },
    },
  },
});
