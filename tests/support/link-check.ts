/**
 * Checks that every internal reference of a built site resolves, reading its files only (no
 * browser, no server): every page's href, src, srcset, form action, the search page's
 * data-pagefind, url() in inline styles and in every style sheet, and the result links of the
 * Pagefind index. A reference must start with the site's base path, lead to a file of the site (a
 * folder, written with a final "/", means its index.html), and any #fragment it names must be an
 * id on that page. Nothing the site loads (scripts, styles, icons, images, fonts) may come from
 * another site, and no link may run script.
 *
 * Pure helpers, used by tests/build/links.test.ts and tests/build/base-path.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseTags } from './html.ts';

// ---------------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------------

export interface Reference {
  /** The file it is written in, relative to the site's root. */
  from: string;
  /** The line it is on, where known. */
  line?: number;
  /** How it is written: an attribute name, or "url()" in CSS. */
  how: string;
  /** The element that holds it ("a", "link rel=stylesheet", "script"), or "css"; "a" when not given. */
  element?: string;
  value: string;
}

/** Attributes that hold one URL. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'xlink:href', 'data-pagefind'];
/** Attributes that hold a list of "URL [size]" candidates. */
const SRCSET_ATTRIBUTES = ['srcset', 'imagesrcset'];

const CSS_URL = /url\(\s*(['"]?)([^'")]*)\1\s*\)/g;

/** Every reference an HTML page makes: link and asset attributes, and url() in inline styles. */
export function htmlReferences(from: string, html: string): Reference[] {
  const refs: Reference[] = [];
  for (const tag of parseTags(html)) {
    const rel = tag.attributes.get('rel');
    const element = tag.name === 'link' && rel ? `link rel=${rel}` : tag.name;
    for (const [how, value] of tag.attributes) {
      if (URL_ATTRIBUTES.includes(how)) refs.push({ from, line: tag.line, how, element, value: value.trim() });
      else if (SRCSET_ATTRIBUTES.includes(how)) {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) refs.push({ from, line: tag.line, how, element, value: url });
        }
      } else if (how === 'style') {
        for (const m of value.matchAll(CSS_URL)) refs.push({ from, line: tag.line, how: 'url()', element, value: m[2]! });
      }
    }
    // A <style> element's text is CSS as written: HTML decodes no references in it.
    if (tag.name === 'style') {
      for (const m of tag.text.matchAll(CSS_URL)) refs.push({ from, line: tag.line, how: 'url()', element: 'style', value: m[2]! });
    }
  }
  return refs;
}

/** Every url() of a style sheet (data: URLs aside, which are no reference to a file). */
export function cssReferences(from: string, css: string): Reference[] {
  return [...css.matchAll(CSS_URL)]
    .map((m) => ({ from, how: 'url()', element: 'css', value: m[2]!.trim() }))
    .filter((ref) => !/^data:/i.test(ref.value));
}

/** Whether a reference names a scheme or host of its own ("https:", "mailto:", "//host"). */
export const isExternal = (value: string) => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(value);

/** Whether the page loads what the reference names (rather than linking to it or submitting to it). */
function isLoaded(ref: Reference): boolean {
  if (ref.how === 'url()' || ref.how === 'data-pagefind' || SRCSET_ATTRIBUTES.includes(ref.how)) return true;
  if (ref.how === 'src' || ref.how === 'poster' || ref.how === 'data') return true;
  // <a>, <area> and <link rel=alternate|canonical|...> only point somewhere; other <link>s load it.
  const element = ref.element ?? 'a';
  return ref.how === 'href' && element.startsWith('link ') && !/\b(?:alternate|canonical|author|help|license|next|prev|search)\b/.test(element);
}

// ---------------------------------------------------------------------------------------------------
// A built site
// ---------------------------------------------------------------------------------------------------

/** Every file below `dir`, relative to it, with forward slashes, sorted. */
export function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export interface Site {
  dir: string;
  /** The path it is served under: "/" or "/action-plans/". */
  base: string;
  files: Set<string>;
  /** Its HTML pages, relative to `dir`. */
  pages: string[];
  /** The ids (and <a name>s) a page's fragments can point at. */
  anchors(file: string): Set<string>;
}

export function siteAt(dir: string, base = '/'): Site {
  const files = filesIn(dir);
  const cache = new Map<string, Set<string>>();
  return {
    dir,
    base,
    files: new Set(files),
    pages: files.filter((f) => f.endsWith('.html')),
    anchors(file) {
      let anchors = cache.get(file);
      if (!anchors) {
        anchors = new Set();
        for (const tag of parseTags(fs.readFileSync(path.join(dir, file), 'utf8'))) {
          const id = tag.attributes.get('id');
          if (id) anchors.add(id);
          const name = tag.name === 'a' ? tag.attributes.get('name') : undefined;
          if (name) anchors.add(name);
        }
        cache.set(file, anchors);
      }
      return anchors;
    },
  };
}

/** Every reference of every page and every style sheet of the site. */
export function siteReferences(site: Site): Reference[] {
  return [...site.files].flatMap((file) => {
    if (file.endsWith('.html')) return htmlReferences(file, fs.readFileSync(path.join(site.dir, file), 'utf8'));
    if (file.endsWith('.css')) return cssReferences(file, fs.readFileSync(path.join(site.dir, file), 'utf8'));
    return [];
  });
}

/**
 * What is wrong with a reference, or null when it is right: an internal one must start with the
 * base, lead to a file of the site (a folder means its index.html, and is written with a final
 * "/"), and its #fragment must exist on that page; an external one may only be linked to, never
 * loaded, and never be javascript:.
 */
export function problemWith(site: Site, ref: Reference): string | null {
  const { value } = ref;
  if (value === '' || value === '#') return null; // a placeholder filled in by script (search results)
  if (isExternal(value)) {
    if (/^\s*javascript:/i.test(value)) return 'runs script from a link';
    if (isLoaded(ref) && !/^data:/i.test(value)) return 'loads from another site: the site loads only its own files';
    return null;
  }
  const [beforeHash, fragment] = value.split('#', 2) as [string, string | undefined];
  const pathPart = beforeHash.split('?')[0]!;

  let file: string;
  if (pathPart === '') {
    file = ref.from; // "#concern-3" or "?q=x": the page itself
  } else {
    if (!pathPart.startsWith(site.base)) return `does not start with the base path ${site.base}`;
    let inSite: string;
    try {
      inSite = decodeURIComponent(pathPart.slice(site.base.length));
    } catch {
      return 'is not a well-formed address (a stray "%")';
    }
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

export const describeRef = (ref: Reference, problem: string) =>
  `${ref.from}${ref.line ? `:${ref.line}` : ''}: ${ref.element ?? 'a'} ${ref.how} "${ref.value}" ${problem}`;

/** Every reference in `refs` with a problem, described for a test message ([] when all resolve). */
export function brokenReferences(site: Site, refs: Reference[], allow: (ref: Reference) => boolean = () => false): string[] {
  return refs.flatMap((ref) => {
    const problem = problemWith(site, ref);
    return problem && !allow(ref) ? [describeRef(ref, problem)] : [];
  });
}

/** Pagefind's result records: each fragment file is gzip of "pagefind_dcd" and JSON with the url. */
export function searchResultUrls(dir: string): string[] {
  const folder = path.join(dir, 'pagefind/fragment');
  return fs.readdirSync(folder).map((file) => {
    const text = zlib.gunzipSync(fs.readFileSync(path.join(folder, file))).toString('utf8');
    return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
  });
}

/**
 * The one reference the unbranded site makes to a file it does not publish: GOV.UK Frontend's style
 * sheet names the footer's crest in a rule the site hides without branding, so browsers never fetch it.
 */
export const unpublishedCrest = (site: Site) => (ref: Reference) =>
  ref.how === 'url()' && ref.value === `${site.base}assets/images/govuk-crest.svg` && !site.files.has('assets/images/govuk-crest.svg');
