/**
 * The site compiles only the parts of GOV.UK Frontend's Sass that it uses (src/styles/app.scss), so
 * nothing a reader sees may lose its styles. The expectation comes from the built pages and the
 * scripts, and from govuk-frontend's own complete stylesheet (`dist/govuk/govuk-frontend.min.css`,
 * every component): every rule of that stylesheet that can apply to an element of the site, as
 * every class its selector requires is one the site uses, is in the site's CSS too. So a component
 * left out fails here, and so does one part of a component (its modifier, its state after a script
 * has run).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-site.ts';
import { builtSite } from '../support/built-sites.ts';
import { cssSelectors, requiredClasses } from '../support/css.ts';
import { parseTags } from '../support/html.ts';
import { pageFile, sitePages } from '../support/serve.ts';
import { FILE_CHECKED_SITES } from '../support/sites.ts';

const GOVUK = path.join(path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist/govuk');
const GOVUK_SELECTORS = cssSelectors(fs.readFileSync(path.join(GOVUK, 'govuk-frontend.min.css'), 'utf8'));
const isGovuk = (name: string) => name.startsWith('govuk-');
const govukTokens = (text: string) => text.match(/\bgovuk-[\w!-]+/g) ?? [];

/**
 * The GOV.UK classes the site's scripts put on elements at run time: those its own code names
 * (src/client/*.ts), and those the govuk-frontend components it starts add themselves (the skip
 * link marks its target).
 */
function scriptClasses(): string[] {
  const dir = path.join(ROOT, 'src/client');
  const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const classes = sources.flatMap((source) => govukTokens(source.replace(/from\s+'govuk-frontend'/g, '')));
  for (const source of sources) {
    const imported = source.match(/import\s*\{([^}]*)\}\s*from\s*'govuk-frontend'/)?.[1] ?? '';
    // Components are the capitalised names (SkipLink, in components/skip-link/skip-link.mjs); createAll is not one.
    for (const name of imported.split(',').map((n) => n.trim()).filter((n) => /^[A-Z]/.test(n))) {
      const folder = name.replace(/(?<=[a-z])([A-Z])/g, '-$1').toLowerCase();
      const module = path.join(GOVUK, 'components', folder, `${folder}.mjs`);
      if (!fs.existsSync(module)) throw new Error(`No ${module} for the component ${name} that src/client imports.`);
      const code = fs.readFileSync(module, 'utf8');
      classes.push(...[...code.matchAll(/classList\.(?:add|toggle)\(\s*'([^']+)'/g)].map((m) => m[1]!));
    }
  }
  return classes.filter(isGovuk);
}

describe.each(FILE_CHECKED_SITES)('the "%s" site', (name) => {
  const dir = builtSite(name).dir;
  const stylesheets = fs.readdirSync(path.join(dir, '_astro')).filter((f) => f.endsWith('.css'));
  const ours = new Set(cssSelectors(stylesheets.map((f) => fs.readFileSync(path.join(dir, '_astro', f), 'utf8')).join('\n')));

  // Every class on any page, as written in its class attributes, and the GOV.UK classes its scripts add.
  const used = new Set(scriptClasses());
  for (const page of sitePages(dir)) {
    for (const tag of parseTags(fs.readFileSync(pageFile(dir, page), 'utf8'))) {
      for (const name of (tag.attributes.get('class') ?? '').split(/\s+/)) if (name) used.add(name);
      if (tag.name === 'script' && !tag.attributes.has('src')) for (const name of govukTokens(tag.text)) used.add(name);
    }
  }

  it('has GOV.UK components and a style sheet to check', () => {
    expect(stylesheets.length).toBeGreaterThan(0);
    for (const component of ['govuk-service-navigation', 'govuk-footer', 'govuk-summary-list', 'govuk-table', 'govuk-tag']) {
      expect([...used], component).toContain(component);
    }
  });

  it('styles every GOV.UK class its pages use that GOV.UK Frontend styles', () => {
    const styledByGovuk = new Set(GOVUK_SELECTORS.flatMap(requiredClasses));
    const styledHere = new Set([...ours].flatMap(requiredClasses));
    expect([...used].filter((c) => isGovuk(c) && styledByGovuk.has(c) && !styledHere.has(c)).sort()).toEqual([]);
  });

  it("has every rule of GOV.UK Frontend's own style sheet that can apply to its pages", () => {
    const applies = (selector: string) => {
      const required = requiredClasses(selector);
      return required.some(isGovuk) && required.every((c) => used.has(c));
    };
    const missing = [...new Set(GOVUK_SELECTORS.filter(applies))].filter((s) => !ours.has(s));
    expect(missing).toEqual([]);
  });
});
