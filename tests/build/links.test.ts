/**
 * Every internal link and asset of the built sites resolves, read from the files themselves
 * (tests/support/link-check.ts): the real site, the hostile fixture site and the fixture with
 * progress at the root, and the fixture with progress and a full address under a sub-path. Every page's href, src, srcset, stylesheet, icon and
 * script, form action and data-pagefind, every url() of every style sheet, and every search
 * result leads to a file of the site, and every #fragment to an id on its page; nothing is loaded
 * from another site, and no link runs script. (tests/build/base-path.test.ts runs the same checks
 * on sites built under a sub-path.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtSite } from '../support/built-sites.ts';
import {
  brokenReferences,
  htmlReferences,
  isExternal,
  problemWith,
  searchResultUrls,
  siteAt,
  siteReferences,
  unpublishedCrest,
  type Reference,
} from '../support/link-check.ts';
import { baseOf, type SiteName } from '../support/sites.ts';

/** The sites under a sub-path built from the real content are checked in tests/build/base-path.test.ts. */
const SITES: SiteName[] = ['site', 'hostile', 'progress', 'downloads'];

describe.each(SITES)('the "%s" site: every internal reference resolves', (name) => {
  const dir = builtSite(name).dir;
  const site = siteAt(dir, baseOf(name));
  const refs = siteReferences(site);

  it('has references of every kind to check', () => {
    expect(site.pages.length).toBeGreaterThan(5);
    const kinds = (r: Reference) => `${r.element} ${r.how}`;
    for (const kind of ['a href', 'link rel=stylesheet href', 'link rel=icon href', 'script src', 'form action', 'div data-pagefind']) {
      expect(refs.some((r) => kinds(r) === kind), kind).toBe(true);
    }
    expect(refs.some((r) => r.from.endsWith('.css')), 'style sheets are read').toBe(true);
    expect(refs.filter((r) => !isExternal(r.value) && /^[^#]+#./.test(r.value)).length, 'links into other pages').toBeGreaterThan(0);
  });

  it('every page and style sheet: each reference leads to a file of the site, and to an id there', () => {
    // The unbranded site's style sheet names GOV.UK's crest in a rule it hides: the one exception.
    expect(brokenReferences(site, refs, unpublishedCrest(site))).toEqual([]);
  });

  it('every search result leads to a page and a #fragment that exist', () => {
    const urls = searchResultUrls(dir);
    expect(urls.length).toBeGreaterThan(2);
    const problems = urls.flatMap((value) => {
      const problem = problemWith(site, { from: 'pagefind', how: 'url', value });
      return problem ? [`search result "${value}" ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('the 404 page, served at any address, uses only root-relative or absolute references', () => {
    const html = fs.readFileSync(path.join(dir, '404.html'), 'utf8');
    const relative = htmlReferences('404.html', html).filter((r) => r.value !== '' && !/^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(r.value));
    expect(relative.map((r) => `${r.element} ${r.how} "${r.value}"`)).toEqual([]);
  });
});

describe('the link checker itself', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'action-plans-link-check-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'plans/x'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'plans/x/index.html'), '<section id="concern-1"></section>');
  fs.writeFileSync(path.join(dir, 'style.css'), 'a { background: url(/missing.png) } b { background: url("data:image/png;base64,AAAA") }');
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    [
      '<!doctype html><html><head>',
      '<meta name="description" content="<script src=/not-a-tag.js></script>">',
      '<link rel="stylesheet" href="/style.css"><link rel="icon" href="https://cdn.example/icon.svg">',
      '<script type="module" src="/app.js"></script><script>var s = "<img src=/not-a-tag.png>";</script>',
      '</head><body>',
      '<a href="/plans/x/#concern-1" id="top">ok</a> <a href="/plans/x/#concern-9">bad fragment</a>',
      '<a href="https://www.gov.uk/">a link away is fine</a> <a href="javascript:alert(1)">no</a>',
      '<img src="https://tracker.example/p.gif" srcset="/a.png 1x, /plans/x/ 2x" alt="">',
      '<!-- <a href="/in-a-comment/">not a link</a> -->',
      '</body></html>',
    ].join('\n'),
  );
  const site = siteAt(dir);

  it('reads references from tags only, not from attribute values, comments or scripts', () => {
    const refs = htmlReferences('index.html', fs.readFileSync(path.join(dir, 'index.html'), 'utf8'));
    expect(refs.map((r) => `${r.line} ${r.element} ${r.how} ${r.value}`)).toEqual([
      '3 link rel=stylesheet href /style.css',
      '3 link rel=icon href https://cdn.example/icon.svg',
      '4 script src /app.js',
      '6 a href /plans/x/#concern-1',
      '6 a href /plans/x/#concern-9',
      '7 a href https://www.gov.uk/',
      '7 a href javascript:alert(1)',
      '8 img src https://tracker.example/p.gif',
      '8 img srcset /a.png',
      '8 img srcset /plans/x/',
    ]);
  });

  it('finds every broken reference of a site, with file, line and what is wrong', () => {
    expect(brokenReferences(site, siteReferences(site))).toEqual([
      'index.html:3: link rel=icon href "https://cdn.example/icon.svg" loads from another site: the site loads only its own files',
      'index.html:4: script src "/app.js" leads to no file of the built site',
      'index.html:6: a href "/plans/x/#concern-9" names #concern-9, which is not an id on plans/x/index.html',
      'index.html:7: a href "javascript:alert(1)" runs script from a link',
      'index.html:8: img src "https://tracker.example/p.gif" loads from another site: the site loads only its own files',
      'index.html:8: img srcset "/a.png" leads to no file of the built site',
      'style.css: css url() "/missing.png" leads to no file of the built site',
    ]);
  });
});
