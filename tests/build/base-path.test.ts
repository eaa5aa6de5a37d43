/**
 * The site works under a sub-path, as on GitHub Pages (https://<owner>.github.io/action-plans/):
 * built with BASE_PATH=/action-plans/, every internal reference of every page and style sheet
 * (href, src, srcset, form actions, the search page's data-pagefind, CSS url()) starts with the base
 * and leads to a file of the built site, and every #fragment it names exists on its page. So do the
 * search index's result links. It is checked with GOV.UK branding off (the default, and how the
 * GitHub Pages site is built) and on, because the two write different links (icons, fonts, images).
 *
 * The JSON Schemas of the content files are published with the site, at <base>schemas/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_KINDS, jsonSchemaText, schemaFileName } from '../../src/content/json-schema.ts';
import { buildSite, ROOT } from '../support/build-site.ts';

const BASE = '/action-plans/';
const CONTENT_DIR = path.join(ROOT, 'content');

let workDir: string | undefined;
afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

function build(name: string, env: Record<string, string>): string {
  workDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'action-plans-base-path-'));
  const outDir = path.join(workDir, name);
  const result = buildSite({ contentDir: CONTENT_DIR, outDir, env: { BASE_PATH: BASE, FEEDBACK_URL: '', SITE_URL: '', ...env } });
  if (result.status !== 0) throw new Error(`Building the "${name}" site under ${BASE} failed (exit ${result.status}):\n${result.output}`);
  return outDir;
}

/** Every file below `dir`, relative to it, with forward slashes. */
function filesIn(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/gi, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

interface Reference {
  /** The file it is written in, relative to the site's root. */
  from: string;
  /** How it is written: an attribute name or "url()". */
  how: string;
  value: string;
}

/** Every reference an HTML page makes: link and asset attributes, and url() in inline styles. */
function htmlReferences(from: string, html: string): Reference[] {
  const refs: Reference[] = [];
  for (const m of html.matchAll(/\s(href|src|srcset|action|formaction|poster|data-pagefind)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const how = m[1]!.toLowerCase();
    const value = decode(m[2] ?? m[3] ?? '');
    if (how === 'srcset') {
      for (const candidate of value.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) refs.push({ from, how, value: url });
      }
    } else refs.push({ from, how, value });
  }
  for (const m of html.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g)) refs.push({ from, how: 'url()', value: decode(m[2]!) });
  return refs;
}

function cssReferences(from: string, css: string): Reference[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g)].map((m) => ({ from, how: 'url()', value: m[2]! }));
}

const isExternal = (value: string) => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(value);

/** The ids (and a names) a page's fragments can point at. */
function anchorsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)\s*=\s*"([^"]*)"/g)].map((m) => decode(m[1]!)));
}

interface Site {
  dir: string;
  files: Set<string>;
  pages: string[];
  anchors(file: string): Set<string>;
}

function siteAt(dir: string): Site {
  const files = filesIn(dir);
  const cache = new Map<string, Set<string>>();
  return {
    dir,
    files: new Set(files),
    pages: files.filter((f) => f.endsWith('.html')),
    anchors(file) {
      let anchors = cache.get(file);
      if (!anchors) cache.set(file, (anchors = anchorsOf(fs.readFileSync(path.join(dir, file), 'utf8'))));
      return anchors;
    },
  };
}

/**
 * What is wrong with an internal reference, or null when it is right: it must start with the base,
 * lead to a file of the site (a folder means its index.html, and is written with a final "/"), and
 * its #fragment must exist on that page.
 */
function problemWith(site: Site, ref: Reference): string | null {
  const { value } = ref;
  if (value === '' || value === '#') return null; // a placeholder filled in by script (search results)
  if (isExternal(value)) return /^javascript:/i.test(value) ? 'runs script from a link' : null;
  const [beforeHash, fragment] = value.split('#', 2) as [string, string | undefined];
  const pathPart = beforeHash.split('?')[0]!;

  let file: string;
  if (pathPart === '') {
    file = ref.from; // "#concern-3" or "?q=x": the page itself
  } else {
    if (!pathPart.startsWith(BASE)) return `does not start with the base path ${BASE}`;
    const inSite = decodeURIComponent(pathPart.slice(BASE.length));
    if (inSite === '' || inSite.endsWith('/')) file = `${inSite}index.html`;
    else if (site.files.has(inSite)) file = inSite;
    else if (site.files.has(`${inSite}/index.html`)) return 'leads to a folder: end it with "/"';
    else return 'leads to no file of the built site';
    if (!site.files.has(file)) return `leads to no file of the built site (no ${file})`;
  }
  if (fragment && file.endsWith('.html') && !site.anchors(file).has(decodeURIComponent(fragment))) {
    return `names #${fragment}, which is not an id on ${file}`;
  }
  return null;
}

