/**
 * The Atom feed and the sitemap as pure functions of the model, and the XML they are written in:
 * escaping, the strict reader the tests read them with, and what each holds for
 * tests/fixtures/downloads-content judged as at a set date.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import type { Site } from '../../src/content/model.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { atomFeed, feedEntries, uuidV5 } from '../../src/data/feed.ts';
import { planLastChanged, sitemapEntries, sitemapXml } from '../../src/data/sitemap.ts';
import { absoluteUrl } from '../../src/lib/urls.ts';
import { XML_DECLARATION, xmlAttribute, xmlElement, xmlText, xmlTextElement } from '../../src/lib/xml.ts';
import { DOWNLOADS_AS_AT as AS_AT, DOWNLOADS_CONTENT, DOWNLOADS_FEED, DOWNLOADS_LASTMOD, DOWNLOADS_PAGES } from '../support/downloads-fixture.ts';
import { childElements, onlyChild, parseXml, textOf, type XmlElement } from '../support/xml.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function fixtureSite(asAt = AS_AT): Site {
  const result = loadContent(path.resolve(DOWNLOADS_CONTENT), { asAt });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.site;
}

/** A document with `inner` as the text and an attribute of one element. */
const doc = (text: string, attribute = '') => `${XML_DECLARATION}\n<root a="${xmlAttribute(attribute)}">${xmlText(text)}</root>`;

