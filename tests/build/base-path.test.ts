/**
 * The site works under a sub-path, as on GitHub Pages (https://<owner>.github.io/action-plans/):
 * built with BASE_PATH=/action-plans/, every internal reference of every page and style sheet
 * (href, src, srcset, form actions, the search page's data-pagefind, CSS url()) starts with the base
 * and leads to a file of the built site, and every #fragment it names exists on its page. So do the
 * search index's result links. It is checked with GOV.UK branding off (the default, and how the
 * GitHub Pages site is built) and on, because the two write different links (icons, fonts, images):
 * off on the fixture with progress, built as GitHub Pages builds (BASE_PATH and SITE_URL), and on with
 * the real content. (tests/build/links.test.ts checks the sites built at the root the same way.)
 *
 * The JSON Schemas of the content files are published with the site, at <base>schemas/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_KINDS, jsonSchemaText, schemaFileName } from '../../src/content/json-schema.ts';
import { ROOT } from '../support/build-site.ts';
import { builtSite } from '../support/built-sites.ts';
import {
  brokenReferences,
  cssReferences,
  htmlReferences,
  isExternal,
  problemWith,
  searchResultUrls,
  siteAt,
  unpublishedCrest,
  type Site,
} from '../support/link-check.ts';
import { BASE } from '../support/sites.ts';

// Both built by the global setup (tests/support/sites.ts) with BASE_PATH set.
describe.each([
  ['without GOV.UK branding (as on GitHub Pages)', 'downloads', 'plans/fairfield-2024/index.html'],
  ['with GOV.UK branding', 'branded', 'plans/chelmsford-2024/index.html'],
] as const)(`the site built under ${BASE}, %s`, (_label, name, planPage) => {
  let site: Site;
  beforeAll(() => {
    site = siteAt(builtSite(name).dir, BASE);
  });

  it('has its pages', () => {
    expect(site.pages).toContain('index.html');
    expect(site.pages).toContain('search/index.html');
    expect(site.pages).toContain(planPage);
    expect(site.pages.length).toBeGreaterThan(10);
  });

  it('every internal reference of every page starts with the base and leads to a file, with its #fragment', () => {
    const refs = site.pages.flatMap((page) => htmlReferences(page, fs.readFileSync(path.join(site.dir, page), 'utf8')));
    // Enough references were found for the check to mean something, of every kind.
    // Every page has at least its header's and footer's links, its style sheet, script and icon.
    expect(refs.length).toBeGreaterThan(site.pages.length * 10);
    for (const how of ['href', 'src', 'action', 'data-pagefind']) expect(refs.some((r) => r.how === how), how).toBe(true);
    const internal = refs.filter((r) => !isExternal(r.value));
    expect(internal.filter((r) => r.value.includes('#') && !r.value.startsWith('#')).length, 'links into other pages').toBeGreaterThan(0);
    expect(brokenReferences(site, refs)).toEqual([]);
  });

  it('the search page loads Pagefind from under the base', () => {
    const html = fs.readFileSync(path.join(site.dir, 'search/index.html'), 'utf8');
    const [ref] = htmlReferences('search/index.html', html).filter((r) => r.how === 'data-pagefind');
    expect(ref?.value).toBe(`${BASE}pagefind/pagefind.js`);
    expect(problemWith(site, ref!)).toBeNull();
  });

  it('every url() in every style sheet starts with the base and leads to a file', () => {
    const sheets = [...site.files].filter((f) => f.endsWith('.css'));
    expect(sheets.length).toBeGreaterThan(0);
    const refs = sheets.flatMap((sheet) => cssReferences(sheet, fs.readFileSync(path.join(site.dir, sheet), 'utf8')));
    expect(refs.length).toBeGreaterThan(0);
    // Without branding, GOV.UK's brand images are not published. The style sheet still names the
    // footer's crest, under the right base, in a rule the site hides, so browsers never fetch it.
    expect(brokenReferences(site, refs, unpublishedCrest(site))).toEqual([]);
  });

  it('every search result links under the base, to a page and a #fragment that exist', () => {
    const urls = searchResultUrls(site.dir);
    // Each plan and establishment is a result, and so is each concern.
    expect(urls.length).toBeGreaterThan(site.pages.filter((page) => /^(?:plans|establishments)\/[^/]+\/index\.html$/.test(page)).length);
    const problems = urls.flatMap((value) => {
      const problem = problemWith(site, { from: 'pagefind', how: 'url', value });
      return problem ? [`search result "${value}" ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('the home page links to itself as the base, not "/"', () => {
    const html = fs.readFileSync(path.join(site.dir, 'index.html'), 'utf8');
    expect(html).toContain(`href="${BASE}"`);
    expect(html).not.toMatch(/\shref="\/"/);
  });
});

describe('the JSON Schemas, published with the site', () => {
  let dir: string;
  beforeAll(() => {
    dir = builtSite('downloads').dir;
  });

  it.each(CONTENT_KINDS)(`%s: at ${BASE}schemas/, the same as the committed copy in schemas/`, (kind) => {
    const published = path.join(dir, 'schemas', schemaFileName(kind));
    expect(fs.existsSync(published)).toBe(true);
    expect(fs.readFileSync(published, 'utf8')).toBe(jsonSchemaText(kind));
    expect(fs.readFileSync(published, 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'schemas', schemaFileName(kind)), 'utf8'));
  });
});

describe('the link checker itself', () => {
  let site: Site;
  let dir: string;
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'action-plans-link-checker-'));
    fs.mkdirSync(path.join(dir, 'plans/x'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<a href="#top" id="top">Top</a>');
    fs.writeFileSync(path.join(dir, 'plans/x/index.html'), '<section id="concern-1"></section>');
    fs.writeFileSync(path.join(dir, 'style.css'), '');
    site = siteAt(dir, BASE);
  });

  const check = (value: string) => problemWith(site, { from: 'index.html', how: 'href', value });

  it('accepts references that start with the base and lead to a file and an id', () => {
    for (const value of [BASE, `${BASE}plans/x/`, `${BASE}plans/x/#concern-1`, `${BASE}style.css?v=1`, '#top', 'https://example.org/', '#']) {
      expect(check(value), value).toBeNull();
    }
  });

  it('finds what is wrong with the others', () => {
    expect(check('/plans/x/')).toMatch(/does not start with the base path/);
    expect(check('plans/x/')).toMatch(/does not start with the base path/);
    expect(check(`${BASE}plans/y/`)).toMatch(/leads to no file/);
    expect(check(`${BASE}plans/x`)).toMatch(/leads to a folder: end it with "\/"/);
    expect(check(`${BASE}plans/x/#concern-2`)).toMatch(/names #concern-2, which is not an id/);
    expect(check('#bottom')).toMatch(/names #bottom/);
    expect(check('javascript:alert(1)')).toMatch(/runs script/);
  });

  it('reads every kind of reference from HTML', () => {
    const refs = htmlReferences('p.html', `<img src="/a.png" srcset="/b.png 1x, /c.png 2x"><form action="/s/"></form><div data-pagefind="/p.js" style="background:url('/d.png')"></div><a href='/e/?a=1&amp;b=2'>`);
    expect(refs.map((r) => `${r.how} ${r.value}`)).toEqual(['src /a.png', 'srcset /b.png', 'srcset /c.png', 'action /s/', 'data-pagefind /p.js', 'url() /d.png', 'href /e/?a=1&b=2']);
  });
});