const describeRef = (ref: Reference, problem: string) => `${ref.from}: ${ref.how} "${ref.value}" ${problem}`;

/** Pagefind's result records: each fragment file is gzip of "pagefind_dcd" and JSON with the url. */
function searchResultUrls(dir: string): string[] {
  const folder = path.join(dir, 'pagefind/fragment');
  return fs.readdirSync(folder).map((file) => {
    const text = zlib.gunzipSync(fs.readFileSync(path.join(folder, file))).toString('utf8');
    return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
  });
}

describe.each([
  ['without GOV.UK branding (as on GitHub Pages)', 'unbranded', { GOVUK_BRANDING: '' }],
  ['with GOV.UK branding', 'branded', { GOVUK_BRANDING: 'true' }],
] as const)(`the site built under ${BASE}, %s`, (_label, name, env) => {
  let site: Site;
  beforeAll(() => {
    site = siteAt(build(name, env));
  });

  it('has its pages', () => {
    expect(site.pages).toContain('index.html');
    expect(site.pages).toContain('search/index.html');
    expect(site.pages).toContain('plans/chelmsford-2024/index.html');
    expect(site.pages.length).toBeGreaterThan(20);
  });

  it('every internal reference of every page starts with the base and leads to a file, with its #fragment', () => {
    const refs = site.pages.flatMap((page) => htmlReferences(page, fs.readFileSync(path.join(site.dir, page), 'utf8')));
    // Enough references were found for the check to mean something, of every kind.
    expect(refs.length).toBeGreaterThan(500);
    for (const how of ['href', 'src', 'action', 'data-pagefind']) expect(refs.some((r) => r.how === how), how).toBe(true);
    const internal = refs.filter((r) => !isExternal(r.value));
    expect(internal.filter((r) => r.value.includes('#') && !r.value.startsWith('#')).length, 'links into other pages').toBeGreaterThan(0);
    const problems = refs.flatMap((ref) => {
      const problem = problemWith(site, ref);
      return problem ? [describeRef(ref, problem)] : [];
    });
    expect(problems).toEqual([]);
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
    const refs = sheets.flatMap((sheet) => cssReferences(sheet, fs.readFileSync(path.join(site.dir, sheet), 'utf8'))).filter((r) => !r.value.startsWith('data:'));
    expect(refs.length).toBeGreaterThan(0);
    const problems = refs.flatMap((ref) => {
      if (!ref.value.startsWith(BASE)) return [describeRef(ref, `does not start with the base path ${BASE}`)];
      const problem = problemWith(site, ref);
      // Without branding, GOV.UK's brand images are not published. The style sheet still names the
      // footer's crest, under the right base, in a rule the site hides, so browsers never fetch it.
      if (problem && name === 'unbranded' && ref.value === `${BASE}assets/images/govuk-crest.svg`) return [];
      return problem ? [describeRef(ref, problem)] : [];
    });
    expect(problems).toEqual([]);
  });

  it('every search result links under the base, to a page and a #fragment that exist', () => {
    const urls = searchResultUrls(site.dir);
    expect(urls.length).toBeGreaterThan(10);
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
    // The unbranded build above, reused.
    workDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'action-plans-base-path-'));
    dir = path.join(workDir, 'unbranded');
    if (!fs.existsSync(dir)) dir = build('unbranded', { GOVUK_BRANDING: '' });
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
  beforeAll(() => {
    workDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'action-plans-base-path-'));
    const dir = path.join(workDir, 'checker');
    fs.mkdirSync(path.join(dir, 'plans/x'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<a href="#top" id="top">Top</a>');
    fs.writeFileSync(path.join(dir, 'plans/x/index.html'), '<section id="concern-1"></section>');
    fs.writeFileSync(path.join(dir, 'style.css'), '');
    site = siteAt(dir);
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
    expect(refs.map((r) => `${r.how} ${r.value}`)).toEqual(['src /a.png', 'srcset /b.png', 'srcset /c.png', 'action /s/', 'data-pagefind /p.js', 'href /e/?a=1&b=2', 'url() /d.png']);
  });
});
