/**
 * Every page of the built sites validates with html-validate, configured by .htmlvalidate.json at
 * the project's root ("html-validate:recommended" and "html-validate:document"): the real site
 * (every page type: home, plan, establishment, theme, search, progress, data, about, 404, ...), the
 * same with GOV.UK branding, the hostile fixture site, whose text tries to break the markup, and the
 * fixtures with progress. A failure lists each error as
 * `file:line:column  rule  message  (element)`.
 *
 * .htmlvalidate.json is JSON, which has no comments, so the reason for every rule it turns off or
 * relaxes is written here (RELAXED), and a test fails when the two disagree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/build-site.ts';
import { builtSite } from '../support/built-sites.ts';
import { pageFile, sitePages } from '../support/serve.ts';
import { FILE_CHECKED_SITES } from '../support/sites.ts';

const CONFIG_FILE = path.join(ROOT, '.htmlvalidate.json');
const config = JSON.parse(fs.readFileSync(CONFIG_FILE, 'utf8')) as ConfigData;

/**
 * Why each rule that .htmlvalidate.json turns off or relaxes is turned off or relaxed. GOV.UK's
 * own configurations (alphagov/govuk-frontend and alphagov/govuk-design-system, .htmlvalidate.js)
 * make the same choices for the markup their macros write, which this site renders unchanged.
 */
const RELAXED: Record<string, string> = {
  'no-trailing-whitespace':
    'GOV.UK Frontend\'s own Nunjucks macros (src/govuk/render.ts renders them unchanged) write spaces at line ends; ' +
    'they change nothing a reader sees. GOV.UK turns the rule off in both its configurations.',
  'long-title':
    'Titles follow GOV.UK\'s pattern "<page title> – <service name>", and a plan\'s page title is its own title, ' +
    'word for word. The rule is advice about search engines cutting titles short at 70 characters, not about valid HTML.',
  'form-dup-name':
    'Only relaxed, as GOV.UK relaxes it: checkboxes (and radios) of one group share a name, one parameter per value ' +
    '(the search page\'s filters: ?theme=a&theme=b). Any other duplicate name is still an error.',
  'valid-id':
    'Only relaxed, as GOV.UK relaxes it, to what HTML allows: any id without spaces. The establishments A to Z makes ' +
    'an id from the first character of a name ("letter-<" for the hostile fixture\'s), which is valid HTML and is ' +
    'linked to correctly (tests/browser/links.test.ts); html-validate by default wants letters, digits, "-" and "_" only.',
  'require-sri':
    'Only relaxed to cross-origin resources: the site loads nothing from another origin (the Content Security Policy ' +
    'forbids it), and an integrity hash on its own files, served from the same place as the page, protects nothing. ' +
    'A script or style sheet from another origin without one is still an error.',
};

const severityOf = (rule: unknown) => (Array.isArray(rule) ? (rule[0] as unknown) : rule);

describe('.htmlvalidate.json', () => {
  it('extends html-validate\'s recommended and document presets', () => {
    expect(config.extends).toEqual(['html-validate:recommended', 'html-validate:document']);
  });

  it('turns off or relaxes only rules whose reason is written here, and every reason here is for one it does', () => {
    const relaxed = Object.entries(config.rules ?? {})
      .filter(([, rule]) => ['off', 0, 'warn', 1].includes(severityOf(rule) as string) || Array.isArray(rule))
      .map(([name]) => name)
      .sort();
    expect(relaxed).toEqual(Object.keys(RELAXED).sort());
  });

  it('finds errors in a broken page, so the tests below can fail', async () => {
    const validator = new HtmlValidate(config);
    const report = await validator.validateString(
      '<!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body><main><ul><div></div></ul><a href="#"></a>' +
        '<input type="text" name="q"><h3>Skipped levels</h3><span id="x"></span><span id="x"></span><label for="none">?</label></main></body></html>',
      'broken.html',
    );
    const rules = new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    for (const rule of ['element-permitted-content', 'wcag/h30', 'input-missing-label', 'heading-level', 'no-dup-id', 'no-missing-references']) {
      expect(rules, rule).toContain(rule);
    }
  });
});

describe.each(FILE_CHECKED_SITES)('every page of the "%s" site validates', (name) => {
  const validator = new HtmlValidate(config);
  const dir = builtSite(name).dir;
  const pages = sitePages(dir);

  it('has the page types to check', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/404.html', '/search/', '/establishments/', '/themes/']));
    expect(pages.some((p) => /^\/plans\/[^/]+\/$/.test(p)), 'a plan page').toBe(true);
    expect(pages.some((p) => /^\/themes\/[^/]+\/$/.test(p)), 'a theme page').toBe(true);
    expect(pages.some((p) => /^\/establishments\/[^/]+\/$/.test(p)), 'an establishment page').toBe(true);
  });

  it.each(pages)('%s', async (page) => {
    const file = pageFile(dir, page);
    const shown = path.relative(dir, file).split(path.sep).join('/');
    const report = await validator.validateString(fs.readFileSync(file, 'utf8'), shown);
    const errors = report.results.flatMap((result) =>
      result.messages.map((m) => `${shown}:${m.line}:${m.column}  ${m.ruleId}  ${m.message}${m.selector ? `  (${m.selector})` : ''}`),
    );
    expect(errors).toEqual([]);
  });
});