describe('the strict XML reader the tests use (tests/support/xml.ts)', () => {
  it('reads elements, attributes, references, comments, CDATA and namespaces', () => {
    const root = parseXml(
      `<?xml version="1.0" encoding="utf-8"?>\n<!-- a comment -->\n<f:feed xmlns:f="urn:x" xmlns="urn:d" a='1 &amp; 2'><e b="&#x3C;&#60;">t &lt;x&gt; <![CDATA[<raw> & ]]></e><g/></f:feed>\n`,
    );
    expect(root).toMatchObject({ name: 'f:feed', local: 'feed', namespace: 'urn:x', attributes: { a: '1 & 2' } });
    const [e, g] = childElements(root);
    expect(e).toMatchObject({ local: 'e', namespace: 'urn:d', attributes: { b: '<<' } });
    expect(textOf(e!)).toBe('t <x> <raw> & ');
    expect(g).toMatchObject({ local: 'g', children: [] });
  });

  it.each([
    ['an unescaped ampersand', '<a>fish & chips</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['"<" in an attribute', '<a b="<"/>'],
    ['an unquoted attribute', '<a b=1/>'],
    ['an attribute twice', '<a b="1" b="2"/>'],
    ['a mismatched end tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['two root elements', '<a/><b/>'],
    ['text after the root', '<a/>text'],
    ['no root', '<?xml version="1.0"?>'],
    ['a declaration not at the start', ' <?xml version="1.0"?><a/>'],
    ['a declaration without a version', '<?xml encoding="utf-8"?><a/>'],
    ['"]]>" in text', '<a>]]></a>'],
    ['"--" in a comment', '<a><!-- a -- b --></a>'],
    ['a control character', '<a>\u0007</a>'],
    ['a reference to a control character', '<a>&#7;</a>'],
    ['a lone surrogate', '<a>\uD800</a>'],
    ['an undeclared prefix', '<x:a/>'],
    ['a name starting with a digit', '<1a/>'],
    ['a DOCTYPE', '<!DOCTYPE a><a/>'],
  ])('rejects %s', (_, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});

describe('xmlText and xmlAttribute', () => {
  it.each<[string, string, string]>([
    ['Safety & Equality', 'Safety &amp; Equality', 'Safety &amp; Equality'],
    ['3 < 5 > 4', '3 &lt; 5 &gt; 4', '3 &lt; 5 &gt; 4'],
    ['say "hi" it\'s', 'say "hi" it\'s', 'say &quot;hi&quot; it&apos;s'],
    ['&amp;', '&amp;amp;', '&amp;amp;'],
    ['tab\tline\nend', 'tab\tline\nend', 'tab&#9;line&#10;end'],
    ['carriage\rreturn', 'carriage&#13;return', 'carriage&#13;return'],
  ])('writes %j as %j in text and %j in an attribute', (value, text, attribute) => {
    expect(xmlText(value)).toBe(text);
    expect(xmlAttribute(value)).toBe(attribute);
  });

  it('replaces characters XML does not allow with U+FFFD, keeping others (astral ones included)', () => {
    expect(xmlText('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    expect(xmlText('prison 🏢 café – “quotes”')).toBe('prison 🏢 café – “quotes”');
  });

  it.each([
    'Head of Safety & Equalities',
    '<script>alert("x")</script>',
    ']]> and <![CDATA[',
    '  spaces  kept  ',
    'line one\nline two\r\nthree\rfour',
    'tab\there',
    '&amp; &#38; &lt;',
    'emoji 🏢 and accents é',
  ])('reads %j back exactly, as text and as an attribute', (value) => {
    const root = parseXml(doc(value, value));
    expect(textOf(root)).toBe(value);
    expect(root.attributes.a).toBe(value);
  });

  it('builds elements, leaving out undefined attributes', () => {
    expect(xmlElement('link', { rel: 'self', href: 'https://example.org/?a=1&b=2', title: undefined })).toBe(
      '<link rel="self" href="https://example.org/?a=1&amp;b=2"/>',
    );
    expect(xmlTextElement('title', 'A & B', { type: 'text' })).toBe('<title type="text">A &amp; B</title>');
  });
});

describe('uuidV5', () => {
  it('gives the UUIDs RFC 9562 and Python document', () => {
    // RFC 9562, appendix A.4: the DNS namespace and "www.example.com".
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    // Python's uuid documentation: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('gives names the feed\'s own namespace by default (as Python\'s uuid.uuid5 computes them)', () => {
    // python3 -c "import uuid; print(uuid.uuid5(uuid.UUID('410e17ce-0c6b-464e-8a68-303610f93306'), 'plan/x'))"
    expect(uuidV5('plan/x')).toBe('46efa4d1-213e-5d7f-a980-f8964751aabe');
    expect(uuidV5('feed')).toBe('d1fa1846-8e71-5b60-b64d-394109f0124a');
  });
});

describe('feedEntries (fixture, as at 2025-06-30)', () => {
  const site = fixtureSite();
  const entries = feedEntries(site);

  it('lists new plans and progress, newest first, one entry per plan per date', () => {
    expect(entries.map((e) => [e.date, e.title])).toEqual(DOWNLOADS_FEED.map(([date, title]) => [date, title]));
  });

  it('dates a new plan by its first change-log entry, else by the date it was submitted', () => {
    const plan = (id: string) => site.plans.find((p) => p.id === id)!;
    expect(plan('fairfield-2024').published).toBe('2024-06-01');
    expect(plan('rivermoor-2023').published).toBe('2023-09-01');
  });

  it('leaves out what is dated after the "as at" date (the updates, revision and change of August and September 2025)', () => {
    expect(entries.every((e) => e.date <= AS_AT)).toBe(true);
    const later = feedEntries(fixtureSite('2025-12-31'));
    expect(later[0]).toMatchObject({ date: '2025-09-01', title: 'HMP Fairfield, 2024 plan: 1 action updated' });
    expect(later[0]!.summary).toBe('Published 1 September 2025: 1 action updated. Added the September 2025 updates.');
    expect(later[1]).toMatchObject({ date: '2025-08-01', title: 'HMP Fairfield, 2024 plan: 1 target date revised' });
  });

  it('links each entry to its plan page, at the first thing it is about', () => {
    expect(entries.map((e) => e.path)).toEqual(DOWNLOADS_FEED.map(([, , path]) => path));
  });

  it('says what happened to each action, with the change-log note of the day', () => {
    const day = entries[1]!;
    expect(day.summary).toBe('Published 1 February 2025: 2 actions updated. Added progress updates from the February 2025 report & its "annex".');
    expect(day.lines).toEqual([
      { kind: 'update', path: '/plans/fairfield-2024/#concern-1-action-1', label: 'Concern 1, action 1', text: 'Completed.' },
      { kind: 'update', path: '/plans/fairfield-2024/#concern-1-action-2', label: 'Concern 1, action 2', text: 'In progress.' },
    ]);
    expect(entries[4]!.lines[0]!.text).toBe('Target date changed to “March 2025”. Reason given: Staff shortages, and "unexpected" delays.');
    expect(entries[2]!.lines[0]!.text).toBe('Not started. Recruitment has not begun.');
    expect(entries[0]!.lines[0]!.text).toBe('HM Inspectorate of Prisons’ Independent Review of Progress judged: Reasonable progress.');
  });

  it('gives every entry a unique urn:uuid id made from its plan and date, not from the site\'s address', () => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The version 5 UUIDs of "progress/fairfield-2024/2025-02-01" and "plan/fairfield-2024" in the
    // feed's namespace, as Python's uuid.uuid5 computes them.
    expect(entries[1]).toMatchObject({ key: 'progress/fairfield-2024/2025-02-01', id: 'urn:uuid:9b3113a1-dfb9-54b6-9f88-6cd0364d1091' });
    expect(entries[6]).toMatchObject({ key: 'plan/fairfield-2024', id: 'urn:uuid:09721707-e094-5f60-8b44-014c3280cad3' });
  });

  it('keeps the newest entries only, up to the limit', () => {
    expect(feedEntries(site, 3).map((e) => [e.date, e.title])).toEqual(DOWNLOADS_FEED.slice(0, 3).map(([date, title]) => [date, title]));
  });
});

/** Reads a feed strictly and checks what RFC 4287 requires of it; returns the root. */
function readFeed(xml: string): XmlElement {
  const feed = parseXml(xml);
  expect(feed).toMatchObject({ local: 'feed', namespace: ATOM });
  for (const element of [feed, ...childElements(feed, 'entry')]) {
    for (const required of ['id', 'title', 'updated']) onlyChild(element, required);
    expect(textOf(onlyChild(element, 'updated'))).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(textOf(onlyChild(element, 'id'))).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(childElements(element, 'link').filter((l) => (l.attributes.rel ?? 'alternate') === 'alternate')).toHaveLength(1);
  }
  expect(textOf(onlyChild(onlyChild(feed, 'author'), 'name'))).toMatch(/\S/);
  expect(childElements(feed, 'link').filter((l) => l.attributes.rel === 'self')).toHaveLength(1);
  return feed;
}

describe('atomFeed', () => {
  const site = fixtureSite();
  const absolute = (p: string) => absoluteUrl(p, 'https://example.org')!;
  const xml = atomFeed(site, { title: 'Prison inspection action plans', url: absolute });

  it('is well-formed Atom with the feed\'s id, title, updated, author, self and alternate links', () => {
    const feed = readFeed(xml);
    expect(textOf(onlyChild(feed, 'title'))).toBe('Prison inspection action plans');
    expect(textOf(onlyChild(feed, 'id'))).toBe('urn:uuid:d1fa1846-8e71-5b60-b64d-394109f0124a');
    const links = Object.fromEntries(childElements(feed, 'link').map((l) => [l.attributes.rel, l.attributes]));
    expect(links.self).toEqual({ rel: 'self', type: 'application/atom+xml', href: 'https://example.org/feed.xml' });
    expect(links.alternate).toEqual({ rel: 'alternate', type: 'text/html', href: 'https://example.org/' });
  });

  it('is updated at its newest entry\'s date, not at the time it was built', () => {
    const feed = readFeed(xml);
    expect(textOf(onlyChild(feed, 'updated'))).toBe('2025-03-10T00:00:00Z');
  });

  it('is updated at the "as at" date where it has no entries', () => {
    const feed = readFeed(atomFeed(site, { title: 'T', url: absolute, limit: 0 }));
    expect(childElements(feed, 'entry')).toEqual([]);
    expect(textOf(onlyChild(feed, 'updated'))).toBe('2025-06-30T00:00:00Z');
  });

  it('has every entry, newest first, with its title, date, link, summary and content read back exactly', () => {
    const read = childElements(readFeed(xml), 'entry');
    expect(read.map((entry) => [textOf(onlyChild(entry, 'updated')), textOf(onlyChild(entry, 'title')), onlyChild(entry, 'link').attributes])).toEqual(
      DOWNLOADS_FEED.map(([date, title, path]) => [`${date}T00:00:00Z`, title, { rel: 'alternate', type: 'text/html', href: `https://example.org${path}` }]),
    );
    for (const entry of read) {
      expect(onlyChild(entry, 'summary').attributes.type).toBe('text');
      expect(onlyChild(entry, 'content').attributes.type).toBe('html');
    }
    expect(textOf(onlyChild(read[6]!, 'id'))).toBe('urn:uuid:09721707-e094-5f60-8b44-014c3280cad3');
    // Text with "&" and quotes, read back as written in the plan's change log.
    expect(textOf(onlyChild(read[1]!, 'summary'))).toBe('Published 1 February 2025: 2 actions updated. Added progress updates from the February 2025 report & its "annex".');
  });

  it('escapes official text twice in HTML content: once as HTML, once as XML', () => {
    const feed = readFeed(xml);
    const first = childElements(feed, 'entry').find((e) => textOf(onlyChild(e, 'updated')).startsWith('2024-08-01'))!;
    const html = textOf(onlyChild(first, 'content'));
    expect(html).toContain('<a href="https://example.org/plans/fairfield-2024/#concern-1-action-1">Concern 1, action 1</a>');
    expect(html).toContain('The strategy was drafted &amp; shared &lt;in draft&gt;.');
    expect(xml).toContain('drafted &amp;amp; shared &amp;lt;in draft&amp;gt;');
    const rivermoor = childElements(feed, 'entry').find((e) => textOf(onlyChild(e, 'title')).startsWith('New action plan: HMP & YOI'));
    expect(rivermoor).toBeDefined();
  });

  it('uses paths from the site\'s root for links where the site\'s address is not known', () => {
    const feed = readFeed(atomFeed(site, { title: 'T', url: (p) => p }));
    const links = childElements(feed, 'link').map((l) => l.attributes.href);
    expect(links).toEqual(['/feed.xml', '/']);
    for (const entry of childElements(feed, 'entry')) expect(onlyChild(entry, 'link').attributes.href).toMatch(/^\/plans\/[a-z0-9-]+\/(#[a-z0-9-]+)?$/);
  });
});

describe('sitemap', () => {
  const site = fixtureSite();
  const entries = sitemapEntries(site);

  it('lists every page of the site but the 404 page, in the order it is browsed', () => {
    expect(entries.map((e) => e.path)).toEqual(DOWNLOADS_PAGES);
  });

  it('dates each page by the latest content it shows', () => {
    const lastmod = Object.fromEntries(entries.map((e) => [e.path, e.lastmod]));
    for (const [page, date] of Object.entries(DOWNLOADS_LASTMOD)) expect(lastmod[page], page).toBe(date);
    expect(planLastChanged(site.plans.find((p) => p.id === 'rivermoor-2023')!)).toBe('2025-02-01');
  });

  it('is well-formed XML in the sitemap namespace, with absolute addresses escaped', () => {
    const xml = sitemapXml([...entries, { path: '/search/?q=a&b' }], (p) => absoluteUrl(p, 'https://example.org')!);
    const urlset = parseXml(xml);
    expect(urlset).toMatchObject({ local: 'urlset', namespace: SITEMAP });
    const urls = childElements(urlset, 'url');
    expect(urls).toHaveLength(entries.length + 1);
    urls.forEach((url, i) => {
      const loc = textOf(onlyChild(url, 'loc'));
      expect(loc).toBe(i < entries.length ? `https://example.org${entries[i]!.path}` : 'https://example.org/search/?q=a&b');
      const lastmod = childElements(url, 'lastmod');
      expect(lastmod.map(textOf)).toEqual(entries[i]?.lastmod ? [entries[i]!.lastmod] : []);
    });
    expect(xml).toContain('<loc>https://example.org/search/?q=a&amp;b</loc>');
  });
});

describe('absoluteUrl', () => {
  it('joins the site\'s scheme and host to the path, and is undefined without an address', () => {
    expect(absoluteUrl('/plans/x/', 'https://example.org')).toBe('https://example.org/plans/x/');
    expect(absoluteUrl('/plans/x/#concern-1', 'https://example.org/')).toBe('https://example.org/plans/x/#concern-1');
    expect(absoluteUrl('/', undefined)).toBeUndefined();
  });
});
