/**
 * The site's Content Security Policy, written into every page by src/layouts/Page.astro as a
 * <meta http-equiv="Content-Security-Policy">: GitHub Pages lets a static site set no headers.
 *
 * Everything the site loads is its own: styles, scripts, the search index and Pagefind's
 * WebAssembly, fonts and icons. No page may load anything from another site, and the only inline
 * script allowed is the one below, by its hash, computed here from the same string the layout
 * writes, so the two cannot drift apart.
 *
 * Astro is configured to write no other inline script or style (astro.config.mjs: CSS always in
 * files, scripts never inlined), so the policy needs no 'unsafe-inline' at all.
 */
import { createHash } from 'node:crypto';

/**
 * The one inline script, run before the page is painted: GOV.UK Frontend's styles for components
 * that JavaScript enhances apply only when the body has these classes.
 */
export const JS_ENABLED_SCRIPT =
  "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

/** A CSP hash source for an inline script or style: 'sha256-<base64>' of its exact text. */
export function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** Each directive and its sources. */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  // Anything not named below is not loaded at all (plugins, frames, media, ...).
  'default-src': ["'none'"],
  // The site's own script files; the one inline script by its hash; and WebAssembly, which
  // Pagefind compiles in the page when it cannot use its worker (wasm-unsafe-eval allows
  // WebAssembly only, not eval).
  'script-src': ["'self'", cspHash(JS_ENABLED_SCRIPT), "'wasm-unsafe-eval'"],
  // Pagefind runs its search in a worker it loads from pagefind/pagefind-worker.js (no blob: URL).
  'worker-src': ["'self'"],
  // The search index and the WebAssembly file, fetched by Pagefind.
  'connect-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'manifest-src': ["'self'"],
  // The search form submits to the search page.
  'form-action': ["'self'"],
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
  // frame-ancestors (who may frame the site) would be wanted too, but browsers ignore it in a
  // <meta> policy: it only works as an HTTP header, which GitHub Pages cannot send.
};

/** The policy as one string, for the meta element's content attribute. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
