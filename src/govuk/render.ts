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

type Macro = (params: GovukParams) => unknown;
const macros = new Map<string, Macro>();

// The name is interpolated into a template path, so it is held to the shape
// of a component folder name: anything else could reach outside components/.
const COMPONENT_NAME = /^[a-z]+(?:-[a-z]+)*$/;

/** `summary-list` → `govukSummaryList`, following govuk-frontend's naming. */
export function macroName(component: string): string {
  return 'govuk' + component.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

function macroFor(component: string): Macro {
  const cached = macros.get(component);
  if (cached) return cached;
  if (!COMPONENT_NAME.test(component)) {
    throw new Error(`Invalid govuk-frontend component name: ${JSON.stringify(component)}`);
  }
  const name = macroName(component);
  // The component's own macro, taken out of its macro.njk once and then called directly: the
  // same code govuk-frontend's renderMacro() runs through `{% from ... import %}{{ macro(params) }}`,
  // without parsing and running that import on every call. The loader is synchronous, so the
  // callback has run when getExported returns; a missing component throws "template not found".
  // getExported is part of nunjucks' Template but missing from its type definitions.
  type Exporting = { getExported(callback: (error: Error | null, exported: Record<string, unknown>) => void): void };
  let exported: Record<string, unknown> | undefined;
  (env.getTemplate(`govuk/components/${component}/macro.njk`, true) as unknown as Exporting).getExported((error, result) => {
    if (error) throw error;
    exported = result;
  });
  const macro = exported?.[name];
  if (typeof macro !== 'function') throw new Error(`govuk-frontend's ${component} component has no ${name} macro.`);
  macros.set(component, macro as Macro);
  return macro as Macro;
}

/**
 * Rendered components by component and params. A macro's output depends only on its params, and a
 * site renders the same small components (a status tag, an action's owner and target) many times
 * over: building the whole estate, four calls in five repeat an earlier one. Bounded, so a
 * long dev server session cannot grow it without limit; large params (rendered once) are not kept.
 */
const rendered = new Map<string, string>();
const MAX_RENDERED = 20_000;
const MAX_KEY_LENGTH = 4_000;

/**
 * Render a govuk-frontend component macro, e.g. `govuk('summary-list', { rows })`.
 * `params` are exactly the macro's documented options. An unknown component
 * throws ("template not found") on first use.
 */
export function govuk(component: string, params: GovukParams = {}): string {
  const macro = macroFor(component);
  const key = `${component}\u0000${JSON.stringify(params)}`;
  const cached = rendered.get(key);
  if (cached !== undefined) return cached;
  const html = String(macro(params)).trim();
  if (key.length <= MAX_KEY_LENGTH) {
    if (rendered.size >= MAX_RENDERED) rendered.clear();
    rendered.set(key, html);
  }
  return html;
}
