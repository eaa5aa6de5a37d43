/**
 * Every page of every site the tests build, read from its file: the page template's landmarks, one
 * <h1>, the language, and a title of its own. (tests/browser/templates.test.ts opens one page of each
 * template in Chromium, where scripts run and links are followed.)
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtSite } from '../support/built-sites.ts';
import { hasClass, parseTags } from '../support/html.ts';
import { pageFile, sitePages } from '../support/serve.ts';
import { FILE_CHECKED_SITES } from '../support/sites.ts';

describe.each(FILE_CHECKED_SITES)('every page of the "%s" site', (name) => {
  const dir = builtSite(name).dir;
  const pages = sitePages(dir);
  const titles = new Map<string, string>();

  it('includes the home page, a plan page and the 404 page', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/404.html']));
    expect(pages.some((p) => /^\/plans\/[^/]+\/$/.test(p)), 'a plan page').toBe(true);
  });

  it.each(pages)('%s', (page) => {
    const tags = parseTags(fs.readFileSync(pageFile(dir, page), 'utf8'));
    const title = tags.find((t) => t.name === 'title')?.text.trim() ?? '';
    titles.set(page, title);
    expect.soft(title, 'title').not.toBe('');
    expect.soft(tags.find((t) => t.name === 'html')?.attributes.get('lang'), 'lang').toBe('en');
    expect.soft(tags.filter((t) => t.name === 'main' && t.attributes.get('id') === 'main-content').length, 'main#main-content').toBe(1);
    expect.soft(tags.filter((t) => t.name === 'main').length, 'main elements').toBe(1);
    const headings = tags.filter((t) => t.name === 'h1');
    expect.soft(headings.length, 'number of h1 headings').toBe(1);
    if (page === '/404.html') expect.soft(headings[0]?.text.trim()).toBe('Page not found');
    // The skip link, first in the body, leads to the main content.
    const firstInBody = tags.find((t) => t.parent?.name === 'body' && t.name !== 'script');
    expect.soft(firstInBody && hasClass(firstInBody, 'govuk-skip-link') ? firstInBody.attributes.get('href') : firstInBody?.name, 'the skip link').toBe('#main-content');
  });

  it('gives every page a title of its own', () => {
    expect(titles.size, 'every page was read').toBe(pages.length);
    const shared = [...titles].filter(([, title]) => [...titles.values()].filter((t) => t === title).length > 1);
    expect(shared.map(([page, title]) => `${page}: ${title}`)).toEqual([]);
  });
});
