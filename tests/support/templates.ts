/**
 * One page of each template: where every page a template makes is the same markup around different
 * words (25 theme pages, say), a browser check of one of them checks them all, as GOV.UK's design
 * system audits one page per template (alphagov/govuk-design-system, accessibility-audit.test.js).
 */
import fs from 'node:fs';
import { isInside, parseTags, type Tag } from './html.ts';
import { pageFile, sitePages } from './serve.ts';

/** The template a path is made by: the pages of one kind ("/themes/*\/") share one. */
const templateOf = (page: string) => page.replace(/^\/(plans|establishments|themes)\/[^/]+\/$/, '/$1/*/');

/**
 * The markup a page is: its template, and every class used inside <main>. Two pages of a template
 * whose markup differs (a theme with no concerns shows a message instead of a list) are two kinds.
 */
function kindOf(dir: string, page: string): string {
  const tags = parseTags(fs.readFileSync(pageFile(dir, page), 'utf8'));
  const inMain = (t: Tag) => t.name === 'main' || isInside(t, (a) => a.name === 'main');
  const classes = new Set(tags.filter(inMain).flatMap((t) => (t.attributes.get('class') ?? '').split(/\s+/).filter(Boolean)));
  return `${templateOf(page)} ${[...classes].sort().join(' ')}`;
}

/** The first page of each kind of markup a built site has, in path order. */
export function onePerTemplate(dir: string): string[] {
  const kinds = new Map<string, string>();
  for (const page of sitePages(dir)) {
    const kind = kindOf(dir, page);
    if (!kinds.has(kind)) kinds.set(kind, page);
  }
  return [...kinds.values()];
}
