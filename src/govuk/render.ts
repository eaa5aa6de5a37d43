import { createRequire } from 'node:module';
import path from 'node:path';
import nunjucks from 'nunjucks';

/**
 * Renders govuk-frontend's own Nunjucks macros, so every GOV.UK component on
 * the site is the markup the Design System publishes (and tests against in its
 * fixtures.json), not a hand-copied imitation that drifts on upgrade.
 *
 * Trust boundary: `text` params are escaped, but `html` params (and anything
 * else the macros pipe through `| safe`) are emitted verbatim. Only pass HTML
 * that this codebase produced, e.g. the output of another govuk() call or
 * renderMarkdown().
 */

export type GovukParams = Record<string, unknown>;

// Resolved through the package rather than a node_modules path so it keeps
// working under workspaces, hoisting or a different install layout.
const require = createRequire(import.meta.url);
const govukFrontendDist = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist');

// One environment for the whole build: the loader caches every parsed .njk
// file, so the shared macros (attributes, logo, i18n) are parsed only once.
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(govukFrontendDist), {
  // Without it, `text` params would be emitted as raw HTML.
  autoescape: true,
  // The same options govuk-frontend uses to generate fixtures.json, so our
  // output is byte-identical to it rather than merely equivalent; without
  // them the macros leave runs of blank lines inside tags and attributes.
  trimBlocks: true,
  lstripBlocks: true,
});

const templates = new Map<string, nunjucks.Template>();

// The name is interpolated into a template path, so it is held to the shape
// of a component folder name: anything else could reach outside components/.
const COMPONENT_NAME = /^[a-z]+(?:-[a-z]+)*$/;

/** `summary-list` → `govukSummaryList`, following govuk-frontend's naming. */
export function macroName(component: string): string {
  return 'govuk' + component.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

function templateFor(component: string): nunjucks.Template {
  const cached = templates.get(component);
  if (cached) return cached;
  if (!COMPONENT_NAME.test(component)) {
    throw new Error(`Invalid govuk-frontend component name: ${JSON.stringify(component)}`);
  }
  const macro = macroName(component);
  // Same wrapper govuk-frontend's own renderMacro() uses; the whitespace
  // control strips the newlines the import and call would otherwise add.
  const source =
    `{%- from "govuk/components/${component}/macro.njk" import ${macro} -%}` + `{{- ${macro}(params) -}}`;
  // Compiled once so each later call only runs the macro. The path is only a
  // label for nunjucks error messages.
  const template = new nunjucks.Template(source, env, `govuk/components/${component}/__render.njk`, true);
  templates.set(component, template);
  return template;
}

/**
 * Render a govuk-frontend component macro, e.g. `govuk('summary-list', { rows })`.
 * `params` are exactly the macro's documented options. An unknown component
 * throws ("template not found") on first use.
 */
export function govuk(component: string, params: GovukParams = {}): string {
  return templateFor(component).render({ params }).trim();
}
