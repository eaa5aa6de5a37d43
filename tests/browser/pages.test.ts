/**
 * One page of each template of the real site (tests/support/templates.ts), opened in Chromium with
 * its scripts running: it loads cleanly, has the page template's landmarks, and every link on it to
 * the site goes somewhere that exists, as the browser builds the page. (Every page's file is read for
 * the same landmarks and a title of its own in tests/build/pages.test.ts, and for links in
 * tests/build/links.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { builtSite, siteUrl as urlOf } from '../support/built-sites.ts';
import { onePerTemplate } from '../support/templates.ts';
import { address, memoize, visit, NOT_FOUND_PAGE, UNKNOWN_PATH } from './helpers.ts';

const siteUrl = urlOf('site');
const pages = onePerTemplate(builtSite('site').dir);


let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The status of each address on the site, requested once for the whole file. */
const statusOf = memoize(async (url) => {
  const response = await fetch(url, { redirect: 'manual' });
  await response.arrayBuffer();
  return response.status;
});

/** The ids of every element of a page, as the browser builds it, loaded once for the whole file. */
const idsOn = memoize(async (url) => {
  const { page, close } = await visit(browser, url);
  try {
    return new Set(await idsOf(page));
  } finally {
    await close();
  }
});

function idsOf(page: Page): Promise<string[]> {
  return page.locator('[id]').evaluateAll((elements) => elements.map((element) => element.id));
}

/** Every link on the page to this site that does not lead to a page, or to a part of one, that exists. */
async function brokenLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('a[href], link[href]').evaluateAll((elements) =>
    elements.map((element) => (element as HTMLAnchorElement | HTMLLinkElement).href),
  );
  const here = new URL(page.url());
  here.hash = '';
  const ownIds = new Set(await idsOf(page));
  const broken: string[] = [];

  for (const href of new Set(hrefs)) {
    const url = new URL(href);
    if (url.origin !== new URL(siteUrl).origin) continue;
    const fragment = decodeURIComponent(url.hash.slice(1));
    url.hash = '';
    const samePage = url.href === here.href;
    if (!samePage) {
      const status = await statusOf(url.href);
      if (status !== 200) {
        broken.push(`${href}: HTTP ${status}`);
        continue;
      }
    }
    if (fragment && !(samePage ? ownIds : await idsOn(url.href)).has(fragment)) {
      broken.push(`${href}: no element has the id "${fragment}"`);
    }
  }
  return broken;
}

describe('one page of each template', () => {
  it('includes the pages the site is built around', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/plans/chelmsford-2024/', NOT_FOUND_PAGE]));
  });

  it.each(pages)('%s', async (path) => {
    const notFound = path === NOT_FOUND_PAGE;
    const url = address(siteUrl, notFound ? UNKNOWN_PATH : path);
    const { page, response, problems, close } = await visit(browser, url, notFound ? { documentStatus: 404 } : {});
    try {
      const title = await page.title();

      expect.soft(response?.status(), 'HTTP status').toBe(notFound ? 404 : 200);
      if (notFound) expect.soft(await page.locator('h1').innerText()).toBe('Page not found');
      expect.soft(problems, 'console errors, page errors and failed requests').toEqual([]);
      expect.soft(await page.locator('h1').count(), 'number of h1 headings').toBe(1);
      expect.soft(title.trim(), 'title').not.toBe('');
      expect.soft(await page.locator('html').getAttribute('lang')).toBe('en');
      expect.soft(await page.locator('main#main-content').count(), 'main#main-content').toBe(1);
      expect.soft(await brokenLinks(page), 'links to the site that go nowhere').toEqual([]);
    } finally {
      await close();
    }
  });
});
